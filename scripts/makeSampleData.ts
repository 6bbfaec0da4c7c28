// Writes assets/sample-jobs.xlsx (an Excel table named Jobs) and assets/sample-jobs.csv from the
// sample generator: npm run sample-data
import ExcelJS from "exceljs";
import { sampleColumnFormats, sampleCsv } from "../src/sample/sampleFiles";
import { SAMPLE_HEADERS, SAMPLE_TABLE, sampleJobs } from "../src/sample/sampleJobs";
import { writeFileSync } from "fs";

async function main(): Promise<void> {
  const rows = sampleJobs();
  writeFileSync("assets/sample-jobs.csv", sampleCsv(rows));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SAMPLE_TABLE);
  sheet.addTable({
    name: SAMPLE_TABLE,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: SAMPLE_HEADERS.map((name) => ({ name, filterButton: true })),
    rows,
  });
  sampleColumnFormats().forEach((format, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, SAMPLE_HEADERS[i].length + 2);
    if (format) column.numFmt = format;
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  await workbook.xlsx.writeFile("assets/sample-jobs.xlsx");
  console.log(`Wrote ${rows.length} jobs to assets/sample-jobs.xlsx and assets/sample-jobs.csv`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
