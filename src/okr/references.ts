/** Writing names into formulas so that no sheet, table or column name can break them. */

/** A sheet name as a formula prefix: 'Job log'!  (quoted, apostrophes doubled: 'Bob''s jobs'!). */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * A table column as a structured reference in the form valid for every header, Jobs[[First-visit fix]]:
 * Excel requires the inner brackets when a header holds a space or any of - / . $ # ' [ ] ( ) , : ; %
 * & + = < > ^ { } ! ? @ \ ` ~ " *, and inside them [ ] # ' are escaped with '.
 * (support.microsoft.com, "Using structured references with Excel tables".)
 */
export function tableColumn(table: string, column: string): string {
  return `${table}[[${column.replace(/['[\]#]/g, "'$&")}]]`;
}

/** A1 letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A column of a plain range between two rows: 'Job log'!$C$2:$C$2001. */
export function sheetColumn(sheet: string, column: number, firstDataRow: number, lastRow: number): string {
  const letters = columnLetters(column);
  return `${sheetPrefix(sheet)}$${letters}$${firstDataRow}:$${letters}$${lastRow}`;
}

/**
 * Text that Excel would read as something else when written as typed gets a leading apostrophe, so Excel
 * keeps it as the text it is: a formula (=, +, -, @ first), a stripped prefix (' first), a number, a
 * percentage, a date or time, TRUE or FALSE.
 */
export function asText(text: string): string {
  return READ_AS_OTHER.some((pattern) => pattern.test(text)) ? `'${text}` : text;
}

const READ_AS_OTHER = [
  /^[=+\-@']/,
  /^\s*(true|false)\s*$/i,
  /^\s*[$€£¥(]?\s*[\d.,]+\s*[%)]?\s*$/,
  /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?(\s|T|$)/,
  /^\s*\d{1,2}:\d{2}/,
];

/**
 * A KR-table row read back from Excel as the text to write it again: Range.formulas gives text that
 * looks like a formula or a number without its apostrophe ("=abc" typed as '=abc), so a cell whose
 * formula reads as text in `values` too is text, and is written back with its apostrophe.
 */
export function asTyped(formulas: readonly unknown[], values: readonly unknown[]): (string | number | boolean | null)[] {
  return formulas.map((formula, i) => {
    if (typeof formula !== "string") return (formula as number | boolean | null) ?? null;
    const isText = !formula.startsWith("=") || values[i] === formula;
    return isText ? asText(formula) : formula;
  });
}
