import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { exportTrends } from "../scripts/trends";
import { isoDate, serialFromParts } from "../src/kpi/coerce";
import { KpiError, KpiErrorCode } from "../src/kpi/errors";
import { Grid } from "../src/kpi/grid";
import { columnLetters } from "../src/okr/references";
import { KPIS, KpiKind } from "../src/okr/templates";
import { SAMPLE_HEADERS, SampleCell, sampleJobs } from "../src/sample/sampleJobs";
import { KpiColumn, kpiValue } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The Trends sheet npm run trends writes, recalculated by LibreOffice (a real spreadsheet engine that
 * has never seen our code), shows for every month and KPI what the KPI library computes over that
 * month's jobs: on the sample log, and on a second log generated with another seed, size and date
 * range, which leaves the last two months of the sheet empty (the library's error, the sheet's error).
 */

const run = describeWithLibreOffice("the Trends recalculation test");
const HEADER_ROW = 5;
/**
 * Every KPI native formulas compute (the sheet's default mode: all but comment sentiment) that the
 * sample's columns allow: it has no SLA target, spend or call column (see secondLogLibreOffice.test.ts for those).
 */
const EVERY_KPI = (Object.keys(KPIS) as KpiKind[]).filter((kpi) => !KPIS[kpi].needsAddIn && !["sla", "leadCost", "abandonment"].includes(kpi));
const EXCEL_ERRORS: Record<KpiErrorCode, string> = { DIV0: "#DIV/0!", VALUE: "#VALUE!", NUM: "#NUM!", NA: "#N/A" };

/** Each log, the period asked for, and the first days of the twelve months the sheet should show, worked out by hand. */
const CASES = {
  sample: { period: "2026-Q3", months: Array.from({ length: 12 }, (_, i) => serialFromParts(2025, 10 + i, 1)) }, // 2025-10 .. 2026-09
  other: { period: "2026-08", months: Array.from({ length: 12 }, (_, i) => serialFromParts(2025, 9 + i, 1)) }, // 2025-09 .. 2026-08
} as const;

/** The second log: another seed and size, jobs from 2025-06-01 to 2026-06-30 only. */
const otherLog = (): SampleCell[][] => sampleJobs({ seed: 777, jobs: 1200, customers: 250, from: serialFromParts(2025, 6, 1), to: serialFromParts(2026, 6, 30) });

const result = (cell: ExcelJS.Cell): unknown => {
  const value = cell.value;
  if (!value || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return value;
  return "result" in value ? value.result : 0; // ExcelJS reads a cached <v>0</v> as no result at all
};

run("the Trends sheet in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "trends-lo-"));
  const logs = { sample: sampleJobs(), other: otherLog() };
  const sheets: Record<string, ExcelJS.Worksheet> = {};

  beforeAll(async () => {
    copyFileSync(path.join(__dirname, "..", "assets", "sample-jobs.xlsx"), path.join(dir, "sample.xlsx"));
    const { book, save } = createXlsxWorkbook();
    await book.run(async (context) => {
      const address = `A1:${columnLetters(SAMPLE_HEADERS.length - 1)}${logs.other.length + 1}`;
      const sheet = context.workbook.worksheets.add("Jobs");
      sheet.getRange(address).values = [[...SAMPLE_HEADERS], ...logs.other.map((row) => row.map((cell) => cell ?? ""))];
      sheet.tables.add(address, true).name = "Jobs";
      await context.sync();
    });
    await save(path.join(dir, "other.xlsx"));
    for (const name of Object.keys(logs) as (keyof typeof CASES)[]) {
      await exportTrends(path.join(dir, `${name}.xlsx`), path.join(dir, `${name}-trends.xlsx`), { period: CASES[name].period });
    }
    const out = path.join(dir, "out");
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, Object.keys(logs).map((name) => path.join(dir, `${name}-trends.xlsx`)));
    for (const name of Object.keys(logs)) {
      const recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(path.join(out, `${name}-trends.xlsx`));
      sheets[name] = recalculated.getWorksheet("Trends")!;
    }
  }, 300_000);

  describe.each(["sample", "other"] as const)("on the %s log", (name) => {
    const headers = () => (sheets[name].getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);

    it("has a column per KPI, headed by its label, and Notes last", () => {
      expect(headers()).toEqual(["Month", ...EVERY_KPI.map((kpi) => KPIS[kpi].label), "Notes"]);
    });

    it("has the twelve months ending with the period's last month, oldest first, as dates", () => {
      const months = CASES[name].months.map((_, i) => sheets[name].getCell(HEADER_ROW + 1 + i, 1));
      // ExcelJS reads a date-formatted serial as a Date at UTC midnight: 25569 is 1970-01-01.
      expect(months.map((cell) => (cell.value as Date).getTime() / 86_400_000 + 25_569)).toEqual(CASES[name].months);
      expect(sheets[name].getCell(HEADER_ROW + 13, 1).value).toBeNull();
    });

    it("shows for every month and KPI the KPI library's value over that month, or its error", () => {
      const column = (header: KpiColumn): Grid => logs[name].map((row) => [row[SAMPLE_HEADERS.indexOf(header as (typeof SAMPLE_HEADERS)[number])]]);
      let numbers = 0;
      CASES[name].months.forEach((from, i) => {
        const to = lastDayOf(from);
        EVERY_KPI.forEach((kpi, k) => {
          const where = `${kpi} ${from}`;
          const actual = result(sheets[name].getCell(HEADER_ROW + 1 + i, 2 + k));
          const want = kpiValue(kpi, column, from, to);
          if (want instanceof KpiError) {
            expect({ where, actual }).toEqual({ where, actual: { error: EXCEL_ERRORS[want.code] } });
            return;
          }
          expect({ where, type: typeof actual }).toEqual({ where, type: "number" });
          expect({ where, off: Math.abs((actual as number) - (want as number)) / Math.max(1, Math.abs(want as number)) <= 1e-9 }).toEqual({ where, off: true });
          numbers++;
        });
      });
      // The sample log fills every month; the other leaves the sheet's last two empty: there 10 KPIs have nothing to
      // count, save revenue, jobs and new customers (0 in both months) and, in the first empty month, retention
      // (0 kept) and churn (1) of the month before's customers.
      expect(EVERY_KPI).toHaveLength(18);
      expect(numbers).toBe(name === "sample" ? 12 * EVERY_KPI.length : 10 * EVERY_KPI.length + 8);
    });
  });
});

/** The last day of the month that starts on `first`, worked out from the calendar, not from the sheet's EOMONTH. */
function lastDayOf(first: number): number {
  const [year, month] = isoDate(first).split("-").map(Number);
  return serialFromParts(year, month + 1, 1) - 1;
}
