import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { chartData } from "../demo/chartData";
import { buildTrendsSheet } from "../src/excel/trendsSheet";
import { CHECK_IN_COLUMNS } from "../src/okr/sheetLayout";
import { TrendsSettings } from "../src/okr/trends";
import { CHECK_INS, JOBS, JOB_HEADERS, OLDER_SHEET, Q3, Q3_BY_HAND, Q3_KEY_RESULTS, SHEET, typed } from "./checkInHistoryFixture";

/**
 * The Check-in history sheet written by src/excel with the trends, computed by HyperFormula (the
 * demo's engine): each cell is the progress hand-worked from the check-in rows, names that COUNTIFS
 * would read as patterns or operators matched exactly, two check-ins the same day averaged; live, so
 * an edited check-in shows at once; a re-run adds new dates and keeps the user's cells; still three round trips.
 */

const HISTORY = "Check-in history";

async function workbook(checkIns: readonly (readonly unknown[])[] | null = CHECK_INS): Promise<OfficeWorkbook> {
  const { book } = createHyperFormulaWorkbook();
  await book.run(async (context) => {
    const jobs = context.workbook.worksheets.add("Jobs");
    jobs.getRange(`A1:B${JOBS.length + 1}`).values = [JOB_HEADERS, ...JOBS];
    jobs.tables.add(`A1:B${JOBS.length + 1}`, true).name = "Jobs";
    if (checkIns) {
      const address = `A1:I${checkIns.length + 1}`;
      const sheet = context.workbook.worksheets.add("Check-ins");
      sheet.getRange(address).values = [[...CHECK_IN_COLUMNS], ...checkIns.map((row) => row.map(typed))];
      sheet.tables.add(address, true).name = "CheckIns";
    }
    await context.sync();
  });
  return book;
}

const settings: TrendsSettings = { period: Q3, mode: "portable", source: { kind: "table", table: "Jobs", headers: JOB_HEADERS }, columns: { date: 0, nps: 1 } };

/** The block's cells from its label row (0-based `top`), `rows` × `width`, as HyperFormula computes them. */
function cells(book: OfficeWorkbook, top: number, rows: number, width: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => book.store.value(HISTORY, top + r, c)));
}

const rounded = (value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value);
const roundedRows = (rows: unknown[][]) => rows.map((row) => row.map(rounded));
const BUILT = { ok: true, sheet: HISTORY, okrSheets: 2 };

describe("the Check-in history, computed by HyperFormula", () => {
  it("shows each key result's progress by check-in day, as worked out by hand, in the Trends build's three round trips", async () => {
    const book = await workbook();
    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings)).toMatchObject({ ok: true, sheet: "Trends", history: BUILT });
    expect(book.syncs.length - before).toBe(3);
    // The most recent sheet first, from row 4: label, header, then its two days.
    expect(roundedRows(cells(book, 3, 4, 7))).toEqual([["OKR sheet", SHEET, "", "", "", "", ""], ["Date", ...Q3_KEY_RESULTS], ...Q3_BY_HAND]);
    expect(Q3_KEY_RESULTS.map((_, k) => book.store.isText(HISTORY, 4, 1 + k))).toEqual(Q3_KEY_RESULTS.map(() => true));
    // The older sheet below, past the first block's chart (15 rows) and a gap: row 20.
    expect(roundedRows(cells(book, 19, 3, 3))).toEqual([["OKR sheet", OLDER_SHEET, ""], ["Date", "Smith*", ""], [46174, 0.9, ""]]);
  });

  it("follows an edited check-in at once, without a new build", async () => {
    const book = await workbook();
    await buildTrendsSheet(book.run, settings);
    await book.run(async (context) => {
      // The Check-ins table's seventh row (sheet row 8): Smith* on 2026-08-01, 0.6 → 0.8.
      context.workbook.worksheets.getItem("Check-ins").getRange("F8").values = [[0.8]];
      await context.sync();
    });
    expect(rounded(book.store.value(HISTORY, 6, 1))).toBe(0.8);
  });

  it("charts each block beside it, and the demo draws each chart from the block's cells", async () => {
    const book = await workbook();
    await buildTrendsSheet(book.run, settings);
    const charts = book.charts.filter((chart) => chart.sheet === HISTORY);
    expect(charts.map(({ name, title }) => [name, title])).toEqual([
      [`Check-in history: ${SHEET}`, SHEET],
      [`Check-in history: ${OLDER_SHEET}`, OLDER_SHEET],
    ]);
    const drawn = chartData(book, charts[0]);
    expect(drawn.labels).toEqual(["2026-07-01", "2026-08-01"]);
    expect(drawn.series.map((series) => series.name)).toEqual(Q3_KEY_RESULTS);
    // By column: a day with no number is a gap in the line.
    expect(drawn.series.map((series) => series.values.map(rounded))).toEqual(Q3_KEY_RESULTS.map((_, k) => Q3_BY_HAND.map((row) => (row[1 + k] === "" ? null : row[1 + k]))));
  });

  it("on a re-run, shows the dates checked in since, keeps the user's cells and charts, and replaces only its own charts", async () => {
    const book = await workbook();
    await buildTrendsSheet(book.run, settings);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(HISTORY);
      sheet.getRange("H5").values = [["'=my note"]]; // beside the first block
      sheet.getRange("A40").values = [["mine below"]];
      sheet.charts.add("Line", sheet.getRange("B5:B7"), "Columns").name = "My chart";
      // A check-in on 2026-09-01 of Smith* in the Q3 sheet.
      context.workbook.tables.getItem("CheckIns").rows.add(undefined, [[46266.5, SHEET, "Smith*", 7, 10, 0.7, "On track", "High", ""]]);
      await context.sync();
    });
    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings)).toMatchObject({ ok: true, history: BUILT });
    expect(book.syncs.length - before).toBe(3);
    expect(roundedRows(cells(book, 5, 3, 2))).toEqual([Q3_BY_HAND[0].slice(0, 2), Q3_BY_HAND[1].slice(0, 2), [46266, 0.7]]);
    expect([book.store.value(HISTORY, 4, 7), book.store.isText(HISTORY, 4, 7), book.store.value(HISTORY, 39, 0)]).toEqual(["=my note", true, "mine below"]);
    expect(book.charts.filter((chart) => chart.sheet === HISTORY).map((chart) => chart.name)).toEqual(["My chart", `Check-in history: ${SHEET}`, `Check-in history: ${OLDER_SHEET}`]);
  });

  it("on a re-run, clears what its earlier block wrote where the new one is narrower", async () => {
    const book = await workbook();
    await buildTrendsSheet(book.run, settings);
    await book.run(async (context) => {
      // The last check-in (sheet row 13), of "?", now names Smith*: six key results become five.
      context.workbook.worksheets.getItem("Check-ins").getRange("C13").values = [["Smith*"]];
      await context.sync();
    });
    await buildTrendsSheet(book.run, settings);
    // 2026-08-01: Smith* (0.6 + 0.33) / 2; column G, "?" before, left empty.
    expect(roundedRows(cells(book, 4, 3, 7))).toEqual([["Date", ...Q3_KEY_RESULTS.slice(0, 5), ""], [...Q3_BY_HAND[0].slice(0, 6), ""], [46235, 0.465, 0.75, 1, 0.9, 0.05, ""]]);
  });

  describe("edge cases", () => {
    const none = { ok: false, problems: [{ code: "noCheckIns", table: "CheckIns" }] };

    it.each([
      ["no CheckIns table", null],
      ["a CheckIns table with no row", []],
    ])("with %s, builds the trends and no history, and says why", async (_, checkIns) => {
      const book = await workbook(checkIns);
      expect(await buildTrendsSheet(book.run, settings)).toMatchObject({ ok: true, sheet: "Trends", history: none });
      expect(book.sheet(HISTORY)).toBeUndefined();
    });

    it("builds the trends, and writes nothing to a protected history sheet, saying so", async () => {
      const book = await workbook();
      await buildTrendsSheet(book.run, settings);
      book.sheet(HISTORY)!.protected = true;
      expect(await buildTrendsSheet(book.run, settings)).toMatchObject({ ok: true, history: { ok: false, problems: [{ code: "sheetProtected", sheet: HISTORY }] } });
    });
  });
});
