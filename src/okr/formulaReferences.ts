/**
 * The cell and table references a formula's text makes, read as Excel reads them: text in double
 * quotes is no reference, a sheet name may be quoted ('Bob''s sales'!A1), columns and sheet names in
 * any case, $ anchors ignored. Names, INDIRECT and OFFSET cannot be read from the text, so they are not.
 */

/** A rectangle of cells: 1-based rows, 0-based columns, both ends included (Infinity: the sheet's end). */
export interface CellArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Which rows of a table a structured reference reads. */
export type TableRows = "data" | "thisRow" | "none";

export type FormulaReference =
  /** An A1 reference: on the formula's own sheet when `sheet` is undefined. */
  | { kind: "cells"; text: string; sheet?: string; area: CellArea }
  /**
   * A structured reference: `table` undefined inside a table ([@Current]) means the formula's own table;
   * `columns` as ranges of header names [from, to] (a single column is [name, name]), none meaning every column.
   */
  | { kind: "table"; text: string; table?: string; columns: readonly (readonly [string, string])[]; rows: TableRows };

// A sheet prefix: quoted (quotes doubled inside) or a bare name of letters, digits, _ and ., then "!".
const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}_\\][\p{L}\p{N}_.]*)!`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]{1,7}`;
const AREA = String.raw`(?:${COLUMN}${ROW}(?::${COLUMN}${ROW})?|${COLUMN}:${COLUMN}|${ROW}:${ROW})`;
// Not a reference when more of a name, a function's "(" or a table's "[" follows (LOG10( is a function).
const A1_REFERENCE = new RegExp(String.raw`(?<sheet>${SHEET})?(?<area>${AREA})(?![\p{L}\p{N}_.(\[!$])`, "uy");
const TABLE_NAME = /(?<table>[\p{L}_\\][\p{L}\p{N}_.]*)?\[/uy;
/** Where a reference can start: not inside a name or number (the E5 of 1E5, the A1 of TAXA1). */
const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;
const WORD = /[\p{L}\p{N}_.$\\]+/uy;
const BARE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

/** 0-based index of A1 column letters, any case: A → 0, AA → 26. */
function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** An A1 area's text (anchors included) as a rectangle. */
function readArea(text: string): CellArea {
  const [first, last = first] = text.replace(/\$/g, "").split(":");
  const column = (part: string) => /^[A-Za-z]+/.exec(part)?.[0];
  const row = (part: string) => /[0-9]+$/.exec(part)?.[0];
  const [c1, c2, r1, r2] = [column(first), column(last), row(first), row(last)];
  const [top, bottom] = r1 && r2 ? [Number(r1), Number(r2)].sort((a, b) => a - b) : [1, Infinity];
  const [left, right] = c1 && c2 ? [columnNumber(c1), columnNumber(c2)].sort((a, b) => a - b) : [0, Infinity];
  return { top, bottom, left, right };
}

/** A quoted sheet name without its quotes: 'Bob''s'! → Bob's. */
function sheetName(prefix: string): string {
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** The index after the "]" that closes the "[" at `start`; a quote escapes the character after it. */
function closingBracket(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const char = formula[i];
    if (char === "'") i++;
    else if (char === "[") depth++;
    else if (char === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

const SPECIAL_ROWS: Readonly<Record<string, TableRows>> = { "#all": "data", "#data": "data", "#this row": "thisRow", "#headers": "none", "#totals": "none" };

/** A structured reference's brackets ([Current], [@[vs previous]], [[#This Row],[A]:[B]]) as rows and column ranges. */
function readBrackets(brackets: string): { rows: TableRows; columns: [string, string][] } {
  const inner = brackets.slice(1, -1).trim();
  const unescape = (name: string) => name.trim().replace(/'(.)/g, "$1");
  if (inner.startsWith("@")) {
    const column = inner.slice(1).trim().replace(/^\[(.*)\]$/s, "$1");
    return { rows: "thisRow", columns: column === "" ? [] : [[unescape(column), unescape(column)]] };
  }
  // Items are [..] groups joined by , (a list) or : (a range of columns); a bare name is one item.
  const items = inner.startsWith("[") ? [...inner.matchAll(/\[((?:'.|[^\]'])*)\]\s*(:)?/gs)].map((m) => ({ name: unescape(m[1]), rangeStart: m[2] === ":" })) : inner === "" ? [] : [{ name: unescape(inner), rangeStart: false }];
  const specials = items.filter((item) => item.name.startsWith("#")).map((item) => SPECIAL_ROWS[item.name.toLowerCase()] ?? "none");
  const rows: TableRows = specials.length === 0 || specials.includes("data") ? "data" : specials.includes("thisRow") ? "thisRow" : "none";
  const columns: [string, string][] = [];
  const names = items.filter((item) => !item.name.startsWith("#"));
  for (let i = 0; i < names.length; i++) {
    if (names[i].rangeStart && i + 1 < names.length) {
      columns.push([names[i].name, names[i + 1].name]);
      i++;
    } else columns.push([names[i].name, names[i].name]);
  }
  return { rows, columns };
}

/**
 * The references in a formula's text, left to right.
 * @example formulaReferences('=SUM(g:g)+\'Bob\'\'s\'!$B$2+LEN("C5")').map((r) => r.text) //=> ["g:g", "'Bob''s'!$B$2"]
 */
export function formulaReferences(formula: string): FormulaReference[] {
  const references: FormulaReference[] = [];
  let i = 0;
  while (i < formula.length) {
    const char = formula[i];
    if (char === '"') {
      // Text: a doubled quote inside it is a quote, so skip to the quote that is followed by no other.
      for (i++; i < formula.length; i++) if (formula[i] === '"' && formula[++i] !== '"') break;
      continue;
    }
    if (i > 0 && WORD_CHAR.test(formula[i - 1])) {
      i++;
      continue;
    }
    A1_REFERENCE.lastIndex = i;
    const a1 = A1_REFERENCE.exec(formula);
    if (a1?.groups) {
      const { sheet, area } = a1.groups;
      references.push({ kind: "cells", text: a1[0], ...(sheet ? { sheet: sheetName(sheet) } : {}), area: readArea(area) });
      i += a1[0].length;
      continue;
    }
    if (char === "'") {
      // A quoted sheet name before a name the text cannot resolve: skip it whole, quotes doubled inside.
      for (i++; i < formula.length; i++) if (formula[i] === "'" && formula[++i] !== "'") break;
      continue;
    }
    TABLE_NAME.lastIndex = i;
    const table = TABLE_NAME.exec(formula);
    if (table) {
      const open = i + table[0].length - 1;
      const end = closingBracket(formula, open);
      const text = formula.slice(i, end);
      references.push({ kind: "table", text, ...(table.groups?.table ? { table: table.groups.table } : {}), ...readBrackets(formula.slice(open, end)) });
      i = end;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(formula)?.[0];
    i += word ? word.length : 1;
    // A bare name (not a function's) may be a whole table: =COUNT(OKR_2026_Q3).
    if (word && BARE_NAME.test(word) && formula[i] !== "(") references.push({ kind: "table", text: word, table: word, columns: [], rows: "data" });
  }
  return references;
}
