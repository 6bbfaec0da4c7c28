import { BRACKETS, QUOTED } from "./formulaText";

/**
 * Functions newer than the xlsx format are stored in a file under prefixed names (ECMA-376's "future
 * functions": Excel writes _xlfn.UNIQUE, and FILTER as _xlfn._xlws.FILTER). Stored plain, Excel and
 * LibreOffice read them as unknown names (#NAME?). Excel's JavaScript API takes and gives the plain
 * names, so the xlsx backend prefixes them on the way into the file and strips them on the way out.
 * Add a function here before the add-in writes it.
 */
const IN_FILE: Readonly<Record<string, string>> = { FILTER: "_xlfn._xlws.FILTER", UNIQUE: "_xlfn.UNIQUE" };
const IN_EXCEL: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(IN_FILE).map(([plain, stored]) => [stored.toUpperCase(), plain]));

/**
 * What a formula holds as it is (text, quoted sheet names, table columns), else a name followed by "(":
 * a function call, the one thing renamed. A sheet, table or defined name is never followed by "(".
 */
const TOKENS = new RegExp(String.raw`${QUOTED}|${BRACKETS}|(?<![\w.])([A-Za-z_][\w.]*)(?=\()`, "g");

function rename(formula: string, names: Readonly<Record<string, string>>): string {
  return formula.replace(TOKENS, (token: string, name: string | undefined) => (name && names[name.toUpperCase()]) || token);
}

/**
 * A formula as Excel's API writes it, with its future functions named as a file stores them.
 * @example toFileFormula('ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))') //=> 'ROWS(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,A1:A9<>"")))'
 */
export function toFileFormula(formula: string): string {
  return rename(formula, IN_FILE);
}

/**
 * A formula read from a file, its future functions named as Excel's API gives them.
 * @example fromFileFormula('ROWS(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,A1:A9<>"")))') //=> 'ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))'
 */
export function fromFileFormula(formula: string): string {
  return rename(formula, IN_EXCEL);
}
