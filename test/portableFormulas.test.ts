import { HyperFormula, RawCellContent } from "hyperformula";
import { Role } from "../src/okr/columns";
import { FormulaContext, kpiFormula, previousPeriodBounds } from "../src/okr/formulas";
import { sheetPrefix, columnLetters } from "../src/okr/references";
import { KPIS, KpiKind } from "../src/okr/templates";
import { nps, csat } from "../src/kpi/surveys";
import { fcr, jobsPerTech, ontime, rate, resolutionTime, responseTime } from "../src/kpi/operations";
import { repeatRate } from "../src/kpi/customers";
import { avgTicket, revenue } from "../src/kpi/finance";
import { jobs, jobsPerDay } from "../src/kpi/operations";
import { ces } from "../src/kpi/surveys";
import { sentiment } from "../src/kpi/sentiment";
import { Grid } from "../src/kpi/grid";
import * as okr from "../src/kpi/okr";
import { buildPlan, TABLE_COLUMNS } from "../src/okr/plan";
import { registerKpiFunctions } from "../backends/kpiPlugin";
import { registerLet } from "../backends/letFunction";
import { registerSortBy } from "../backends/sortByFunction";
import { KpiError } from "../src/kpi/errors";
import { kpiValue } from "./kpiLibrary";

/**
 * The portable formulas, evaluated by a real formula engine (HyperFormula) on a job log, must give
 * what the KPI library gives on the same rows: the two formula modes of the OKR sheet agree.
 */

const ROLES: Role[] = ["date", "customer", "technician", "amount", "nps", "csat", "firstVisitFix", "promised", "arrival", "requested", "responded", "resolved", "booked", "effort", "comment"];
const ROWS = 300;
const FIRST = 46023; // 2026-01-01

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A small, messy job log: blanks, n/a, TRUE/FALSE and yes/no flags, late arrivals, jobs at any time of
 * day, effort answers on a 1-10 scale (some with decimals, some n/a), text among the amounts, comments
 * in English and Chinese. The effort, comment and text amounts come from a second generator, so the
 * other columns are what they were before those were added.
 */
function jobLog(): RawCellContent[][] {
  const next = random(7);
  const more = random(11);
  const either = <T>(items: T[]) => items[Math.floor(more() * items.length)];
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const rows: RawCellContent[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const date = FIRST + Math.floor(next() * 180) + Math.round(next() * 40) / 96;
    const promised = date + 0.05;
    const requested = date - 1 - Math.round(next() * 20) / 24;
    rows.push([
      date,
      pick(["Ann", "Bo", "Cy", "Dee", "Ed", "Flo", "Gus"]) + (next() < 0.7 ? "" : ` ${Math.floor(next() * 40)}`),
      pick(["Tom", "Uma", "Vic", "Wes"]),
      next() < 0.05 ? null : Math.round(next() * 50000) / 100,
      next() < 0.25 ? null : next() < 0.05 ? "n/a" : Math.floor(next() * 11),
      next() < 0.3 ? null : 1 + Math.floor(next() * 5),
      next() < 0.1 ? null : pick([true, false, "yes", "no", "Y", "n", true]),
      promised,
      next() < 0.05 ? null : promised + (Math.round(next() * 60) - 40) / 1440,
      requested,
      next() < 0.1 ? null : requested + Math.round(next() * 600) / 1440,
      next() < 0.1 ? null : date + Math.round(next() * 2000) / 1440,
      pick([true, false, false, "yes"]),
      more() < 0.4 ? null : more() < 0.05 ? "n/a" : either([1, 2, 2, 3, 4, 5, 7, 10, 2.5]),
      more() < 0.5 ? null : either(["Great service, very friendly", "Late and rude", "ok", "Not good at all", "服务很好", "Happy with it"]),
    ]);
    if (more() < 0.03) rows[i][ROLES.indexOf("amount")] = either(["n/a", "TBC", "   "]);
  }
  return rows;
}

const rows = jobLog();
const columnOf = (role: Role): Grid => rows.map((row) => [row[ROLES.indexOf(role)]]);

const QUARTERS = [
  { from: FIRST, to: FIRST + 89 }, // Q1
  { from: FIRST + 90, to: FIRST + 180 }, // Q2
  { from: FIRST + 365, to: FIRST + 454 }, // 2027-Q1: no job at all
];
/** The quarters with jobs; the last one has none. */
const WITH_JOBS = [0, 1];

function expected(kpi: KpiKind, from: number, to: number): unknown {
  const period = { dates: columnOf("date"), from, to };
  switch (kpi) {
    case "nps": return nps(columnOf("nps"), period);
    case "csat": return csat(columnOf("csat"), 5, period);
    case "fcr": return fcr(columnOf("firstVisitFix"), period);
    case "conversion": return rate(columnOf("booked"), period);
    case "responseTime": return responseTime(columnOf("requested"), columnOf("responded"), "hours", period);
    case "resolutionTime": return resolutionTime(columnOf("requested"), columnOf("resolved"), "hours", period);
    case "repeatRate": return repeatRate(columnOf("customer"), period);
    case "avgTicket": return avgTicket(columnOf("amount"), period);
    case "ontime": return ontime(columnOf("arrival"), columnOf("promised"), 0, period);
    case "jobsPerTech": return jobsPerTech(columnOf("technician"), period);
    case "revenue": return revenue(columnOf("amount"), period);
    case "jobs": return jobs(columnOf("date"), from, to);
    case "jobsPerDay": return jobsPerDay(columnOf("date"), from, to);
    case "ces": return ces(columnOf("effort"), 10, period);
    case "sentiment": return sentiment(columnOf("comment"), period);
    case "retention":
    case "churn":
    case "newCustomers":
      return kpiValue(kpi, (header) => columnOf(header === "Customer" ? "customer" : "date"), from, to);
    default: throw new Error(`${kpi} is proven on the second log`);
  }
}

/** Proven on the second log (secondLogFormulas.test.ts): this one has no SLA, spend or call columns, and its completions may come before the arrival. */
const ON_THE_SECOND_LOG: readonly KpiKind[] = ["sla", "timeOnSite", "leadCost", "abandonment"];

/** The KPI formulas' references for quarter q: the job log's columns, the period in OKR!A{q}:B{q}. */
function quarterContext(q: number): FormulaContext {
  return {
    column: (role) => {
      const letters = columnLetters(ROLES.indexOf(role));
      return `${sheetPrefix("Job log")}$${letters}$1:$${letters}$${ROWS}`;
    },
    from: `$A$${q + 1}`,
    to: `$B$${q + 1}`,
    before: previousPeriodBounds(`$A$${q + 1}`, `$B$${q + 1}`),
  };
}

// LET and SORTBY, which the distinct counts use and HyperFormula lacks.
registerLet();
registerSortBy();

describe("KPI formulas in a formula engine", () => {
  registerKpiFunctions();
  const hf = HyperFormula.buildFromSheets(
    { "Job log": rows, OKR: QUARTERS.map(({ from, to }) => [from, to]) },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false },
  );
  const okrSheet = hf.getSheetId("OKR")!;
  afterAll(() => hf.destroy());

  const kpis = (Object.keys(KPIS) as KpiKind[]).filter((kpi) => !ON_THE_SECOND_LOG.includes(kpi));
  const close = (value: unknown, want: number) => {
    expect(typeof value).toBe("number");
    expect(Math.abs((value as number) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  };

  /** The KPI in quarter q by the formula of `mode`, computed in the OKR sheet. */
  const computed = (kpi: KpiKind, q: number, mode: "portable" | "kpi") => {
    const address = { sheet: okrSheet, row: q, col: 2 + 2 * kpis.indexOf(kpi) + (mode === "kpi" ? 1 : 0) };
    hf.setCellContents(address, [[kpiFormula(kpi, mode, quarterContext(q))]]);
    return hf.getCellValue(address);
  };
  const native = kpis.filter((kpi) => !KPIS[kpi].needsAddIn);

  it.each(native.flatMap((kpi) => WITH_JOBS.map((q) => [kpi, q] as const)))("%s in quarter %p: both modes match the KPI library", (kpi, q) => {
    const want = expected(kpi, QUARTERS[q].from, QUARTERS[q].to);
    // Q1 has no quarter before it in the log: retention and churn divide by its 0 customers.
    if (want instanceof KpiError && want.code === "DIV0" && (kpi === "retention" || kpi === "churn") && q === 0) {
      expect([computed(kpi, q, "portable"), computed(kpi, q, "kpi")]).toEqual([expect.objectContaining({ type: "DIV_BY_ZERO" }), expect.objectContaining({ type: "DIV_BY_ZERO" })]);
      return;
    }
    expect(typeof want).toBe("number");
    close(computed(kpi, q, "portable"), want as number);
    close(computed(kpi, q, "kpi"), want as number);
  });

  it.each(kpis.filter((kpi) => KPIS[kpi].needsAddIn).flatMap((kpi) => WITH_JOBS.map((q) => [kpi, q] as const)))(
    "%s in quarter %p: its =KPI.* formula matches the KPI library, and it has no native formula",
    (kpi, q) => {
      const want = expected(kpi, QUARTERS[q].from, QUARTERS[q].to);
      expect(typeof want).toBe("number");
      close(computed(kpi, q, "kpi"), want as number);
      expect(() => kpiFormula(kpi, "portable", quarterContext(q))).toThrow(`${kpi} has no native formula`);
    },
  );

  it("the log holds what the new kinds must cope with: text amounts, effort off the 1-7 scale and with decimals, jobs at several times of one day", () => {
    const cells = (role: Role) => columnOf(role).flat();
    expect(cells("amount").filter((cell) => typeof cell === "string").length).toBeGreaterThan(3);
    expect(cells("effort")).toEqual(expect.arrayContaining([10, 2.5, "n/a"]));
    const days = cells("date").map((date) => Math.floor(date as number));
    expect(new Set(days).size).toBeLessThan(days.length / 1.5);
    expect(cells("date").some((date) => !Number.isInteger(date))).toBe(true);
  });

  // By definition: nothing earned and no job in an empty period; nothing to divide by for the means.
  it.each([
    ["revenue", 0],
    ["jobs", 0],
    ["jobsPerDay", "DIV_BY_ZERO"],
    ["ces", "DIV_BY_ZERO"],
  ] as const)("%s in a quarter with no job: %p in both modes, as the KPI library says", (kpi, want) => {
    const q = QUARTERS.length - 1;
    const library = expected(kpi, QUARTERS[q].from, QUARTERS[q].to);
    for (const mode of ["portable", "kpi"] as const) {
      const value = computed(kpi, q, mode);
      if (typeof want === "number") {
        expect({ mode, value, library }).toEqual({ mode, value: want, library: want });
      } else {
        expect({ mode, value }).toEqual({ mode, value: expect.objectContaining({ type: want }) });
        expect(library).toMatchObject({ code: "DIV0" });
      }
    }
  });
});

describe("resolution time, worked out by hand", () => {
  // Job dates carry no time of day; the clock starts when the customer asked. Columns A..C.
  const log: RawCellContent[][] = [
    // job date, requested, resolved
    [FIRST + 1, FIRST + 8 / 24, FIRST + 1 + 11 / 24], // asked at 08:00 the day before, fixed at 11:00: 27 hours
    [FIRST + 1, FIRST + 1 + 9 / 24, FIRST + 1 + 12 / 24], // asked at 09:00, fixed at 12:00: 3 hours
    [FIRST + 2, FIRST + 2 + 7 / 24, null], // not resolved yet: left out
    [FIRST + 40, FIRST + 39, FIRST + 40], // outside the period
  ];
  const letters: Partial<Record<Role, string>> = { date: "A", requested: "B", resolved: "C" };
  // The period in E1:F1 (2026-01-01 .. 2026-01-31).
  const ctx: FormulaContext = { column: (role) => `$${letters[role]}$1:$${letters[role]}$4`, from: "$E$1", to: "$F$1" };

  it.each(["portable", "kpi"] as const)("is the mean hours from request to resolution in %s mode: (27 + 3) / 2 = 15", (mode) => {
    const sheet = [[...log[0], null, FIRST, FIRST + 30, kpiFormula("resolutionTime", mode, ctx)], ...log.slice(1)];
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 6 })).toBeCloseTo(15, 9);
    hf.destroy();
  });
});

describe("a whole portable OKR sheet in a formula engine", () => {
  const headers = ROLES.map((role) => role);
  const asOf = FIRST + 90 + 45; // half way through Q2
  const keyResults = [
    { id: "a", objectiveId: "delight", objective: "Delight customers", name: "Raise NPS", kpi: "nps" as const, type: "increase" as const, target: 40 },
    { id: "b", objectiveId: "delight", objective: "Delight customers", name: "Fix first time", kpi: "fcr" as const, type: "above" as const, target: 0.5 },
    { id: "c", objectiveId: "ontime", objective: "Run on time", name: "Answer leads faster", kpi: "responseTime" as const, type: "decrease" as const, target: 2, weight: 2 },
    { id: "d", objectiveId: "ontime", objective: "Run on time", name: "More jobs per tech", kpi: "jobsPerTech" as const, type: "increase" as const },
  ];
  const plan = buildPlan({
    title: "OKR 2026-Q2",
    period: { from: QUARTERS[1].from, to: QUARTERS[1].to },
    mode: "portable",
    // Formulas reach the end of the data, not Excel's last row: HyperFormula's sheets are smaller.
    source: { kind: "range", sheet: "Job log", headers, headerRow: 1, firstColumn: 0, lastRow: ROWS + 1 },
    columns: Object.fromEntries(ROLES.map((role, i) => [role, i])),
    keyResults,
  });
  const header = plan.header.formulas.map((row) => row.slice());
  header[5][1] = asOf; // TODAY() pinned, so the test does not depend on the day it runs
  const sheet = [...header, [], ...plan.table.formulas] as RawCellContent[][];
  const hf = HyperFormula.buildFromSheets({ "Job log": [headers, ...rows], "OKR 2026-Q2": sheet }, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const okrSheet = hf.getSheetId("OKR 2026-Q2")!;
  const read = (row: number, name: (typeof TABLE_COLUMNS)[number]) => hf.getCellValue({ sheet: okrSheet, row: row - 1, col: TABLE_COLUMNS.indexOf(name) });
  afterAll(() => hf.destroy());

  const elapsed = okr.elapsed(QUARTERS[1].from, QUARTERS[1].to, asOf) as number;

  it("computes the elapsed share of the period", () => {
    expect(hf.getCellValue({ sheet: okrSheet, row: 6, col: 1 })).toBeCloseTo(elapsed, 12);
  });

  it.each(keyResults.map((kr, i) => [kr.name, kr, i] as const))("%s: baseline, current, progress and status", (_, kr, i) => {
    const row = 9 + (i < 2 ? 2 + i : 3 + i); // header row 9, objective rows at 10 and 13
    const current = expected(kr.kpi, QUARTERS[1].from, QUARTERS[1].to) as number;
    const baseline = expected(kr.kpi, QUARTERS[0].from, QUARTERS[0].to) as number;
    expect(read(row, "Current")).toBeCloseTo(current, 9);
    expect(read(row, "Baseline")).toBeCloseTo(baseline, 9);
    if (kr.target === undefined) {
      expect(read(row, "Progress")).toBe("");
      expect(read(row, "Status")).toBe("");
      return;
    }
    const progress = kr.type === "above" ? (current >= kr.target ? 1 : 0) : (okr.progress(baseline, kr.target, current) as number);
    expect(read(row, "Progress")).toBeCloseTo(progress, 9);
    expect(read(row, "Status")).toBe(okr.status(progress, elapsed, null, kr.type, baseline, kr.target));
  });

  it("rolls objectives up by weight over key results with a target", () => {
    const progressAt = (row: number) => read(row, "Progress") as number;
    expect(read(10, "Progress")).toBeCloseTo((progressAt(11) + progressAt(12)) / 2, 12);
    expect(read(13, "Progress")).toBeCloseTo(progressAt(14), 12); // the KR without a target does not count
  });

  it("shows each key result's previous quarter, the baseline's, and keeps it when the user types other baseline dates", () => {
    const krRows = [11, 12, 14, 15]; // header row 9, objective rows at 10 and 13
    const baselineFrom = { sheet: okrSheet, row: 3, col: 1 }; // B4
    const q1 = (kpi: KpiKind) => expected(kpi, QUARTERS[0].from, QUARTERS[0].to) as number;
    keyResults.forEach((kr, i) => expect([kr.kpi, read(krRows[i], "Previous period")]).toEqual([kr.kpi, expect.closeTo(q1(kr.kpi), 9)]));
    // The baseline from 2026-02-01 (FIRST + 31) instead: Baseline follows, Previous period stays on 2026-Q1.
    const february = FIRST + 31;
    hf.setCellContents(baselineFrom, february);
    try {
      keyResults.forEach((kr, i) => {
        const moved = expected(kr.kpi, february, QUARTERS[0].to) as number;
        expect(moved).not.toBeCloseTo(q1(kr.kpi), 6); // the test's premise: the two periods differ
        expect([kr.kpi, read(krRows[i], "Baseline"), read(krRows[i], "Previous period")]).toEqual([kr.kpi, expect.closeTo(moved, 9), expect.closeTo(q1(kr.kpi), 9)]);
      });
    } finally {
      hf.setCellContents(baselineFrom, QUARTERS[0].from);
    }
  });
});
