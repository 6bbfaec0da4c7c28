import { dateSerial, flagValue, isBlank, isErrorValue, isSerial, numericValue } from "./coerce";
import { KpiError } from "./errors";
import { Grid } from "./grid";
import { badCell, Expectation, expected, finiteOr } from "./messages";
import { PeriodArgs, PeriodCells, Walk, walkPeriod } from "./period";

/** Typed walks over a range of per-job data, with the period filter applied and bad cells reported. */

/** The numbers a function accepts (plain data, so the hot loop makes no call), and how to say so. */
export interface Domain {
  min: number;
  max: number;
  whole: boolean;
  description: Expectation;
}

export const nonNegative: Domain = { min: 0, max: Infinity, whole: false, description: expected.nonNegative };

export function wholeScores(low: number, high: number): Domain {
  return { min: low, max: high, whole: true, description: expected.score(low, high) };
}

export function scoresBetween(low: number, high: number): Domain {
  return { min: low, max: high, whole: false, description: expected.scoreRange(low, high) };
}

/** The thresholds a tally counts numbers against; either may be left out. */
export interface Thresholds {
  atLeast?: number;
  atMost?: number;
}

/** What the numbers in the period add up to: how many, their total, and how many reach each threshold. */
export interface NumberTally {
  count: number;
  total: number;
  atLeast: number;
  atMost: number;
}

/**
 * Tallies the numbers in the period, in reading order, skipping blanks, booleans and non-numeric
 * text (as Excel's AVERAGE does); a number outside the domain, or an error value, is an error
 * naming its cell. Counted as it goes: no list of the numbers is kept.
 */
export function tallyNumbers(fn: string, range: Grid, valuesName: string, period: PeriodArgs, domain: Domain, thresholds: Thresholds = {}): NumberTally | KpiError {
  const { atLeast = Infinity, atMost = -Infinity } = thresholds;
  return walkPeriod(fn, range, valuesName, period, tallyNumbersWalk, { fn, domain, atLeast, atMost });
}

/** What tallyNumbers' walk needs from its call. */
interface NumberTallyJob {
  fn: string;
  domain: Domain;
  atLeast: number;
  atMost: number;
}

function tallyNumbersWalk(cells: PeriodCells, job: NumberTallyJob): NumberTally | KpiError {
  const { fn, domain, atLeast, atMost } = job;
  const { min, max, whole } = domain;
  let count = 0;
  let total = 0;
  let high = 0;
  let low = 0;
  while (cells.next()) {
    const cell = cells.value;
    const number = typeof cell === "number" && cell - cell === 0 ? cell : numericValue(cell);
    if (number === undefined) {
      if (isErrorValue(cell)) return badCell(fn, cell, { row: cells.row + 1, column: cells.column + 1 }, domain.description);
      continue;
    }
    if (!(number >= min && number <= max) || (whole && !Number.isInteger(number))) {
      return badCell(fn, cell, { row: cells.row + 1, column: cells.column + 1 }, domain.description);
    }
    count++;
    total += number;
    if (number >= atLeast) high++;
    if (number <= atMost) low++;
  }
  return { count, total, atLeast: high, atMost: low };
}

/** How many yes/no cells in the period say yes, of how many; blanks are skipped, anything else is an error. */
export function tallyFlags(fn: string, range: Grid, valuesName: string, period: PeriodArgs): { yes: number; answers: number } | KpiError {
  return walkPeriod(fn, range, valuesName, period, tallyFlagsWalk, fn);
}

function tallyFlagsWalk(cells: PeriodCells, fn: string): { yes: number; answers: number } | KpiError {
  let yes = 0;
  let answers = 0;
  while (cells.next()) {
    const cell = cells.value;
    if (isBlank(cell)) continue;
    const flag = flagValue(cell);
    if (flag === undefined) return badCell(fn, cell, { row: cells.row + 1, column: cells.column + 1 }, expected.flag);
    answers++;
    if (flag) yes++;
  }
  return { yes, answers };
}

/** Names of two ranges that pair cell for cell (arrivals with promised times, ...). */
export interface PairNames {
  first: string;
  second: string;
}

/** How the cells of paired ranges are read. */
export interface PairKind {
  /** Date-times, or plain numbers. */
  dates: boolean;
  description: Expectation;
  /** Numeric ranges ignore text, as AVERAGE does; date ranges may not. */
  skipOtherText: boolean;
}

/** Date-times (arrivals and promised times, ...): a cell that is not a date is an error. */
export const DATE_PAIRS: PairKind = { dates: true, description: expected.date, skipOtherText: false };
/** Plain numbers (actual and target hours, ...): like blanks, other text skips the pair. */
export const NUMBER_PAIRS: PairKind = { dates: false, description: expected.number, skipOtherText: true };

/**
 * The pairs of cells in the period, read as numbers: a pair with either side blank is skipped,
 * and a cell the kind cannot read ends the walk with an error naming its range and position.
 */
export class Pairs {
  first = 0;
  second = 0;

  constructor(
    private readonly fn: string,
    readonly cells: PeriodCells,
    private readonly kind: PairKind,
  ) {}

  /** Moves to the next pair; false at the end, or when a cell ended the walk. */
  next(): boolean {
    const { cells, kind } = this;
    while (cells.next()) {
      const cell = cells.value;
      const other = cells.partnerValue;
      // Two numbers the kind accepts as they are, the common case: no calls, and the doubles are
      // stored straight into number-only fields.
      if (typeof cell === "number" && typeof other === "number" && (kind.dates ? isSerial(cell) && isSerial(other) : cell - cell === 0 && other - other === 0)) {
        this.first = cell;
        this.second = other;
        return true;
      }
      if (isBlank(cell) || isBlank(other)) continue;
      const first = readCell(kind, cell);
      const second = readCell(kind, other);
      if (kind.skipOtherText && (isIgnoredByNumbers(cell, first) || isIgnoredByNumbers(other, second))) continue;
      if (first === undefined) return cells.end(badCell(this.fn, cell, { row: cells.row + 1, column: cells.column + 1 }, kind.description));
      if (second === undefined) return cells.end(badCell(this.fn, other, cells.partnerPosition(), kind.description));
      this.first = first;
      this.second = second;
      return true;
    }
    return false;
  }
}

/** A function's loop over pairs: module-level, with what it needs in `context` (see Walk). */
export type PairWalk<C, T> = (pairs: Pairs, context: C) => T | KpiError;

/** Walks the pairs of two ranges that go cell for cell, in the period, with `walk`. */
export function walkPairs<C, T>(
  fn: string,
  firsts: Grid,
  seconds: Grid,
  names: PairNames,
  period: PeriodArgs,
  kind: PairKind,
  walk: PairWalk<C, T>,
  context: C,
): T | KpiError {
  const job: PairJob<C, T> = { fn, kind, walk, context };
  return walkPeriod(fn, firsts, names.first, period, pairsWalk as Walk<PairJob<C, T>, T>, job, { range: seconds, name: names.second });
}

/** What walkPairs hands its cells walk: how to read the pairs, and the function's own walk over them. */
interface PairJob<C, T> {
  fn: string;
  kind: PairKind;
  walk: PairWalk<C, T>;
  context: C;
}

function pairsWalk<C, T>(cells: PeriodCells, job: PairJob<C, T>): T | KpiError {
  return job.walk(new Pairs(job.fn, cells, job.kind), job.context);
}

/** Direct calls, not a function kept in PairKind: the JIT inlines them into the walk. */
function readCell(kind: PairKind, cell: unknown): number | undefined {
  return kind.dates ? dateSerial(cell) : numericValue(cell);
}

function isIgnoredByNumbers(cell: unknown, read: number | undefined): boolean {
  return read === undefined && (typeof cell === "string" || typeof cell === "boolean");
}

/**
 * The total of a number or a range of numbers (spend, leads): blanks and text are ignored, and a
 * total past Excel's largest number is #NUM!.
 */
export function sumOf(fn: string, name: string, values: Grid | number | null | undefined): number | KpiError {
  const total = walkPeriod(fn, values, name, {}, sumWalk, { fn, name });
  return total instanceof KpiError ? total : finiteOr(fn, total, { id: "total", name });
}

function sumWalk(cells: PeriodCells, job: { fn: string; name: string }): number | KpiError {
  let sum = 0;
  while (cells.next()) {
    const cell = cells.value;
    const number = numericValue(cell);
    if (number === undefined && !isErrorValue(cell)) continue;
    if (number === undefined || number < 0) {
      return badCell(job.fn, cell, { row: cells.row + 1, column: cells.column + 1, range: job.name }, expected.nonNegative);
    }
    sum += number;
  }
  return sum;
}
