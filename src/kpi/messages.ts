import { KpiError } from "./errors";
import { Counted } from "./messageCatalogue";
import { CellPosition, Expectation, TooLargeSubject } from "./renderMessage";

/**
 * The errors a KPI function returns, one constructor per kind of message. Each keeps the values
 * its message names; the texts, in every language, are in messageCatalogue.ts.
 */

export type { CellPosition, Expectation } from "./renderMessage";

/** `KPI.NPS: 11 at row 4, column 1 is not a whole score from 0 to 10` */
export function badCell(fn: string, value: unknown, at: CellPosition, expected: Expectation): KpiError {
  return new KpiError("VALUE", { id: "badCell", fn, value, at, expected });
}

/** `KPI.LIFESPAN: annualChurn 1.5 is not a share from 0 to 1 (0% to 100%)`, or that it is blank. */
export function badArgument(fn: string, name: string, value: unknown, expected: Expectation): KpiError {
  const blank = value === null || value === undefined || (typeof value === "string" && value.trim() === "");
  return new KpiError("VALUE", { id: blank ? "blankArgument" : "badArgument", fn, name, value, expected });
}

/** Two ranges read side by side (values and their dates) of different sizes. */
export function sizeMismatch(fn: string, a: string, aCells: number, b: string, bCells: number): KpiError {
  return new KpiError("VALUE", { id: "sizeMismatch", fn, a, aCells, b, bCells });
}

/** from and to as ISO dates (2026-03-31). */
export function periodReversed(fn: string, from: string, to: string): KpiError {
  return new KpiError("VALUE", { id: "periodReversed", fn, from, to });
}

/** A period asked for (from or to) with no dates to filter on. */
export function periodWithoutDates(fn: string): KpiError {
  return new KpiError("VALUE", { id: "periodWithoutDates", fn });
}

/** #DIV/0!: nothing in the range (or the period) to take a share or a mean of. */
export function nothingToCount(fn: string, counted: Counted): KpiError {
  return new KpiError("DIV0", { id: "nothingToCount", fn, counted });
}

/** #DIV/0!: a single value the function divides by is 0. */
export function zeroDivisor(fn: string, name: string): KpiError {
  return new KpiError("DIV0", { id: "zeroDivisor", fn, name });
}

/**
 * Excel's own answer to a number beyond its largest (extreme inputs such as 1E-300 leads, or totals
 * past 1.8E+308): #NUM!, never Infinity or NaN.
 */
export function finiteOr(fn: string, result: number, subject: TooLargeSubject = { id: "result" }): number | KpiError {
  return Number.isFinite(result) ? result : new KpiError("NUM", { id: "tooLarge", fn, subject });
}

/** Excel's ranges are rectangular; an array whose rows differ in length cannot be read by position. */
export function notRectangular(fn: string, name: string, row: number, length: number, firstRow: number, columns: number): KpiError {
  return new KpiError("VALUE", { id: "notRectangular", fn, name, row, length, firstRow, columns });
}

/** A part (booked leads, abandoned calls) larger than the whole it is a share of. */
export function partOverWhole(fn: string, part: string, partValue: number, whole: string, wholeValue: number): KpiError {
  return new KpiError("VALUE", { id: "partOverWhole", fn, part, partValue, whole, wholeValue });
}

/** Customers kept (end − new) outside 0..start: the three counts cannot all be right. */
export function keptOutOfRange(fn: string, end: number, fresh: number, kept: number, start: number): KpiError {
  return new KpiError("VALUE", { id: "keptOutOfRange", fn, end, fresh, kept, start });
}

/** Comments to score, but none in a language the function reads: the first one is named. */
export function notEnglish(fn: string, value: string, at: CellPosition): KpiError {
  return new KpiError("NA", { id: "notEnglish", fn, value, at });
}

/** The expectations named in messages, so the same rule reads the same everywhere. */
export const expected = {
  number: { id: "number" },
  nonNegative: { id: "nonNegative" },
  wholeCount: { id: "wholeCount" },
  share: { id: "share" },
  date: { id: "date" },
  flag: { id: "flag" },
  score: (low: number, high: number): Expectation => ({ id: "score", low, high }),
  scoreRange: (low: number, high: number): Expectation => ({ id: "scoreRange", low, high }),
  scale: { id: "scale" },
  unit: { id: "unit" },
  krType: { id: "krType" },
  nonNegativeDuration: { id: "nonNegativeDuration" },
  positiveDays: { id: "positiveDays" },
  dateTime: { id: "dateTime" },
  positiveHours: { id: "positiveHours" },
} as const satisfies Record<string, Expectation | ((low: number, high: number) => Expectation)>;
