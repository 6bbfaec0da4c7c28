import ExcelJS from "exceljs";
import { exportTrends } from "../scripts/trends";
import { isoDate, serialFromParts } from "../src/kpi/coerce";
import { KpiError, KpiErrorCode } from "../src/kpi/errors";
import { KPIS, KpiKind } from "../src/okr/templates";
import { SampleCell, sampleJobs } from "../src/sample/sampleJobs";
import { kpiValue } from "./kpiLibrary";
import { cellResult, expectNumberNear, LogName, recalculatedByLibreOffice, sampleColumns } from "./logSheetHarness";
import { describeWithLibreOffice } from "./soffice";

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

run("the Trends sheet in LibreOffice", () => {
  const logs = { sample: sampleJobs(), other: otherLog() };
  let sheets: Record<LogName, ExcelJS.Worksheet>;

  beforeAll(async () => {
    sheets = await recalculatedByLibreOffice(logs.other, (log, input, output) => exportTrends(input, output, { period: CASES[log].period }), "Trends");
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
      const column = sampleColumns(logs[name]);
      let numbers = 0;
      CASES[name].months.forEach((from, i) => {
        const to = lastDayOf(from);
        EVERY_KPI.forEach((kpi, k) => {
          const where = `${kpi} ${from}`;
          const actual = cellResult(sheets[name].getCell(HEADER_ROW + 1 + i, 2 + k));
          const want = kpiValue(kpi, column, from, to);
          if (want instanceof KpiError) {
            expect({ where, actual }).toEqual({ where, actual: { error: EXCEL_ERRORS[want.code] } });
            return;
          }
          expectNumberNear(where, actual, want as number);
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
