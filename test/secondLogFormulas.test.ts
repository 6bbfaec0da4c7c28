import { HyperFormula, RawCellContent } from "hyperformula";
import { KpiError } from "../src/kpi/errors";
import { detectColumns, Role } from "../src/okr/columns";
import { FormulaContext, kpiFormula } from "../src/okr/formulas";
import { columnLetters, sheetPrefix } from "../src/okr/references";
import { KpiKind } from "../src/okr/templates";
import { registerKpiFunctions } from "../backends/kpiPlugin";
import { KpiColumn, kpiValue } from "./kpiLibrary";
import { EMPTY_QUARTER, SECOND_LOG_COLUMNS, SECOND_LOG_HEADERS, secondLog, secondLogColumn } from "./secondLog";

/**
 * SLA compliance, time on site, lead cost and call abandonment on the second log (test/secondLog.ts):
 * in HyperFormula, the portable formula and the =KPI.* formula each give what the KPI library gives
 * on the same rows, in every quarter, the one with no rows included (#DIV/0! in all three).
 */

const KINDS: readonly KpiKind[] = ["sla", "timeOnSite", "leadCost", "abandonment"];
const rows = secondLog();
const SHEET = "Work orders";

const QUARTERS = [
  { name: "2025-Q2", from: 45748, to: 45838 },
  { name: "2025-Q3", from: 45839, to: 45930 },
  { name: "2025-Q4", from: 45931, to: 46022 },
  { name: "2026-Q1 (no rows)", ...EMPTY_QUARTER },
  { name: "2026-Q2", from: 46113, to: 46203 },
  { name: "2026-Q3", from: 46204, to: 46295 },
];

/** The role each KPI-library column plays, as detection should find it. */
const ROLE_OF: Partial<Record<KpiColumn, Role>> = {
  "Job date": "date",
  Requested: "requested",
  Arrival: "arrival",
  Resolved: "resolved",
  "SLA hours": "slaHours",
  Spend: "spend",
  Abandoned: "abandoned",
};

const columns = detectColumns(SECOND_LOG_HEADERS, rows.slice(0, 50));

it("detection finds each column of the four KPIs under the second log's own headers", () => {
  for (const [column, role] of Object.entries(ROLE_OF) as [KpiColumn, Role][]) {
    expect({ role, header: SECOND_LOG_HEADERS[columns[role]!] }).toEqual({ role, header: SECOND_LOG_COLUMNS[column] });
  }
});

function quarterContext(q: number): FormulaContext {
  return {
    column: (role) => {
      const letters = columnLetters(columns[role]!);
      return `${sheetPrefix(SHEET)}$${letters}$2:$${letters}$${rows.length + 1}`;
    },
    from: `$A$${q + 1}`,
    to: `$B$${q + 1}`,
  };
}

describe("the four KPIs on the second log in a formula engine", () => {
  registerKpiFunctions();
  const hf = HyperFormula.buildFromSheets(
    { [SHEET]: [[...SECOND_LOG_HEADERS], ...rows] as RawCellContent[][], Periods: QUARTERS.map(({ from, to }) => [from, to]) },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
  );
  const periods = hf.getSheetId("Periods")!;
  afterAll(() => hf.destroy());

  const cases = KINDS.flatMap((kpi) => QUARTERS.map((quarter, q) => [kpi, quarter.name, q] as const));
  it.each(cases)("%s in %s: portable and KPI.* give the KPI library's value", (kpi, _, q) => {
    const [portable, kpiMode] = (["portable", "kpi"] as const).map((mode, i) => {
      const address = { sheet: periods, row: q, col: 2 + 2 * KINDS.indexOf(kpi) + i };
      hf.setCellContents(address, [[kpiFormula(kpi, mode, quarterContext(q))]]);
      return hf.getCellValue(address);
    });
    const want = kpiValue(kpi, (column) => secondLogColumn(rows, column), QUARTERS[q].from, QUARTERS[q].to);
    if (want instanceof KpiError) {
      expect({ code: want.code, empty: QUARTERS[q] === QUARTERS[3] }).toEqual({ code: "DIV0", empty: true });
      expect([portable, kpiMode]).toEqual([expect.objectContaining({ type: "DIV_BY_ZERO" }), expect.objectContaining({ type: "DIV_BY_ZERO" })]);
      return;
    }
    expect(typeof want).toBe("number");
    for (const value of [portable, kpiMode]) {
      expect(typeof value).toBe("number");
      expect(Math.abs((value as number) - (want as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want as number)));
    }
  });
});

describe("the second log has what the comparison needs", () => {
  const inQuarter = (q: number) => rows.filter((row) => typeof row[1] === "number" && row[1] >= QUARTERS[q].from && row[1] <= QUARTERS[q].to);
  const header = (name: (typeof SECOND_LOG_HEADERS)[number]) => SECOND_LOG_HEADERS.indexOf(name);

  it("has no rows in the empty quarter, and rows in every other", () => {
    expect(QUARTERS.map((_, q) => inQuarter(q).length > 0)).toEqual([true, true, true, false, true, true]);
  });

  it("has jobs resolved exactly on their SLA target and a minute past it", () => {
    const [start, end, target] = [header("Call received"), header("完工时间"), header("SLA (h)")];
    const taken = rows.filter((row) => [start, end, target].every((i) => typeof row[i] === "number"));
    const minutesOver = taken.map((row) => Math.round(((row[end] as number) - (row[start] as number)) * 1440 - (row[target] as number) * 60));
    expect(minutesOver).toContain(0);
    expect(minutesOver).toContain(1);
  });

  it("has blanks, text and every kind of yes/no where the four KPIs read", () => {
    const cells = (name: (typeof SECOND_LOG_HEADERS)[number]) => rows.map((row) => row[header(name)]);
    expect(cells("SLA (h)")).toEqual(expect.arrayContaining([null, "n/a", "—"]));
    expect(cells("推广费用")).toEqual(expect.arrayContaining([null, "n/a", 0]));
    expect(cells("Hung up")).toEqual(expect.arrayContaining([null, true, false, "yes", "Y", "是", 1, 0]));
    expect(cells("完工时间")).toContain(null);
    expect(cells("Date of service")).toContain(null);
  });
});

describe("the four KPIs worked out by hand, in both modes", () => {
  const DAY = 46023; // 2026-01-01
  const H = 1 / 24;
  // Job date, requested, arrival, resolved, SLA hours, spend, abandoned: columns A..G; the period (January 2026) in I1:J1.
  const log: RawCellContent[][] = [
    [DAY + 1, DAY + 1 + 8 * H, DAY + 1 + 9 * H, DAY + 1 + 12 * H, 4, 10, "yes"], // 4 h against 4: met; 3 h on site
    [DAY + 1, DAY + 1 + 8 * H, 0.375, DAY + 1 + 11 * H, 2, 0, "no"], // 3 h against 2: missed; arrived at 9:00 of no day
    [DAY + 2, DAY + 2 + 8 * H, DAY + 2 + 10 * H, null, 4, "n/a", null], // still open: neither met nor missed
    [DAY + 2, DAY + 2 + 8 * H, DAY + 2 + 9 * H, DAY + 2 + 10 * H, "n/a", 20, true], // no target; 1 h on site
    [DAY + 40, DAY + 39, DAY + 40, DAY + 40.5, 1, 1000, "yes"], // after the period
  ];
  const letters: Partial<Record<Role, string>> = { date: "A", requested: "B", arrival: "C", resolved: "D", slaHours: "E", spend: "F", abandoned: "G" };
  const ctx: FormulaContext = { column: (role) => `$${letters[role]}$1:$${letters[role]}$5`, from: "$I$1", to: "$J$1" };

  registerKpiFunctions();

  function evaluate(kpi: KpiKind, mode: "portable" | "kpi"): unknown {
    const sheet = [[...log[0], null, DAY, DAY + 30, kpiFormula(kpi, mode, ctx)], ...log.slice(1)];
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
    const value = hf.getCellValue({ sheet: 0, row: 0, col: 10 });
    hf.destroy();
    return value;
  }

  it.each([
    ["sla", 1 / 2], // met 1 of the 2 jobs with a start, an end and a target
    ["leadCost", 30 / 4], // 10 + 0 + 20 spent ("n/a" is no number) over the 4 rows dated in January
    ["abandonment", 2 / 3], // yes, no, TRUE
  ] as const)("%s is %p in both modes", (kpi, want) => {
    expect(evaluate(kpi, "portable")).toBeCloseTo(want, 12);
    expect(evaluate(kpi, "kpi")).toBeCloseTo(want, 12);
  });

  it("time on site: the portable formula leaves out the arrival with no day ((3 + 1) / 2 hours); KPI.TIMEONSITE names it", () => {
    expect(evaluate("timeOnSite", "portable")).toBeCloseTo(2, 9);
    expect(evaluate("timeOnSite", "kpi")).toMatchObject({ type: "VALUE", message: expect.stringMatching(/^KPI\.TIMEONSITE: 0\.375 at row 2, column 1 is not a date with its time of day/) });
  });
});
