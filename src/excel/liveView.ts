import { tableName } from "../okr/plan";
import { LiveKeyResult, toLiveKeyResult } from "../okr/sheetLayout";
import { ExcelRun } from "./run";

/** Reads a built sheet's KR table as the workbook has computed it (none if the user deleted it). Two round trips. */
export async function readLiveKeyResults(run: ExcelRun, title: string): Promise<LiveKeyResult[]> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName(title));
    await context.sync();
    if (table.isNullObject) return [];
    const body = table.getDataBodyRange();
    body.load("values");
    await context.sync();
    return body.values.map((row) => toLiveKeyResult(row));
  });
}

/**
 * Calls `listener` each time the OKR sheet recalculates (new job rows, a changed target), so the pane
 * follows the sheet without a rebuild. Returns a function that stops listening.
 */
export async function onSheetCalculated(run: ExcelRun, title: string, listener: () => void): Promise<() => Promise<void>> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(title);
    const registration = sheet.onCalculated.add(async () => listener());
    await context.sync();
    return () =>
      run(async (removal) => {
        registration.remove();
        await removal.sync();
      }, registration.context);
  });
}
