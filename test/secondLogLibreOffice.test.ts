import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { exportOkr } from "../scripts/okr";
import { KpiError } from "../src/kpi/errors";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { KpiKind } from "../src/okr/templates";
import { kpiValue } from "./kpiLibrary";
import { secondLog, secondLogColumn, writeSecondLog } from "./secondLog";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The second job log (test/secondLog.ts, written by ExcelJS as a plain range) through `npm run okr`'s
 * path: detection, the plan, the portable OKR sheet. LibreOffice recalculates it, and every key result
 * shows what the KPI library computes on the same rows: the current quarter, the quarter before and
 * the same quarter last year. 2026-Q2's quarter before is 2026-Q1, which has no rows: #DIV/0! there.
 */

const rows = secondLog();
const EXCEL_ERRORS: Record<KpiError["code"], string> = { DIV0: "#DIV/0!", VALUE: "#VALUE!", NUM: "#NUM!", NA: "#N/A" };

/** Each build: its period, and the periods of its Current, Previous period and Same period last year columns (serials, worked out by hand). */
const BUILDS = [
  { period: "2026-Q2", current: [46113, 46203], previous: [46023, 46112], lastYear: [45748, 45838] },
  { period: "2026-Q3", current: [46204, 46295], previous: [46113, 46203], lastYear: [45839, 45930] },
] as const;

/** The key results the second log's columns allow, by objective: its headers name no NPS, CSAT, promised time, booking or reply. */
const KEY_RESULTS = [
  "win:leadCost", "win:abandonment", "repeat:repeatRate", "repeat:avgTicket", "repeat:retention", "repeat:churn", "repeat:newCustomers",
  "ontime:jobsPerTech", "ontime:resolutionTime", "ontime:sla", "ontime:timeOnSite", "grow:revenue", "grow:jobs", "grow:jobsPerDay",
];

/**
 * By hand, 2026-Q1 (no rows): a count or a total is 0, and so is the share of 2025-Q4's customers kept (churn 1);
 * every rate or mean divides by nothing. 2026-Q2's retention and churn divide by Q1's customers, none.
 */
const EMPTY_QUARTER: Partial<Record<KpiKind, unknown>> = { revenue: 0, jobs: 0, newCustomers: 0, retention: 0, churn: 1 };
const AFTER_EMPTY: Partial<Record<KpiKind, unknown>> = { retention: { error: "#DIV/0!" }, churn: { error: "#DIV/0!" } };

/** What the KPI library gives on the second log, as a number or the error value Excel would show. */
function expected(kpi: KpiKind, [from, to]: readonly [number, number]): unknown {
  const value = kpiValue(kpi, (column) => secondLogColumn(rows, column), from, to);
  return value instanceof KpiError ? { error: EXCEL_ERRORS[value.code] } : value;
}

describeWithLibreOffice("the second-log recalculation test")("the second job log's OKR sheets, recalculated by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "second-log-"));
  const sheets: ExcelJS.Worksheet[] = [];

  beforeAll(async () => {
    const jobs = path.join(dir, "work-orders.xlsx");
    await writeSecondLog(jobs, rows);
    const files = BUILDS.map((build) => path.join(dir, `okr-${build.period}.xlsx`));
    for (const [i, build] of BUILDS.entries()) await exportOkr(jobs, files[i], { period: build.period });
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", path.join(dir, "out"), files);
    for (const [i, build] of BUILDS.entries()) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(dir, "out", path.basename(files[i])));
      sheets.push(book.getWorksheet(`OKR ${build.period}`)!);
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const at = (sheet: ExcelJS.Worksheet, row: number, name: (typeof TABLE_COLUMNS)[number]) => {
    const value = sheet.getCell(row, TABLE_COLUMNS.indexOf(name) + 1).value;
    if (!value || typeof value !== "object" || !("formula" in value)) return value;
    return "result" in value ? value.result : 0; // ExcelJS reads a cached <v>0</v> as no result
  };
  /** The key-result rows below the table's header row (9), by the id in the hidden Id column. */
  const keyResultRows = (sheet: ExcelJS.Worksheet) =>
    Array.from({ length: sheet.rowCount - 9 }, (_, i) => ({ row: 10 + i, id: String(at(sheet, 10 + i, "Id") ?? "") })).filter(
      ({ id }) => id.includes(":") && !id.startsWith("objective:"),
    );

  it.each(BUILDS.map((build, i) => [build.period, i] as const))("%s: the build finds every key result the columns allow", (_, i) => {
    expect(keyResultRows(sheets[i]).map(({ id }) => id).sort()).toEqual([...KEY_RESULTS].sort());
  });

  it.each(BUILDS.map((build, i) => [build.period, i] as const))("%s: each key result's current, previous and last year's value is the KPI library's", (_, i) => {
    const build = BUILDS[i];
    for (const { row, id } of keyResultRows(sheets[i])) {
      const kpi = id.split(":")[1] as KpiKind;
      for (const [column, period] of [["Current", build.current], ["Previous period", build.previous], ["Same period last year", build.lastYear]] as const) {
        const want = expected(kpi, period);
        const shown = at(sheets[i], row, column);
        const where = `${kpi}, ${column}`;
        if (typeof want === "number") expect({ where, shown }).toEqual({ where, shown: expect.closeTo(want, 9) });
        else expect({ where, shown }).toEqual({ where, shown: want });
      }
    }
  });

  it("shows 2026-Q1, which has no rows, as worked out by hand, and numbers for 2026-Q2 save what divides by Q1", () => {
    const kpiOf = (id: string) => id.split(":")[1] as KpiKind;
    const rowsShown = keyResultRows(sheets[0]);
    const shown = rowsShown.map(({ row, id }) => {
      const current = at(sheets[0], row, "Current");
      return [id, at(sheets[0], row, "Previous period"), AFTER_EMPTY[kpiOf(id)] ? current : typeof current];
    });
    expect(shown).toEqual(rowsShown.map(({ id }) => [id, EMPTY_QUARTER[kpiOf(id)] ?? { error: "#DIV/0!" }, AFTER_EMPTY[kpiOf(id)] ?? "number"]));
  });
});
