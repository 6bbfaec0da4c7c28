/**
 * @jest-environment jsdom
 */
import { renderProblems } from "../../okr/problems";
import { fakeWorkbook } from "../fakeWorkbook";
import { configure, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { ColumnMap } from "../../okr/columns";
import type { Locale } from "../../okr/locale";
import type { Period } from "../../okr/periods";
import type { TrendsSettings } from "../../okr/trends";
import type { OkrWorkbook, TrendsResult } from "../../okr/workbook";
import { useAction } from "../hooks/useAction";
import { MESSAGES } from "../i18n/messages";
import { PaneIntl } from "../i18n/PaneIntl";
import { TrendsSection } from "./TrendsSection";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const Q3: Period = { label: "2026-Q3", from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const source = { kind: "table" as const, table: "Jobs", headers: ["Job date", "Tech", "NPS"] };
const ALL: ColumnMap = { date: 0, technician: 1, nps: 2 };

/** Only the trends are asked of this workbook: any other call is a bug in the section. */
function workbookAnswering(answer: (settings: TrendsSettings) => Promise<TrendsResult>): { workbook: OkrWorkbook; asked: TrendsSettings[] } {
  const asked: TrendsSettings[] = [];
  const workbook = fakeWorkbook({
    buildTrends: (settings) => {
      asked.push(settings);
      return answer(settings);
    },
  });
  return { workbook, asked };
}

/** The section as the pane holds it: its own action, and the outcome shown as plain text below. */
function Harness({ workbook, columns = ALL, noPeriod = false, busy = false }: { workbook: OkrWorkbook; columns?: ColumnMap; noPeriod?: boolean; busy?: boolean }) {
  const action = useAction();
  const outcome = action.outcome.state === "idle" ? null : <p>{action.outcome.state === "busy" ? "busy" : `${action.outcome.state}: ${action.outcome.message}`}</p>;
  return <TrendsSection workbook={workbook} source={source} columns={columns} period={noPeriod ? undefined : Q3} mode="kpi" action={action} busy={busy || action.outcome.state === "busy"} outcome={outcome} />;
}

function renderIn(locale: Locale, props: Parameters<typeof Harness>[0]) {
  return render(
    <PaneIntl locale={locale}>
      <Harness {...props} />
    </PaneIntl>,
  );
}

const button = (locale: Locale) => screen.getByRole("button", { name: MESSAGES[locale]["trends.build"] }) as HTMLButtonElement;
const built = (kpis: number, charts: number) => async (): Promise<TrendsResult> => ({ ok: true, sheet: "Trends", months: 12, kpis, charts });

describe("TrendsSection", () => {
  it("builds the trends for the period, with the columns, source and formulas given", async () => {
    const { workbook, asked } = workbookAnswering(built(3, 2));
    renderIn("en", { workbook });
    await userEvent.setup().click(button("en"));
    expect(await screen.findByText('done: Built "Trends": 3 KPIs over 12 months, 2 charts. Notes you type there are kept when you build again.')).toBeTruthy();
    expect(asked).toEqual([{ period: Q3, mode: "kpi", source, columns: ALL }]);
  });

  it.each([
    ["en", 1, 1, 'done: Built "Trends": 1 KPI over 12 months, 1 chart.'],
    ["zh-CN", 1, 1, "done: 已生成“Trends”：1 项 KPI，共 12 个月，1 张图表。"],
  ] as const)("counts KPIs and charts in %s", async (locale, kpis, charts, text) => {
    renderIn(locale, { workbook: workbookAnswering(built(kpis, charts)).workbook });
    await userEvent.setup().click(button(locale));
    expect(await screen.findByText((content) => content.startsWith(text))).toBeTruthy();
  });

  it("words the workbook's problems in the pane's language, and says what went wrong when it throws", async () => {
    const refused = async (): Promise<TrendsResult> => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "Trends" }] });
    const { unmount } = renderIn("zh-CN", { workbook: workbookAnswering(refused).workbook });
    await userEvent.setup().click(button("zh-CN"));
    expect(await screen.findByText(`error: ${renderProblems([{ code: "sheetProtected", sheet: "Trends" }], "zh-CN")}`)).toBeTruthy();
    unmount();
    renderIn("en", { workbook: workbookAnswering(() => Promise.reject(new Error("locked"))).workbook });
    await userEvent.setup().click(button("en"));
    expect(await screen.findByText("error: The trends could not be built: Error: locked")).toBeTruthy();
  });

  describe("edge cases", () => {
    it.each([
      ["no job-date column", { technician: 1, nps: 2 }, 'The trends need a job-date column: map one under "Columns used".'],
    ] as const)("is disabled, saying why, with %s", async (_, columns, reason) => {
      const { workbook, asked } = workbookAnswering(built(1, 1));
      renderIn("en", { workbook, columns });
      expect(button("en").disabled).toBe(true);
      expect(button("en").getAttribute("aria-describedby")).toBe(screen.getByText(reason).id);
      await userEvent.setup().click(button("en"));
      expect(asked).toEqual([]);
    });

    it("is disabled, with no reason to give, while another action runs or no period is chosen", () => {
      const { workbook } = workbookAnswering(built(1, 1));
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
    renderIn(locale, { workbook: workbookAnswering(answer).workbook, columns });
    expect(screen.getByRole("heading", { name: MESSAGES[locale]["trends.heading"] })).toBeTruthy();
    if (shown) {
      await userEvent.setup().click(button(locale));
      await screen.findByText((content) => content.startsWith(shown));
    }
    expect(await axe(document.body)).toHaveNoViolations();
  });
});
