import { columnLetters } from "../src/okr/references";

/** A rectangle of cells, 0-based, as Office.js's rowIndex/columnIndex/rowCount/columnCount. */
export interface Area {
  top: number;
  left: number;
  height: number;
  width: number;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** One end of an A1 reference: a cell, a whole column ("N") or a whole row ("9"). */
function corner(text: string): { row?: number; column?: number } | undefined {
  const cell = CELL.exec(text);
  if (cell) return { row: Number(cell[2]) - 1, column: columnNumber(cell[1]) };
  const column = COLUMN.exec(text);
  if (column) return { column: columnNumber(column[1]) };
  const row = ROW.exec(text);
  if (row) return { row: Number(row[1]) - 1 };
  return undefined;
}

/**
 * The area of an A1 address as Worksheet.getRange takes it: "B3", "A9:N20", "$A$1", "N:N", "9:12";
 * a sheet prefix ("'Job log'!A1") is read and returned. Undefined when it is not an address.
 */
export function parseAddress(address: string): { sheet?: string; area: Area } | undefined {
  const bang = address.lastIndexOf("!");
  const sheet = bang < 0 ? undefined : address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const [first, second = first, extra] = address.slice(bang + 1).split(":");
  if (extra !== undefined) return undefined;
  const [a, b] = [corner(first), corner(second)];
  if (!a || !b || (a.row === undefined) !== (b.row === undefined) || (a.column === undefined) !== (b.column === undefined)) return undefined;
  const [top, bottom] = a.row === undefined ? [0, MAX_ROWS - 1] : [Math.min(a.row, b.row!), Math.max(a.row, b.row!)];
  const [left, right] = a.column === undefined ? [0, MAX_COLUMNS - 1] : [Math.min(a.column, b.column!), Math.max(a.column, b.column!)];
  if (top < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS) return undefined;
  return { sheet, area: { top, left, height: bottom - top + 1, width: right - left + 1 } };
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !CELL.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** An area as Range.address gives it: "'OKR 2026-Q3'!A9:N20", or "Jobs!B2" for one cell. */
export function formatAddress(sheet: string, area: Area): string {
  const cell = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
  const start = cell(area.top, area.left);
  const end = cell(area.top + area.height - 1, area.left + area.width - 1);
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

export function overlaps(a: Area, b: Area): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

export function contains(outer: Area, inner: Area): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.top + inner.height <= outer.top + outer.height && inner.left + inner.width <= outer.left + outer.width;
}
