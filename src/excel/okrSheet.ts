import { circularProblems } from "../okr/circularReferences";
import { CellContent, TABLE_COLUMNS } from "../okr/krTable";
import { cellsInTheWay } from "../okr/merge";
import { buildPlan, ConditionalFormat, planProblems, PlanSettings, SheetPlan, tableName } from "../okr/plan";
import { asTyped, columnLetters } from "../okr/references";
import { POINTS_PER_CHARACTER, TABLE_HEADER_ROW, tableArea } from "../okr/sheetLayout";
import type { BuildResult } from "../okr/workbook";
import { ExcelRun } from "./run";

/** Cells in the way named in a problem; the rest are counted. */
const SHOWN_CELLS = 3;

/**
 * Builds or refreshes the OKR sheet named after the period, in three round trips whatever the size of
 * the job log or the number of KRs: check (source, sheet, protection), read what the user typed on a
 * previous build, write everything. Nothing is written when a check fails; the job data is only read.
 */
export async function buildOkrSheet(run: ExcelRun, settings: PlanSettings): Promise<BuildResult> {
  const problems = planProblems(settings);
  if (problems.length > 0) return { ok: false, problems };

  return run(async (context) => {
    const { worksheets } = context.workbook;
    const source =
      settings.source.kind === "table"
        ? context.workbook.tables.getItemOrNullObject(settings.source.table)
        : worksheets.getItemOrNullObject(settings.source.sheet);
    const sheet = worksheets.getItemOrNullObject(settings.title);
    await context.sync(); // 1: does the data exist, does the OKR sheet exist

    if (source.isNullObject) {
      const { kind } = settings.source;
      const name = kind === "table" ? settings.source.table : settings.source.sheet;
      return { ok: false as const, problems: [{ code: "jobDataGone" as const, kind, name }] };
    }

    let existing: CellContent[][] | undefined;
    let oldArea: string | undefined;
    let oldTable: Excel.Table | undefined;
    if (!sheet.isNullObject) {
      sheet.protection.load("protected");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("formulas, values, rowIndex, rowCount, columnIndex");
      oldTable = sheet.tables.getItemOrNullObject(tableName(settings.title));
      await context.sync(); // 2: what the user has on the sheet now

      if (sheet.protection.protected) {
        return { ok: false as const, problems: [{ code: "sheetProtected" as const, sheet: settings.title }] };
      }
      if (!used.isNullObject && used.rowIndex + used.rowCount >= TABLE_HEADER_ROW) {
        // Rows from the table's header down, as if the used range started in column A.
        const padding = Array.from({ length: used.columnIndex }, () => null);
        const skip = Math.max(0, TABLE_HEADER_ROW - 1 - used.rowIndex);
        existing = used.formulas.slice(skip).map((row, i) => [...padding, ...asTyped(row, used.values[skip + i])]);
        oldArea = tableArea(used.rowIndex + used.rowCount);
      }
      const inTheWay = cellsInTheWay(existing, TABLE_HEADER_ROW);
      if (inTheWay.length > 0) {
        const problem = { code: "entriesInTheWay" as const, lastColumn: columnLetters(TABLE_COLUMNS.length - 1), sheet: settings.title, cells: inTheWay.slice(0, SHOWN_CELLS).join(", "), more: Math.max(0, inTheWay.length - SHOWN_CELLS) };
        return { ok: false as const, problems: [problem] };
      }
    }

    const plan = buildPlan(settings, existing);
    // Only now is every row where it will be written: a custom formula's circular reference shows.
    const circular = circularProblems(plan, settings.keyResults);
    if (circular.length > 0) return { ok: false as const, problems: circular };
    // The add-in's table is rebuilt over the refreshed rows; its cells are overwritten below.
    if (oldTable && !oldTable.isNullObject) oldTable.convertToRange();
    const target = sheet.isNullObject ? worksheets.add(settings.title) : sheet;
    writePlan(target, plan, oldArea);
    target.activate();
    await context.sync(); // 3: everything written at once
    return { ok: true as const, sheet: settings.title, keyResults: settings.keyResults.length };
  });
}

function writePlan(sheet: Excel.Worksheet, plan: SheetPlan, oldArea: string | undefined): void {
  // Only the add-in's own area is cleared: anything the user put elsewhere on the sheet stays.
  if (oldArea) sheet.getRange(oldArea).clear("Contents");
  const header = sheet.getRange(plan.header.address);
  header.numberFormat = plan.header.numberFormats;
  header.formulas = plan.header.formulas;
  const title = sheet.getRange("A1").format.font;
  title.bold = true;
  title.size = 14;

  const table = sheet.getRange(plan.table.address);
  table.numberFormat = plan.table.numberFormats as string[][]; // null leaves a hand-made row's format as it is
  table.formulas = plan.table.formulas as CellContent[][];
  const excelTable = sheet.tables.add(plan.table.address, true);
  excelTable.name = plan.table.name;
  excelTable.style = "TableStyleLight9";

  table.conditionalFormats.clearAll();
  for (const format of plan.conditionalFormats) addConditionalFormat(sheet, format);

  sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.columnWidths.forEach((width, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  for (const columns of plan.hiddenColumns) sheet.getRange(columns).columnHidden = true;
}

function addConditionalFormat(sheet: Excel.Worksheet, { range, rule }: ConditionalFormat): void {
  const target = sheet.getRange(range);
  if (rule.kind === "dataBar") {
    const bar = target.conditionalFormats.add("DataBar").dataBar;
    bar.barDirection = "LeftToRight";
    bar.positiveFormat.fillColor = rule.color;
    bar.lowerBoundRule = { type: "Number", formula: "0" };
    bar.upperBoundRule = { type: "Number", formula: "1" };
    return;
  }
  const cellValue = target.conditionalFormats.add("CellValue").cellValue;
  cellValue.rule =
    rule.kind === "textEquals"
      ? { formula1: `="${rule.text}"`, operator: "EqualTo" }
      : { formula1: rule.formula1, ...(rule.formula2 === undefined ? {} : { formula2: rule.formula2 }), operator: rule.operator };
  cellValue.format.fill.color = rule.fill;
  cellValue.format.font.color = rule.font;
}
