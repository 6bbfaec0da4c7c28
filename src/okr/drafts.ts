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

/**
 * A typed target as the KPI's number: "90%" and, for a share, "90" both mean 0.9; "" means none yet.
 * @example readTarget("fcr", "85") //=> 0.85
 */
export function readTarget(kpi: KpiKind, text: string): number | undefined | { problem: string } {
  const trimmed = text.trim().replace(/,/g, "");
  if (trimmed === "") return undefined;
  const percent = trimmed.endsWith("%");
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (!Number.isFinite(number)) return { problem: `"${text}" is not a number` };
  const isShare = KPIS[kpi].format === "percent";
  return percent || (isShare && number > 1) ? number / 100 : number;
}

/** A KPI's value as the pane shows it: a share as a percentage to one place (85.2%), anything else to two (35.08). */
export function shownValue(kpi: KpiKind, value: number): string {
  return KPIS[kpi].format === "percent" ? `${Number((value * 100).toFixed(1))}%` : String(Number(value.toFixed(2)));
}

/**
 * "Check target" when the typed target contradicts the KR's type against its baseline: an increase to
 * a target at or below the baseline, or a decrease to one at or above it (the sheet's Status says the same).
 * @example targetContradiction({ kpi: "nps", type: "increase", target: "30" }, 35) //=> "Check target: 30 is not above the baseline, 35."
 */
export function targetContradiction(draft: Pick<KeyResultDraft, "kpi" | "type" | "target">, baseline: number | undefined): string | undefined {
  const target = readTarget(draft.kpi, draft.target);
  if (baseline === undefined || typeof target !== "number") return undefined;
  const shown = shownValue(draft.kpi, baseline);
  if (draft.type === "increase" && target <= baseline) return `Check target: ${draft.target.trim()} is not above the baseline, ${shown}.`;
  if (draft.type === "decrease" && target >= baseline) return `Check target: ${draft.target.trim()} is not below the baseline, ${shown}.`;
  return undefined;
}

/** The drafts as plan input, or the first problem with what was typed. */
export function toKeyResults(drafts: readonly KeyResultDraft[]): KeyResultInput[] | { problem: string } {
  const inputs: KeyResultInput[] = [];
  for (const draft of drafts) {
    const target = readTarget(draft.kpi, draft.target);
    if (typeof target === "object") return { problem: `Target of "${draft.name}": ${target.problem}.` };
    const weight = draft.weight.trim() === "" ? 1 : Number(draft.weight);
    if (!(weight >= 0)) return { problem: `Weight of "${draft.name}": "${draft.weight}" is not a number of 0 or more.` };
    inputs.push({ id: draft.id, objectiveId: draft.objectiveId, objective: draft.objective, name: draft.name, kpi: draft.kpi, type: draft.type, target, owner: draft.owner, weight });
  }
  return inputs;
}
