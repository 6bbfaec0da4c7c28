import { chartData } from "../demo/chartData";
import { formatValue } from "../demo/format";
import { buildTrendsSheet } from "../src/excel/trendsSheet";
import { hyperFormulaLog } from "./logSheetHarness";

/**
 * What the demo draws for a chart: the values of the cells the chart names, read from the workbook
 * HyperFormula computes, against values worked out by hand (the jobs of test/trends.test.ts).
 */

const Q3 = { from: 46204, to: 46295 }; // the sheet shows 2025-10 .. 2026-09
const HEADERS = ["Job date", "NPS", "Amount"];
const JOBS = [
  [45930, 10, 999], // 2025-09-30: before the first month shown
  [45931, 0, 10], // 2025-10-01
  [46204, 10, 100], // 2026-07-01
  [46234.9, 6, 300], // 2026-07-31
  [46235, 9, 50], // 2026-08-01
  [46266, 8, 70], // 2026-09-01
  [46295, 0, 30], // 2026-09-30
];
const MONTHS = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];
/** By hand: October one detractor (-100), November to June no answer (a gap), July 0, August 100, September -50. */
const NPS_BY_MONTH = [-100, ...Array.from({ length: 8 }, () => null), 0, 100, -50];
/** By hand: October 10, then no job to June, July (100 + 300) / 2, August 50, September (70 + 30) / 2. */
const TICKET_BY_MONTH = [10, ...Array.from({ length: 8 }, () => null), 200, 50, 50];

async function trendsBook() {
  const book = await hyperFormulaLog(HEADERS, JOBS);
  const source = { kind: "table" as const, table: "Jobs", headers: HEADERS };
  await buildTrendsSheet(book.run, { period: Q3, mode: "portable", source, columns: { date: 0, nps: 1, amount: 2 } });
  return book;
}

describe("the demo's chart data", () => {
  it("reads each chart's months and KPIs from the Trends sheet's cells, a month with nothing to count as a gap", async () => {
    const book = await trendsBook();
    const [delight, repeat] = book.charts.map((chart) => chartData(book, chart));
    expect(delight.title).toBe("Delight customers");
    expect(delight.labels).toEqual(MONTHS);
    expect(delight.series.map((series) => series.name)).toEqual(["Net Promoter Score"]);
    expect(delight.series[0].values.map((v) => (v === null ? v : Math.round(v * 1e9) / 1e9))).toEqual(NPS_BY_MONTH);
    expect(repeat.series).toEqual([{ name: "Average ticket", values: TICKET_BY_MONTH, axisGroup: "Primary", format: "#,##0.00" }]);
  });

  it("follows the cells: an edited amount changes the line", async () => {
    const book = await trendsBook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Jobs").getRange("C6").values = [[150]]; // 2026-08-01's job, August's only
      await context.sync();
    });
    expect(chartData(book, book.charts[1]).series[0].values[10]).toBe(150);
  });

  it("runs its example", async () => {
    const book = await trendsBook();
    const chart = book.charts[0];
    expect(chartData(book, { ...chart, categories: "Trends!A6:A7" }).labels).toEqual(["2025-10", "2025-11"]);
  });

  describe("edge cases", () => {
    it("numbers the points when a chart names no categories, and draws a series with no values as empty", async () => {
      const book = await trendsBook();
      const chart = { ...book.charts[0], categories: undefined, series: [...book.charts[0].series, { name: "Added, no values yet", axisGroup: "Primary" as const }] };
      const data = chartData(book, chart);
      expect(data.labels).toEqual(MONTHS.map((_, i) => String(i + 1)));
      expect(data.series[1]).toEqual({ name: "Added, no values yet", values: [], axisGroup: "Primary" });
    });

    it("shows a month cell as its month", () => {
      expect(formatValue(46235, "yyyy-mm")).toBe("2026-08");
    });
  });
});
