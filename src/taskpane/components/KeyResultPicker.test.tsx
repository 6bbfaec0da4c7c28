/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import type { ColumnMap } from "../../okr/columns";
import { KeyResultDraft } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import { defaultKrType, KpiKind, objectiveTemplates } from "../../okr/templates";
import { PaneIntl } from "../i18n/PaneIntl";
import { KeyResultPicker } from "./KeyResultPicker";

/** A log whose headers are the user's own words, each mapped to its role. */
const headers = ["Date of visit", "Client", "Tech", "Invoice", "Promoter score", "Happy (1-5)", "Fixed first time", "Promised", "Arrived"];
const columns: ColumnMap = { date: 0, customer: 1, technician: 2, amount: 3, nps: 4, csat: 5, firstVisitFix: 6, promised: 7, arrival: 8 };

/** The picker with the KR of `kpi` ticked (with a target typed) and a baseline for it. */
function renderWith(locale: Locale, kpi: KpiKind, baseline: number | undefined, target = "", currency?: string) {
  const objectives = objectiveTemplates(locale);
  const objective = objectives.find((o) => o.keyResults.some((kr) => kr.kpi === kpi))!;
  const id = `${objective.id}:${kpi}`;
  const draft: KeyResultDraft = { id, objectiveId: objective.id, objective: objective.name, name: "KR", kpi, type: defaultKrType(kpi), target, owner: "", weight: "1" };
  return render(
    <PaneIntl locale={locale}>
      <KeyResultPicker objectives={objectives} headers={headers} columns={columns} drafts={[draft]} onChange={() => undefined} baselines={new Map(baseline === undefined ? [] : [[id, baseline]])} currency={currency} own={[]} onOwnChange={() => undefined} readSelection={async () => "A1"} />
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


    it.each<[Locale, string, string]>([
      ["en", "EUR", "Suggested target €1,375.00 (baseline €1,250.00, +10%)"],
      ["zh-CN", "CNY", "建议目标值 ¥1,375.00（基线 ¥1,250.00，+10%）"],
    ])("shows money in the log's currency (%s, %s)", (locale, currency, hint) => {
      renderWith(locale, "avgTicket", 1250, "", currency);
      expect(screen.getByText(hint)).toBeTruthy();
    });

    it("asks to check a target below the baseline of an increase, in the pane's language", () => {
      renderWith("zh-CN", "nps", 35, "30");
      expect(screen.getByText("请检查目标值：30 没有高于基线 35。")).toBeTruthy();
    });
  });
});

describe("KeyResultPicker's key results", () => {
  it("say what each measures and which of the log's columns it reads, outside the label", () => {
    renderWith("en", "csat", undefined);
    const csat = screen.getByRole("checkbox", { name: "Raise customer satisfaction" });
    expect(csat.getAttribute("aria-describedby")).toBe("delight:csat:about");
    const about = document.getElementById("delight:csat:about")!;
    expect(about.textContent).toBe("Customer satisfaction (CSAT): the share of survey answers of 4 or 5 out of 5Columns used: Date of visit, Happy (1-5)");
    // Unticked KRs say it too: on-time arrival reads arrival and promised times.
    expect(screen.getByText("Columns used: Date of visit, Arrived, Promised")).toBeTruthy();
    expect(screen.getByText("Jobs per technician: jobs divided by the number of technicians who did them")).toBeTruthy();
  });

  it("say it in Chinese, with the log's own headers", () => {
    renderWith("zh-CN", "nps", undefined);
    expect(screen.getByRole("checkbox", { name: "提高 NPS 分数" })).toBeTruthy();
    expect(screen.getByText("NPS 分数（净推荐值）：推荐者（9–10 分）占比减去贬损者（0–6 分）占比，范围 -100 到 100")).toBeTruthy();
    expect(screen.getByText("使用的列：Date of visit、Promoter score")).toBeTruthy();
  });

  it.each<Locale>(["en", "zh-CN"])("pass axe in %s with a KR ticked, its target read and its suggestion shown", async (locale) => {
    const { container } = renderWith(locale, "fcr", 0.8, "0.9");
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("KeyResultPicker's target, as understood", () => {
  it.each<[KpiKind, string, string]>([
    ["fcr", "0.9", "= 90%"],
    ["fcr", "90", "= 90%"],
    ["fcr", "90%", "= 90%"],
    ["fcr", "1", "= 100%"],
  ])("%s target %p shows %p", (kpi, target, understood) => {
    renderWith("en", kpi, undefined, target);
    expect(screen.getByText(understood)).toBeTruthy();
  });

  it("says nothing for a plain score", () => {
    renderWith("en", "nps", 31.9, "45");
    expect(screen.queryByText(/^= /)).toBeNull();
    expect(screen.getByText("Suggested target 35.1 (baseline 31.9, +10%)")).toBeTruthy();
  });
});
