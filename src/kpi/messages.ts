import { KpiError } from "./errors";

/** Every message a KPI function shows the user, in one place so wording stays consistent. */

/** Text shown in a message is cut to this many characters: a cell may hold 32,767. */
const SHOWN_CHARACTERS = 40;

/** How a cell value reads in a message: text in quotes, numbers and booleans as Excel shows them. */
function describeValue(value: unknown): string {
  if (typeof value === "string") {
    if (value.length <= SHOWN_CHARACTERS) return JSON.stringify(value);
    return `${JSON.stringify(`${value.slice(0, SHOWN_CHARACTERS)}…`)} (${value.length} characters)`;
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "a blank";
  if (Array.isArray(value)) return "a range of several cells";
  return "an error value";
}

/** Where a cell sits in a range, 1-based; the range is named unless it is the function's first. */
export interface CellPosition {
  row: number;
  column: number;
  /** The parameter name, for every range but the first one. */
  range?: string;
}

function where(at: CellPosition): string {
  const cell = `at row ${at.row}, column ${at.column}`;
  return at.range ? `${cell} of ${at.range}` : cell;
}

/** `KPI.NPS: 11 at row 4, column 1 is not a whole score from 0 to 10` */
export function badCell(fn: string, value: unknown, at: CellPosition, expected: string): KpiError {
  return new KpiError("VALUE", `KPI.${fn}: ${describeValue(value)} ${where(at)} is not ${expected}`);
}

export function badArgument(fn: string, name: string, value: unknown, expected: string): KpiError {
  const blank = value === null || value === undefined || (typeof value === "string" && value.trim() === "");
  if (blank) return new KpiError("VALUE", `KPI.${fn}: ${name} is blank; it must be ${expected}`);
  return new KpiError("VALUE", `KPI.${fn}: ${name} ${describeValue(value)} is not ${expected}`);
}

export function sizeMismatch(fn: string, a: string, aCells: number, b: string, bCells: number): KpiError {
  return new KpiError(
    "VALUE",
    `KPI.${fn}: ${a} has ${aCells} cells but ${b} has ${bCells}; they must be the same size`,
  );
}

export function periodReversed(fn: string, from: string, to: string): KpiError {
  return new KpiError("VALUE", `KPI.${fn}: from (${from}) is after to (${to})`);
}

export function nothingToCount(fn: string, what: string): KpiError {
  return new KpiError("DIV0", `KPI.${fn}: no ${what} to count`);
}

export function zeroDivisor(fn: string, name: string): KpiError {
  return new KpiError("DIV0", `KPI.${fn}: ${name} is 0`);
}

/**
 * Excel's own answer to a number beyond its largest (extreme inputs such as 1E-300 leads, or totals
 * past 1.8E+308): #NUM!, never Infinity or NaN.
 */
export function finiteOr(fn: string, result: number, what = "the result"): number | KpiError {
  return Number.isFinite(result) ? result : new KpiError("NUM", `KPI.${fn}: ${what} is too large to show`);
}

/** Excel's ranges are rectangular; an array whose rows differ in length cannot be read by position. */
export function notRectangular(fn: string, name: string, row: number, length: number, firstRow: number, columns: number): KpiError {
  const cells = (n: number) => (n === 1 ? "1 cell" : `${n} cells`);
  return new KpiError(
    "VALUE",
    `KPI.${fn}: ${name} is not a rectangular range: row ${row} has ${cells(length)} but row ${firstRow} has ${cells(columns)}`,
  );
}

export function inconsistent(fn: string, detail: string): KpiError {
  return new KpiError("VALUE", `KPI.${fn}: ${detail}`);
}

/** The expectations named in messages, so the same rule reads the same everywhere. */
export const expected = {
  number: "a number",
  nonNegative: "a number of 0 or more",
  wholeCount: "a whole count of 0 or more",
  share: "a share from 0 to 1 (0% to 100%)",
  date: "a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)",
  flag: "a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)",
  score: (low: number, high: number) => `a whole score from ${low} to ${high}`,
  scoreRange: (low: number, high: number) => `a score from ${low} to ${high}`,
  scale: "a whole number of 2 or more",
  unit: 'one of "minutes", "hours" or "days"',
  krType: 'one of "increase", "decrease", "above" or "below"',
  nonNegativeDuration: "a time on or after the start it is paired with",
  positiveDays: "a number of days above 0",
} as const;
