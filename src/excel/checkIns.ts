import { tableName } from "../okr/plan";
import { CHECK_IN_COLUMNS, CHECK_IN_SHEET, CHECK_IN_TABLE, checkInRows, Confidence, toLiveKeyResult } from "../okr/sheetLayout";
import { columnLetters } from "../okr/references";
import { ExcelRun } from "./run";

/**
 * Appends one row per key result of an OKR sheet to the Check-ins table (made on first use), with
 * the values the workbook shows now, so the monthly history stays in the workbook. Two round trips.
 */
export async function recordCheckIn(run: ExcelRun, title: string, today: Date, confidence: Confidence, note: string): Promise<number> {
  return run(async (context) => {
    const body = context.workbook.tables.getItem(tableName(title)).getDataBodyRange();
    body.load("values, numberFormat");
    const existing = context.workbook.tables.getItemOrNullObject(CHECK_IN_TABLE);
    const sheet = context.workbook.worksheets.getItemOrNullObject(CHECK_IN_SHEET);
    await context.sync();

    const live = body.values.map((row, i) => toLiveKeyResult(row, body.numberFormat[i]));
    const { rows, numberFormats } = checkInRows(title, live, today, confidence, note);
    if (rows.length === 0) return 0;
    let table = existing;
    if (existing.isNullObject) {
      const target = sheet.isNullObject ? context.workbook.worksheets.add(CHECK_IN_SHEET) : sheet;
      const header = `A1:${columnLetters(CHECK_IN_COLUMNS.length - 1)}1`;
      target.getRange(header).values = [[...CHECK_IN_COLUMNS]];
      table = target.tables.add(header, true);
      table.name = CHECK_IN_TABLE;
    }
    table.rows.add(undefined, rows);
    // The rows just added are the last ones of the table's body.
    const added = table.getDataBodyRange().getLastRow().getOffsetRange(1 - rows.length, 0).getResizedRange(rows.length - 1, 0);
    added.numberFormat = numberFormats;
    await context.sync();
    return rows.length;
  });
}
