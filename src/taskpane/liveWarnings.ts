import { LiveKeyResult } from "../okr/workbook";
import type { Translate } from "./hooks/usePaneText";

/** What the built sheet shows that the user should fix: no jobs in the period, targets that ask for nothing. */
export function liveWarnings(live: readonly LiveKeyResult[], t: Translate): string[] {
  const keyResults = live.filter((kr) => !kr.isObjective);
  const warnings: string[] = [];
  if (keyResults.length > 0 && keyResults.every((kr) => typeof kr.current !== "number")) warnings.push(t("live.noJobs"));
  for (const kr of keyResults) {
    if (typeof kr.target === "number" && kr.target === kr.baseline) warnings.push(t("live.targetIsBaseline", { name: kr.name }));
  }
  return warnings;
}
