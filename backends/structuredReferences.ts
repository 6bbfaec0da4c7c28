import { columnLetters } from "../src/okr/references";
import { quoteSheet } from "./address";
import { TableState } from "./store";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*\[/;

/**
 * A formula with each structured reference to a table column replaced by that column's data cells
 * ('Sample jobs'!$E$2:$E$6001), for an engine without tables. Text in double quotes and quoted sheet
 * names are left alone; inside a reference's brackets a quote is part of the column name, and ' escapes
 * [ ] # and '. References to special items (#This Row, #All ...) or unknown columns throw: not modelled.
 */
export function resolveStructuredReferences(formula: string, tables: readonly TableState[]): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote === '"' || quote === "'") {
      const end = closingQuote(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const name = /[A-Za-z0-9_.\\]/.test(formula[i - 1] ?? "") ? null : TABLE_NAME.exec(formula.slice(i));
    if (!name) {
      out += formula[i++];
      continue;
    }
    let end = i + name[0].length;
    for (let depth = 1; end < formula.length && depth > 0; end++) {
      if (formula[end] === "'") end++;
      else if (formula[end] === "[") depth++;
      else if (formula[end] === "]") depth--;
    }
    const whole = formula.slice(i, end);
    const table = name[0].slice(0, -1);
    out += resolve(whole, table, whole.slice(table.length + 1, -1), tables);
    i = end;
  }
  return out;
}

/** The index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closingQuote(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote && formula[i + 1] === quote) i += 2;
    else if (formula[i] === quote) return i + 1;
    else i++;
  }
  return formula.length;
}

function resolve(whole: string, name: string, inside: string, tables: readonly TableState[]): string {
  const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!table) return whole; // not a table: leave it for the engine to judge
  const column = (inside.startsWith("[") ? inside.slice(1, -1) : inside).replace(/'(.)/g, "$1");
  if (column.startsWith("#")) throw new Error(`${whole}: special items of structured references are not modelled by this backend`);
  const index = table.columns.findIndex((h) => h.toLowerCase() === column.toLowerCase());
  if (index < 0) throw new Error(`${whole}: the table "${table.name}" has no column "${column}"`);
  const letters = columnLetters(table.area.left + index);
  const [first, last] = [table.area.top + 2, table.area.top + table.area.height];
  return `${quoteSheet(table.sheet)}!$${letters}$${first}:$${letters}$${last}`;
}
