import { Locale } from "./locale";
import { Counted, ExpectationId, MESSAGE_TEXTS, MessageTexts } from "./messageCatalogue";

/** Where a cell sits in a range, 1-based; the range is named unless it is the function's first. */
export interface CellPosition {
  row: number;
  column: number;
  /** The parameter name, for every range but the first one. */
  range?: string;
}

/** What a value should have been: a rule from the catalogue, with its bounds where it has some. */
export type Expectation =
  | { id: Exclude<ExpectationId, "score" | "scoreRange"> }
  | { id: "score" | "scoreRange"; low: number; high: number };

/** What overflowed: the result, the KR's span, or the total of a range. */
export type TooLargeSubject = { id: "result" } | { id: "span" } | { id: "total"; name: string };

/**
 * Why a KPI function has no result, as data: the message id and the values it names. The core
 * returns this inside a KpiError; the text is written only when someone reads it, in their language.
 */
export type Reason =
  | { id: "badCell"; fn: string; value: unknown; at: CellPosition; expected: Expectation }
  | { id: "badArgument" | "blankArgument"; fn: string; name: string; value: unknown; expected: Expectation }
  | { id: "sizeMismatch"; fn: string; a: string; aCells: number; b: string; bCells: number }
  | { id: "periodReversed"; fn: string; from: string; to: string }
  | { id: "periodWithoutDates"; fn: string }
  | { id: "nothingToCount"; fn: string; counted: Counted }
  | { id: "zeroDivisor"; fn: string; name: string }
  | { id: "tooLarge"; fn: string; subject: TooLargeSubject }
  | { id: "notRectangular"; fn: string; name: string; row: number; length: number; firstRow: number; columns: number }
  | { id: "partOverWhole"; fn: string; part: string; partValue: number; whole: string; wholeValue: number }
  | { id: "keptOutOfRange"; fn: string; end: number; fresh: number; kept: number; start: number }
  | { id: "notEnglish"; fn: string; value: unknown; at: CellPosition }
  | { id: "irregularRow" };

/** Text shown in a message is cut to this many characters: a cell may hold 32,767. */
const SHOWN_CHARACTERS = 40;

/**
 * Fills each `{name}` in a template once, left to right, so a filled-in value that itself holds
 * braces (a customer's comment) is never read as a placeholder. A missing value is a bug: it throws.
 * @example fill("row {row}", { row: 4 }) //=> "row 4"
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in "${template}"`);
    return String(value);
  });
}

/** How a cell value reads in a message: text in quotes, numbers and booleans as Excel shows them. */
function describeValue(value: unknown, texts: MessageTexts): string {
  if (typeof value === "string") {
    if (value.length <= SHOWN_CHARACTERS) return fill(texts.values.text, { quoted: JSON.stringify(value) });
    const quoted = JSON.stringify(`${value.slice(0, SHOWN_CHARACTERS)}…`);
    return fill(texts.values.longText, { quoted, length: value.length });
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return texts.values.blank;
  if (Array.isArray(value)) return texts.values.range;
  return texts.values.error;
}

function where(at: CellPosition, texts: MessageTexts): string {
  const { row, column, range } = at;
  return range ? fill(texts.where.cellOfRange, { row, column, range }) : fill(texts.where.cell, { row, column });
}

function expectation(expected: Expectation, texts: MessageTexts): string {
  return fill(texts.expected[expected.id], "low" in expected ? expected : {});
}

function tooLarge(subject: TooLargeSubject, texts: MessageTexts): string {
  return fill(texts.tooLarge[subject.id], "name" in subject ? subject : {});
}

function cells(count: number, texts: MessageTexts): string {
  return count === 1 ? texts.cells.one : fill(texts.cells.many, { count });
}

/** The values a message names, each written as the language writes it. */
function placeholders(reason: Reason, texts: MessageTexts): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason)) {
    if (typeof value === "string" || typeof value === "number") values[name] = value;
  }
  if ("value" in reason) values.value = describeValue(reason.value, texts);
  if ("at" in reason) values.where = where(reason.at, texts);
  if ("expected" in reason) values.expected = expectation(reason.expected, texts);
  if ("counted" in reason) values.counted = texts.counted[reason.counted];
  if ("subject" in reason) values.subject = tooLarge(reason.subject, texts);
  if (reason.id === "notRectangular") {
    values.rowCells = cells(reason.length, texts);
    values.firstRowCells = cells(reason.columns, texts);
  }
  return values;
}

/**
 * A KPI error's message in the given language.
 * @example renderMessage({ id: "zeroDivisor", fn: "DSO", name: "revenue" }, "zh-CN") //=> "KPI.DSO：revenue 为 0"
 */
export function renderMessage(reason: Reason, locale: Locale): string {
  const texts = MESSAGE_TEXTS[locale];
  return fill(texts.messages[reason.id], placeholders(reason, texts));
}
