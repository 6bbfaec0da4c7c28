import { Area } from "./address";

/** What a cell holds as typed: a constant, or a formula as text starting with "=". null: empty. */
export type Content = string | number | boolean | null;
/** A computed value as Range.values returns it: "" for an empty cell, error values as text ("#DIV/0!"). */
export type Value = string | number | boolean;

/** A conditional format as the adapter set it up: its type and the properties set on it, by path. */
export interface ConditionalFormatState {
  area: Area;
  type: string;
  properties: Map<string, unknown>;
}

export interface TableState {
  name: string;
  sheet: string;
  /** Header row included. */
  area: Area;
  /** Column names, as the header row showed them when the table was made. */
  columns: string[];
  style?: string;
}

/** A sheet's layout beyond its cells. */
export interface SheetState {
  name: string;
  protected: boolean;
  frozenRows: number;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  conditionalFormats: ConditionalFormatState[];
  /** Number formats set here, by "row:column" (a cell's format in a file stays in the file: CellStore.numberFormat). */
  numberFormats: Map<string, string>;
  /** Font settings by "row:column" (only what the adapter sets: bold, size, color). */
  fonts: Map<string, Record<string, unknown>>;
}


export const cellKey = (row: number, column: number): string => `${row}:${column}`;

export function newSheetState(name: string): SheetState {
  return { name, protected: false, frozenRows: 0, columnWidths: new Map(), hiddenColumns: new Set(), conditionalFormats: [], numberFormats: new Map(), fonts: new Map() };
}

/**
 * Cells, and whatever computes them: what each backend supplies to the shared object model
 * (backends/officeModel.ts), which holds everything else (tables, formats, layout) and the rules.
 */
export interface CellStore {
  addSheet(name: string): void;
  /** The cell's content as typed; text is returned as the text itself (no leading apostrophe). */
  content(sheet: string, row: number, column: number): Content;
  /** Whether a cell holds text (so "=1" or "12" read back from content() is text, not a formula or a number). */
  isText(sheet: string, row: number, column: number): boolean;
  value(sheet: string, row: number, column: number): Value;
  /**
   * Writes a block of cells from (top, left): undefined leaves a cell as it is, null empties it, and
   * `text` marks cells whose string is text even when it looks like a formula or a number.
   */
  write(sheet: string, top: number, left: number, cells: readonly (readonly (Content | undefined)[])[], text: (row: number, column: number) => boolean): void;
  /** The number format a cell has in the file the store was read from, when not General (only backends over a file have one). */
  numberFormat?(sheet: string, row: number, column: number): string | undefined;
  /** The smallest area holding every non-empty cell, or undefined for an empty sheet. */
  usedArea(sheet: string): Area | undefined;
  /** Calls back with the names of the sheets whose values changed, after each recalculation. */
  onCalculated(listener: (sheets: ReadonlySet<string>) => void): void;
}
