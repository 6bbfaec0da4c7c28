import { KpiError } from "./errors";
import { CellPosition, sizeMismatch } from "./messages";

/** A cell as Excel hands it to a custom function: number, text, boolean, blank (null or "") or an error. */
export type Cell = unknown;
/** A range as Excel hands it over: rows of cells (any shape, usually rectangular). */
export type Grid = readonly (readonly Cell[])[];

export function cellCount(grid: Grid): number {
  let count = 0;
  for (const row of grid) count += row.length;
  return count;
}

/** The 1-based position of the `flat`-th cell (row-major, 0-based) of a grid. */
export function positionAt(grid: Grid, flat: number, range?: string): CellPosition {
  let left = flat;
  for (let r = 0; r < grid.length; r++) {
    if (left < grid[r].length) return { row: r + 1, column: left + 1, range };
    left -= grid[r].length;
  }
  return { row: grid.length, column: 1, range };
}

/** The flat (row-major, 0-based) index of cell (r, c) of a grid. */
function flatIndex(grid: Grid, r: number, c: number): number {
  let flat = c;
  for (let i = 0; i < r; i++) flat += grid[i].length;
  return flat;
}

/**
 * A range that goes with `base` cell for cell (scores and their dates), laid out in base's shape
 * so both are read with the same [r][c]. Cells pair in reading order, so a column of 10 may go
 * with a row of 10; a different number of cells is an error naming both sizes.
 */
export class AlignedGrid {
  private constructor(
    readonly cells: Grid,
    private readonly base: Grid,
    private readonly source: Grid,
    readonly name: string,
  ) {}

  static of(fn: string, base: Grid, baseName: string, other: Grid, otherName: string): AlignedGrid | KpiError {
    const baseCount = cellCount(base);
    const otherCount = cellCount(other);
    if (baseCount !== otherCount) return sizeMismatch(fn, baseName, baseCount, otherName, otherCount);
    const sameShape = base.length === other.length && base.every((row, r) => row.length === other[r].length);
    return new AlignedGrid(sameShape ? other : reshape(other, base), base, other, otherName);
  }

  /** Where cell (r, c) of the base shape sits in the range the user passed. */
  positionOf(r: number, c: number): CellPosition {
    return positionAt(this.source, flatIndex(this.base, r, c), this.name);
  }
}

function reshape(source: Grid, like: Grid): Grid {
  const flat = source.flat();
  let next = 0;
  return like.map((row) => row.map(() => flat[next++]));
}
