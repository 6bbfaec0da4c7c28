/**
 * @jest-environment jsdom
 */
import { renderProblems } from "../../okr/problems";
import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { Locale } from "../../okr/locale";
import type { OkrWorkbook, TrendsResult } from "../../okr/workbook";
import { MESSAGES } from "../i18n/messages";
import { TrendsSection } from "./TrendsSection";
import { ALL, HarnessProps, Q3, renderSection, SOURCE, workbookAnswering } from "./sheetSectionHarness";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);


const answering = (answer: OkrWorkbook["buildTrends"]) => workbookAnswering("buildTrends", answer);

const renderIn = (locale: Locale, props: HarnessProps) => renderSection(TrendsSection, locale, { mode: "kpi", ...props });

const button = (locale: Locale) => screen.getByRole("button", { name: MESSAGES[locale]["trends.build"] }) as HTMLButtonElement;
const HISTORY = { ok: true, sheet: "Check-in history", okrSheets: 2 } as const;
const built =
  (kpis: number, charts: number, history: Extract<TrendsResult, { ok: true }>["history"] = HISTORY) =>
  async (): Promise<TrendsResult> => ({ ok: true, sheet: "Trends", months: 12, kpis, charts, history });

describe("TrendsSection", () => {
  it("builds the trends for the period, with the columns, source, formulas and money format given", async () => {
    const { workbook, asked } = answering(built(3, 2));
    renderIn("en", { workbook, moneyFormat: '"€"#,##0.00' });
    await userEvent.setup().click(button("en"));
    expect(
      await screen.findByText(
        'done: Built "Trends": 3 KPIs over 12 months, 2 charts. Notes you type there are kept when you build again. Built "Check-in history" too: the progress at each check-in of 2 OKR sheets, each with its chart. New check-in dates appear when you build again.',
      ),
    ).toBeTruthy();
    expect(asked).toStrictEqual([{ period: Q3, mode: "kpi", source: SOURCE, columns: ALL, moneyFormat: '"€"#,##0.00' }]);
  });

  it.each([
    ["en", 1, 1, 'done: Built "Trends": 1 KPI over 12 months, 1 chart.'],
    ["zh-CN", 1, 1, "done: 已生成“Trends”：1 项 KPI，共 12 个月，1 张图表。"],
  ] as const)("counts KPIs and charts in %s", async (locale, kpis, charts, text) => {
    renderIn(locale, { workbook: answering(built(kpis, charts)).workbook });
    await userEvent.setup().click(button(locale));
    expect(await screen.findByText((content) => content.startsWith(text))).toBeTruthy();
  });

  it.each([
    ["en", { ok: true, sheet: "Check-in history", okrSheets: 1 }, 'kept when you build again. Built "Check-in history" too: the progress at each check-in of 1 OKR sheet, each with its chart.'],
    ["zh-CN", HISTORY, "重新生成时保留。同时生成了“Check-in history”：2 个 OKR 工作表在每次记录时的进展，各附一张图表。"],
    ["en", { ok: false, problems: [{ code: "noCheckIns", table: "CheckIns" }] }, `kept when you build again. ${renderProblems([{ code: "noCheckIns", table: "CheckIns" }], "en")}`],
    ["zh-CN", { ok: false, problems: [{ code: "noCheckIns", table: "CheckIns" }] }, `重新生成时保留。${renderProblems([{ code: "noCheckIns", table: "CheckIns" }], "zh-CN")}`],
  ] as const)("in %s, says what became of the check-in history after the trends: %j", async (locale, history, text) => {
    renderIn(locale, { workbook: answering(built(1, 1, history)).workbook });
    await userEvent.setup().click(button(locale));
    expect(await screen.findByText((content) => content.startsWith("done:") && content.includes(text))).toBeTruthy();
  });

  it("words the workbook's problems in the pane's language, and says what went wrong when it throws", async () => {
    const refused = async (): Promise<TrendsResult> => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "Trends" }] });
    const { unmount } = renderIn("zh-CN", { workbook: answering(refused).workbook });
    await userEvent.setup().click(button("zh-CN"));
    expect(await screen.findByText(`error: ${renderProblems([{ code: "sheetProtected", sheet: "Trends" }], "zh-CN")}`)).toBeTruthy();
    unmount();
    renderIn("en", { workbook: answering(() => Promise.reject(new Error("locked"))).workbook });
    await userEvent.setup().click(button("en"));
    expect(await screen.findByText("error: The trends could not be built: Error: locked")).toBeTruthy();
  });

  describe("edge cases", () => {
    it.each([
      ["no job-date column", { technician: 1, nps: 2 }, 'The trends need a job-date column: map one under "Columns used".'],
    ] as const)("is disabled, saying why, with %s", async (_, columns, reason) => {
      const { workbook, asked } = answering(built(1, 1));
      renderIn("en", { workbook, columns });
      expect(button("en").disabled).toBe(true);
      expect(button("en").getAttribute("aria-describedby")).toBe(screen.getByText(reason).id);
      await userEvent.setup().click(button("en"));
      expect(asked).toEqual([]);
    });

    it("is disabled, with no reason to give, while another action runs or no period is chosen", () => {
      const { workbook } = answering(built(1, 1));
      const { unmount } = renderIn("en", { workbook, busy: true });
      expect(button("en").disabled).toBe(true);
      unmount();
      renderIn("en", { workbook, noPeriod: true });
      expect(button("en").disabled).toBe(true);
      expect(button("en").getAttribute("aria-describedby")).toBeNull();
    });
  });
});

describe.each(["en", "zh-CN"] as const)("TrendsSection in %s has no axe violation", (locale) => {
  const never = () => new Promise<TrendsResult>(() => undefined);
  it.each([
    ["without a date column", { nps: 2 }, built(1, 1), ""],
    ["building", ALL, never, "busy"],
    ["built", ALL, built(1, 1), "done:"],
  ] as const)("%s", async (_, columns, answer, shown) => {
    renderIn(locale, { workbook: answering(answer).workbook, columns });
    expect(screen.getByRole("heading", { name: MESSAGES[locale]["trends.heading"] })).toBeTruthy();
    if (shown) {
      await userEvent.setup().click(button(locale));
      await screen.findByText((content) => content.startsWith(shown));
    }
    expect(await axe(document.body)).toHaveNoViolations();
  });
});
