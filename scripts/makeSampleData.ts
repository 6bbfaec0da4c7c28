// Writes assets/sample-jobs.xlsx and assets/sample-jobs.csv from the sample generator:
// npm run sample-data. The workbook is written by the add-in's own "Insert sample data"
// (src/excel) over the xlsx backend, so the file is exactly what a user gets in Excel.
import { writeFileSync } from "fs";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { insertSampleData } from "../src/excel/sampleData";
import { renderProblem } from "../src/okr/problems";
import { sampleCsv } from "../src/sample/sampleFiles";
import { sampleJobs } from "../src/sample/sampleJobs";

async function main(): Promise<void> {
  const rows = sampleJobs();
  writeFileSync("assets/sample-jobs.csv", sampleCsv(rows));

  const { book, save } = createXlsxWorkbook();
  const inserted = await insertSampleData(book.run);
  if (!inserted.ok) throw new Error(renderProblem(inserted.problem, "en"));
  await save("assets/sample-jobs.xlsx");
  console.log(`Wrote ${rows.length} jobs to assets/sample-jobs.xlsx and assets/sample-jobs.csv`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
