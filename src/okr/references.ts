/** Writing names into formulas so that no sheet, table or column name can break them. */

/** A sheet name as a formula prefix: 'Job log'!  (quoted, apostrophes doubled: 'Bob''s jobs'!). */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** A table column as a structured reference, Jobs[First visit fix]; [ ] # ' are escaped with '. */
export function tableColumn(table: string, column: string): string {
  return `${table}[${column.replace(/['[\]#]/g, "'$&")}]`;
}

/** A1 letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel's last row: a reference down to it keeps counting rows added below the data. */
const LAST_ROW = 1_048_576;

/** A column of a plain range from its first data row to the bottom of the sheet: 'Job log'!$C$2:$C$1048576. */
export function sheetColumn(sheet: string, column: number, firstDataRow: number, lastRow = LAST_ROW): string {
  const letters = columnLetters(column);
  return `${sheetPrefix(sheet)}$${letters}$${firstDataRow}:$${letters}$${lastRow}`;
}

/** Text that Excel would read as a formula (=, +, -, @ first) or strip (' first) gets a leading apostrophe: Excel shows the rest as typed. */
export function asText(text: string): string {
  return /^[=+\-@']/.test(text) ? `'${text}` : text;
}
