import { buildCheckInHistoryPlan, CHECK_IN_HISTORY_LAYOUT, checkInsFromTable, earlierBlocks } from "../okr/checkInHistory";
import { POINTS_PER_CHARACTER, CHECK_IN_TABLE } from "../okr/sheetLayout";
import type { CheckInHistoryResult } from "../okr/workbook";
import { addLineCharts } from "./lineCharts";

/**
 * The Check-in history sheet, in the Trends build's three round trips: `findCheckInHistory` queues its
 * lookups with the build's first sync, `readCheckInHistory` its reads with the second (the CheckIns
 * table's rows, what an earlier build left), `writeCheckInHistory` its writes for the third. Nothing
 * is written, and an earlier history stays as it is, when there is no check-in to show.
 */

export interface CheckInHistoryLookups {
  table: Excel.Table;
  sheet: Excel.Worksheet;
}

export interface CheckInHistoryReads {
  lookups: CheckInHistoryLookups;
  headers?: Excel.Range;
  body?: Excel.Range;
  used?: Excel.Range;
  charts?: Excel.ChartCollection;
}

/** Queues the lookups of the CheckIns table and of the history sheet (first round trip). */
export function findCheckInHistory(context: Excel.RequestContext): CheckInHistoryLookups {
  return {
    table: context.workbook.tables.getItemOrNullObject(CHECK_IN_TABLE),
    sheet: context.workbook.worksheets.getItemOrNullObject(CHECK_IN_HISTORY_LAYOUT.title),
  };
}

/** Queues the reads, once the lookups are back (second round trip): the table's rows, and the earlier sheet's cells, protection and charts. */
export function readCheckInHistory(lookups: CheckInHistoryLookups): CheckInHistoryReads {
  const { table, sheet } = lookups;
  const reads: CheckInHistoryReads = { lookups };
  if (!table.isNullObject) {
    reads.headers = table.getHeaderRowRange().load("values");
    reads.body = table.getDataBodyRange().load("values");
  }
  if (!sheet.isNullObject) {
    reads.used = sheet.getUsedRangeOrNullObject(true).load("formulas, rowIndex, columnIndex");
    sheet.protection.load("protected");
    reads.charts = sheet.charts.load("items/name");
  }
  return reads;
}

/** Queues the history's writes (third round trip) and says what they build, or why nothing is written. */
export function writeCheckInHistory(context: Excel.RequestContext, reads: CheckInHistoryReads): CheckInHistoryResult {
  const { lookups, headers, body, used, charts } = reads;
  const { title } = CHECK_IN_HISTORY_LAYOUT;
  if (!headers || !body) return { ok: false, problems: [{ code: "noCheckIns", table: CHECK_IN_TABLE }] };
  const found = checkInsFromTable(headers.values[0], body.values);
  if ("problem" in found) return { ok: false, problems: [found.problem] };
  if (!lookups.sheet.isNullObject && lookups.sheet.protection.protected) return { ok: false, problems: [{ code: "sheetProtected", sheet: title }] };

  const plan = buildCheckInHistoryPlan(found.checkIns);
  const sheet = lookups.sheet.isNullObject ? context.workbook.worksheets.add(title) : lookups.sheet;
  // Only what an earlier build wrote is cleared: the user's cells beside and between the blocks stay.
  if (used && !used.isNullObject) {
    for (const address of earlierBlocks(sheetRows(used))) sheet.getRange(address).clear("Contents");
  }
  sheet.getRange(plan.header.address).formulas = plan.header.formulas as string[][];
  const heading = sheet.getRange("A1").format.font;
  heading.bold = true;
  heading.size = 14;
  for (const block of plan.blocks) {
    const range = sheet.getRange(block.address);
    range.numberFormat = block.numberFormats;
    range.formulas = block.formulas as string[][];
    range.getRow(0).format.font.bold = true;
    range.getRow(1).format.font.bold = true;
  }
  plan.columnWidths.forEach((width, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  addLineCharts(sheet, plan.blocks.map((block) => block.chart), charts?.items ?? [], CHECK_IN_HISTORY_LAYOUT.chart.namePrefix);
  return { ok: true, sheet: title, okrSheets: plan.blocks.length };
}

/** The used range's formulas as if it started in A1: rows and columns before it padded with nulls. */
function sheetRows(used: Excel.Range): unknown[][] {
  const padding = Array.from({ length: used.columnIndex }, () => null);
  return [...Array.from({ length: used.rowIndex }, () => []), ...used.formulas.map((row) => [...padding, ...row])];
}
