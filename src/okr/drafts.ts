import { CustomFormat, CustomKind, CustomMeasure, FormulaFault, formulaFault } from "./customKeyResults";
import { Locale } from "./locale";
import { KeyResultInput } from "./plan";
import { KPIS, KpiKind, KrType, ValueFormat } from "./templates";

interface DraftBase {
  id: string;
  objectiveId: string;
  objective: string;
  name: string;
  type: KrType;
  target: string;
  owner: string;
  weight: string;
}

/** A key result over the job log as the pane edits it: text fields as typed, read into numbers only when building. */
export interface KpiDraft extends DraftBase {
  kpi: KpiKind;
  custom?: undefined;
}

/** A custom key result's own fields as typed: the formula for a formula, the first value for a typed number. */
export interface CustomDraftFields {
  kind: CustomKind;
  format: CustomFormat;
  formula: string;
  current: string;
  baseline: string;
}

/** A custom key result as the pane edits it. */
export interface CustomDraft extends DraftBase {
  kpi?: undefined;
  custom: CustomDraftFields;
}

export type KeyResultDraft = KpiDraft | CustomDraft;

/** An objective the user added in the pane; its key results are drafts that carry its id. */
export interface OwnObjective {
  id: string;
  name: string;
}

// Chinese input methods type full-width commas and percent signs.
const PERCENT_SIGN = /[%％]$/;
const THOUSANDS = /[,，]/g;

/**
 * A typed target as the KPI's number; "" means none yet. A percent sign always divides by 100. A share
 * (a rate such as first-visit fix) also reads a number above 1 as a percentage, so "90%", "90" and "0.9"
 * all mean 90%; from 0 to 1 it is the share itself ("1" is 100%, "0.5" is 50%: type "0.5%" for half a
 * percent). understoodTarget shows the user which was understood.
 * @example readTarget("fcr", "85") //=> 0.85
 */
export function readTarget(kpi: KpiKind, text: string): number | undefined | { problem: string } {
  return readValue(KPIS[kpi].format, text);
}

/**
 * A typed value in a format, as readTarget reads a KPI's target: a custom key result's target, baseline or value.
 * @example readValue("percent", "12") //=> 0.12
 */
export function readValue(format: ValueFormat, text: string): number | undefined | { problem: string } {
  const trimmed = text.trim().replace(THOUSANDS, "");
  if (trimmed === "") return undefined;
  const percent = PERCENT_SIGN.test(trimmed);
  const digits = percent ? trimmed.slice(0, -1).trim() : trimmed;
  // Number("") is 0: a lone "%" is no target of 0%.
  const number = digits === "" ? NaN : Number(digits);
  if (!Number.isFinite(number)) return { problem: `"${text}" is not a number` };
  const isShare = format === "percent";
  return percent || (isShare && number > 1) ? number / 100 : number;
}

/**
 * A KPI's value as the pane shows it in a language: a share as a percentage to one place (85.2%), money in
 * the job log's currency when it has one (ISO 4217: "$1,234.50", "¥1,235" for JPY), else to two places,
 * anything else to one (35.1); digits grouped as the language groups them, which readTarget reads back.
 * @example shownValue("avgTicket", 1234.5, "en", "EUR") //=> "€1,234.50"
 */
export function shownValue(kpi: KpiKind, value: number, locale: Locale, currency?: string): string {
  const format = KPIS[kpi].format;
  const options: Intl.NumberFormatOptions =
    format === "percent"
      ? { style: "percent", maximumFractionDigits: 1 }
      : format === "currency" && currency
        ? { style: "currency", currency }
        : { maximumFractionDigits: format === "currency" ? 2 : 1 };
  return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * What a typed target was read as, when that may not be what was typed: a share's target ("90" and "0.9"
 * both read as 90%) or any target typed with a percent sign. Undefined for plain numbers of other KPIs,
 * blanks and text that is not a number.
 * @example understoodTarget("fcr", "0.9", "en") //=> "90%"
 */
export function understoodTarget(kpi: KpiKind, text: string, locale: Locale): string | undefined {
  const target = readTarget(kpi, text);
  if (typeof target !== "number") return undefined;
  const asTyped = KPIS[kpi].format === "percent" || PERCENT_SIGN.test(text.trim());
  return asTyped ? shownValue(kpi, target, locale) : undefined;
}

/** Why a target contradicts its key result's type: an increase to no more than the baseline, or a decrease to no less. */
export type TargetContradiction = "notAbove" | "notBelow";

/**
 * Whether the typed target contradicts the KR's type against its baseline: an increase to a target at or
 * below the baseline, or a decrease to one at or above it (the sheet's Status then says "Check target").
 * @example targetContradiction({ kpi: "nps", type: "increase", target: "30" }, 35) //=> "notAbove"
 */
export function targetContradiction(draft: Pick<KpiDraft, "kpi" | "type" | "target">, baseline: number | undefined): TargetContradiction | undefined {
  return contradiction(draft.type, readTarget(draft.kpi, draft.target), baseline);
}

/**
 * targetContradiction for a custom key result, whose target and baseline are both typed, read in its format.
 * @example customTargetContradiction({ type: "decrease", target: "45", custom: { ...fields, format: "hours", baseline: "40" } }) //=> "notBelow"
 */
export function customTargetContradiction(draft: Pick<CustomDraft, "type" | "target" | "custom">): TargetContradiction | undefined {
  const { format, baseline } = draft.custom;
  const base = readValue(format, baseline);
  return contradiction(draft.type, readValue(format, draft.target), typeof base === "number" ? base : undefined);
}

function contradiction(type: KrType, target: ReturnType<typeof readValue>, baseline: number | undefined): TargetContradiction | undefined {
  if (baseline === undefined || typeof target !== "number") return undefined;
  if (type === "increase" && target <= baseline) return "notAbove";
  if (type === "decrease" && target >= baseline) return "notBelow";
  return undefined;
}

/** What stops a draft from being built: a number, as typed, it cannot use, or a formula that is none. */
export interface DraftProblem {
  field: "target" | "weight" | "baseline" | "current" | "formula";
  /** The key result's name, as typed. */
  name: string;
  /** The value as typed. */
  text: string;
  /** What is wrong with a formula. */
  fault?: FormulaFault;
}

/** A custom draft's measure, or the first problem with what was typed. */
function customMeasure(draft: CustomDraft): { measure: CustomMeasure; baseline?: number } | { problem: DraftProblem } {
  const { kind, format, formula, current, baseline } = draft.custom;
  const problem = (field: DraftProblem["field"], text: string, fault?: FormulaFault) => ({ problem: { field, name: draft.name, text, ...(fault ? { fault } : {}) } });
  const base = readValue(format, baseline);
  if (typeof base === "object") return problem("baseline", baseline);
  if (kind === "formula") {
    const fault = formulaFault(formula);
    return fault ? problem("formula", formula, fault) : { measure: { kind, format, formula: formula.trim() }, baseline: base };
  }
  const value = readValue(format, current);
  if (typeof value === "object") return problem("current", current);
  return { measure: { kind, format, current: value }, baseline: base };
}

/**
 * The drafts as plan input, or the first problem with what was typed.
 * @example toKeyResults([{ ...draft, weight: "-2" }]) //=> { problem: { field: "weight", name: "Raise NPS", text: "-2" } }
 */
export function toKeyResults(drafts: readonly KeyResultDraft[]): KeyResultInput[] | { problem: DraftProblem } {
  const inputs: KeyResultInput[] = [];
  for (const draft of drafts) {
    const target = readValue(draft.custom ? draft.custom.format : KPIS[draft.kpi].format, draft.target);
    if (typeof target === "object") return { problem: { field: "target", name: draft.name, text: draft.target } };
    const weight = draft.weight.trim() === "" ? 1 : Number(draft.weight);
    if (!(weight >= 0)) return { problem: { field: "weight", name: draft.name, text: draft.weight } };
    const common = { id: draft.id, objectiveId: draft.objectiveId, objective: draft.objective, name: draft.name, type: draft.type, target, owner: draft.owner, weight };
    if (!draft.custom) {
      inputs.push({ ...common, kpi: draft.kpi });
      continue;
    }
    const custom = customMeasure(draft);
    if ("problem" in custom) return custom;
    inputs.push({ ...common, custom: custom.measure, baseline: custom.baseline });
  }
  return inputs;
}
