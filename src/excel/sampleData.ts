import { columnLetters } from "../okr/references";
import { sampleColumnFormats } from "../sample/sampleFiles";
import { SAMPLE_HEADERS, SAMPLE_TABLE, sampleJobs } from "../sample/sampleJobs";
import type { Problem } from "../okr/problems";
import { ExcelRun } from "./run";

export const SAMPLE_SHEET = "Sample jobs";

/**
 * Adds the sample job log on a new sheet as a table, so a user with an empty workbook can try
 * everything at once. Two round trips; an existing sheet of that name is left alone.
 */
export async function insertSampleData(run: ExcelRun): Promise<{ ok: true } | { ok: false; problem: Problem }> {
  return run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(SAMPLE_SHEET);
    const jobsTable = context.workbook.tables.getItemOrNullObject(SAMPLE_TABLE);
    await context.sync();
    if (!existing.isNullObject) return { ok: false as const, problem: { code: "sheetExists" as const, sheet: SAMPLE_SHEET } };

    const rows = sampleJobs();
    const address = `A1:${columnLetters(SAMPLE_HEADERS.length - 1)}${rows.length + 1}`;
    const sheet = context.workbook.worksheets.add(SAMPLE_SHEET);
    const range = sheet.getRange(address);
    const formats = sampleColumnFormats().map((format) => format ?? "General");
    range.numberFormat = [SAMPLE_HEADERS.map(() => "General"), ...rows.map(() => formats)];
    // Values, not formulas: comments are text and must never run.
    range.values = [[...SAMPLE_HEADERS], ...rows.map((row) => row.map((cell) => cell ?? ""))];
    const table = sheet.tables.add(address, true);
    table.name = jobsTable.isNullObject ? SAMPLE_TABLE : `Sample${SAMPLE_TABLE}`;
    sheet.freezePanes.freezeRows(1);
    range.format.autofitColumns();
    sheet.activate();
    await context.sync();
    return { ok: true as const };
  });
}
