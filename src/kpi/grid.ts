import { KpiError } from "./errors";
import { CellPosition, notRectangular, sizeMismatch } from "./messages";

/** A cell as Excel hands it to a custom function: number, text, boolean, blank (null or "") or an error. */
export type Cell = unknown;
/**
 * A range as Excel hands it over: rows of cells. Once checked by `rectangular`, a grid's shape is
 * its row count by its first row's length, read in O(1).
 */
export type Grid = readonly (readonly Cell[])[];

/**
 * A range as a host handed it, made safe to walk by position. Excel's ranges are rectangular, but
 * some hosts send a blank row as null: it reads as a row of blanks. A lone value reads as a one-cell
 * row (so a single number is a 1×1 range), and nothing at all as an empty range. Rows of different
 * lengths are an error naming the first that differs. One pass over the rows, none over the cells;
 * the grid is copied only when a row needs replacing.
 */
export function rectangular(fn: string, name: string, range: unknown): Grid | KpiError {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[range]];
  // One plain loop: a million-row range pays for every call or closure left inside.
  let columns = -1;
  let firstRow = 0;
  let replace = false;
  for (let r = 0; r < range.length; r++) {
    const row: unknown = range[r];
    if (row === null || row === undefined) {
      replace = true;
      continue;
    }
    const isRow = Array.isArray(row);
    if (!isRow) replace = true;
    const length = isRow ? row.length : 1;
    if (columns < 0) {
      columns = length;
      firstRow = r;
    } else if (length !== columns) {
      return notRectangular(fn, name, r + 1, length, firstRow + 1, columns);
    }
  }
  if (!replace) return range as Grid;
  const blankRow: readonly Cell[] = new Array(Math.max(0, columns)).fill(null);
  return Array.from(range as unknown[], (row) => (row === null || row === undefined ? blankRow : Array.isArray(row) ? row : [row]));
}

function columnsOf(grid: Grid): number {
  return grid.length === 0 ? 0 : grid[0].length;
}

export function cellCount(grid: Grid): number {
  return grid.length * columnsOf(grid);
}

/** The 1-based position of the `flat`-th cell (row-major, 0-based) of a grid. */
function positionAt(grid: Grid, flat: number, range?: string): CellPosition {
  const columns = Math.max(1, columnsOf(grid));
  return { row: Math.floor(flat / columns) + 1, column: (flat % columns) + 1, range };
}

/**
 * A range that goes with `base` cell for cell (scores and their dates), laid out in base's shape
 * so both are read with the same [r][c]. Cells pair in reading order, so a column of 10 may go
 * with a row of 10; a different number of cells is an error naming both sizes.
 */
export class AlignedGrid {
  private constructor(
    readonly cells: Grid,
    private readonly baseColumns: number,
    private readonly source: Grid,
    readonly name: string,
  ) {}

  /** A range already known to have the base's shape, read as it is. */
  static sameShape(cells: Grid, baseColumns: number, name: string): AlignedGrid {
    return new AlignedGrid(cells, baseColumns, cells, name);
  }

  /** `base` is already checked; `other` is checked here. */
  static of(fn: string, base: Grid, baseName: string, otherRange: unknown, otherName: string): AlignedGrid | KpiError {
    const other = rectangular(fn, otherName, otherRange);
    if (other instanceof KpiError) return other;
    const baseCount = cellCount(base);
    const otherCount = cellCount(other);
    if (baseCount !== otherCount) return sizeMismatch(fn, baseName, baseCount, otherName, otherCount);
    const sameShape = base.length === other.length && columnsOf(base) === columnsOf(other);
    return new AlignedGrid(sameShape ? other : reshape(other, base), columnsOf(base), other, otherName);
  }

  /** Where cell (r, c) of the base shape sits in the range the user passed. */
  positionOf(r: number, c: number): CellPosition {
    return positionAt(this.source, r * this.baseColumns + c, this.name);
  }
}

function reshape(source: Grid, like: Grid): Grid {
  const flat = source.flat();
  const columns = columnsOf(like);
  return like.map((_, r) => flat.slice(r * columns, (r + 1) * columns));
}
