import { columnLetters } from "../src/okr/references";
import { quoteSheet } from "./address";
import { BRACKETS, QUOTED } from "./formulaText";
import { TableState } from "./store";

/** Text and quoted sheet names as they are, else a table name and the brackets after it. */
const TOKENS = new RegExp(String.raw`${QUOTED}|(?<![\w.\\])([A-Za-z_\\][\w.\\]*)(${BRACKETS})`, "g");

/**
 * A formula with each structured reference to a table column replaced by that column's data cells
 * ('Sample jobs'!$E$2:$E$6001), for an engine without tables. Text in double quotes and quoted sheet
 * names are left alone; inside a reference's brackets a quote is part of the column name, and ' escapes
 * [ ] # and '. References to special items (#This Row, #All ...) or unknown columns throw: not modelled.
 */
export function resolveStructuredReferences(formula: string, tables: readonly TableState[]): string {
  return formula.replace(TOKENS, (token: string, name: string | undefined, brackets: string | undefined) =>
    name && brackets ? resolve(token, name, brackets.slice(1, -1), tables) : token,
  );
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
