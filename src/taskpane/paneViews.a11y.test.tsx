/**
 * @jest-environment jsdom
 */
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import type { Locale } from "../okr/locale";
import { objectiveTemplates } from "../okr/templates";
import { BuildResult, LiveKeyResult, OkrWorkbook } from "../okr/workbook";
import { App } from "./App";
import { MESSAGES } from "./i18n/messages";
import { PANE_THEMES } from "./theme";

/**
 * Every view of the pane, in both languages and in the light and dark looks, has no axe violation.
 * jsdom draws nothing, so axe's colour-contrast rules cannot run here (jest-axe turns them off): the
 * contrast of both looks is checked in Chromium by test/e2e.test.ts. Here each case also checks that
 * the look asked for is the one the pane's styles carry.
 */

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const headers = ["Job date", "Client", "Tech", "Invoice total", "NPS", "First-visit fix"];
const sample = [[46023.4, "Ann", "Bo", 120, 9, "yes"]];
const today = new Date(2026, 10, 24); // 2026-11-24: the pane opens on 2026-Q4
const TABLE = { source: { kind: "table" as const, table: "Jobs", headers }, sample, tables: ["Jobs"] };
const never = <T,>() => new Promise<T>(() => undefined);

/** A workbook that answers as the view needs, and lets the test change the live key results. */
function fakeWorkbook(overrides: Partial<OkrWorkbook>) {
  let recalculate: () => void = () => undefined;
  let live: LiveKeyResult[] = [];
  const workbook: OkrWorkbook = {
    readJobData: async () => TABLE,
    build: async (settings): Promise<BuildResult> => ({ ok: true, sheet: settings.title, keyResults: settings.keyResults.length }),
    buildScorecard: async (settings) => ({ ok: true, sheet: settings.title, technicians: 2 }),
    buildTrends: async () => ({ ok: true, sheet: "Trends", months: 12, kpis: 2, charts: 2, history: { ok: true, sheet: "Check-in history", okrSheets: 1 } }),
    readLive: async () => live,
    onCalculated: async (_, listener) => {
      recalculate = listener;
      return async () => undefined;
    },
    recordCheckIn: async () => 1,
    insertSampleData: async () => ({ ok: true }),
    makeJobTable: async () => ({ ok: true, table: "JobLog" }),
    readSelectedAddress: async () => "'Accounts 2025'!B12",
    ...overrides,
  };
  const setLive = (next: LiveKeyResult[]) => {
    live = next;
    recalculate();
  };
  return { workbook, setLive };
}

const text = (locale: Locale, key: string) => MESSAGES[locale][key as keyof (typeof MESSAGES)["en"]];
const npsName = (locale: Locale) => objectiveTemplates(locale).flatMap((o) => o.keyResults).find((kr) => kr.kpi === "nps")!.name;

type User = ReturnType<typeof userEvent.setup>;

/** Ticks NPS and builds. */
async function build(user: User, locale: Locale) {
  await user.click(await screen.findByLabelText(npsName(locale)));
  await user.click(screen.getByRole("button", { name: text(locale, "build.first") }));
}

interface View {
  workbook: Partial<OkrWorkbook>;
  /** Brings the pane to the view and waits until it shows. */
  reach(user: User, locale: Locale, setLive: (live: LiveKeyResult[]) => void): Promise<unknown>;
}

const VIEWS: Record<string, View> = {
  "looking for the job log": {
    workbook: { readJobData: never },
    reach: (_, locale) => screen.findByText(text(locale, "jobData.loading")),
  },
  "no job data": {
    workbook: { readJobData: async () => ({ problem: { code: "emptySheetNoTable" as const, sheet: "Sheet1" } }) },
    reach: (_, locale) => screen.findByRole("button", { name: text(locale, "sample.insert") }),
  },
  "sample data refused": {
    workbook: { readJobData: async () => ({ problem: { code: "emptySheetNoTable" as const, sheet: "Sheet1" } }), insertSampleData: async () => ({ ok: false as const, problem: { code: "sheetExists" as const, sheet: "Sample jobs" } }) },
    reach: async (user, locale) => {
      await user.click(await screen.findByRole("button", { name: text(locale, "sample.insert") }));
      await screen.findByText(/“Sample jobs”|"Sample jobs"/);
    },
  },
  "job data found, a key result ticked": {
    workbook: {},
    reach: (user, locale) => screen.findByLabelText(npsName(locale)).then((box) => user.click(box)),
  },
  "a plain range, with dates as text": {
    workbook: { readJobData: async () => ({ source: { kind: "range", sheet: "Job log", headers, headerRow: 3, firstColumn: 1, lastRow: 1013 }, sample: [...sample, ["2026-07-05", "Cy", "Bo", 80, 7, "no"]], tables: [] }) },
    reach: async (_, locale) => {
      await screen.findByRole("button", { name: text(locale, "range.makeTable") });
      await screen.findAllByText(/2026-07-05/);
    },
  },
  building: {
    workbook: { build: never },
    reach: async (user, locale) => {
      await build(user, locale);
      await screen.findByText(text(locale, "build.busy"));
    },
  },
  "build refused": {
    workbook: { build: async () => ({ ok: false as const, problems: [{ code: "sheetProtected" as const, sheet: "OKR 2026-Q4" }] }) },
    reach: async (user, locale) => {
      await build(user, locale);
      await screen.findByText(/OKR 2026-Q4.*(is protected|受保护)/);
    },
  },
  "an objective of the user's own with a formula key result and one typed by hand": {
    workbook: {},
    reach: async (user, locale) => {
      await user.type(await screen.findByLabelText(text(locale, "objectives.newName")), "Make money{Enter}");
      const own = await screen.findByRole("region", { name: "Make money" });
      const add = () => user.click(within(own).getByRole("button", { name: text(locale, "custom.add") }));
      await add();
      await user.click(within(own).getByRole("button", { name: text(locale, "custom.useSelection") }));
      await within(own).findByDisplayValue("='Accounts 2025'!B12");
      await add();
      const [, typed] = within(own).getAllByRole("group");
      await user.click(within(typed).getByLabelText(text(locale, "custom.kind.manual")));
      await within(typed).findByLabelText(text(locale, "custom.current"));
    },
  },
  "a custom key result refused": {
    workbook: {},
    reach: async (user, locale) => {
      await user.type(await screen.findByLabelText(text(locale, "objectives.newName")), "Make money{Enter}");
      await user.click(within(await screen.findByRole("region", { name: "Make money" })).getByRole("button", { name: text(locale, "custom.add") }));
      await user.type(screen.getByLabelText(text(locale, "custom.formula")), "=SUM(A1");
      await user.click(screen.getByRole("button", { name: text(locale, "build.first") }));
      await screen.findByText(/=SUM\(A1/, { selector: "div, span, p" });
    },
  },
  "scorecard built": {
    workbook: {},
    reach: async (user, locale) => {
      await user.click(await screen.findByRole("button", { name: text(locale, "scorecard.build") }));
      await screen.findByText(/"Scorecard 2026-Q\d"|“Scorecard 2026-Q\d”/);
    },
  },
  "trends built": {
    workbook: {},
    reach: async (user, locale) => {
      await user.click(await screen.findByRole("button", { name: text(locale, "trends.build") }));
      await screen.findByText(/Built "Trends"|已生成“Trends”/);
    },
  },
  "trends refused": {
    workbook: { buildTrends: async () => ({ ok: false as const, problems: [{ code: "sheetProtected" as const, sheet: "Trends" }] }) },
    reach: async (user, locale) => {
      await user.click(await screen.findByRole("button", { name: text(locale, "trends.build") }));
      await screen.findByText(/"Trends" is protected|“Trends”受保护/);
    },
  },
  "built, with the live view, a warning and a failed check-in": {
    workbook: { recordCheckIn: () => Promise.reject(new Error("locked")) },
    reach: async (user, locale, setLive) => {
      await build(user, locale);
      const record = await screen.findByRole("button", { name: text(locale, "checkIn.record") });
      const kr = { id: "delight:nps", objective: "Delight customers", name: npsName(locale), baseline: 40, current: 42, progress: 0.2, status: "Off track", isObjective: false };
      setLive([
        { ...kr, id: "objective:delight", name: kr.objective, target: "", isObjective: true },
        // The last six quarters, one a gap: the sparkline beside the progress bar.
        { ...kr, target: 40, history: [38, null, 41, 40, 40, 42] },
      ]);
      await screen.findAllByRole("progressbar");
      await user.click(record);
      await screen.findByText(/locked/);
    },
  },
};

/** Every CSS rule the document holds, as text: Fluent writes the theme's tokens as custom properties. */
const cssText = () =>
  [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .map((rule) => rule.cssText)
    .join("\n");

describe.each(["en", "zh-CN"] as const)("the pane in %s", (locale) => {
  describe.each(["light", "dark"] as const)("in the %s look", (look) => {
    it.each(Object.keys(VIEWS))("%s: no axe violation", async (name) => {
      const view = VIEWS[name];
      const { workbook, setLive } = fakeWorkbook(view.workbook);
      const user = userEvent.setup();
      render(<App workbook={workbook} today={today} locale={locale} theme={PANE_THEMES[look]} />);
      await view.reach(user, locale, setLive);
      expect(cssText()).toContain(`--colorNeutralBackground1: ${PANE_THEMES[look].colorNeutralBackground1};`);
      expect(await axe(document.body)).toHaveNoViolations();
    });
  });
});
