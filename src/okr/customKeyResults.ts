import type { ValueFormat } from "./templates";

/**
 * Key results of the user's own: a Current cell that holds a formula the user wrote (a total on the
 * accounts sheet, say) or a number the user types at each check-in, in objectives of the user's own.
 * Their ids, the KPI-column labels a re-run reads them back by, and the check of a typed formula.
 */

/** How a custom key result's value reads. */
export const CUSTOM_FORMATS = ["number", "percent", "currency", "hours"] as const satisfies readonly ValueFormat[];
export type CustomFormat = (typeof CUSTOM_FORMATS)[number];

/** Where a custom key result's Current value comes from. */
export type CustomKind = "formula" | "manual";

/**
 * What a custom key result measures. Once written, its Current cell belongs to the user like its target:
 * a re-run keeps the formula or number on the sheet (edited there or not), so the pane's value only seeds a new row.
 */
export type CustomMeasure =
  | { kind: "formula"; format: CustomFormat; formula: string }
  | { kind: "manual"; format: CustomFormat; current?: number };

/** Prefix of a custom key result's id, and of an objective the user added in the pane. */
export const CUSTOM_ID_PREFIX = "custom:";
export const OWN_OBJECTIVE_PREFIX = "own:";

/**
 * The sheet's KPI cell of a custom key result: English whatever the pane's language, as a re-run reads
 * the kind and format back from it (a dropped custom key result is rebuilt in place from its own cells).
 * @example customLabel({ kind: "formula", format: "currency" }) //=> "Custom formula (currency)"
 */
export function customLabel(measure: Pick<CustomMeasure, "kind" | "format">): string {
  return `Custom ${measure.kind === "formula" ? "formula" : "number"} (${measure.format})`;
}

const BY_LABEL = new Map(
  (["formula", "manual"] as const).flatMap((kind) => CUSTOM_FORMATS.map((format) => [customLabel({ kind, format }), { kind, format }] as const)),
);

/**
 * The kind and format a KPI cell's label names, when it is a custom key result's.
 * @example customFromLabel("Custom number (percent)") //=> { kind: "manual", format: "percent" }
 */
export function customFromLabel(label: unknown): { kind: CustomKind; format: CustomFormat } | undefined {
  return BY_LABEL.get(String(label ?? ""));
}

/**
 * A new id with `prefix`, from a time stamp so that a key result or objective added in another session
 * never takes the id of one already on the sheet; made unique among `taken`.
 * @example newId("custom:", ["custom:k0"], 20) //=> "custom:k"
 */
export function newId(prefix: string, taken: Iterable<string>, stamp: number): string {
  const used = new Set(taken);
  const base = `${prefix}${stamp.toString(36)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Why a typed formula cannot be written as one. */
export type FormulaFault = "noEquals" | "empty" | "quotes" | "parentheses" | "tooLong";

/** Excel's limit on a formula's length, in characters. */
const MAX_FORMULA_LENGTH = 8192;

/**
 * Whether text the user gave as a custom key result's formula can be written as a formula: it starts
 * with "=", has something after it, closes every quote and parenthesis, and fits Excel's length. Only
 * text the user typed as a formula is ever written as one; anything else is refused, never made into one.
 * @example formulaFault("='Accounts'!B12") //=> undefined
 * @example formulaFault("revenue") //=> "noEquals"
 */
export function formulaFault(text: string): FormulaFault | undefined {
  const formula = text.trim();
  if (!formula.startsWith("=")) return "noEquals";
  if (formula.slice(1).trim() === "") return "empty";
  if (formula.length > MAX_FORMULA_LENGTH) return "tooLong";
  let depth = 0;
  let quote: '"' | "'" | undefined;
  for (const char of formula.slice(1)) {
    // A doubled quote inside text or a sheet name closes and reopens it: the count stays right.
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return "parentheses";
  }
  if (quote) return "quotes";
  return depth === 0 ? undefined : "parentheses";
}

/**
 * The formula a custom key result takes from the address of the cells selected in Excel (an address
 * Excel gave, never text from cells): the cell itself, or the sum of several.
 * @example formulaFor("'Accounts 2025'!B12") //=> "='Accounts 2025'!B12"
 * @example formulaFor("Sales!C2:C90") //=> "=SUM(Sales!C2:C90)"
 */
export function formulaFor(address: string): string {
  // A sheet name cannot hold ":", so one after the last "!" makes a range.
  const cells = address.slice(address.lastIndexOf("!") + 1);
  return cells.includes(":") ? `=SUM(${address})` : `=${address}`;
}
