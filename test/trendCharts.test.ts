import { ChartState, OfficeWorkbook } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { buildTrendsSheet } from "../src/excel/trendsSheet";
import { ColumnMap } from "../src/okr/columns";
import { TrendsSettings } from "../src/okr/trends";
import { hyperFormulaLog } from "./logSheetHarness";

/**
 * The Trends sheet's charts as src/excel makes them over the Office.js-shaped backends (HyperFormula,
 * as the demo runs it): a line chart per objective with a KPI on the sheet, over the twelve months,
 * beside the table; a re-run replaces its own charts and leaves the user's alone; round trips stay at three.
 * And the charts' part of the backend itself, held to Excel's documented behaviour.
 */

const SHEET = "Trends";
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30: the sheet shows 2025-10 .. 2026-09
const HEADERS = ["Job date", "NPS", "CSAT", "Amount"];
const JOBS = [
  [46204, 10, 5, 100],
  [46266, 6, 3, 50],
];
/**
 * NPS, CSAT and Amount: the KPIs NPS and CSAT (objective "Delight customers"), Average ticket ("Grow repeat
 * business"), and revenue with jobs and jobs per day, from the amounts and dates ("Grow the business").
 */
const COLUMNS: ColumnMap = { date: 0, nps: 1, csat: 2, amount: 3 };

/** JOBS in a workbook that computes every formula written to it. */
const jobLog = () => hyperFormulaLog(HEADERS, JOBS);

const settings = (columns: ColumnMap = COLUMNS): TrendsSettings => ({ period: Q3, mode: "portable", source: { kind: "table", table: "Jobs", headers: HEADERS }, columns });
const chartsOn = (book: OfficeWorkbook, sheet: string) => book.charts.filter((chart) => chart.sheet === sheet);

/**
 * By hand: the table is Month (A), NPS (B), CSAT (C), Average ticket (D), Revenue (E), Jobs completed (F),
 * Jobs per working day (G), Notes (H), headers on row 5 and the twelve months on rows 6 to 17. The charts
 * start after one empty column (I), at J, 8 columns wide (J to Q), 15 rows tall with an empty row between
 * them: rows 5 to 19, 21 to 35, then 37 to 51.
 */
const DELIGHT: ChartState = {
  name: "KPI trend: delight",
  sheet: SHEET,
  type: "Line",
  source: "Trends!B5:B17",
  seriesBy: "Columns",
  title: "Delight customers",
  position: { start: "Trends!J5", end: "Trends!Q19" },
  series: [
    { name: "Net Promoter Score", values: "Trends!B6:B17", axisGroup: "Primary" },
    // A share beside a score: on the secondary axis.
    { name: "Customer satisfaction (CSAT)", values: "Trends!C6:C17", axisGroup: "Secondary" },
  ],
  categories: "Trends!A6:A17",
};
const REPEAT: ChartState = {
  name: "KPI trend: repeat",
  sheet: SHEET,
  type: "Line",
  source: "Trends!D5:D17",
  seriesBy: "Columns",
  title: "Grow repeat business",
  position: { start: "Trends!J21", end: "Trends!Q35" },
  series: [{ name: "Average ticket", values: "Trends!D6:D17", axisGroup: "Primary" }],
  categories: "Trends!A6:A17",
};
const GROW: ChartState = {
  name: "KPI trend: grow",
  sheet: SHEET,
  type: "Line",
  source: "Trends!E5:E17",
  seriesBy: "Columns",
  title: "Grow the business",
  position: { start: "Trends!J37", end: "Trends!Q51" },
  // Money, counts and a rate: no share among them, so one axis.
  series: [
    { name: "Revenue", values: "Trends!E6:E17", axisGroup: "Primary" },
    { name: "Jobs completed", values: "Trends!F6:F17", axisGroup: "Primary" },
    { name: "Jobs per working day", values: "Trends!G6:G17", axisGroup: "Primary" },
  ],
  categories: "Trends!A6:A17",
};

describe("the Trends sheet's charts", () => {
  it("are a line chart per objective, its KPIs as series over the twelve months, beside the table, in three round trips", async () => {
    const book = await jobLog();
    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings())).toEqual({ ok: true, sheet: SHEET, months: 12, kpis: 6, charts: 3, history: { ok: false, problems: [{ code: "noCheckIns", table: "CheckIns" }] } });
    expect(book.syncs.length - before).toBe(3);
    expect(chartsOn(book, SHEET)).toEqual([DELIGHT, REPEAT, GROW]);
    // The series read the cells the table's headers and months are in.
    expect(["B5", "C5", "D5"].map((_, c) => book.store.value(SHEET, 4, c + 1))).toEqual(["Net Promoter Score", "Customer satisfaction (CSAT)", "Average ticket"]);
    expect(book.store.value(SHEET, 5, 0)).toBe(45931); // A6: 2025-10-01, the first month
  });

  it("are replaced on a re-run, the user's own charts kept, and a chart no objective needs any more is gone", async () => {
    const book = await jobLog();
    await buildTrendsSheet(book.run, settings());
    await book.run(async (context) => {
      const trends = context.workbook.worksheets.getItem(SHEET);
      trends.charts.add("Line", trends.getRange("B5:B17"), "Columns").name = "My NPS";
      const jobs = context.workbook.worksheets.getItem("Jobs");
      jobs.charts.add("Line", jobs.getRange("B1:B3"), "Columns").name = `KPI trend: delight`; // another sheet's: not ours to touch
      await context.sync();
    });

    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings())).toMatchObject({ ok: true, charts: 3 });
    expect(book.syncs.length - before).toBe(3);
    expect(chartsOn(book, SHEET).map((chart) => chart.name)).toEqual(["My NPS", DELIGHT.name, REPEAT.name, GROW.name]);
    expect(chartsOn(book, SHEET).slice(1)).toEqual([DELIGHT, REPEAT, GROW]);
    expect(chartsOn(book, "Jobs").map((chart) => chart.name)).toEqual(["KPI trend: delight"]);

    // Without the Amount column, "Grow repeat business" has no KPI left on the sheet: its chart goes.
    expect(await buildTrendsSheet(book.run, settings({ date: 0, nps: 1, csat: 2 }))).toMatchObject({ ok: true, kpis: 4, charts: 2 });
    expect(chartsOn(book, SHEET).map((chart) => chart.name)).toEqual(["My NPS", DELIGHT.name, GROW.name]);
  });

  it("are not made when the sheet is protected: nothing is written", async () => {
    const book = await jobLog();
    await buildTrendsSheet(book.run, settings());
    book.sheet(SHEET)!.protected = true;
    expect(await buildTrendsSheet(book.run, settings())).toMatchObject({ ok: false });
    expect(chartsOn(book, SHEET)).toEqual([DELIGHT, REPEAT, GROW]);
  });
});

describe("charts in the Office.js-shaped workbook", () => {
  function workbook(): OfficeWorkbook {
    const { book } = createXlsxWorkbook();
    book.addSheet("Data");
    book.store.write("Data", 0, 0, [["Month", "Sales", "Cost"], [1, 10, 7], [2, 12, 8], [3, 9, 9]], (row) => row === 0);
    return book;
  }
  const code = async (promise: Promise<unknown>) => promise.then(() => "no error", (error: { code?: string; message?: string }) => error.code ?? error.message);

  it("names series by a first row of text and plots by columns when the range has more rows than columns (Auto)", async () => {
    const book = workbook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").charts.add("Line", context.workbook.worksheets.getItem("Data").getRange("B1:C4"));
      await context.sync();
    });
    expect(book.charts[0]).toMatchObject({ name: "Chart 1", seriesBy: "Columns", series: [{ name: "Sales", values: "Data!B2:B4" }, { name: "Cost", values: "Data!C2:C4" }] });
  });

  it("plots by rows when asked, named Series1 ... when the first column is not text, and numbers new charts", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", sheet.getRange("B1:C4"));
      sheet.charts.add("Line", sheet.getRange("B2:C3"), "Rows");
      await context.sync();
    });
    expect(book.charts[1]).toMatchObject({ name: "Chart 2", seriesBy: "Rows", series: [{ name: "Series1", values: "Data!B2:C2" }, { name: "Series2", values: "Data!B3:C3" }] });
  });

  it("finds a chart by name after a sync, a null object when there is none, and none once deleted", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", sheet.getRange("B1:B4"), "Columns").name = "Sales";
      const found = sheet.charts.getItemOrNullObject("Sales");
      const missing = sheet.charts.getItemOrNullObject("Costs");
      expect(() => found.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect([found.isNullObject, missing.isNullObject]).toEqual([false, true]);
      found.delete();
      const gone = sheet.charts.getItemOrNullObject("Sales");
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(book.charts).toEqual([]);
  });

  it("adds a series with its values, moves a series to the secondary axis, and labels the category axis", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("Line", sheet.getRange("B1:B4"), "Columns");
      chart.series.add("Cost").setValues(sheet.getRange("C2:C4"));
      chart.series.getItemAt(1).axisGroup = "Secondary";
      chart.axes.categoryAxis.setCategoryNames(sheet.getRange("A2:A4"));
      chart.title.text = "Sales and cost";
      chart.setPosition("E2", "L16");
      await context.sync();
    });
    expect(book.charts).toEqual([
      {
        name: "Chart 1",
        sheet: "Data",
        type: "Line",
        source: "Data!B1:B4",
        seriesBy: "Columns",
        title: "Sales and cost",
        position: { start: "Data!E2", end: "Data!L16" },
        series: [
          { name: "Sales", values: "Data!B2:B4", axisGroup: "Primary" },
          { name: "Cost", values: "Data!C2:C4", axisGroup: "Secondary" },
        ],
        categories: "Data!A2:A4",
      },
    ]);
  });

  it("lists a sheet's charts by name once loaded", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", sheet.getRange("B1:B4"), "Columns");
      const charts = sheet.charts.load("items/name");
      expect(() => charts.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(charts.items.map((chart) => chart.name)).toEqual(["Chart 1"]);
    });
  });

  it.each([
    ["a series-by Excel does not have", (sheet: Excel.Worksheet) => sheet.charts.add("Line", sheet.getRange("B1:B4"), "Diagonal" as "Rows"), "InvalidArgument"],
    ["a series the chart does not have", (sheet: Excel.Worksheet) => (sheet.charts.add("Line", sheet.getRange("B1:B4")).series.getItemAt(1).axisGroup = "Secondary"), "ItemNotFound"],
    ["a position that is not a cell", (sheet: Excel.Worksheet) => sheet.charts.add("Line", sheet.getRange("B1:B4")).setPosition("G5", "not a cell"), "InvalidArgument"],
    ["a chart type this backend does not draw (Pie), instead of pretending to", (sheet: Excel.Worksheet) => sheet.charts.add("Pie", sheet.getRange("B1:B4")), 'charts.add of type "Pie" is not modelled by this backend'],
  ])("refuses %s", async (_, act, expected) => {
    const book = workbook();
    const run = book.run(async (context) => {
      act(context.workbook.worksheets.getItem("Data"));
      await context.sync();
    });
    expect(await code(run)).toBe(expected);
  });

  it("refuses a chart on a protected sheet (AccessDenied)", async () => {
    const book = workbook();
    book.sheet("Data")!.protected = true;
    const run = book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.charts.add("Line", sheet.getRange("B1:B4"));
      await context.sync();
    });
    expect(await code(run)).toBe("AccessDenied");
  });
});
