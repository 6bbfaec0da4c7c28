import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook, PAYLOAD_LIMIT_BYTES } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { SAMPLE_SHEET } from "../src/excel/sampleData";
import { detectColumns } from "../src/okr/columns";
import { PlanSettings } from "../src/okr/plan";
import { CHECK_IN_COLUMNS, CHECK_IN_SHEET, columnIndex, SAMPLE_ROWS, TABLE_HEADER_ROW } from "../src/okr/sheetLayout";
import { JobData } from "../src/okr/workbook";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { finance, kpiOkr, surveys } from "./kpiLibrary";

/**
 * src/excel, the code Excel runs, against Office.js-shaped workbooks that hold it to Excel's rules:
 * HyperFormula computes every formula it writes, and the values are compared with the KPI library.
 */

const Q3 = { label: "2026-Q3", from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const BASELINE = { from: 46113, to: 46203 }; // 2026-Q2, the previous quarter: 2026-04-01 .. 2026-06-30 (30 + 31 + 30 = 91 days)
const TITLE = "OKR 2026-Q3";
const rows = sampleJobs();
const column = (header: (typeof SAMPLE_HEADERS)[number]) => rows.map((row) => [row[SAMPLE_HEADERS.indexOf(header)]]);
const inPeriod = (p: { from: number; to: number }) => ({ dates: column("Job date"), from: p.from, to: p.to });

async function sampleWorkbook() {
  const { book } = createHyperFormulaWorkbook();
  const workbook = createExcelWorkbook(book.run);
  expect(await workbook.insertSampleData()).toEqual({ ok: true });
  const data = (await workbook.readJobData()) as JobData;
  return { book, workbook, data };
}

function settings(data: JobData, keyResults: PlanSettings["keyResults"]): PlanSettings {
  return { title: TITLE, period: Q3, mode: "portable", source: data.source, columns: detectColumns(data.source.headers, data.sample), keyResults };
}

const NPS = { id: "delight:nps", objectiveId: "delight", objective: "Delight customers", name: "Raise NPS", kpi: "nps" as const, type: "increase" as const, target: 45 };
const TICKET = { id: "grow:avgTicket", objectiveId: "grow", objective: "Grow repeat business", name: "Raise the average ticket", kpi: "avgTicket" as const, type: "increase" as const };

/** 2025-Q2 .. 2026-Q3: the quarters a Q3 sheet's sparkline covers, oldest first. */
const SIX_QUARTERS = [
  { from: 45748, to: 45838 }, // 2025-04-01 .. 2025-06-30
  { from: 45839, to: 45930 }, // 2025-07-01 .. 2025-09-30
  { from: 45931, to: 46022 }, // 2025-10-01 .. 2025-12-31
  { from: 46023, to: 46112 }, // 2026-01-01 .. 2026-03-31
  BASELINE,
  Q3,
];

/** Each value a number within 1e-9 of the one wanted. */
function expectClose(actual: readonly (number | null)[], wanted: readonly number[]): void {
  expect(actual).toHaveLength(wanted.length);
  wanted.forEach((value, i) => expect([i, actual[i]]).toEqual([i, expect.closeTo(value, 9)]));
}

/** A cell's computed value on a sheet, 1-based row, by KR-table column name. */
const cell = (book: OfficeWorkbook, row: number, name: Parameters<typeof columnIndex>[0]) => book.store.value(TITLE, row - 1, columnIndex(name));

describe("src/excel over a HyperFormula workbook", () => {
  it("inserts the sample as a table and finds it as the job log, reading only a sample of rows", async () => {
    const { book, data } = await sampleWorkbook();
    expect(book.tables.map((t) => [t.name, t.sheet])).toEqual([["Jobs", SAMPLE_SHEET]]);
    expect(data.source).toEqual({ kind: "table", table: "Jobs", headers: [...SAMPLE_HEADERS] });
    expect(data.sample).toHaveLength(SAMPLE_ROWS);
    expect(data.sample[0][0]).toBe(rows[0][0]);
    // Dates got their number format; the sample's 6,000 rows went in one request under Excel on the web's limit.
    expect(book.sheet(SAMPLE_SHEET)!.numberFormats.get("1:0")).toBe("yyyy-mm-dd");
    expect(Math.max(...book.syncs.map((s) => s.requestBytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it("builds an OKR sheet whose baseline, current value, progress and status equal the KPI library", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    const before = book.syncs.length;
    expect(await workbook.build(settings(data, [NPS, TICKET]))).toEqual({ ok: true, sheet: TITLE, keyResults: 2 });
    expect(book.syncs.length - before).toBe(1 + 1); // a new sheet: check, then write
    // Rows: 10 objective, 11 NPS, 12 objective, 13 average ticket.
    const nps = (p: { from: number; to: number }) => surveys.nps(column("NPS"), inPeriod(p)) as number;
    const ticket = (p: { from: number; to: number }) => finance.avgTicket(column("Amount"), inPeriod(p)) as number;
    expect(cell(book, 11, "Baseline")).toBeCloseTo(nps(BASELINE), 9);
    expect(cell(book, 11, "Current")).toBeCloseTo(nps(Q3), 9);
    expect(cell(book, 13, "Baseline")).toBeCloseTo(ticket(BASELINE), 9);
    expect(cell(book, 13, "Current")).toBeCloseTo(ticket(Q3), 9);
    const progress = kpiOkr.progress(nps(BASELINE), 45, nps(Q3)) as number;
    expect(cell(book, 11, "Progress")).toBeCloseTo(progress, 9);
    const elapsed = kpiOkr.elapsed(Q3.from, Q3.to, new Date().toISOString().slice(0, 10)) as number;
    expect(cell(book, 11, "Status")).toBe(kpiOkr.status(progress, elapsed, null, NPS.type, nps(BASELINE), NPS.target));
    expect(cell(book, 10, "Progress")).toBeCloseTo(progress, 9); // the objective's only KR with a target

    const live = await workbook.readLive(TITLE);
    expect(live.map((kr) => [kr.name, kr.isObjective])).toEqual([
      ["Delight customers", true],
      ["Raise NPS", false],
      ["Grow repeat business", true],
      ["Raise the average ticket", false],
    ]);
    expect(live[1].current).toBeCloseTo(nps(Q3), 9);
    expect(book.sheet(TITLE)!.hiddenColumns.has(columnIndex("Id"))).toBe(true);
    expect(book.sheet(TITLE)!.conditionalFormats.map((f) => f.type)).toEqual(["DataBar", ...Array(6).fill("CellValue"), ...Array(4).fill("CellValue")]); // a colour for each of the six status labels, better and worse for each of the two changes
  });

  it("keeps what the user typed on the sheet when built again, in three round trips", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS, TICKET]));
    const typeOn = (row: number, name: Parameters<typeof columnIndex>[0], text: string) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem(TITLE).getRangeByIndexes(row - 1, columnIndex(name), 1, 1).values = [[text]];
        await context.sync();
      });
    await typeOn(13, "Target", "300");
    await typeOn(13, "Owner", "Ana");
    await typeOn(11, "Notes", "after the spring campaign");
    const before = book.syncs.length;
    expect(await workbook.build(settings(data, [NPS, TICKET]))).toMatchObject({ ok: true });
    expect(book.syncs.length - before).toBe(3);
    expect(cell(book, 13, "Target")).toBe(300);
    expect(cell(book, 13, "Owner")).toBe("Ana");
    expect(cell(book, 11, "Notes")).toBe("after the spring campaign");
    const ticket = finance.avgTicket(column("Amount"), inPeriod(Q3)) as number;
    const baseline = finance.avgTicket(column("Amount"), inPeriod(BASELINE)) as number;
    expect(cell(book, 13, "Progress")).toBeCloseTo(kpiOkr.progress(baseline, 300, ticket) as number, 9);
    expect(book.tables.filter((t) => t.sheet === TITLE)).toHaveLength(1);
  });

  it("records a check-in of every key result, text as text, in two round trips; a double check-in appends", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS, TICKET]));
    const before = book.syncs.length;
    expect(await workbook.recordCheckIn(TITLE, new Date(2026, 7, 15), "High", "=not a formula")).toBe(2);
    expect(book.syncs.length - before).toBe(2);
    const table = book.table("CheckIns")!;
    expect(table.columns).toEqual([...CHECK_IN_COLUMNS]);
    const value = (row: number, c: number) => book.store.value(CHECK_IN_SHEET, row, c);
    expect([value(1, 0), value(1, 2), value(1, 7), value(1, 8)]).toEqual([46249, "Raise NPS", "High", "=not a formula"]); // 2026-08-15
    expect(value(2, 2)).toBe("Raise the average ticket");
    expect(value(1, 3)).toBeCloseTo(surveys.nps(column("NPS"), inPeriod(Q3)) as number, 9);
    // Dates as dates, NPS as a score and the ticket as money (the OKR sheet's formats), progress as a share.
    const format = (row: number, c: number) => book.sheet(CHECK_IN_SHEET)!.numberFormats.get(`${row}:${c}`);
    expect([format(1, 0), format(1, 3), format(1, 4), format(1, 5), format(2, 3)]).toEqual(["yyyy-mm-dd", "0.0", "0.0", "0%", "#,##0.00"]);
    await workbook.recordCheckIn(TITLE, new Date(2026, 7, 16), "Low", "");
    expect(book.table("CheckIns")!.area.height).toBe(1 + 4);
  });

  it("finds the job log again after a build and a check-in: never the add-in's own tables, even on their sheet", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS, TICKET]));
    await workbook.recordCheckIn(TITLE, new Date(2026, 7, 15), "High", "");
    // The OKR sheet is active and its table, like CheckIns, comes before Jobs in no particular order.
    expect(book.activeSheet).toBe(TITLE);
    expect(await workbook.readJobData()).toMatchObject({ source: { kind: "table", table: "Jobs" } });
    book.tables.splice(book.tables.findIndex((t) => t.name === "Jobs"), 1); // the user turned Jobs back into a range
    expect(await workbook.readJobData()).toEqual({
      problem: { code: "noJobLog", sheet: TITLE },
    });
  });

  it("follows the sheet: an edited job recalculates Current and calls the listener", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS]));
    const calls: number[] = [];
    const stop = await workbook.onCalculated(TITLE, () => calls.push(1));
    const q3Row = rows.findIndex((row) => (row[0] as number) >= Q3.from && row[SAMPLE_HEADERS.indexOf("NPS")] === 0);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SAMPLE_SHEET).getRangeByIndexes(q3Row + 1, SAMPLE_HEADERS.indexOf("NPS"), 1, 1).values = [["10"]];
      await context.sync();
    });
    const edited = rows.map((row, i) => [i === q3Row ? 10 : row[SAMPLE_HEADERS.indexOf("NPS")]]);
    expect(cell(book, 11, "Current")).toBeCloseTo(surveys.nps(edited, inPeriod(Q3)) as number, 9);
    expect(calls.length).toBeGreaterThan(0);
    await stop();
    const seen = calls.length;
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(SAMPLE_SHEET).getRangeByIndexes(q3Row + 1, SAMPLE_HEADERS.indexOf("NPS"), 1, 1).values = [["0"]];
      await context.sync();
    });
    expect(calls.length).toBe(seen);
  });

  it("writes nothing to a protected OKR sheet, and says so", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS]));
    book.sheet(TITLE)!.protected = true;
    const target = cell(book, 11, "Target");
    expect(await workbook.build(settings(data, [NPS, TICKET]))).toEqual({ ok: false, problems: [{ code: "sheetProtected", sheet: TITLE }] });
    expect(cell(book, 11, "Target")).toBe(target);
    expect(cell(book, 13, "Key result")).toBe("");
  });

  it("stops, naming the cells, rather than overwrite what the user put beside a table built before it had its comparison columns", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    // An OKR sheet as the add-in wrote it before the comparison columns: sixteen columns, A to P, and the user's note in Q.
    const before = ["Objective", "Key result", "KPI", "Type", "Baseline", "Target", "Current", "Progress", "Expected", "Status", "Owner", "Weight", "Notes", "Id", "Objective id", "Weighted progress"];
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.add(TITLE);
      sheet.getRange("A9:Q10").values = [[...before, ""], ["Delight customers", ...Array(15).fill(""), "call back Friday"]];
      await context.sync();
    });
    expect(await workbook.build(settings(data, [NPS]))).toEqual({
      ok: false,
      problems: [{ code: "entriesInTheWay", lastColumn: "X", sheet: TITLE, cells: "Q10", more: 0 }],
    });
    expect(book.store.value(TITLE, 9, 16)).toBe("call back Friday");
    expect(book.store.value(TITLE, 8, 7)).toBe("Progress");
  });

  it("reads each KR's last six quarters, oldest first, equal to the KPI library", async () => {
    const { workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS, TICKET]));
    const live = await workbook.readLive(TITLE);
    const want = (kpi: (p: { from: number; to: number }) => number) => SIX_QUARTERS.map(kpi);
    expectClose(live[1].history!, want((p) => surveys.nps(column("NPS"), inPeriod(p)) as number));
    expectClose(live[3].history!, want((p) => finance.avgTicket(column("Amount"), inPeriod(p)) as number));
    // An objective's row has no KPI of its own.
    expect(live[0].history).toEqual([null, null, null, null, null, null]);
  });

  it("re-runs a sheet built before the history columns, keeping what the user typed, and fills them", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS, TICKET]));
    // The earlier build's layout: the table ends at Weighted progress (T); nothing in U to X.
    const table = book.tables.find((t) => t.sheet === TITLE)!;
    const [first, last] = [columnIndex("5 periods ago"), columnIndex("2 periods ago")];
    book.store.write(TITLE, table.area.top, first, Array.from({ length: table.area.height }, () => Array(last - first + 1).fill(null)), () => false);
    table.area.width = first;
    table.columns.splice(first);
    expect(cell(book, TABLE_HEADER_ROW, "5 periods ago")).toBe("");
    const typeOn = (row: number, name: Parameters<typeof columnIndex>[0], value: string | number) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem(TITLE).getRangeByIndexes(row - 1, columnIndex(name), 1, 1).values = [[value]];
        await context.sync();
      });
    await typeOn(11, "Target", 50);
    await typeOn(11, "Notes", "after the spring campaign");
    await typeOn(13, "Owner", "Ana");
    // An old sheet reads with gaps where it has no history yet.
    expect((await workbook.readLive(TITLE))[1].history!.slice(0, 4)).toEqual([null, null, null, null]);

    expect(await workbook.build(settings(data, [NPS, TICKET]))).toMatchObject({ ok: true });
    expect([cell(book, 11, "Target"), cell(book, 11, "Notes"), cell(book, 13, "Owner")]).toEqual([50, "after the spring campaign", "Ana"]);
    expect(cell(book, TABLE_HEADER_ROW, "2 periods ago")).toBe("2 periods ago");
    expectClose((await workbook.readLive(TITLE))[1].history!, SIX_QUARTERS.map((p) => surveys.nps(column("NPS"), inPeriod(p)) as number));
  });

  it("writes nothing when the job table is gone", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    book.tables.splice(0, 1);
    expect(await workbook.build(settings(data, [NPS]))).toEqual({ ok: false, problems: [{ code: "jobDataGone", kind: "table", name: "Jobs" }] });
    expect(book.sheet(TITLE)).toBeUndefined();
  });

  it("refuses a second sample insert without writing", async () => {
    const { book, workbook } = await sampleWorkbook();
    const sheets = book.sheets.length;
    expect(await workbook.insertSampleData()).toEqual({ ok: false, problem: { code: "sheetExists", sheet: SAMPLE_SHEET } });
    expect(book.sheets).toHaveLength(sheets);
  });
});

describe("src/excel's round trips and request sizes do not grow with the job log", () => {
  /** A workbook file with a job table of `count` rows (written straight into the store, as a file would hold it). */
  function jobLog(count: number) {
    const { book } = createXlsxWorkbook();
    book.addSheet("Jobs");
    const cells = [["Date", "Customer", "NPS"], ...Array.from({ length: count }, (_, r) => [46023 + (r % 365), `Customer ${r % 997}`, r % 11])];
    book.store.write("Jobs", 0, 0, cells, (row) => row === 0);
    book.tables.push({ name: "Jobs", sheet: "Jobs", area: { top: 0, left: 0, height: count + 1, width: 3 }, columns: ["Date", "Customer", "NPS"] });
    return book;
  }

  it.each([10, 100_000])("reads the log and builds the sheet in the same round trips for %i jobs", async (count) => {
    const book = jobLog(count);
    const workbook = createExcelWorkbook(book.run);
    const data = (await workbook.readJobData()) as JobData;
    expect(data.sample).toHaveLength(SAMPLE_ROWS);
    expect(await workbook.build(settings(data, [NPS, { ...NPS, id: "x:nps", objective: "More" }]))).toMatchObject({ ok: true });
    expect(book.syncs).toHaveLength(3 + 2);
    // What crosses to Excel is the plan and the sample, never the log: a few kilobytes either way.
    expect(Math.max(...book.syncs.map((s) => s.requestBytes + s.responseBytes))).toBeLessThan(64 * 1024);
  });
});

describe("the KR table's layout", () => {
  it("puts the header row where the layout says", async () => {
    const { book, workbook, data } = await sampleWorkbook();
    await workbook.build(settings(data, [NPS]));
    expect(book.table("OKR_2026_Q3")!.area.top).toBe(TABLE_HEADER_ROW - 1);
  });
});
