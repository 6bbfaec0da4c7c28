import { dateSerial, flagValue, isBlank, isErrorValue, numericValue } from "./coerce";
import { KpiError } from "./errors";
import { AlignedGrid, cellCount, Grid, rectangular } from "./grid";
import { badCell, expected, finiteOr } from "./messages";
import { BAD, badDate, dateVerdict, inPeriod, OUT, PeriodArgs, scanPeriod } from "./period";

/** Typed walks over a range of per-job data, with the period filter applied and bad cells reported. */

/** The numbers a function accepts (plain data, so the hot loop makes no call), and how to say so. */
export interface Domain {
  min: number;
  max: number;
  whole: boolean;
  description: string;
}

export const nonNegative: Domain = { min: 0, max: Infinity, whole: false, description: expected.nonNegative };

export function wholeScores(low: number, high: number): Domain {
  return { min: low, max: high, whole: true, description: expected.score(low, high) };
}

export function scoresBetween(low: number, high: number): Domain {
  return { min: low, max: high, whole: false, description: expected.scoreRange(low, high) };
}

/**
 * The numbers in the period, in reading order, skipping blanks, booleans and non-numeric text (as
 * Excel's AVERAGE does); a number outside the domain, or an error value, is an error naming its cell.
 * Written as one tight loop with no callbacks: this is the hot path over a million cells.
 */
export function numbersInPeriod(fn: string, range: Grid, valuesName: string, period: PeriodArgs, domain: Domain): Float64Array | KpiError {
  const checked = inPeriod(fn, range, valuesName, period);
  if (checked instanceof KpiError) return checked;
  const { values, filter } = checked;
  const numbers = new Float64Array(cellCount(values));
  const { min, max, whole } = domain;
  // Hoisted out of the loop: a million rows each pay for every lookup left inside.
  const dateRows = filter?.dates.cells;
  const lo = filter ? filter.lo : 0;
  const hi = filter ? filter.hi : 0;
  let count = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const dateRow = dateRows ? dateRows[r] : undefined;
    for (let c = 0; c < row.length; c++) {
      if (filter && dateRow) {
        const verdict = dateVerdict(dateRow[c], lo, hi);
        if (verdict === BAD) return badDate(fn, filter, r, c);
        if (verdict === OUT) continue;
      }
      const cell = row[c];
      const number = typeof cell === "number" && cell - cell === 0 ? cell : numericValue(cell);
      if (number === undefined) {
        if (isErrorValue(cell)) return badCell(fn, cell, { row: r + 1, column: c + 1 }, domain.description);
        continue;
      }
      if (!(number >= min && number <= max) || (whole && !Number.isInteger(number))) {
        return badCell(fn, cell, { row: r + 1, column: c + 1 }, domain.description);
      }
      numbers[count++] = number;
    }
  }
  return numbers.subarray(0, count);
}

/** Hands every yes/no cell in the period to `use`; blanks are skipped, anything else is an error. */
export function eachFlag(
  fn: string,
  values: Grid,
  valuesName: string,
  period: PeriodArgs,
  use: (yes: boolean) => void,
): KpiError | undefined {
  const range = inPeriod(fn, values, valuesName, period);
  if (range instanceof KpiError) return range;
  return scanPeriod(fn, range, (cell, r, c) => {
    if (isBlank(cell)) return undefined;
    const flag = flagValue(cell);
    if (flag === undefined) return badCell(fn, cell, { row: r + 1, column: c + 1 }, expected.flag);
    use(flag);
    return undefined;
  });
}

/** Names of two ranges that pair cell for cell (arrivals with promised times, ...). */
interface PairNames {
  first: string;
  second: string;
}

/** How the cells of paired ranges are read. */
export interface PairKind {
  read: (cell: unknown) => number | undefined;
  description: string;
  /** Numeric ranges ignore text, as AVERAGE does; date ranges may not. */
  skipOtherText: boolean;
}

/** Date-times (arrivals and promised times, ...): a cell that is not a date is an error. */
export const DATE_PAIRS: PairKind = { read: dateSerial, description: expected.date, skipOtherText: false };
/** Plain numbers (actual and target hours, ...): like blanks, other text skips the pair. */
export const NUMBER_PAIRS: PairKind = { read: numericValue, description: expected.number, skipOtherText: true };

/**
 * Hands every pair of cells in the period to `use` (first, second); a pair with either side blank
 * is skipped, and a cell the kind cannot read is an error naming its range and position.
 */
export function eachPair(
  fn: string,
  firsts: Grid,
  seconds: Grid,
  names: PairNames,
  period: PeriodArgs,
  kind: PairKind,
  use: (first: number, second: number, row: number, column: number) => KpiError | undefined,
): KpiError | undefined {
  const range = inPeriod(fn, firsts, names.first, period);
  if (range instanceof KpiError) return range;
  const partner = AlignedGrid.of(fn, range.values, names.first, seconds, names.second);
  if (partner instanceof KpiError) return partner;
  return scanPeriod(fn, range, (cell, r, c) => {
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

/**
 * The total of a number or a range of numbers (spend, leads): blanks and text are ignored, and a
 * total past Excel's largest number is #NUM!.
 */
export function sumOf(fn: string, name: string, values: Grid | number | null | undefined): number | KpiError {
  const grid = rectangular(fn, name, values);
  if (grid instanceof KpiError) return grid;
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
  return finiteOr(fn, total, `the total of ${name}`);
}

/** The plain sum of numbers already checked. */
export function sum(numbers: Float64Array): number {
  let total = 0;
  for (const number of numbers) total += number;
  return total;
}
