/** ExcelJS's own rule for the formula a shared formula gives another cell (it ships no typings for it). */
declare module "exceljs/lib/utils/shared-formula" {
  /** The formula `formula` of cell `from` (A1) moved to cell `to`, relative references shifted. */
  export function slideFormula(formula: string, from: string, to: string): string;
}
