import { OfficeWorkbook, PAYLOAD_LIMIT_BYTES } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { exportTrends } from "../scripts/trends";
import { buildTrendsSheet } from "../src/excel/trendsSheet";
import { FormulaMode } from "../src/okr/formulas";
import { TrendsSettings } from "../src/okr/trends";
import { describeSafetyRules, hyperFormulaLog, readLog } from "./logSheetHarness";

/**
 * The Trends sheet written by src/excel (the code Excel runs) over the Office.js-shaped backends:
 * HyperFormula computes it in both formula modes against values worked out by hand; a re-run keeps
 * notes by month and counts new jobs; round trips stay fixed; npm run trends never writes its input.
 */

const SHEET = "Trends";
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30: the sheet shows 2025-10 .. 2026-09
const HEADERS = ["Job date", "NPS", "Amount"];
const JOBS = [
  [45930, 10, 999], // 2025-09-30: the day before the first month shown
  [45931, 0, 10], // 2025-10-01
  [46204, 10, 100], // 2026-07-01
  [46234.9, 6, 300], // 2026-07-31, late in the day: still July
  [46235, 9, 50], // 2026-08-01
  [46266, 8, 70], // 2026-09-01
  [46266.5, "", 20], // 2026-09-01 at noon, no NPS answer: a second job that day
  [46295, 0, 30], // 2026-09-30
];
const NONE = "#DIV/0!";
/** These workbooks have no check-ins: the Trends build says why it made no check-in history (see checkInHistory.test.ts). */
const NO_CHECK_INS = { ok: false, problems: [{ code: "noCheckIns", table: "CheckIns" }] };
/**
 * By hand, per month from 2025-10: NPS (promoters − detractors over answers, ×100), the average
 * ticket, revenue, jobs and jobs per day with a job; a month with no job has revenue and jobs 0, and
 * #DIV/0! for the rest, as the KPI library has.
 * October: one detractor, 10; one job. July: a promoter and a detractor (0), (100 + 300) / 2, 400; two
 * jobs on two days. August: a promoter, 50; one job. September: a passive and a detractor, -50,
 * (70 + 20 + 30) / 3, 120; three jobs on two days.
 */
const BY_HAND = [
  [-100, 10, 10, 1, 1],
  ...Array.from({ length: 8 }, () => [NONE, NONE, 0, 0, NONE]),
  [0, 200, 400, 2, 1],
  [100, 50, 50, 1, 1],
  [-50, 40, 120, 3, 1.5],
];
/** The Notes column, 0-based: after the month and the five KPIs. */
const NOTES = 6;
const FIRST_MONTH_ROW = 5; // 0-based: the header row is row 5 (1-based)

/** JOBS in a workbook that computes every formula written to it. */
const computedLog = () => hyperFormulaLog(HEADERS, JOBS);

async function settingsFor(book: OfficeWorkbook, mode: FormulaMode): Promise<TrendsSettings> {
  return { period: Q3, mode, ...(await readLog(book)) };
}

/** The sheet's rows below its header row, as [month, NPS, average ticket, revenue, jobs, jobs per day, notes]. */
function trendRows(book: OfficeWorkbook, count: number): unknown[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: NOTES + 1 }, (_, c) => book.store.value(SHEET, FIRST_MONTH_ROW + r, c)));
}

const rounded = (value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value);

describe.each(["portable", "kpi"] as const)("the Trends sheet in %s mode, computed by HyperFormula", (mode) => {
  it("shows each KPI by month, as worked out by hand, in three round trips", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, mode);
    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, months: 12, kpis: 5, charts: 3, history: NO_CHECK_INS });
    expect(book.syncs.length - before).toBe(3);
    expect(book.store.value(SHEET, 4, 1)).toBe("Net Promoter Score");
    const rows = trendRows(book, 12);
    expect(rows.map((row) => row[0])).toEqual([45931, 45962, 45992, 46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266]);
    expect(rows.map((row) => row.slice(1, NOTES).map(rounded))).toEqual(BY_HAND);
    expect(book.store.value(SHEET, FIRST_MONTH_ROW + 12, 0)).toBe("");
  });
});

describe("a re-run of the Trends sheet", () => {
  it("keeps the notes typed beside a month, clears nothing beside the block, and counts new jobs", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, "portable");
    await buildTrendsSheet(book.run, settings);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("G15").values = [["'=check July"]]; // July 2026 is the tenth month: row 6 + 9
      sheet.getRange("I6").values = [["mine"]]; // beside the block
      context.workbook.tables.getItem("Jobs").rows.add(undefined, [[46240, 10, 150]]); // 2026-08
      await context.sync();
    });
    const before = book.syncs.length;
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, months: 12, kpis: 5, charts: 3, history: NO_CHECK_INS });
    expect(book.syncs.length - before).toBe(3);
    const rows = trendRows(book, 12);
    expect(rows.map((row) => row[NOTES]).filter((note) => note !== "")).toEqual(["=check July"]);
    expect([rows[9][NOTES], book.store.isText(SHEET, FIRST_MONTH_ROW + 9, NOTES)]).toEqual(["=check July", true]);
    expect(book.store.value(SHEET, FIRST_MONTH_ROW, 8)).toBe("mine");
    // August now has two promoters: NPS 100, (50 + 150) / 2, 200; two jobs on two days.
    expect(rows[10].slice(1, NOTES)).toEqual([100, 100, 200, 2, 1]);
  });

  it("keeps a month that falls out of the twelve below them while it has notes", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, "portable");
    await buildTrendsSheet(book.run, settings);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange("G6:G7").values = [["October slow"], [""]];
      await context.sync();
    });
    expect(await buildTrendsSheet(book.run, { ...settings, period: { from: 46296, to: 46387 } })).toEqual({ ok: true, sheet: SHEET, months: 13, kpis: 5, charts: 3, history: NO_CHECK_INS });
    const rows = trendRows(book, 13);
    expect(rows[0][0]).toBe(46023); // 2026-01 .. 2026-12
    expect([rows[12][0], rounded(rows[12][1]), rows[12][NOTES]]).toEqual([45931, -100, "October slow"]);
  });

  it("writes nothing to a protected sheet, and says so", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, "portable");
    await buildTrendsSheet(book.run, settings);
    book.sheet(SHEET)!.protected = true;
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "sheetProtected", sheet: SHEET }] });
  });

  it("builds nothing when the job data has gone", async () => {
    const book = await computedLog();
    const settings = { ...(await settingsFor(book, "portable")), source: { kind: "table" as const, table: "Gone", headers: [] } };
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "jobDataGone", kind: "table", name: "Gone" }] });
    expect(book.sheet(SHEET)).toBeUndefined();
  });

  it("builds nothing without a job-date column", async () => {
    const book = await computedLog();
    const settings = { ...(await settingsFor(book, "portable")), columns: { nps: 1 } };
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "noTrendsDateColumn" }] });
    expect(book.sheet(SHEET)).toBeUndefined();
  });
});

describe("the Trends sheet's round trips do not grow with the job log", () => {
  function jobLog(count: number) {
    const { book } = createXlsxWorkbook();
    book.addSheet("Jobs");
    const cells = [["Date", "NPS"], ...Array.from({ length: count }, (_, r) => [Q3.from + (r % 92), r % 11])];
    book.store.write("Jobs", 0, 0, cells, (row) => row === 0);
    book.tables.push({ name: "Jobs", sheet: "Jobs", area: { top: 0, left: 0, height: count + 1, width: 2 }, columns: ["Date", "NPS"] });
    return book;
  }

  /** What each of the build's round trips sends and receives, in bytes. */
  async function tripSizes(count: number): Promise<number[]> {
    const book = jobLog(count);
    const source = { kind: "table" as const, table: "Jobs", headers: ["Date", "NPS"] };
    const settings: TrendsSettings = { period: Q3, mode: "portable", source, columns: { date: 0, nps: 1 } };
    const before = book.syncs.length;
    // NPS, and jobs and jobs per day from the date.
    expect(await buildTrendsSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, months: 12, kpis: 3, charts: 2, history: NO_CHECK_INS });
    return book.syncs.slice(before).map((s) => s.requestBytes + s.responseBytes);
  }

  it("builds in three round trips of the same size for 10 and 100,000 jobs: the log is never read", async () => {
    const [few, many] = [await tripSizes(10), await tripSizes(100_000)];
    expect(few).toHaveLength(3);
    expect(many).toEqual(few);
    expect(Math.max(...many)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describeSafetyRules({
  name: "npm run trends",
  run: exportTrends,
  headers: HEADERS,
  jobs: JOBS,
  rerun: {
    answer: { title: SHEET, months: 12, kpis: 5, history: 'No check-in history was built: the table "CheckIns" holds no check-in yet. Record a check-in, then build the trends again.' },
    sheet: SHEET,
    row: FIRST_MONTH_ROW,
    first: 45931,
    notes: NOTES,
    note: "=ask about October",
  },
});
