import { Cell } from "./grid";

/** How cells become numbers, dates, flags and identifiers. Pure, never mutating. */

/** Blank cells are skipped everywhere: empty, null or whitespace-only text. */
export function isBlank(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Linear in the text's length: each part of the mantissa must end at a different character ("."
 * or not a digit), so a failing match never re-splits a run of digits. `\d+\.?\d*` could, and
 * made a 32,767-digit cell ending in a letter take seconds.
 */
const PLAIN_NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * The number a cell holds: numbers, and text that is a plain number ("9", " 9 ", "12.5").
 * Anything else (other text, booleans, blanks, errors) gives undefined: numeric ranges ignore it.
 * So does text beyond Excel's largest number (about 1.8E+308), which Excel keeps as text too.
 */
export function numericValue(value: Cell): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || !PLAIN_NUMBER.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Excel's error values reach custom functions as objects; they are never silently skipped. */
export function isErrorValue(value: Cell): boolean {
  return typeof value === "object" && value !== null;
}

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01: the offset of Excel's 1900 date system (valid from 1900-03-01). */
const EXCEL_EPOCH_OFFSET = 25_569;
const FIRST_SAFE_SERIAL = 61; // 1900-03-01, after Excel's phantom 1900-02-29
/** 10000-01-01: Excel has no dates from here on. */
const END_OF_SERIALS = 2_958_466;
const ISO_DATE_TIME = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?\s*$/;

/** The Excel serial of a calendar date and time (UTC arithmetic, so no time-zone or DST shifts). */
export function serialFromParts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, 0, second * 1000) / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/** The calendar date of a serial, as YYYY-MM-DD (for messages). */
export function isoDate(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * MS_PER_DAY)).toISOString().slice(0, 10);
}

function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i] ?? 0));
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second >= 60) return undefined;
  const serial = serialFromParts(year, month, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over to March: reject dates that do not exist.
  if (isoDate(serial) !== m[0].trim().slice(0, 10)) return undefined;
  return serial >= FIRST_SAFE_SERIAL ? serial : undefined;
}

/**
 * The Excel date serial (1900 system) a cell holds: a serial number, numeric text, or ISO text
 * (`2026-03-31`, `2026-03-31 14:05`). Undefined when the cell is not a date.
 */
export function dateSerial(value: Cell): number | undefined {
  const serial = typeof value === "string" ? (numericValue(value) ?? parseIsoDate(value)) : value;
  return isSerial(serial) ? serial : undefined;
}

/** A number Excel can show as a date: 0 (1900-01-00) up to the end of 9999-12-31. */
export function isSerial(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value < END_OF_SERIALS;
}

const YES = new Set(["true", "1", "yes", "y", "是"]);
const NO = new Set(["false", "0", "no", "n", "否"]);

/** A yes/no cell: TRUE/FALSE, 1/0, yes/no, y/n, true/false (any case, trimmed), 是/否. Undefined otherwise. */
export function flagValue(value: Cell): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : undefined;
}

/** Any decimal of up to 15 significant digits comes back unchanged from the double nearest it. */
const EXACT_DIGITS = 15;

/**
 * The key two identifier cells (customers, technicians) share when they name the same one:
 * trimmed and case-insensitive, and a number equals its text ("1001" and 1001).
 * Numeric text a double cannot hold exactly keys on its text: as numbers, customers
 * 123456789012345678 and 123456789012345679 would be one. (A number cell that already lost
 * digits in Excel keys on the digits it kept.)
 * Undefined for cells that name nobody (blanks, booleans, errors).
 */
export function identifierKey(value: Cell): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  const number = numericValue(text);
  return number !== undefined && significantDigits(text) <= EXACT_DIGITS ? String(number) : text.toLowerCase();
}

/** The digits of a plain number's mantissa from its first non-zero digit to its last: "-0012.30e5" has 3. */
function significantDigits(text: string): number {
  const exponent = text.search(/[eE]/);
  const digits = (exponent < 0 ? text : text.slice(0, exponent)).replace(/\D/g, "");
  let first = 0;
  while (first < digits.length && digits[first] === "0") first++;
  let last = digits.length;
  while (last > first && digits[last - 1] === "0") last--;
  return last - first;
}
