/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { KeyResultDraft } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import { defaultKrType, KpiKind, objectiveTemplates } from "../../okr/templates";
import { PaneIntl } from "../i18n/PaneIntl";
import { KeyResultPicker } from "./KeyResultPicker";

/** The picker with one KR of each objective ticked, and a baseline for the KR of `kpi`. */
function renderWith(locale: Locale, kpi: KpiKind, baseline: number | undefined, target = "") {
  const objectives = objectiveTemplates(locale);
  const objective = objectives.find((o) => o.keyResults.some((kr) => kr.kpi === kpi))!;
  const id = `${objective.id}:${kpi}`;
  const draft: KeyResultDraft = { id, objectiveId: objective.id, objective: objective.name, name: "KR", kpi, type: defaultKrType(kpi), target, owner: "", weight: "1" };
  render(
    <PaneIntl locale={locale}>
      <KeyResultPicker objectives={objectives} drafts={[draft]} onChange={() => undefined} baselines={new Map(baseline === undefined ? [] : [[id, baseline]])} />
    </PaneIntl>,
  );
}

describe("KeyResultPicker's target hint", () => {
  it.each<[Locale, KpiKind, number, string]>([
    ["en", "nps", 31.9, "Suggested target 35.1 (baseline 31.9, +10%)"],
    ["zh-CN", "nps", 31.9, "建议目标值 35.1（基线 31.9，+10%）"],
    ["en", "fcr", 0.8, "Suggested target 88% (baseline 80%, +10%)"],
    // Lower is better: 10% less.
    ["en", "responseTime", 4, "Suggested target 3.6 (baseline 4, -10%)"],
    ["en", "avgTicket", 1250, "Suggested target 1,375 (baseline 1,250, +10%)"],
  ])("in %s, %s from a baseline of %p: %p", (locale, kpi, baseline, hint) => {
    renderWith(locale, kpi, baseline);
    expect(screen.getByText(hint)).toBeTruthy();
  });

  describe("edge cases", () => {
    it("says how much a capped suggestion really improves on the baseline", () => {
      renderWith("en", "fcr", 0.95);
      expect(screen.getByText("Suggested target 100% (baseline 95%, +5%)")).toBeTruthy();
    });

    it("gives an example of a share, written the pane's way, before there is a baseline", () => {
      renderWith("zh-CN", "fcr", undefined);
      expect(screen.getByText("例如 90%")).toBeTruthy();
    });

    it("names the KPI once, beside the key result rather than inside its label", () => {
      renderWith("en", "csat", undefined);
      expect(screen.getByLabelText("Raise customer satisfaction")).toBeTruthy();
      expect(screen.getByText("Measured by: Customer satisfaction (CSAT)")).toBeTruthy();
    });

    it("asks to check a target below the baseline of an increase, in the pane's language", () => {
      renderWith("zh-CN", "nps", 35, "30");
      expect(screen.getByText("请检查目标值：30 没有高于基线 35。")).toBeTruthy();
    });
  });
});
