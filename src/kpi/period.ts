import { isOmittedRange, optionalDateArg } from "./args";
import { dateSerial, isBlank, isoDate, isSerial } from "./coerce";
import { KpiError } from "./errors";
import { AlignedGrid, Cell, Grid, rectangular } from "./grid";
import { badCell, CellPosition, expected, periodReversed, periodWithoutDates } from "./messages";

/** The optional `[dates], [from], [to]` that end every function over per-job data. */
export interface PeriodArgs {
  dates?: Grid | null;
  from?: unknown;
  to?: unknown;
}

/** Rows are kept when lo <= date < hi: from's whole day up to the end of to's day. */
interface Bounds {
  lo: number;
  hi: number;
}

/** A second range read with the values, cell for cell (promised times with arrivals, ...). */
export interface Partner {
  range: unknown;
  name: string;
}

/** Whether a job's date keeps its row: IN, OUT (outside the period, or blank), or BAD (not a date). */
const IN = 1;
const OUT = 0;
const BAD = -1;

/** Small and shared by every walk, so the JIT inlines it into the hot loop. */
function dateVerdict(cell: Cell, lo: number, hi: number): number {
  // Numbers are the common case: compare them without a call.
  const date = isSerial(cell) ? cell : isBlank(cell) ? undefined : dateSerial(cell);
  if (date === undefined) return isBlank(cell) ? OUT : BAD;
  return date >= lo && date < hi ? IN : OUT;
}

/**
 * Stops a walk over ranges taken on trust at a row not shaped like the first; never shown, as the
 * walk then starts over on the checked ranges, which name the row.
 */
const IRREGULAR = new KpiError("VALUE", { id: "irregularRow" });

/**
 * The cells a function over per-job data reads, in reading order: the values (and a partner's cell
 * with each), leaving out rows whose job date is outside the period or blank. A cursor, not a
 * callback, so each function's own loop stays one loop the JIT can compile whole.
 */
export class PeriodCells {
  /** The current cell's position in the values' shape, 0-based. */
  row = -1;
  column: number;
  /** Why the walk ended early: a job date that is not a date, or what the function's loop ended it with. */
  stop: KpiError | undefined;
  private valueRow: readonly Cell[] = [];
  private dateRow: readonly Cell[] = [];
  private partnerRow: readonly Cell[] = [];
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    private readonly fn: string,
    private readonly values: Grid,
    private readonly columns: number,
    bounds: Bounds | undefined,
    private readonly dates: AlignedGrid | undefined,
    private readonly partner: AlignedGrid | undefined,
  ) {
    this.column = columns;
    this.lo = bounds ? bounds.lo : -Infinity;
    this.hi = bounds ? bounds.hi : Infinity;
  }

  /**
   * Moves to the next kept cell; false at the end, or when the walk stopped (see `stop`). The
   * ranges were checked in full up front, or taken on trust with each row's shape checked here, as
   * it is read: one pass over the rows, not two. Works on locals, stored back once per cell kept.
   */
  next(): boolean {
    const { values, columns, dates, partner, lo, hi } = this;
    let r = this.row;
    let c = this.column + 1;
    let valueRow = this.valueRow;
    let dateRow = this.dateRow;
    for (;; c++) {
      while (c >= columns) {
        if (++r >= values.length) return this.end(undefined);
        c = 0;
        valueRow = values[r];
        if (!fits(valueRow, columns)) return this.end(IRREGULAR);
        if (dates !== undefined) {
          dateRow = dates.cells[r];
          if (!fits(dateRow, columns)) return this.end(IRREGULAR);
        }
        if (partner !== undefined) {
          this.partnerRow = partner.cells[r];
          if (!fits(this.partnerRow, columns)) return this.end(IRREGULAR);
        }
      }
      if (dates !== undefined) {
        const verdict = dateVerdict(dateRow[c], lo, hi);
        if (verdict === OUT) continue;
        if (verdict === BAD) return this.end(badCell(this.fn, dateRow[c], dates.positionOf(r, c), expected.date));
      }
      this.row = r;
      this.column = c;
      this.valueRow = valueRow;
      this.dateRow = dateRow;
      return true;
    }
  }

  /**
   * The current cell. Read from its row when asked rather than kept in a field: a field holding
   * any cell would box every number stored in it, one heap object per cell.
   */
  get value(): Cell {
    return this.valueRow[this.column];
  }

  /** The partner's cell next to the current one (null without a partner). */
  get partnerValue(): Cell {
    return this.partner === undefined ? null : this.partnerRow[this.column];
  }

  /** Where the current cell's partner sits in the range the user passed. */
  partnerPosition(): CellPosition {
    return this.partner ? this.partner.positionOf(this.row, this.column) : { row: this.row + 1, column: this.column + 1 };
  }

  /** Ends the walk, with an error unless it reached the end: next() returns false from here on. */
  end(error: KpiError | undefined): false {
    this.stop = error;
    this.row = this.values.length;
    this.column = this.columns;
    return false;
  }
}

function fits(row: unknown, columns: number): boolean {
  return Array.isArray(row) && row.length === columns;
}

/**
 * A function's loop over the cells: declared once at module level, with what it needs from the call
 * in `context`, not a closure made per call. Optimized code embeds the closure it was compiled for,
 * so a fresh one per call lets the next collection throw that code away, and each call then starts
 * its loop again in the slow tiers.
 */
export type Walk<C, T> = (cells: PeriodCells, context: C) => T | KpiError;

/**
 * Walks the values in the period with `walk`, which loops over the cells and returns its result.
 * Excel's ranges are rectangular, so the ranges are first taken as they are, each row's shape
 * checked as the walk reads it. Any error, or a row that is not a plain row of the first's length
 * (a null row, a ragged one), walks again over the ranges checked in full and normalised up front:
 * the error reported is then always the first in the order of the checks, whatever the walk met first.
 */
export function walkPeriod<C, T>(
  fn: string,
  range: unknown,
  valuesName: string,
  period: PeriodArgs,
  walk: Walk<C, T>,
  context: C,
  partner?: Partner,
): T | KpiError {
  const trusted = trustedCells(fn, range, period, partner);
  if (trusted !== undefined) {
    const result = walk(trusted, context);
    if (trusted.stop === undefined && !(result instanceof KpiError)) return result;
  }
  const checked = checkedCells(fn, range, valuesName, period, partner);
  if (checked instanceof KpiError) return checked;
  const result = walk(checked, context);
  return checked.stop ?? result;
}

/** The cells over the ranges as handed over, when their first rows agree in shape; undefined otherwise. */
function trustedCells(fn: string, range: unknown, period: PeriodArgs, partner: Partner | undefined): PeriodCells | undefined {
  const columns = firstRowLength(range);
  const bounds = periodBounds(fn, period);
  if (columns === undefined || bounds instanceof KpiError) return undefined;
  const values = range as Grid;
  const alongside = (other: unknown, name: string): AlignedGrid | undefined =>
    Array.isArray(other) && other.length === values.length && firstRowLength(other) === columns ? AlignedGrid.sameShape(other as Grid, columns, name) : undefined;
  const dates = bounds && alongside(period.dates, "dates");
  const paired = partner && alongside(partner.range, partner.name);
  if ((bounds && !dates) || (partner && !paired)) return undefined;
  return new PeriodCells(fn, values, columns, bounds, dates, paired);
}

function firstRowLength(range: unknown): number | undefined {
  return Array.isArray(range) && Array.isArray(range[0]) ? range[0].length : undefined;
}

/** The cells over the ranges checked in full (shapes, sizes, then the period), in that order. */
function checkedCells(fn: string, range: unknown, valuesName: string, period: PeriodArgs, partner: Partner | undefined): PeriodCells | KpiError {
  const values = rectangular(fn, valuesName, range);
  if (values instanceof KpiError) return values;
  const bounds = periodBounds(fn, period);
  if (bounds instanceof KpiError) return bounds;
  const dates = bounds && AlignedGrid.of(fn, values, valuesName, period.dates, "dates");
  if (dates instanceof KpiError) return dates;
  const paired = partner && AlignedGrid.of(fn, values, valuesName, partner.range, partner.name);
  if (paired instanceof KpiError) return paired;
  const columns = values.length === 0 ? 0 : values[0].length;
  return new PeriodCells(fn, values, columns, bounds, dates, paired);
}

/** The period's bounds; undefined when there are no dates to filter on. A missing from or to leaves that side open. */
function periodBounds(fn: string, period: PeriodArgs): Bounds | undefined | KpiError {
  const from = optionalDateArg(fn, "from", period.from);
  if (from instanceof KpiError) return from;
  const to = optionalDateArg(fn, "to", period.to);
  if (to instanceof KpiError) return to;
  if (isOmittedRange(period.dates)) {
    if (from !== undefined || to !== undefined) return periodWithoutDates(fn);
    return undefined;
  }
  if (from !== undefined && to !== undefined && Math.floor(from) > Math.floor(to)) {
    return periodReversed(fn, isoDate(from), isoDate(to));
  }
  return {
    lo: from === undefined ? -Infinity : Math.floor(from),
    hi: to === undefined ? Infinity : Math.floor(to) + 1,
  };
}
