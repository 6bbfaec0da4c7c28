import { isOmittedRange, optionalDateArg } from "./args";
import { dateSerial, isBlank, isoDate, isSerial } from "./coerce";
import { KpiError } from "./errors";
import { AlignedGrid, Cell, Grid, rectangular } from "./grid";
import { badCell, expected, inconsistent, periodReversed } from "./messages";

/** The optional `[dates], [from], [to]` that end every function over per-job data. */
export interface PeriodArgs {
  dates?: Grid | null;
  from?: unknown;
  to?: unknown;
}

/** Rows are kept when lo <= date < hi: from's whole day up to the end of to's day. */
export interface PeriodFilter {
  dates: AlignedGrid;
  lo: number;
  hi: number;
}

/** A range of per-job values, checked to be walked by position, and the period that filters it. */
export interface PeriodRange {
  values: Grid;
  filter?: PeriodFilter;
}

/**
 * Checks a range of per-job values and resolves the period arguments against it. No dates means
 * no filter; a missing from or to leaves that side open.
 */
export function inPeriod(fn: string, range: Grid, valuesName: string, period: PeriodArgs): PeriodRange | KpiError {
  const values = rectangular(fn, valuesName, range);
  if (values instanceof KpiError) return values;
  const filter = periodFilter(fn, values, valuesName, period);
  return filter instanceof KpiError ? filter : { values, filter };
}

function periodFilter(fn: string, values: Grid, valuesName: string, period: PeriodArgs): PeriodFilter | undefined | KpiError {
  const from = optionalDateArg(fn, "from", period.from);
  if (from instanceof KpiError) return from;
  const to = optionalDateArg(fn, "to", period.to);
  if (to instanceof KpiError) return to;
  const dates = period.dates;
  if (isOmittedRange(dates)) {
    if (from !== undefined || to !== undefined) return inconsistent(fn, "from and to need the dates range to filter on");
    return undefined;
  }
  if (from !== undefined && to !== undefined && Math.floor(from) > Math.floor(to)) {
    return periodReversed(fn, isoDate(from), isoDate(to));
  }
  const aligned = AlignedGrid.of(fn, values, valuesName, dates, "dates");
  if (aligned instanceof KpiError) return aligned;
  return {
    dates: aligned,
    lo: from === undefined ? -Infinity : Math.floor(from),
    hi: to === undefined ? Infinity : Math.floor(to) + 1,
  };
}

/** What a visitor returns: an error stops the scan. */
type Visit = (value: Cell, row: number, column: number) => KpiError | undefined;

/** Whether a job's date keeps its row: IN, OUT (outside the period, or blank), or BAD (not a date). */
export const IN = 1;
export const OUT = 0;
export const BAD = -1;

/** Small and shared by every scan, so the JIT inlines it into each hot loop. */
export function dateVerdict(cell: Cell, lo: number, hi: number): number {
  // Numbers are the common case: compare them without a call.
  const date = isSerial(cell) ? cell : isBlank(cell) ? undefined : dateSerial(cell);
  if (date === undefined) return isBlank(cell) ? OUT : BAD;
  return date >= lo && date < hi ? IN : OUT;
}

/**
 * Calls `visit` for every cell of the range whose job falls in the period (all cells when there is
 * no filter), blank or not: the visitor decides what a blank means. Rows whose date is blank are
 * left out while a filter is active; a date that is not a date is an error naming its cell.
 */
export function scanPeriod(fn: string, { values, filter }: PeriodRange, visit: Visit): KpiError | undefined {
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const dateRow = filter?.dates.cells[r];
    for (let c = 0; c < row.length; c++) {
      if (filter && dateRow) {
        const verdict = dateVerdict(dateRow[c], filter.lo, filter.hi);
        if (verdict === BAD) return badDate(fn, filter, r, c);
        if (verdict === OUT) continue;
      }
      const error = visit(row[c], r, c);
      if (error) return error;
    }
  }
  return undefined;
}

export function badDate(fn: string, filter: PeriodFilter, r: number, c: number): KpiError {
  return badCell(fn, filter.dates.cells[r][c], filter.dates.positionOf(r, c), expected.date);
}
