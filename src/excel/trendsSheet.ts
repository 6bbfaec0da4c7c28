import { CellContent } from "../okr/krTable";
import { TREND_CHART_LAYOUT, trendCharts } from "../okr/trendCharts";
import { POINTS_PER_CHARACTER } from "../okr/sheetLayout";
import type { TrendsResult } from "../okr/workbook";
import { buildTrendsPlan, TRENDS_LAYOUT, TrendsPlan, trendsProblems, TrendsSettings } from "../okr/trends";
import { findCheckInHistory, readCheckInHistory, writeCheckInHistory } from "./checkInHistorySheet";
import { addLineCharts } from "./lineCharts";
import { rowsFromHeader } from "./rowsFromHeader";
import { ExcelRun } from "./run";

/**
 * Builds or refreshes the Trends sheet in three round trips whatever the size of the job log: check
 * (source, sheet), read what the user has on an earlier build (notes by month, the charts' names),
 * write everything, a line chart per objective beside the table included. A re-run replaces the
 * charts an earlier build made (named with TREND_CHART_LAYOUT.namePrefix) and leaves every other chart
 * alone. The job log itself is never read: the formulas count it. Nothing is written when a check fails.
 * The Check-in history sheet is built in the same round trips (checkInHistorySheet.ts), when there are
 * check-ins; the result says what became of it.
 */
export async function buildTrendsSheet(run: ExcelRun, settings: TrendsSettings): Promise<TrendsResult> {
  const problems = trendsProblems(settings);
  if (problems.length > 0) return { ok: false, problems };
  const title = TRENDS_LAYOUT.title;

  return run(async (context) => {
    const { worksheets } = context.workbook;
    const { source } = settings;
    const found = source.kind === "table" ? context.workbook.tables.getItemOrNullObject(source.table) : worksheets.getItemOrNullObject(source.sheet);
    const sheet = worksheets.getItemOrNullObject(title);
    const history = findCheckInHistory(context);
    await context.sync(); // 1: does the data exist, do the sheets and the check-ins exist

    if (found.isNullObject) {
      const name = source.kind === "table" ? source.table : source.sheet;
      return { ok: false as const, problems: [{ code: "jobDataGone" as const, kind: source.kind, name }] };
    }
    const used = sheet.isNullObject ? undefined : sheet.getUsedRangeOrNullObject(true).load("formulas, values, rowIndex, rowCount, columnIndex");
    if (!sheet.isNullObject) sheet.protection.load("protected");
    const charts = sheet.isNullObject ? undefined : sheet.charts.load("items/name");
    const historyReads = readCheckInHistory(history);
    await context.sync(); // 2: what the user has on the sheets now, the check-ins

    if (!sheet.isNullObject && sheet.protection.protected) {
      return { ok: false as const, problems: [{ code: "sheetProtected" as const, sheet: title }] };
    }
    const earlier = used && !used.isNullObject ? earlierRows(used) : undefined;
    const plan = buildTrendsPlan(settings, earlier?.rows);
    const target = sheet.isNullObject ? worksheets.add(title) : sheet;
    // Only the earlier block is cleared: what the user put beside or below it stays.
    if (earlier) target.getRangeByIndexes(0, 0, earlier.lastRow + 1, Math.max(earlier.width, plan.columnWidths.length)).clear("Contents");
    writePlan(target, plan);
    const charted = addLineCharts(target, trendCharts(plan), charts?.items ?? [], TREND_CHART_LAYOUT.namePrefix);
    const historyResult = writeCheckInHistory(context, historyReads);
    target.activate();
    await context.sync(); // 3: everything written at once
    return { ok: true as const, sheet: title, months: plan.months.length, kpis: plan.kpis.length, charts: charted, history: historyResult };
  });
}

/** An earlier build's rows from the header row down (as if the used range started in column A), read as typed, and how far its block reaches. */
interface EarlierRows {
  rows: CellContent[][];
  /** 0-based index of the block's last row: the last with a month (a number) in column A. */
  lastRow: number;
  /** Columns from A to its Notes column (0 when none). */
  width: number;
}

function earlierRows(used: Excel.Range): EarlierRows | undefined {
  const rows = rowsFromHeader(used, TRENDS_LAYOUT.headerRow);
  if (!rows) return undefined;
  let last = 0;
  rows.forEach((row, i) => {
    if (typeof row[0] === "number") last = i;
  });
  return { rows, lastRow: TRENDS_LAYOUT.headerRow - 1 + last, width: rows[0].indexOf(TRENDS_LAYOUT.notesHeader) + 1 };
}

function writePlan(sheet: Excel.Worksheet, plan: TrendsPlan): void {
  sheet.getRange(plan.header.address).formulas = plan.header.formulas as string[][];
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 14;

  const table = sheet.getRange(plan.table.address);
  table.numberFormat = plan.table.numberFormats;
  table.formulas = plan.table.formulas as string[][];
  table.getRow(0).format.font.bold = true;

  sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.columnWidths.forEach((width, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
}
