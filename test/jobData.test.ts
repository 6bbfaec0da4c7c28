import { createXlsxWorkbook } from "../backends/xlsxFile";
import { readJobData, topLeft } from "../src/excel/jobData";
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
  it.each([10, 100_000])("reads a plain range's headers and a sample only, in two round trips, for %i rows", async (count) => {
    const book = rangeLog(count);
    const data = await readJobData(book.run);
    expect(book.syncs).toHaveLength(2);
    // The used range starts at the title in A1: its first row is taken as the headers, as the pane then shows.
    expect(data).toMatchObject({ source: { kind: "range", sheet: "Job log", headerRow: 1, firstColumn: 0 }, tables: [] });
    expect("sample" in data && data.sample).toHaveLength(SAMPLE_ROWS);
    expect(Math.max(...book.syncs.map((s) => s.responseBytes))).toBeLessThan(16 * 1024);
  });

  it("says there is no job data in an empty workbook, in one round trip", async () => {
    const { book } = createXlsxWorkbook();
    book.addSheet("Job log");
    expect(await readJobData(book.run)).toEqual({ problem: 'No job data found: the sheet "Job log" is empty and the workbook has no table.' });
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
