import { optionalDateArg, optionalGrid } from "./args";
import { dateSerial, isBlank, isoDate } from "./coerce";
import { KpiError } from "./errors";
import { AlignedGrid, Cell, Grid } from "./grid";
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

/**
 * Resolves the period arguments against the range they filter. No dates means no filter;
 * a missing from or to leaves that side open.
 */
export function periodFilter(
  fn: string,
  values: Grid,
  valuesName: string,
  period: PeriodArgs,
): PeriodFilter | undefined | KpiError {
  const from = optionalDateArg(fn, "from", period.from);
  if (from instanceof KpiError) return from;
  const to = optionalDateArg(fn, "to", period.to);
  if (to instanceof KpiError) return to;
  const dates = optionalGrid(period.dates);
  if (!dates) {
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
export type Visit = (value: Cell, row: number, column: number) => KpiError | undefined;

/**
 * Calls `visit` for every cell of `values` whose job falls in the period (all cells when there is
 * no filter), blank or not: the visitor decides what a blank means. Rows whose date is blank are
 * left out while a filter is active; a date that is not a date is an error naming its cell.
 */
export function scanPeriod(fn: string, values: Grid, filter: PeriodFilter | undefined, visit: Visit): KpiError | undefined {
  const rows = values.length;
  const dates = filter?.dates.cells;
  const lo = filter ? filter.lo : 0;
  const hi = filter ? filter.hi : 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    const dateRow = dates ? dates[r] : undefined;
    for (let c = 0; c < row.length; c++) {
      if (dateRow) {
        const cell = dateRow[c];
        // Numbers are the common case: compare them without a call.
        const date = typeof cell === "number" && cell >= 0 ? cell : dateOrBlank(cell);
        if (date === undefined) return badCell(fn, cell, filter!.dates.positionOf(r, c), expected.date);
        if (date === null || date < lo || date >= hi) continue;
      }
      const error = visit(row[c], r, c);
      if (error) return error;
    }
  }
  return undefined;
}

/** A date serial, null for a blank, undefined for something that is not a date. */
function dateOrBlank(cell: Cell): number | null | undefined {
  return isBlank(cell) ? null : dateSerial(cell);
}
