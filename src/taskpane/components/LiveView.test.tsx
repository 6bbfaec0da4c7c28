/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { Locale } from "../../okr/locale";
import { LiveKeyResult } from "../../okr/workbook";
import { PaneIntl } from "../i18n/PaneIntl";
import { LiveView } from "./LiveView";

const row = (fields: Partial<LiveKeyResult>): LiveKeyResult => ({ id: "", objective: "Delight customers", name: "", baseline: "", current: "", target: "", progress: "", status: "", isObjective: false, ...fields });

const KEY_RESULTS: LiveKeyResult[] = [
  row({ id: "objective:delight", name: "Delight customers", progress: 0.4, status: "At risk", isObjective: true }),
  row({ id: "delight:nps", name: "Raise NPS", baseline: 31.9, current: 35.08, target: 45, progress: 0.5, status: "On track", history: [31.2, 30, null, 33.04, 31.9, 35.08] }),
  row({ id: "delight:fcr", name: "Fix more jobs on the first visit", baseline: 0.8, current: 0.852, target: 0.9, progress: 0.25, status: "Off track" }),
  // A row typed on the sheet by hand: no KPI in its id, a share by its number format.
  row({ id: "mine", name: "Answer the phone", current: 0.5, target: 0.75, progress: 0, status: "Missed", valueFormat: "0%", history: [null, null, null, null, null, 0.5] }),
  // No job in the period yet: blank cells.
  row({ id: "repeat:avgTicket", name: "Raise the average ticket", history: [null, null, null, null, null, null] }),
];

function renderIn(locale: Locale, periodKind?: "quarter" | "month") {
  return render(
    <PaneIntl locale={locale}>
      <LiveView keyResults={KEY_RESULTS} periodKind={periodKind} />
    </PaneIntl>,
  );
}

/** The list item holding a KR's name. */
const item = (name: string) => screen.getByText(name).closest("li")!;

describe("LiveView", () => {
  it("shows each KR's current value, target and progress as numbers, in the KPI's format", () => {
    renderIn("en");
    expect(within(item("Raise NPS")).getByText("Current 35.1 · target 45 · progress 50%")).toBeTruthy();
    expect(within(item("Fix more jobs on the first visit")).getByText("Current 85.2% · target 90% · progress 25%")).toBeTruthy();
    expect(within(item("Answer the phone")).getByText("Current 50% · target 75% · progress 0%")).toBeTruthy();
    expect(within(item("Delight customers")).getByText("Progress 40%")).toBeTruthy();
  });

  it("shows money in the currency its cells show, in the pane's language", () => {
    const money = [row({ id: "repeat:avgTicket", name: "Raise the average ticket", current: 312.5, target: 350, progress: 0.3, valueFormat: "[$€-407] #,##0.00" })];
    for (const [locale, words] of [["en", "Current €312.50 · target €350.00 · progress 30%"], ["zh-CN", "当前值 €312.50 · 目标值 €350.00 · 进度 30%"]] as const) {
      const { unmount } = render(
        <PaneIntl locale={locale}>
          <LiveView keyResults={money} />
        </PaneIntl>,
      );
      expect(screen.getByText(words)).toBeTruthy();
      unmount();
    }
  });

  it("shows money as a plain number when its cells show no currency", () => {
    const money = [row({ id: "repeat:avgTicket", name: "Raise the average ticket", current: 312.5, target: 350, progress: 0.3, valueFormat: "#,##0.00" })];
    render(
      <PaneIntl locale="en">
        <LiveView keyResults={money} />
      </PaneIntl>,
    );
    expect(screen.getByText("Current 312.5 · target 350 · progress 30%")).toBeTruthy();
  });

  it("says when there is nothing to show yet, in words", () => {
    renderIn("en");
    expect(within(item("Raise the average ticket")).getByText("Current none · target none · progress none")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Raise the average ticket: no target yet" })).toBeTruthy();
  });

  it("shows each status in words with an icon, not by colour alone", () => {
    renderIn("en");
    for (const [name, status] of [["Raise NPS", "On track"], ["Fix more jobs on the first visit", "Off track"], ["Answer the phone", "Missed"], ["Delight customers", "At risk"]]) {
      const badge = within(item(name)).getByText(status);
      expect(badge.querySelector("svg")).not.toBeNull();
    }
    // Different statuses, different icons.
    const icons = ["Raise NPS", "Fix more jobs on the first visit"].map((name) => within(item(name)).getByText(/track/).querySelector("svg")!.innerHTML);
    expect(icons[0]).not.toBe(icons[1]);
  });

  it("draws each KR's last six periods beside its progress, named in words, a gap as none", () => {
    renderIn("en", "quarter");
    const sparkline = within(item("Raise NPS")).getByRole("img", { name: "Last 6 quarters: 31.2, 30, none, 33, 31.9, 35.1" });
    // One line through the first two values, one through the last three, across the gap.
    expect(sparkline.querySelectorAll("path")).toHaveLength(2);
    expect(sparkline.parentElement).toBe(within(item("Raise NPS")).getByRole("progressbar").parentElement);
    // A share typed by hand keeps its format; a single value is a dot.
    const single = within(item("Answer the phone")).getByRole("img", { name: "Last 6 quarters: none, none, none, none, none, 50%" });
    expect(single.querySelectorAll("circle")).toHaveLength(1);
  });

  it("says periods when the sheet's period is no calendar quarter or month, and months for months", () => {
    const { unmount } = renderIn("en");
    expect(within(item("Raise NPS")).getByRole("img").getAttribute("aria-label")).toMatch(/^Last 6 periods: 31\.2, /);
    unmount();
    renderIn("en", "month");
    expect(within(item("Raise NPS")).getByRole("img").getAttribute("aria-label")).toMatch(/^Last 6 months: 31\.2, /);
  });

  it("draws no sparkline for an objective or a KR without a number in its last six periods", () => {
    renderIn("en", "quarter");
    expect(within(item("Raise the average ticket")).queryByRole("img")).toBeNull();
    expect(within(item("Delight customers")).queryByRole("img")).toBeNull();
    // A row read before the sheet had history (no history at all): no sparkline either.
    expect(within(item("Fix more jobs on the first visit")).queryByRole("img")).toBeNull();
  });

  it("speaks Chinese", () => {
    renderIn("zh-CN", "quarter");
    expect(within(item("Raise NPS")).getByRole("img", { name: "最近 6 个季度：31.2、30、无、33、31.9、35.1" })).toBeTruthy();
    expect(within(item("Raise NPS")).getByText("当前值 35.1 · 目标值 45 · 进度 50%")).toBeTruthy();
    expect(within(item("Raise NPS")).getByText("进展顺利")).toBeTruthy();
    expect(within(item("Raise the average ticket")).getByText("当前值 无 · 目标值 无 · 进度 无")).toBeTruthy();
  });

  it.each<Locale>(["en", "zh-CN"])("passes axe in %s", async (locale) => {
    const { container } = renderIn(locale, "quarter");
    expect(await axe(container)).toHaveNoViolations();
  });

  describe("edge cases", () => {
    it("shows a status it does not know as it is, without an icon", () => {
      render(
        <PaneIntl locale="en">
          <LiveView keyResults={[row({ id: "x", name: "Odd", status: "Paused", current: 3, target: 4, progress: 0.5 })]} />
        </PaneIntl>,
      );
      expect(screen.getByText("Paused").querySelector("svg")).toBeNull();
      expect(screen.getByText("Current 3 · target 4 · progress 50%")).toBeTruthy();
    });
  });
});
