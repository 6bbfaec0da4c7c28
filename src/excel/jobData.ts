import { findHeaderRow, HEADER_SEARCH_ROWS } from "../okr/headerRow";
import { chooseJobTable, isAddInTable } from "../okr/jobTable";
import { rangeReach, SAMPLE_ROWS } from "../okr/sheetLayout";
import type { JobData, NumberSpan, Problem } from "../okr/workbook";
import { ExcelRun } from "./run";

/** 1-based row and 0-based column of an address's top-left cell: "'Job log'!B3:F40" → { row: 3, column: 1 }. */
export function topLeft(address: string): { row: number; column: number } {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell) ?? ["", "A", "1"];
  const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits), column };
}

/** Where the user says the job log is, when they say: a table, a sheet, the header row (1-based, on the sheet). */
export interface JobLogChoice {
  table?: string;
  sheet?: string;
  headerRow?: number;
}

/** The header row's index among the range's first rows: the one named, or the one found; a problem when the one named cannot be. */
function headerIndex(rows: readonly (readonly unknown[])[], named: number | undefined, firstRow: number): number | Problem {
  if (named === undefined) return findHeaderRow(rows);
  const at = named - firstRow;
  if (at >= 0 && at < Math.min(HEADER_SEARCH_ROWS, rows.length)) return at;
  return { code: "headerRowOutOfReach", row: named, firstRow, rows: HEADER_SEARCH_ROWS };
}

/**
 * Finds the job log: the table named, else the table that fits a job log best (never the add-in's own),
 * else the used range of the active sheet (or of the sheet named), its header row found below any title
 * lines (or the one named), else any table. Three round trips whatever the size of the log (where it
 * is, then headers and a sample, then each column's span and first-row number format), and one more to check a sheet named.
 */
export async function readJobData(run: ExcelRun, choice: JobLogChoice = {}): Promise<JobData | { problem: Problem }> {
  return run(async (context) => {
    const found = await findJobLog(context, choice);
    if ("problem" in found) return found;
    const { data, body } = found;
    if (!body) return { ...data, spans: [] };
    // The first row's formats come back with the spans, in the same round trip: the amount column's says the currency.
    const firstRow = body.getRow(0).load("numberFormat");
    const spans = await columnSpans(context, body, data.source.headers.length);
    return { ...data, spans, numberFormats: firstRow.numberFormat[0].map(String) };
  });
}

/**
 * Each column's MIN and MAX over the log's rows, evaluated by Excel (Excel.Functions, ExcelApi 1.2)
 * rather than read: a million dates would pass Excel on the web's 5 MB response limit, two numbers a
 * column never do. "error ... If the error string is not set, then the function succeeded"
 * (https://learn.microsoft.com/javascript/api/excel/excel.functionresult).
 */
async function columnSpans(context: Excel.RequestContext, body: Excel.Range, columns: number): Promise<(NumberSpan | undefined)[]> {
  const results = Array.from({ length: columns }, (_, c) => {
    const column = body.getColumn(c);
    return [context.workbook.functions.min(column), context.workbook.functions.max(column)].map((result) => result.load("value, error"));
  });
  await context.sync();
  return results.map(([min, max]) => (min.error || max.error ? undefined : { min: min.value as number, max: max.value as number }));
}

/** The job log and the range of its rows below the header (none when it has no rows), in two round trips (three for a sheet named). */
async function findJobLog(context: Excel.RequestContext, choice: JobLogChoice): Promise<{ data: JobData; body: Excel.Range | undefined } | { problem: Problem }> {
  const { table: tableName } = choice;
  const tables = context.workbook.tables;
  tables.load("items/name");
  let sheet = context.workbook.worksheets.getActiveWorksheet();
  if (choice.sheet) {
    // A sheet named by the user: one more round trip, as nothing may be asked of a sheet that is not there.
    sheet = context.workbook.worksheets.getItemOrNullObject(choice.sheet);
    await context.sync();
    if (sheet.isNullObject) return { problem: { code: "noSheetNamed", sheet: choice.sheet } };
  }
  sheet.load("name");
  const sheetTables = choice.sheet ? sheet.tables : undefined;
  sheetTables?.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address, rowCount");
  await context.sync();

  const names = tables.items.map((t) => t.name);
  if (names.length === 0 && used.isNullObject) {
    return { problem: { code: "emptySheetNoTable", sheet: sheet.name } };
  }
  // A header row named by the user means the range, as typed; a sheet named, only its tables.
  const candidates = choice.headerRow ? [] : tableName ? tables.items.filter((t) => t.name === tableName) : (sheetTables ?? tables).items;
  // Headers and a sample of each candidate table, in one round trip, to tell the job log from the others.
  const read = candidates.map((t) => {
    const header = t.getHeaderRowRange();
    header.load("values");
    const sample = header.getOffsetRange(1, 0).getResizedRange(SAMPLE_ROWS - 1, 0);
    sample.load("values");
    return { name: t.name, header, sample };
  });
  const top = used.isNullObject ? undefined : used.getRow(0).getResizedRange(HEADER_SEARCH_ROWS + SAMPLE_ROWS - 1, 0);
  top?.load("values");
  await context.sync();

  const tableData = read.map(({ name, header, sample }) => ({ name, headers: header.values[0].map(String), sample: sample.values }));
  // Without a table that fits, the active sheet's range; without that, any table of the user's to map by hand.
  const fits = tableData.find((t) => t.name === chooseJobTable(tableData));
  const chosen = tableName ? tableData[0] : (fits ?? (top ? undefined : tableData.find((t) => !isAddInTable(t))));
  if (chosen) {
    const table = tables.getItem(chosen.name);
    const data = { source: { kind: "table" as const, table: chosen.name, headers: chosen.headers }, sample: chosen.sample, tables: names };
    return { data, body: chosen.sample.length > 0 ? table.getDataBodyRange() : undefined };
  }
  const noJobLog = { problem: { code: "noJobLog" as const, sheet: sheet.name } };
  if (!top) return noJobLog;
  const { row, column } = topLeft(used.address);
  const at = headerIndex(top.values, choice.headerRow, row);
  if (typeof at !== "number") return { problem: at };
  const headerCells = top.values[at].map(String);
  if (isAddInTable({ name: "", headers: headerCells })) return noJobLog;
  // The log's columns are those under a header: a title line wider than the headers is not one.
  const left = headerCells.findIndex((cell) => cell !== "");
  const right = headerCells.length - [...headerCells].reverse().findIndex((cell) => cell !== "");
  const headerRow = row + at;
  const lastRow = rangeReach(headerRow, row + used.rowCount - 1);
  const source = { kind: "range" as const, sheet: sheet.name, headers: headerCells.slice(left, right), headerRow, firstColumn: column + left, lastRow };
  const rows = row + used.rowCount - 1 - headerRow;
  const body = rows > 0 ? sheet.getRangeByIndexes(headerRow, source.firstColumn, rows, source.headers.length) : undefined;
  return { data: { source, sample: top.values.slice(at + 1, at + 1 + SAMPLE_ROWS).map((cells) => cells.slice(left, right)), tables: names }, body };
}
