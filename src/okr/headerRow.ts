/** Rows searched for a plain range's header row: exports often put a title or a date line above it. */
export const HEADER_SEARCH_ROWS = 10;

const isBlank = (cell: unknown) => cell === null || cell === undefined || cell === "";

/**
 * The index of the header row among the first rows of a plain range: the first row filled at least as
 * wide as most rows around it (so a title or "Exported on …" line above is skipped) whose cells are all text.
 * @example findHeaderRow([["Jobs 2026"], ["Date", "Customer"], [46024, "Ann"]]) //=> 1
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[]): number {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = top.map((row) => row.filter((cell) => !isBlank(cell)).length);
  const widest = Math.max(0, ...filled);
  const found = top.findIndex((row, i) => filled[i] >= Math.max(2, Math.ceil(widest * 0.6)) && row.every((cell) => isBlank(cell) || typeof cell === "string"));
  return Math.max(0, found);
}
