/**
 * @jest-environment jsdom
 */
import { configure, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { Locale } from "../../okr/locale";
import type { ScorecardSettings } from "../../okr/scorecard";
import type { OkrWorkbook } from "../../okr/workbook";
import { MESSAGES } from "../i18n/messages";
import { ScorecardSection } from "./ScorecardSection";
import { ALL, HarnessProps, Q3, renderSection, SOURCE, workbookAnswering } from "./sheetSectionHarness";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

type Result = Awaited<ReturnType<OkrWorkbook["buildScorecard"]>>;

const answering = (answer: OkrWorkbook["buildScorecard"]) => workbookAnswering("buildScorecard", answer);

const renderIn = (locale: Locale, props: HarnessProps) => renderSection(ScorecardSection, locale, { mode: "portable", ...props });

const button = (locale: Locale) => screen.getByRole("button", { name: MESSAGES[locale]["scorecard.build"] }) as HTMLButtonElement;
const technicians = (count: number) => async (settings: ScorecardSettings): Promise<Result> => ({ ok: true, sheet: settings.title, technicians: count });

describe("ScorecardSection", () => {
  it("builds the sheet named after the period, with the columns, source, formulas and money format given", async () => {
    const { workbook, asked } = answering(technicians(4));
    renderIn("en", { workbook, moneyFormat: '"€"#,##0.00' });
    await userEvent.setup().click(button("en"));
    expect(await screen.findByText('done: Built "Scorecard 2026-Q3" with 4 technicians. Notes you type there are kept when you build again.')).toBeTruthy();
    expect(asked).toStrictEqual([{ title: "Scorecard 2026-Q3", period: Q3, mode: "portable", source: SOURCE, columns: ALL, moneyFormat: '"€"#,##0.00' }]);
  });

  it.each([
    ["en", 1, 'done: Built "Scorecard 2026-Q3" with 1 technician.'],
    ["en", 2, 'done: Built "Scorecard 2026-Q3" with 2 technicians.'],
    ["zh-CN", 1, "done: 已生成“Scorecard 2026-Q3”，包含 1 位技术员。"],
    ["zh-CN", 2, "done: 已生成“Scorecard 2026-Q3”，包含 2 位技术员。"],
  ] as const)("counts technicians in %s: %p", async (locale, count, text) => {
    renderIn(locale, { workbook: answering(technicians(count)).workbook });
    await userEvent.setup().click(button(locale));
    expect(await screen.findByText((content) => content.startsWith(text))).toBeTruthy();
  });

  it.each([
    ["en", "error: No job from 2026-07-01 to 2026-09-30 names a technician: there is no one to score."],
    ["zh-CN", "error: 从 2026-07-01 到 2026-09-30 没有任何工单注明技术员：没有可评分的人。"],
  ] as const)("words the workbook's problems in %s", async (locale, text) => {
    const refused = async (): Promise<Result> => ({ ok: false, problems: [{ code: "noOneToScore", from: "2026-07-01", to: "2026-09-30" }] });
    renderIn(locale, { workbook: answering(refused).workbook });
    await userEvent.setup().click(button(locale));
    expect(await screen.findByText(text)).toBeTruthy();
  });

  describe("edge cases", () => {
    it.each([
      ["no technician column", { date: 0, nps: 2 }, 'The scorecard needs a technician column: map one under "Columns used".'],
      ["no job-date column", { technician: 1, nps: 2 }, 'The scorecard needs a job-date column: map one under "Columns used".'],
      ["neither", { nps: 2 }, 'The scorecard needs a technician column: map one under "Columns used".'],
    ] as const)("is disabled, saying why, with %s", async (_, columns, reason) => {
      const { workbook, asked } = answering(technicians(1));
      renderIn("en", { workbook, columns });
      expect(button("en").disabled).toBe(true);
      expect(button("en").getAttribute("aria-describedby")).toBe(screen.getByText(reason).id);
      await userEvent.setup().click(button("en"));
      expect(asked).toEqual([]);
    });

    it("is disabled, with no reason to give, while another action runs or no period is chosen", () => {
      const { workbook } = answering(technicians(1));
      const { unmount } = renderIn("en", { workbook, busy: true });
      expect(button("en").disabled).toBe(true);
      unmount();
      renderIn("en", { workbook, noPeriod: true });
      expect(button("en").disabled).toBe(true);
      expect(button("en").getAttribute("aria-describedby")).toBeNull();
    });
  });
});

describe.each(["en", "zh-CN"] as const)("ScorecardSection in %s has no axe violation", (locale) => {
  const never = () => new Promise<Result>(() => undefined);
  it.each([
    ["without a technician column", { date: 0 }, technicians(1), ""],
    ["building", ALL, never, "busy"],
    ["built", ALL, technicians(3), "done:"],
    ["refused", ALL, async (): Promise<Result> => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "Scorecard 2026-Q3" }] }), "error:"],
  ] as const)("%s", async (_, columns, answer, shown) => {
    renderIn(locale, { workbook: answering(answer).workbook, columns });
    expect(screen.getByRole("heading", { name: MESSAGES[locale]["scorecard.heading"] })).toBeTruthy();
    if (shown) {
      await userEvent.setup().click(button(locale));
      await screen.findByText((content) => content.startsWith(shown));
    }
    expect(await axe(document.body)).toHaveNoViolations();
  });
});
