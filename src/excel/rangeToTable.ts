import { columnLetters } from "../okr/references";
import type { DataSource } from "../okr/plan";
import type { Problem } from "../okr/problems";
import { ExcelRun } from "./run";

/** The name a job log made into a table gets: the first of JobLog, JobLog2, … not yet in the workbook. */
const TABLE_BASE_NAME = "JobLog";

/**
 * Turns a plain-range job log into an Excel table (Insert > Table), so formulas over it count every
 * job added later. The table runs from the header row to the sheet's last used row. Three round trips.
 */
export async function makeJobTable(run: ExcelRun, source: Extract<DataSource, { kind: "range" }>): Promise<{ ok: true; table: string } | { ok: false; problem: Problem }> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(source.sheet);
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    if (sheet.isNullObject) return { ok: false as const, problem: { code: "sheetGone" as const, sheet: source.sheet } };
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex, rowCount");
    await context.sync();

    const taken = new Set(tables.items.map((t) => t.name.toLowerCase()));
    let name = TABLE_BASE_NAME;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${TABLE_BASE_NAME}${n}`;
    const lastRow = used.isNullObject ? source.headerRow + 1 : Math.max(source.headerRow + 1, used.rowIndex + used.rowCount);
    const address = `${columnLetters(source.firstColumn)}${source.headerRow}:${columnLetters(source.firstColumn + source.headers.length - 1)}${lastRow}`;
    const table = sheet.tables.add(address, true);
    table.name = name;
    await context.sync();
    return { ok: true as const, table: name };
  });
}
