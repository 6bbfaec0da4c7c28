import { createXlsxWorkbook } from "../backends/xlsxFile";
import { columnLetters } from "../src/okr/references";
import { sampleColumnFormats } from "../src/sample/sampleFiles";
import { SAMPLE_HEADERS, SAMPLE_TABLE, SampleCell } from "../src/sample/sampleJobs";

/** Job rows written per request: one request holds at most 5 MB, as in Excel. */
const BATCH = 5_000;

/** Each column's number format: the sample's for its own columns, money for a spend, General for the rest. */
function columnFormats(headers: readonly string[]): string[] {
  const sample = sampleColumnFormats();
  return headers.map((header) => sample[SAMPLE_HEADERS.indexOf(header as (typeof SAMPLE_HEADERS)[number])] ?? (header === "Spend" ? "#,##0.00" : "General"));
}

/** The job log `rows` under `headers` as the pane's Insert sample data writes it: a table on its own sheet, by the CLI's xlsx backend. */
export async function writeJobs(headers: readonly string[], rows: readonly SampleCell[][], file: string): Promise<void> {
  const { book, save } = createXlsxWorkbook();
  await book.run(async (context) => {
    const last = columnLetters(headers.length - 1);
    const sheet = context.workbook.worksheets.add("Sample jobs");
    sheet.getRange(`A1:${last}1`).values = [[...headers]];
    const formats = columnFormats(headers);
    for (let first = 0; first < rows.length; first += BATCH) {
      const batch = rows.slice(first, first + BATCH);
      const range = sheet.getRange(`A${first + 2}:${last}${first + batch.length + 1}`);
      range.numberFormat = batch.map(() => formats);
      range.values = batch.map((row) => row.map((cell) => cell ?? ""));
      await context.sync();
    }
    sheet.tables.add(`A1:${last}${rows.length + 1}`, true).name = SAMPLE_TABLE;
    await context.sync();
  });
  await save(file);
}
