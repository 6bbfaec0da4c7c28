import { dateSerial, flagValue, isBlank, numericValue } from "./coerce";
import { KpiError } from "./errors";
import { Cell } from "./grid";
import { badArgument, Expectation, expected } from "./messages";

/** Single-value arguments: an omitted one arrives as null (or a blank cell) and takes its default. */

/** A lone cell reference can reach a scalar parameter as a 1×1 grid; read it as its value. */
function scalar(value: unknown): Cell {
  if (Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) {
    return value[0][0];
  }
  return value;
}

export function numberArg(fn: string, name: string, value: unknown, fallback?: number): number | KpiError {
  const cell = scalar(value);
  if (isBlank(cell) && fallback !== undefined) return fallback;
  const number = numericValue(cell);
  return number === undefined ? badArgument(fn, name, cell, expected.number) : number;
}

export function nonNegativeArg(fn: string, name: string, value: unknown, fallback?: number): number | KpiError {
  const number = numberArg(fn, name, value, fallback);
  if (number instanceof KpiError || number >= 0) return number;
  return badArgument(fn, name, number, expected.nonNegative);
}

export function wholeCountArg(fn: string, name: string, value: unknown): number | KpiError {
  const number = numberArg(fn, name, value);
  if (number instanceof KpiError || (number >= 0 && Number.isInteger(number))) return number;
  return badArgument(fn, name, number, expected.wholeCount);
}

/** A share typed as 0.25 or 25%; Excel hands both over as 0.25. */
export function shareArg(fn: string, name: string, value: unknown, fallback?: number): number | KpiError {
  const number = numberArg(fn, name, value, fallback);
  if (number instanceof KpiError || (number >= 0 && number <= 1)) return number;
  return badArgument(fn, name, number, expected.share);
}

export function flagArg(fn: string, name: string, value: unknown, fallback: boolean): boolean | KpiError {
  const cell = scalar(value);
  if (isBlank(cell)) return fallback;
  const flag = flagValue(cell);
  return flag === undefined ? badArgument(fn, name, cell, expected.flag) : flag;
}

/** One of a few words, in any case and trimmed; undefined when omitted. */
export function choiceArg<T extends string>(fn: string, name: string, value: unknown, choices: readonly T[], wanted: Expectation): T | undefined | KpiError {
  const cell = scalar(value);
  if (isBlank(cell)) return undefined;
  const choice = choices.find((c) => typeof cell === "string" && cell.trim().toLowerCase() === c);
  return choice ?? badArgument(fn, name, cell, wanted);
}

/** A date argument, or undefined when omitted. */
export function optionalDateArg(fn: string, name: string, value: unknown): number | undefined | KpiError {
  const cell = scalar(value);
  if (isBlank(cell)) return undefined;
  const serial = dateSerial(cell);
  return serial === undefined ? badArgument(fn, name, cell, expected.date) : serial;
}

/** Whether an optional range was left out: null, undefined or an empty grid. */
export function isOmittedRange(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}
