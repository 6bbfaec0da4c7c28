import { BRACKETS, QUOTED } from "./formulaText";

/**
 * Functions newer than the xlsx format are stored in a file under prefixed names (ECMA-376's "future
 * functions", listed in [MS-XLSX] 2.2.3, https://learn.microsoft.com/en-us/openspecs/office_standards/ms-xlsx/5d1b6d44-6fc1-4ecd-8fef-0b27406cc2bf:
 * Excel writes _xlfn.UNIQUE, and FILTER and SORT as _xlfn._xlws.FILTER and _xlfn._xlws.SORT). Stored plain, Excel and
 * LibreOffice read them as unknown names (#NAME?). The names a LET defines are stored with the prefix
 * _xlpm. (LET(_xlpm.x,1,_xlpm.x+1)), as Excel writes them (libxlsxwriter's LAMBDA example,
 * https://libxlsxwriter.github.io/lambda_8c-example.html). Excel's JavaScript API takes and gives the
 * plain names, so the xlsx backend prefixes them on the way into the file and strips them on the way out.
 * Add a function here before the add-in writes it. UNIQUE stays for sheets built before the add-in
 * counted with SORT (they are still read back).
 */
const IN_FILE: Readonly<Record<string, string>> = {
  FILTER: "_xlfn._xlws.FILTER",
  LET: "_xlfn.LET",
  SEQUENCE: "_xlfn.SEQUENCE",
  SORT: "_xlfn._xlws.SORT",
  UNIQUE: "_xlfn.UNIQUE",
  SORTBY: "_xlfn.SORTBY",
};
const IN_EXCEL: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(IN_FILE).map(([plain, stored]) => [stored.toUpperCase(), plain]));
const NAME_PREFIX = "_xlpm.";

/**
 * What a formula holds as it is (text, quoted sheet names, table columns), else a name followed by "(":
 * a function call, the one thing renamed. A sheet, table or defined name is never followed by "(".
 */
const TOKENS = new RegExp(String.raw`${QUOTED}|${BRACKETS}|(?<![\w.])([A-Za-z_][\w.]*)(?=\()`, "g");

function rename(formula: string, names: Readonly<Record<string, string>>): string {
  return formula.replace(TOKENS, (token: string, name: string | undefined) => (name && names[name.toUpperCase()]) || token);
}

/** A formula in pieces: text, quoted sheet names and brackets whole, each name (dots included), each other character. */
const PIECES = new RegExp(String.raw`${QUOTED}|${BRACKETS}|[A-Za-z_\\][\w.]*|[^]`, "gu");
const isName = (piece: string) => /^[A-Za-z_\\]/.test(piece);

/** A function call being read: whether it is LET, the names visible in it, and its current argument's pieces (spaces left out). */
interface Call {
  isLet: boolean;
  names: Set<string>;
  argument: number;
  /** Where the current argument's pieces are, spaces left out. */
  pieces: number[];
}

/**
 * The formula with each name a LET defines prefixed with _xlpm., where it is defined and where it is
 * used inside that LET (not a function, sheet or table of the same name, nor text).
 */
function prefixLetNames(formula: string): string {
  const pieces = formula.match(PIECES) ?? [];
  const out = [...pieces];
  const next = (i: number) => pieces.slice(i + 1).find((piece) => piece.trim() !== "");
  const calls: Call[] = [];
  const top = () => calls[calls.length - 1];
  /** A LET argument that is one name, before a comma: a name it defines. */
  const defines = (call: Call) => call.isLet && call.argument % 2 === 0 && call.pieces.length === 1 && isName(pieces[call.pieces[0]]);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const call = top();
    if (isName(piece) && next(i) === "(") {
      calls.push({ isLet: /^(_xlfn\.)?LET$/i.test(piece), names: new Set(call?.names), argument: 0, pieces: [] });
      while (pieces[i + 1] !== "(") i++;
      i++;
      continue;
    }
    if (!call) continue;
    if (piece === ",") {
      if (defines(call)) {
        const at = call.pieces[0];
        call.names.add(pieces[at].toUpperCase());
        out[at] = NAME_PREFIX + pieces[at];
      }
      call.argument++;
      call.pieces = [];
    } else if (piece === ")") {
      calls.pop();
    } else if (piece.trim() !== "") {
      call.pieces.push(i);
      const after = next(i);
      if (isName(piece) && call.names.has(piece.toUpperCase()) && after !== "!" && !after?.startsWith("[")) out[i] = NAME_PREFIX + piece;
    }
  }
  return out.join("");
}

/** The formula with the _xlpm. prefix taken off every name (never from text, sheet names or brackets). */
function stripLetNames(formula: string): string {
  return (formula.match(PIECES) ?? []).map((piece) => (piece.toLowerCase().startsWith(NAME_PREFIX) ? piece.slice(NAME_PREFIX.length) : piece)).join("");
}

/**
 * A formula as Excel's API writes it, with its future functions and LET's names as a file stores them.
 * @example toFileFormula('ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))') //=> 'ROWS(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,A1:A9<>"")))'
 * @example toFileFormula("LET(s,SORT(A1:A9),INDEX(s,1))") //=> "_xlfn.LET(_xlpm.s,_xlfn._xlws.SORT(A1:A9),INDEX(_xlpm.s,1))"
 */
export function toFileFormula(formula: string): string {
  return rename(prefixLetNames(formula), IN_FILE);
}

/**
 * A formula read from a file, its future functions and LET's names as Excel's API gives them.
 * @example fromFileFormula('ROWS(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,A1:A9<>"")))') //=> 'ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))'
 * @example fromFileFormula("_xlfn.LET(_xlpm.s,_xlfn._xlws.SORT(A1:A9),INDEX(_xlpm.s,1))") //=> "LET(s,SORT(A1:A9),INDEX(s,1))"
 */
export function fromFileFormula(formula: string): string {
  return stripLetNames(rename(formula, IN_EXCEL));
}
