import { KpiError } from "./errors";
import { CellPosition, sizeMismatch } from "./messages";

/** A cell as Excel hands it to a custom function: number, text, boolean, blank (null or "") or an error. */
export type Cell = unknown;
/**
 * A range as Excel hands it over: rows of cells. Excel's ranges are rectangular, so a grid's
 * shape is its row count by its first row's length, read in O(1): a million-row range is not
 * walked just to be measured.
 */
export type Grid = readonly (readonly Cell[])[];

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

  static of(fn: string, base: Grid, baseName: string, other: Grid, otherName: string): AlignedGrid | KpiError {
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
