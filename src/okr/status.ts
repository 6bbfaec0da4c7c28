import { KrDirection, Status, STATUS_RULE } from "../kpi/okr";
import { FormulaMode } from "./formulas";
import { KrType } from "./templates";

/** The Status column: the colour of each label, and its formula in both modes, from KPI.STATUS's rule. */

export type { Status };

/** Conditional-format colours for every label KPI.STATUS returns. */
export const STATUS_COLOURS: Record<Status, { fill: string; font: string }> = {
  Done: { fill: "#DEECF9", font: "#004578" },
  "On track": { fill: "#DFF6DD", font: "#0B6A0B" },
  "At risk": { fill: "#FFF4CE", font: "#8A5300" },
  "Off track": { fill: "#FDE7E9", font: "#A4262C" },
  // Solid, so a finished period's misses stand apart from the pale "Off track" of a running one.
  Missed: { fill: "#A4262C", font: "#FFFFFF" },
  "Check target": { fill: "#EFE4F7", font: "#5C2E91" },
};

/** A1 references of the cells a Status formula reads. */
export interface StatusCells {
  progress: string;
  expected: string;
  baseline: string;
  target: string;
}

/**
 * The Status cell's formula (with its leading =): blank while progress is blank, else the label
 * KPI.STATUS gives. Portable mode spells the rule out in native IFs from the same STATUS_RULE.
 * Baseline and target are read only for "increase" and "decrease"; pass type undefined for a row
 * without a target of its own (an objective's roll-up).
 * @example statusFormula("kpi", "above", { progress: "H11", expected: "I11", baseline: "E11", target: "F11" })
 * //=> '=IF(H11="","",KPI.STATUS(H11,I11))'
 */
export function statusFormula(mode: FormulaMode, type: KrType | undefined, cells: StatusCells): string {
  const { progress: p, expected: e, baseline, target } = cells;
  const direction: KrDirection | undefined = type;
  const contradiction = direction === "increase" ? `${target}<=${baseline}` : direction === "decrease" ? `${target}>=${baseline}` : undefined;
  if (mode === "kpi") {
    const args = contradiction ? `${p},${e},,"${direction}",${baseline},${target}` : `${p},${e}`;
    return `=IF(${p}="","",KPI.STATUS(${args}))`;
  }
  const { tolerance, atRiskTolerances, epsilon } = STATUS_RULE;
  const label = (status: Status) => `"${status}"`;
  const atLeast = (threshold: string) => `${p}>=${threshold}-${epsilon}`;
  const byProgress =
    `IF(${atLeast("1")},${label("Done")},` +
    `IF(${e}>=1-${epsilon},${label("Missed")},` +
    `IF(${atLeast(`${e}-${tolerance}`)},${label("On track")},` +
    `IF(${atLeast(`${e}-${atRiskTolerances * tolerance}`)},${label("At risk")},${label("Off track")}))))`;
  const rule = contradiction ? `IF(${contradiction},${label("Check target")},${byProgress})` : byProgress;
  return `=IF(${p}="","",${rule})`;
}
