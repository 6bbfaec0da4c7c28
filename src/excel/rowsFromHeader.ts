import { CellContent } from "../okr/krTable";
import { asTyped } from "../okr/references";

/**
 * An earlier build's rows, from its header row (1-based, `headerRow`) down, read from the sheet's used
 * range (loaded with formulas, values, rowIndex, rowCount and columnIndex) as if it started in column A;
 * text that looks like a formula comes back as text. Undefined when the used range does not reach the header row.
 */
export function rowsFromHeader(used: Excel.Range, headerRow: number): CellContent[][] | undefined {
  const skip = headerRow - 1 - used.rowIndex;
  if (skip < 0 || skip >= used.rowCount) return undefined;
  const padding = Array.from({ length: used.columnIndex }, () => null);
  return used.formulas.slice(skip).map((row, i) => [...padding, ...asTyped(row, used.values[skip + i])]);
}
