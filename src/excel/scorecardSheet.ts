import { CellContent } from "../okr/krTable";
import type { DataSource } from "../okr/plan";
import type { Problem } from "../okr/problems";
import { columnLetters } from "../okr/references";
import { buildScorecardPlan, SCORECARD_LAYOUT, ScorecardPlan, scorecardProblems, ScorecardSettings, techniciansInPeriod } from "../okr/scorecard";
import { POINTS_PER_CHARACTER } from "../okr/sheetLayout";
import { rowsFromHeader } from "./rowsFromHeader";
import { ExcelRun } from "./run";

export type ScorecardResult = { ok: true; sheet: string; technicians: number } | { ok: false; problems: readonly Problem[] };

/** One column of the job log, below its header: a table's data body, or a plain range down to its reach. */
function logColumn(context: Excel.RequestContext, source: DataSource, index: number): Excel.Range {
  if (source.kind === "table") {
    const body = context.workbook.tables.getItem(source.table).getDataBodyRange();
    return body.getOffsetRange(0, index).getResizedRange(0, 1 - source.headers.length);
  }
  const letters = columnLetters(source.firstColumn + index);
  return context.workbook.worksheets.getItem(source.sheet).getRange(`${letters}${source.headerRow + 1}:${letters}${source.lastRow}`);
}

/**
 * Builds or refreshes the technician scorecard named after the period, in three round trips whatever
 * the size of the job log: check (source, sheet), read (the log's technician and date columns, which
 * name the technicians to score, and what the user typed on an earlier build), write everything.
 * Nothing is written when a check fails; the job data is only read.
 */
export async function buildScorecardSheet(run: ExcelRun, settings: ScorecardSettings): Promise<ScorecardResult> {
  const early = scorecardProblems(settings, ["anyone"]);
  if (early.length > 0) return { ok: false, problems: early };

  return run(async (context) => {
    const { worksheets } = context.workbook;
    const { source, columns } = settings;
    const found = source.kind === "table" ? context.workbook.tables.getItemOrNullObject(source.table) : worksheets.getItemOrNullObject(source.sheet);
    const sheet = worksheets.getItemOrNullObject(settings.title);
    await context.sync(); // 1: does the data exist, does the scorecard exist

    if (found.isNullObject) {
      const name = source.kind === "table" ? source.table : source.sheet;
      return { ok: false as const, problems: [{ code: "jobDataGone" as const, kind: source.kind, name }] };
    }
    const technicianCells = logColumn(context, source, columns.technician!).load("values");
    const dateCells = logColumn(context, source, columns.date!).load("values");
    const used = sheet.isNullObject ? undefined : sheet.getUsedRangeOrNullObject(true).load("formulas, values, rowIndex, rowCount, columnIndex");
    if (!sheet.isNullObject) sheet.protection.load("protected");
    await context.sync(); // 2: the technicians in the log, and what the user has on the scorecard now

    if (!sheet.isNullObject && sheet.protection.protected) {
      return { ok: false as const, problems: [{ code: "sheetProtected" as const, sheet: settings.title }] };
    }
    const technicians = techniciansInPeriod(
      technicianCells.values.map((row) => row[0]),
      dateCells.values.map((row) => row[0]),
      settings.period,
    );
    const problems = scorecardProblems(settings, technicians);
    if (problems.length > 0) return { ok: false as const, problems };

    const existing = used && !used.isNullObject ? earlierRows(used) : undefined;
    const plan = buildScorecardPlan(settings, technicians, existing?.rows);
    const target = sheet.isNullObject ? worksheets.add(settings.title) : sheet;
    if (existing) clearEarlier(target, existing, plan);
    writePlan(target, plan);
    target.activate();
    await context.sync(); // 3: everything written at once
    return { ok: true as const, sheet: settings.title, technicians: plan.technicians };
  });
}

/** An earlier build's rows from the header row down (as if the used range started in column A), read as typed, and how far they reach. */
interface EarlierRows {
  rows: CellContent[][];
  /** 0-based index of the last row of the earlier block (its team row, else the used range's last). */
  lastRow: number;
  /** Its Notes column, 0-based (-1 when none). */
  notesColumn: number;
}

function earlierRows(used: Excel.Range): EarlierRows | undefined {
  const rows = rowsFromHeader(used, SCORECARD_LAYOUT.headerRow);
  if (!rows) return undefined;
  const team = rows.findIndex((row) => row[0] === SCORECARD_LAYOUT.teamLabel);
  const lastRow = SCORECARD_LAYOUT.headerRow - 1 + (team >= 0 ? team : rows.length - 1);
  return { rows, lastRow, notesColumn: rows[0].indexOf(SCORECARD_LAYOUT.notesHeader) };
}

/** Clears the earlier block (contents and rules) and nothing else: what the user put beside or below it stays. */
function clearEarlier(sheet: Excel.Worksheet, earlier: EarlierRows, plan: ScorecardPlan): void {
  const width = Math.max(earlier.notesColumn + 1, plan.columnWidths.length);
  const area = sheet.getRangeByIndexes(0, 0, earlier.lastRow + 1, width);
  area.clear("Contents");
  area.conditionalFormats.clearAll();
}

function writePlan(sheet: Excel.Worksheet, plan: ScorecardPlan): void {
  const header = sheet.getRange(plan.header.address);
  header.numberFormat = plan.header.numberFormats;
  header.formulas = plan.header.formulas as string[][];
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 14;

  const table = sheet.getRange(plan.table.address);
  table.numberFormat = plan.table.numberFormats;
  table.formulas = plan.table.formulas as string[][];
  table.getRow(0).format.font.bold = true;
  table.getLastRow().format.font.bold = true;

  for (const { range, formula, fill, font } of plan.highlights) {
    const rule = sheet.getRange(range).conditionalFormats.add("CellValue").cellValue;
    rule.rule = { formula1: formula, operator: "EqualTo" };
    rule.format.fill.color = fill;
    rule.format.font.color = font;
  }
  for (const { range, betterFrom, worseBelow } of plan.changeIcons) {
    const icons = sheet.getRange(range).conditionalFormats.add("IconSet").iconSet;
    icons.style = "ThreeArrows";
    // The first icon (down) takes what the others do not: its criterion is ignored, as in Excel's own samples.
    icons.criteria = [{} as Excel.ConditionalIconCriterion, { type: "Number", operator: "GreaterThanOrEqual", formula: worseBelow }, { type: "Number", operator: "GreaterThanOrEqual", formula: betterFrom }];
  }
  sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.columnWidths.forEach((width, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
}
