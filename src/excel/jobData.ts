import { SAMPLE_ROWS } from "../okr/sheetLayout";
import type { JobData } from "../okr/workbook";
import { ExcelRun } from "./run";

/** 1-based row and 0-based column of an address's top-left cell: "'Job log'!B3:F40" → { row: 3, column: 1 }. */
export function topLeft(address: string): { row: number; column: number } {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell) ?? ["", "A", "1"];
  const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits), column };
}

/**
 * Finds the job log: the table named, else the first table of the workbook, else the used range of
 * the active sheet with its first row as headers. Two round trips, whatever the size of the log:
 * where it is, then its headers and a sample.
 */
export async function readJobData(run: ExcelRun, tableName?: string): Promise<JobData | { problem: string }> {
  return run(async (context) => {
    const tables = context.workbook.tables;
    tables.load("items/name");
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    await context.sync();

    const names = tables.items.map((t) => t.name);
    const table = tableName ? tables.items.find((t) => t.name === tableName) : tables.items[0];
    if (!table && used.isNullObject) {
      return { problem: `No job data found: the sheet "${sheet.name}" is empty and the workbook has no table.` };
    }
    // Nothing is asked of a null object: the header row is the table's, or the used range's first row.
    const header = table ? table.getHeaderRowRange() : used.getRow(0);
    header.load("values");
    const sample = header.getOffsetRange(1, 0).getResizedRange(SAMPLE_ROWS - 1, 0);
    sample.load("values");
    await context.sync();

    const headers = header.values[0].map(String);
    if (table) return { source: { kind: "table", table: table.name, headers }, sample: sample.values, tables: names };
    const { row, column } = topLeft(used.address);
    return { source: { kind: "range", sheet: sheet.name, headers, headerRow: row, firstColumn: column }, sample: sample.values, tables: names };
  });
}
