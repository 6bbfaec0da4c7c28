import { formulaReferences, FormulaReference } from "./formulaReferences";
import { CellContent } from "./krTable";
import type { KeyResultInput, SheetPlan } from "./plan";
import type { Problem } from "./problems";
import { asText, columnLetters } from "./references";
import { columnIndex, TABLE_HEADER_ROW } from "./sheetLayout";

/**
 * A custom key result's formula that reads its own Current cell, or a cell computed from it (its
 * Progress, Status, Weighted progress, an objective's roll-up, another custom formula that reads one of
 * those), makes a circular reference Excel only warns about. Found from the formulas' text on the plan
 * about to be written, so every row is where it will be, re-runs included.
 */

/** A cell of the KR table: its 1-based sheet row and 0-based column. */
interface TableCell {
  row: number;
  column: number;
}

/** A formula cell of the KR table and the references its text makes. */
interface FormulaCell extends TableCell {
  references: FormulaReference[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const keyOf = (cell: TableCell) => `${cell.row}:${cell.column}`;

/** Whether `reference`, in a formula at `host`, reads `target`: all three on the plan's sheet and table. */
function reads(plan: SheetPlan, reference: FormulaReference, host: TableCell, target: TableCell): boolean {
  if (reference.kind === "cells") {
    const { top, bottom, left, right } = reference.area;
    const onSheet = reference.sheet === undefined || same(reference.sheet, plan.title);
    return onSheet && top <= target.row && target.row <= bottom && left <= target.column && target.column <= right;
  }
  // Without a table name, a structured reference names the table its formula is in: the KR table.
  if (reference.table !== undefined && !same(reference.table, plan.table.name)) return false;
  const lastRow = TABLE_HEADER_ROW + plan.table.formulas.length - 1;
  const rowRead = reference.rows === "thisRow" ? target.row === host.row : reference.rows === "data" && target.row > TABLE_HEADER_ROW && target.row <= lastRow;
  const headers = plan.table.formulas[0].map((name) => String(name ?? ""));
  const index = (name: string) => headers.findIndex((header) => same(header, name));
  const columnRead = reference.columns.length === 0 || reference.columns.some(([from, to]) => index(from) >= 0 && index(from) <= target.column && target.column <= index(to));
  return rowRead && columnRead;
}

/** Every formula cell of the plan's KR table below its header row. */
function formulaCells(plan: SheetPlan): FormulaCell[] {
  const isFormula = (cell: CellContent): cell is string => typeof cell === "string" && cell.startsWith("=");
  return plan.table.formulas.slice(1).flatMap((cells, i) =>
    cells.flatMap((cell, column) => (isFormula(cell) ? [{ row: TABLE_HEADER_ROW + 1 + i, column, references: formulaReferences(cell) }] : [])),
  );
}

/**
 * The reference in the formula of `start` that reads `start` itself or a cell computed from it, if any.
 * @example circularReference(plan, { row: 11, column: 6 }) //=> "G11" (when G11 holds =G11*2)
 */
export function circularReference(plan: SheetPlan, start: TableCell): string | undefined {
  const cells = formulaCells(plan);
  const own = cells.find((cell) => keyOf(cell) === keyOf(start));
  if (!own) return undefined;
  // The cells computed from `start`, grown until no formula cell outside them reads one inside.
  const computed = new Map([[keyOf(start), start as TableCell]]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const cell of cells) {
      if (computed.has(keyOf(cell))) continue;
      if (cell.references.some((reference) => [...computed.values()].some((target) => reads(plan, reference, cell, target)))) {
        computed.set(keyOf(cell), cell);
        grown = true;
      }
    }
  }
  return own.references.find((reference) => [...computed.values()].some((target) => reads(plan, reference, own, target)))?.text;
}

/**
 * A problem for each custom key result whose formula, as the plan writes it, reads its own value.
 * A formula the user changed on the sheet is kept by a re-run and left to them, as Excel leaves it.
 */
export function circularProblems(plan: SheetPlan, keyResults: readonly KeyResultInput[]): Problem[] {
  const [idColumn, currentColumn] = [columnIndex("Id"), columnIndex("Current")];
  return keyResults.flatMap((kr): Problem[] => {
    if (kr.custom?.kind !== "formula") return [];
    const formula = kr.custom.formula.trim();
    const index = plan.table.formulas.findIndex((cells, i) => i > 0 && cells[idColumn] === asText(kr.id));
    if (index < 0 || plan.table.formulas[index][currentColumn] !== formula) return [];
    const start = { row: TABLE_HEADER_ROW + index, column: currentColumn };
    const reference = circularReference(plan, start);
    return reference === undefined ? [] : [{ code: "circularReference", keyResult: kr.name, formula, reference, cell: `${columnLetters(currentColumn)}${start.row}` }];
  });
}
