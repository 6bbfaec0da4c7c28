import { dateSerial, flagValue, isBlank, isErrorValue, numericValue } from "./coerce";
import { KpiError } from "./errors";
import { AlignedGrid, Grid } from "./grid";
import { badCell, expected } from "./messages";
import { PeriodArgs, periodFilter, scanPeriod } from "./period";

/** Typed walks over a range of per-job data, with the period filter applied and bad cells reported. */

/** The numbers a function accepts, and how to say so when a cell is outside them. */
export interface Domain {
  accepts(value: number): boolean;
  description: string;
}

export const anyNumber: Domain = { accepts: () => true, description: expected.number };
export const nonNegative: Domain = { accepts: (n) => n >= 0, description: expected.nonNegative };

export function wholeScores(low: number, high: number): Domain {
  return { accepts: (n) => Number.isInteger(n) && n >= low && n <= high, description: expected.score(low, high) };
}

export function scoresBetween(low: number, high: number): Domain {
  return { accepts: (n) => n >= low && n <= high, description: expected.scoreRange(low, high) };
}

/**
 * Hands every number in the period to `use`, skipping blanks, booleans and non-numeric text (as
 * Excel's AVERAGE does); a number outside the domain, or an error value, stops with a message.
 */
export function eachNumber(
  fn: string,
  values: Grid,
  valuesName: string,
  period: PeriodArgs,
  domain: Domain,
  use: (value: number) => void,
): KpiError | undefined {
  const filter = periodFilter(fn, values, valuesName, period);
  if (filter instanceof KpiError) return filter;
  return scanPeriod(fn, values, filter, (cell, r, c) => {
    const number = typeof cell === "number" ? cell : numericValue(cell);
    if (number === undefined) {
      return isErrorValue(cell) ? badCell(fn, cell, { row: r + 1, column: c + 1 }, domain.description) : undefined;
    }
    if (!domain.accepts(number)) return badCell(fn, cell, { row: r + 1, column: c + 1 }, domain.description);
    use(number);
    return undefined;
  });
}

/** Hands every yes/no cell in the period to `use`; blanks are skipped, anything else is an error. */
export function eachFlag(
  fn: string,
  values: Grid,
  valuesName: string,
  period: PeriodArgs,
  use: (yes: boolean) => void,
): KpiError | undefined {
  const filter = periodFilter(fn, values, valuesName, period);
  if (filter instanceof KpiError) return filter;
  return scanPeriod(fn, values, filter, (cell, r, c) => {
    if (isBlank(cell)) return undefined;
    const flag = flagValue(cell);
    if (flag === undefined) return badCell(fn, cell, { row: r + 1, column: c + 1 }, expected.flag);
    use(flag);
    return undefined;
  });
}

/** Names of two ranges that pair cell for cell (arrivals with promised times, ...). */
export interface PairNames {
  first: string;
  second: string;
}

/**
 * Hands every pair of date-times in the period to `use` (first, second); a pair with either side
 * blank is skipped, and a cell that is not a date is an error naming its range and position.
 */
export function eachDatePair(
  fn: string,
  firsts: Grid,
  seconds: Grid,
  names: PairNames,
  period: PeriodArgs,
  use: (first: number, second: number, row: number, column: number) => KpiError | undefined,
): KpiError | undefined {
  return eachPair(fn, firsts, seconds, names, period, { read: dateSerial, description: expected.date, skipOtherText: false }, use);
}

/** As eachDatePair, for pairs of plain numbers (actual and target hours, ...); like blanks, other text skips the pair. */
export function eachNumberPair(
  fn: string,
  firsts: Grid,
  seconds: Grid,
  names: PairNames,
  period: PeriodArgs,
  use: (first: number, second: number, row: number, column: number) => KpiError | undefined,
): KpiError | undefined {
  return eachPair(fn, firsts, seconds, names, period, { read: numericValue, description: expected.number, skipOtherText: true }, use);
}

interface PairKind {
  read: (cell: unknown) => number | undefined;
  description: string;
  /** Numeric ranges ignore text, as AVERAGE does; date ranges may not. */
  skipOtherText: boolean;
}

function eachPair(
  fn: string,
  firsts: Grid,
  seconds: Grid,
  names: PairNames,
  period: PeriodArgs,
  kind: PairKind,
  use: (first: number, second: number, row: number, column: number) => KpiError | undefined,
): KpiError | undefined {
  const partner = AlignedGrid.of(fn, firsts, names.first, seconds, names.second);
  if (partner instanceof KpiError) return partner;
  const filter = periodFilter(fn, firsts, names.first, period);
  if (filter instanceof KpiError) return filter;
  return scanPeriod(fn, firsts, filter, (cell, r, c) => {
    const other = partner.cells[r][c];
    if (isBlank(cell) || isBlank(other)) return undefined;
    const first = kind.read(cell);
    const second = kind.read(other);
    if (kind.skipOtherText && (isIgnoredByNumbers(cell, first) || isIgnoredByNumbers(other, second))) return undefined;
    if (first === undefined) return badCell(fn, cell, { row: r + 1, column: c + 1 }, kind.description);
    if (second === undefined) return badCell(fn, other, partner.positionOf(r, c), kind.description);
    return use(first, second, r, c);
  });
}

function isIgnoredByNumbers(cell: unknown, read: number | undefined): boolean {
  return read === undefined && (typeof cell === "string" || typeof cell === "boolean");
}

/** The total of a number or a range of numbers (spend, leads): blanks and text are ignored. */
export function sumOf(fn: string, name: string, values: Grid | number | null | undefined): number | KpiError {
  const grid: Grid = typeof values === "number" ? [[values]] : (values ?? []);
  let total = 0;
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const cell = grid[r][c];
      const number = numericValue(cell);
      if (number === undefined && !isErrorValue(cell)) continue;
      if (number === undefined || number < 0) {
        return badCell(fn, cell, { row: r + 1, column: c + 1, range: name }, expected.nonNegative);
      }
      total += number;
    }
  }
  return total;
}
