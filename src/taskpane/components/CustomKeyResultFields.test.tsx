/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import type { CustomDraft } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import { PaneIntl } from "../i18n/PaneIntl";
import { CustomKeyResultFields } from "./CustomKeyResultFields";

/** A custom key result's fields with a target and baseline typed. */
function renderWith(locale: Locale, change: Partial<CustomDraft>, baseline: string, format: CustomDraft["custom"]["format"] = "number") {
  const draft: CustomDraft = {
    id: "custom:k",
    objectiveId: "own:k",
    objective: "Make money",
    name: "Hours on refunds",
    type: "increase",
    target: "",
    owner: "",
    weight: "",
    custom: { kind: "manual", format, formula: "", current: "", baseline },
    ...change,
  };
  render(
    <PaneIntl locale={locale}>
      <CustomKeyResultFields draft={draft} onChange={() => undefined} onRemove={() => undefined} readSelection={async () => "A1"} />
    </PaneIntl>,
  );
}

describe("CustomKeyResultFields' target", () => {
  it.each<[Locale, Partial<CustomDraft>, string, CustomDraft["custom"]["format"], string]>([
    ["en", { type: "increase", target: "90" }, "100", "number", "Check target: 90 is not above the baseline, 100."],
    ["zh-CN", { type: "increase", target: "90" }, "100", "number", "请检查目标值：90 没有高于基线 100。"],
    ["en", { type: "decrease", target: " 45 " }, "40", "hours", "Check target: 45 is not below the baseline, 40."],
    ["zh-CN", { type: "decrease", target: "45" }, "40", "hours", "请检查目标值：45 没有低于基线 40。"],
    // 80 and 85% read as shares: 80% is not above 85%.
    ["en", { type: "increase", target: "80" }, "85%", "percent", "Check target: 80 is not above the baseline, 85%."],
  ])("warns in %s when %j contradicts the baseline %p (%s)", (locale, change, baseline, format, warning) => {
    renderWith(locale, change, baseline, format);
    expect(screen.getByText(warning)).toBeTruthy();
    // A warning, not an error: the field is not marked invalid, and building stays possible.
    expect(screen.getByRole("textbox", { name: locale === "en" ? "Target" : "目标值" }).getAttribute("aria-invalid")).not.toBe("true");
  });

  describe("edge cases", () => {
    it.each<[Partial<CustomDraft>, string]>([
      [{ type: "increase", target: "120" }, "100"],
      [{ type: "above", target: "90" }, "100"],
      [{ type: "increase", target: "90" }, ""],
      [{ type: "increase", target: "" }, "100"],
      [{ type: "increase", target: "lots" }, "100"],
    ])("says nothing for %j from a baseline of %p", (change, baseline) => {
      renderWith("en", change, baseline);
      expect(screen.queryByText(/Check target/)).toBeNull();
    });
  });
});
