import { asText } from "../okr/references";
import { tableName } from "../okr/plan";
import { toLiveKeyResult } from "./liveView";

export const CHECK_IN_SHEET = "Check-ins";
const CHECK_IN_TABLE = "CheckIns";
export const CHECK_IN_COLUMNS = ["Date", "Sheet", "Key result", "Current", "Target", "Progress", "Status", "Confidence", "Note"];

export type Confidence = "High" | "Medium" | "Low";

/**
 * Appends one row per key result of an OKR sheet to the Check-ins table (made on first use), with
 * the values Excel shows now, so the monthly history stays in the workbook. Two round trips.
 */
export async function recordCheckIn(title: string, today: Date, confidence: Confidence, note: string): Promise<number> {
  // A DATE formula: Excel shows it as a date without a number format on the new row.
  const date = `=DATE(${today.getFullYear()},${today.getMonth() + 1},${today.getDate()})`;
  return Excel.run(async (context) => {
    const body = context.workbook.tables.getItem(tableName(title)).getDataBodyRange();
    body.load("values");
    const existing = context.workbook.tables.getItemOrNullObject(CHECK_IN_TABLE);
    const sheet = context.workbook.worksheets.getItemOrNullObject(CHECK_IN_SHEET);
    await context.sync();

    const rows = body.values
      .map(toLiveKeyResult)
      .filter((kr) => !kr.isObjective && kr.name !== "")
      .map((kr) => [date, asText(title), asText(kr.name), kr.current, kr.target, kr.progress, kr.status, confidence, asText(note)]);
    if (rows.length === 0) return 0;
    let table = existing;
    if (existing.isNullObject) {
      const target = sheet.isNullObject ? context.workbook.worksheets.add(CHECK_IN_SHEET) : sheet;
      const header = target.getRange("A1:I1");
      header.values = [CHECK_IN_COLUMNS];
      table = target.tables.add("A1:I1", true);
      table.name = CHECK_IN_TABLE;
    }
    table.rows.add(undefined, rows);
    await context.sync();
    return rows.length;
  });
}
