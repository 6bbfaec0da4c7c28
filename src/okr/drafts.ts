import { Locale } from "./locale";
import { KeyResultInput } from "./plan";
import { KPIS, KpiKind, KrType } from "./templates";

/** A key result as the pane edits it: text fields as typed, read into numbers only when building. */
export interface KeyResultDraft {
  id: string;
  objectiveId: string;
  objective: string;
  name: string;
  kpi: KpiKind;
  type: KrType;
  target: string;
  owner: string;
  weight: string;
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
  const trimmed = text.trim().replace(THOUSANDS, "");
  if (trimmed === "") return undefined;
  const percent = PERCENT_SIGN.test(trimmed);
  const digits = percent ? trimmed.slice(0, -1).trim() : trimmed;
  // Number("") is 0: a lone "%" is no target of 0%.
  const number = digits === "" ? NaN : Number(digits);
  if (!Number.isFinite(number)) return { problem: `"${text}" is not a number` };
  const isShare = KPIS[kpi].format === "percent";
  return percent || (isShare && number > 1) ? number / 100 : number;
}

/**
 * A KPI's value as the pane shows it in a language: a share as a percentage to one place (85.2%), money to
 * two places, anything else to one (35.1); digits grouped as the language groups them, which readTarget reads back.
 * @example shownValue("nps", 35.08, "en") //=> "35.1"
 */
export function shownValue(kpi: KpiKind, value: number, locale: Locale): string {
  const format = KPIS[kpi].format;
  const options: Intl.NumberFormatOptions =
    format === "percent" ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: format === "currency" ? 2 : 1 };
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
export function targetContradiction(draft: Pick<KeyResultDraft, "kpi" | "type" | "target">, baseline: number | undefined): TargetContradiction | undefined {
  const target = readTarget(draft.kpi, draft.target);
  if (baseline === undefined || typeof target !== "number") return undefined;
  if (draft.type === "increase" && target <= baseline) return "notAbove";
  if (draft.type === "decrease" && target >= baseline) return "notBelow";
  return undefined;
}

/** What stops a draft from being built: its target or weight, as typed, is not a number it can use. */
export interface DraftProblem {
  field: "target" | "weight";
  /** The key result's name, as typed. */
  name: string;
  /** The value as typed. */
  text: string;
}

/**
 * The drafts as plan input, or the first problem with what was typed.
 * @example toKeyResults([{ ...draft, weight: "-2" }]) //=> { problem: { field: "weight", name: "Raise NPS", text: "-2" } }
 */
export function toKeyResults(drafts: readonly KeyResultDraft[]): KeyResultInput[] | { problem: DraftProblem } {
  const inputs: KeyResultInput[] = [];
  for (const draft of drafts) {
    const target = readTarget(draft.kpi, draft.target);
    if (typeof target === "object") return { problem: { field: "target", name: draft.name, text: draft.target } };
    const weight = draft.weight.trim() === "" ? 1 : Number(draft.weight);
    if (!(weight >= 0)) return { problem: { field: "weight", name: draft.name, text: draft.weight } };
    inputs.push({ id: draft.id, objectiveId: draft.objectiveId, objective: draft.objective, name: draft.name, kpi: draft.kpi, type: draft.type, target, owner: draft.owner, weight });
  }
  return inputs;
}
