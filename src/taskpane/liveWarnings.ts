import { LiveKeyResult } from "../okr/workbook";

/** What the built sheet shows that the user should fix: no jobs in the period, targets that ask for nothing. */
export function liveWarnings(live: readonly LiveKeyResult[]): string[] {
  const keyResults = live.filter((kr) => !kr.isObjective);
  const warnings: string[] = [];
  if (keyResults.length > 0 && keyResults.every((kr) => typeof kr.current !== "number")) {
    warnings.push("No job in the period has the data these key results need: check the period and the job dates.");
  }
  for (const kr of keyResults) {
    if (typeof kr.target === "number" && kr.target === kr.baseline) {
      warnings.push(`"${kr.name}": the target equals the baseline, so there is nothing to progress towards. Type another target on the sheet.`);
    }
  }
  return warnings;
}
