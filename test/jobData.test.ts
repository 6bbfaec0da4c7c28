import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { readJobData, topLeft } from "../src/excel/jobData";
import { makeJobTable } from "../src/excel/rangeToTable";
import { JobData } from "../src/okr/workbook";
import { SAMPLE_ROWS } from "../src/okr/sheetLayout";

/** A plain range (no table) on a sheet "Job log", starting at B3 below a title, of `count` jobs. */
function rangeLog(count: number) {
  const { book } = createXlsxWorkbook();
  book.addSheet("Job log");
  book.store.write("Job log", 0, 0, [["Jobs exported 2026-10-01"]], () => true);
  const cells = [["Date", "Customer", "NPS"], ...Array.from({ length: count }, (_, r) => [46024 + r, `C${r + 1}`, (r + 1) % 11])];
  book.store.write("Job log", 2, 1, cells, (row) => row === 2);
  return book;
}

describe("readJobData", () => {
  it.each([10, 100_000])("reads a plain range's headers, a sample and each column's span only, in three round trips, for %i rows", async (count) => {
    const book = rangeLog(count);
    const data = await readJobData(book.run);
    expect(book.syncs).toHaveLength(3);
    // Dates 46024 up to 46024 + count − 1; customers are text (MIN and MAX skip it: 0); NPS runs 1..10, then 0 from the 11th job.
    expect("spans" in data && data.spans).toEqual([{ min: 46024, max: 46024 + count - 1 }, { min: 0, max: 0 }, { min: count > 10 ? 0 : 1, max: 10 }]);
    // The used range starts at the title in A1; the headers are found on row 3, and formulas reach as far
    // below the last job (row count + 3) as the log is long, at least 1,000 rows: never the sheet's last row.
    const lastRow = count + 3 + Math.max(1000, count);
    expect(data).toMatchObject({ source: { kind: "range", sheet: "Job log", headers: ["Date", "Customer", "NPS"], headerRow: 3, firstColumn: 1, lastRow }, tables: [] });
    expect("sample" in data && data.sample).toHaveLength(SAMPLE_ROWS);
    expect("sample" in data && data.sample[0]).toEqual([46024, "C1", 1]);
    expect(Math.max(...book.syncs.map((s) => s.responseBytes))).toBeLessThan(16 * 1024);
  });

  it("makes a plain range a table from its header row to its last job, named so it does not clash", async () => {
    const book = rangeLog(10);
    book.addSheet("Elsewhere");
    book.tables.push({ name: "JobLog", sheet: "Elsewhere", area: { top: 0, left: 0, height: 2, width: 1 }, columns: ["X"] });
    const data = (await readJobData(book.run)) as JobData;
    expect(data.source.kind === "range" && (await makeJobTable(book.run, data.source))).toEqual({ ok: true, table: "JobLog2" });
    // Headers on row 3, columns B to D, ten jobs below: B3:D13.
    expect(book.table("JobLog2")).toMatchObject({ sheet: "Job log", area: { top: 2, left: 1, height: 11, width: 3 }, columns: ["Date", "Customer", "NPS"] });
    expect(await readJobData(book.run, { table: "JobLog2" })).toMatchObject({ source: { kind: "table", table: "JobLog2", headers: ["Date", "Customer", "NPS"] } });
  });

  it("spans every row of a table, not only the sample's first rows, whatever their order; an error value leaves its column's span out", async () => {
    const { book } = createHyperFormulaWorkbook();
    book.addSheet("Jobs");
    // 120 jobs, newest first for the first 60 and oldest first after: the latest (46400) and earliest (46000) are past the first 50 rows.
    const dates = [...Array.from({ length: 60 }, (_, i) => 46300 - i), 46000, ...Array.from({ length: 58 }, (_, i) => 46100 + i), 46400];
    const cells = [["Job date", "Amount"], ...dates.map((date, i) => [date, i === 70 ? "=NA()" : 100 + i])];
    book.store.write("Jobs", 0, 0, cells, (row) => row === 0);
    book.tables.push({ name: "Jobs", sheet: "Jobs", area: { top: 0, left: 0, height: cells.length, width: 2 }, columns: ["Job date", "Amount"] });
    const data = (await readJobData(book.run)) as JobData;
    expect(data.spans).toEqual([{ min: 46000, max: 46400 }, undefined]);
  });

  it.each(["table", "range"] as const)("reads each column's number format on a %s's first job with the spans, in no extra round trip", async (kind) => {
    const { book } = createHyperFormulaWorkbook();
    book.addSheet("Jobs");
    const cells = [["Job date", "Customer", "Amount"], [46204, "Ann", 120.5], [46205, "Bo", 80]];
    book.store.write("Jobs", 0, 0, cells, (row) => row === 0);
    if (kind === "table") book.tables.push({ name: "Jobs", sheet: "Jobs", area: { top: 0, left: 0, height: 3, width: 3 }, columns: ["Job date", "Customer", "Amount"] });
    // Formats as Excel holds them: the second row's differ, and only the first job's are read.
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Jobs").getRange("A2:C3").numberFormat = [
        ["yyyy-mm-dd", "General", "[$€-407] #,##0.00"],
        ["General", "@", "0.00"],
      ];
      await context.sync();
    });
    const before = book.syncs.length;
    const data = (await readJobData(book.run)) as JobData;
    expect(data.numberFormats).toEqual(["yyyy-mm-dd", "General", "[$€-407] #,##0.00"]);
    expect(book.syncs.length - before).toBe(3);
  });

  it("reads no number formats from a log of headers and no jobs", async () => {
    const { book } = createXlsxWorkbook();
    book.addSheet("Jobs");
    book.store.write("Jobs", 0, 0, [["Job date", "Amount"]], () => true);
    const data = (await readJobData(book.run)) as JobData;
    expect(data.source).toMatchObject({ kind: "range", sheet: "Jobs", headers: ["Job date", "Amount"] });
    expect(data.numberFormats).toBeUndefined();
  });

  it("says there is no job data in an empty workbook, in one round trip", async () => {
    const { book } = createXlsxWorkbook();
    book.addSheet("Job log");
    expect(await readJobData(book.run)).toEqual({ problem: { code: "emptySheetNoTable", sheet: "Job log" } });
    expect(book.syncs).toHaveLength(1);
  });
});

describe("topLeft", () => {
  it.each([
    ["'Job log'!B3:F40", { row: 3, column: 1 }],
    ["Sheet1!$AA$10", { row: 10, column: 26 }],
    ["A1:C5", { row: 1, column: 0 }],
  ])("%s", (address, expected) => {
    expect(topLeft(address)).toEqual(expected);
  });
});
