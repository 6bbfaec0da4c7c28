/**
 * @jest-environment jsdom
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { PlanSettings } from "../okr/plan";
import { ScorecardSettings } from "../okr/scorecard";
import { TrendsSettings } from "../okr/trends";
import { App } from "./App";
import { MESSAGES } from "./i18n/messages";
import { BuildResult, LiveKeyResult, OkrWorkbook } from "../okr/workbook";

// The machine running these may be shared and slow: wait up to 5 s for the pane, and longer for a whole test.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const headers = ["Job date", "Client", "Tech", "Invoice total", "NPS", "First-visit fix"];
const sample = [[46023.4, "Ann", "Bo", 120, 9, "yes"]];

function fakeWorkbook(overrides: Partial<OkrWorkbook> = {}) {
  const built: PlanSettings[] = [];
  const scorecards: ScorecardSettings[] = [];
  const trends: TrendsSettings[] = [];
  let live: LiveKeyResult[] = [];
  let recalculate: () => void = () => undefined;
  const workbook: OkrWorkbook = {
    readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample, tables: ["Jobs"] }),
    build: async (settings): Promise<BuildResult> => {
      built.push(settings);
      return { ok: true, sheet: settings.title, keyResults: settings.keyResults.length };
    },
    buildScorecard: async (settings) => {
      scorecards.push(settings);
      return { ok: true, sheet: settings.title, technicians: 3 };
    },
    buildTrends: async (settings) => {
      trends.push(settings);
      return { ok: true, sheet: "Trends", months: 12, kpis: 2, charts: 2, history: { ok: true, sheet: "Check-in history", okrSheets: 1 } };
    },
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
  return { workbook, built, scorecards, trends, setLive };
}

/** A promise settled by the test, to hold a workbook call "in flight". */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const today = new Date(2026, 10, 24); // 2026-11-24: the current quarter is 2026-Q4
// The sample's one job is on 2026-01-01 (46023), so the pane starts on 2026-Q1: the latest full quarter with jobs.

describe("the OKR pane", () => {
  it("finds the job log, builds the chosen KRs with the typed target, and follows the sheet", async () => {
    const user = userEvent.setup();
    const { workbook, built, setLive } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);

    expect(await screen.findByText(/Table "Jobs", 6 columns/)).toBeTruthy();
    // Only KRs whose columns exist are offered: there is no CSAT or arrival column.
    expect(screen.queryByLabelText(/Raise customer satisfaction/)).toBeNull();
    await user.click(screen.getByLabelText(/Raise NPS/));
    await user.click(screen.getByLabelText(/Bring more customers back/));
    const nps = screen.getByRole("region", { name: "Delight customers" });
    await user.type(within(nps).getByLabelText("Target"), "45");
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));

    expect(await screen.findByText(/Built "OKR 2026-Q1" with 2 key results/)).toBeTruthy();
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({
      title: "OKR 2026-Q1",
      period: { label: "2026-Q1", from: 46023, to: 46112 },
      baseline: "previous",
      mode: "portable",
      columns: { date: 0, customer: 1, technician: 2, amount: 3, nps: 4, firstVisitFix: 5 },
    });
    expect(built[0].keyResults.map((kr) => [kr.kpi, kr.target])).toEqual([
      ["nps", 45],
      ["repeatRate", undefined],
    ]);

    setLive([{ id: "delight:nps", objective: "Delight customers", name: "Raise NPS", baseline: 20, current: 30, target: 45, progress: 0.5, status: "At risk", isObjective: false }]);
    expect(await screen.findByText("At risk")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Raise NPS: 50%" })).toBeTruthy();
  });

  it("offers comment sentiment only with KPI functions, and builds it with them", async () => {
    const user = userEvent.setup();
    const withComments = ["Job date", "Comment"];
    const { workbook, built } = fakeWorkbook({ readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers: withComments }, sample: [[46023.4, "Great, thanks"]], tables: ["Jobs"] }) });
    render(<App workbook={workbook} today={today} />);

    expect(await screen.findByText(/Table "Jobs", 2 columns/)).toBeTruthy();
    // Native formulas (the default): the job date alone gives jobs and jobs per day, no sentiment.
    expect(screen.getByLabelText(/Complete more jobs per working day/)).toBeTruthy();
    expect(screen.queryByLabelText(/Earn warmer comments/)).toBeNull();
    await user.click(screen.getByLabelText(/KPI functions/));
    await user.click(await screen.findByLabelText(/Earn warmer comments/));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));

    expect(await screen.findByText(/Built "OKR 2026-Q1" with 1 key result/)).toBeTruthy();
    expect(built[0]).toMatchObject({ mode: "kpi", keyResults: [{ kpi: "sentiment", name: "Earn warmer comments" }] });
    // Back to native formulas, the ticked KR is no longer offered, and nothing is left to build.
    await user.click(screen.getByLabelText(/Native Excel formulas/));
    expect(screen.queryByLabelText(/Earn warmer comments/)).toBeNull();
    expect((screen.getByRole("button", { name: "Build again" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows why it cannot build", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook({ build: async () => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "OKR 2026-Q1" }] }) });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    expect(await screen.findByText('The sheet "OKR 2026-Q1" is protected. Unprotect it (Review > Unprotect Sheet) and build again.')).toBeTruthy();
  });

  it("names a target it cannot read, without building", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.type(screen.getByLabelText("Target"), "lots");
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    expect(await screen.findByText('Target of "Raise NPS": "lots" is not a number.')).toBeTruthy();
    expect(built).toHaveLength(0);
  });

  it("says when there is no job data", async () => {
    const { workbook } = fakeWorkbook({ readJobData: async () => ({ problem: { code: "emptySheetNoTable", sheet: "Sheet1" } }) });
    render(<App workbook={workbook} today={today} />);
    expect(await screen.findByText('No job data found: the sheet "Sheet1" is empty and the workbook has no table.', { exact: false })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Build OKR sheet" })).toBeNull();
  });

  it("offers sample data when there is no job log, then finds it", async () => {
    const user = userEvent.setup();
    let inserted = false;
    const { workbook } = fakeWorkbook({
      readJobData: async () => (inserted ? { source: { kind: "table", table: "Jobs", headers }, sample, tables: ["Jobs"] } : { problem: { code: "emptySheetNoTable" as const, sheet: "Sheet1" } }),
      insertSampleData: async () => {
        inserted = true;
        return { ok: true };
      },
    });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByRole("button", { name: "Insert sample data" }));
    expect(await screen.findByText(/Table "Jobs", 6 columns/)).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook();
    const { container } = render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await screen.findByText("Columns used: Job date, NPS");
    // One axe run, not retried in waitFor: a run takes seconds on a slow machine, longer than waitFor's timeout.
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("after a build", () => {
  const live = (overrides: Partial<LiveKeyResult>): LiveKeyResult => ({
    id: "delight:nps",
    objective: "Delight customers",
    name: "Raise NPS",
    baseline: 40,
    current: 42,
    target: 50,
    progress: 0.2,
    status: "Off track",
    isObjective: false,
    ...overrides,
  });

  async function buildWith(workbook: OkrWorkbook) {
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    return user;
  }

  it("suggests a target 10% better than the baseline the sheet computed", async () => {
    const { workbook, setLive } = fakeWorkbook();
    await buildWith(workbook);
    setLive([live({ target: "" })]);
    // The baseline the sheet computed, the target 10% better, and the step between them: in words, not a bare number.
    expect(await screen.findByText("Suggested target 44 (baseline 40, +10%)")).toBeTruthy();
  });

  it("says to check a target that an increase would never reach from the baseline", async () => {
    const { workbook, setLive } = fakeWorkbook();
    const user = await buildWith(workbook);
    setLive([live({ target: "" })]);
    await screen.findByText("Suggested target 44 (baseline 40, +10%)");
    const nps = screen.getByRole("region", { name: "Delight customers" });
    await user.type(within(nps).getByLabelText("Target"), "35");
    expect(await screen.findByText("Check target: 35 is not above the baseline, 40.")).toBeTruthy();
  });

  it("names the sparkline's periods as the built sheet's: quarters for a quarter", async () => {
    const { workbook, setLive } = fakeWorkbook();
    await buildWith(workbook);
    setLive([live({ history: [31, 32, null, 34, 35, 42] })]);
    expect(await screen.findByRole("img", { name: "Last 6 quarters: 31, 32, none, 34, 35, 42" })).toBeTruthy();
  });

  it("warns when a target equals its baseline, and when the period has no jobs", async () => {
    const { workbook, setLive } = fakeWorkbook();
    await buildWith(workbook);
    setLive([live({ target: 40 })]);
    expect(await screen.findByText(/"Raise NPS": the target equals the baseline/)).toBeTruthy();
    setLive([live({ current: "#DIV/0!" })]);
    expect(await screen.findByText(/No job in the period has the data/)).toBeTruthy();
  });

  it("writes the objective as renamed, and records a check-in with the chosen confidence", async () => {
    const checkIns: unknown[][] = [];
    const { workbook, built } = fakeWorkbook({ recordCheckIn: async (...args) => (checkIns.push(args), 2) });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    const name = screen.getByLabelText("Objective as written on the sheet");
    await user.clear(name);
    await user.type(name, "Wow every customer");
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    await screen.findByText(/Built "OKR 2026-Q1"/);
    expect(built[0].keyResults[0].objective).toBe("Wow every customer");

    await user.selectOptions(screen.getByLabelText("Confidence"), "Low");
    await user.type(screen.getByLabelText("Check-in note"), "van broke down");
    await user.click(screen.getByRole("button", { name: "Record check-in" }));
    expect(await screen.findByText("Recorded a check-in of 2 key results in the Check-ins sheet.")).toBeTruthy();
    expect(checkIns).toEqual([["OKR 2026-Q1", today, "Low", "van broke down"]]);
  });

  it("warns when the job date column holds dates as text", async () => {
    const { workbook } = fakeWorkbook({ readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample: [[...sample[0]], ["2026-07-05", "Cy", "Bo", 80, 7, "no"]], tables: ["Jobs"] }) });
    render(<App workbook={workbook} today={today} />);
    expect(await screen.findByText(/The column "Job date" holds dates as text in 1 of 2 rows read \(for example "2026-07-05"\)/)).toBeTruthy();
  });

  it("lets the user pick another table", async () => {
    const asked: (string | undefined)[] = [];
    const { workbook } = fakeWorkbook({
      readJobData: async (table) => {
        asked.push(table);
        return { source: { kind: "table", table: table ?? "Jobs", headers }, sample, tables: ["Jobs", "Jobs2025"] };
      },
    });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.selectOptions(await screen.findByLabelText("Job table"), "Jobs2025");
    expect(await screen.findByText(/Table "Jobs2025"/)).toBeTruthy();
    expect(asked).toEqual([undefined, "Jobs2025"]);
  });

  it("says how far formulas over a plain range reach, and makes it a table on request", async () => {
    const range = { kind: "range" as const, sheet: "Job log", headers, headerRow: 3, firstColumn: 1, lastRow: 1013 };
    const asked: (string | undefined)[] = [];
    const made: unknown[] = [];
    const { workbook } = fakeWorkbook({
      readJobData: async (table) => {
        asked.push(table);
        return table ? { source: { kind: "table", table, headers }, sample, tables: [table] } : { source: range, sample, tables: [] };
      },
      makeJobTable: async (source) => {
        made.push(source);
        return { ok: true, table: "JobLog" };
      },
    });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    expect(await screen.findByText(/formulas read rows 4 to 1,013, so jobs added below row 1,013 count only after the next build/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Make it a table" }));
    expect(await screen.findByText(/Table "JobLog"/)).toBeTruthy();
    expect(made).toEqual([range]);
    expect(asked).toEqual([undefined, "JobLog"]);
  });
});

describe("the period", () => {
  // Excel serials worked out by hand: 2026-07-01 is 46204; July has 31 days, August 31, September 30.
  const Q3 = { label: "2026-Q3", from: 46204, to: 46295 };
  const AUGUST = { label: "2026-08", from: 46235, to: 46265 };

  /** The text of the option the Quarter or Month list shows as chosen. */
  const shown = (name: "Quarter" | "Month") => (screen.getByRole("combobox", { name }) as HTMLSelectElement).selectedOptions[0].textContent;

  async function buildAndWait(user: ReturnType<typeof userEvent.setup>, title: string) {
    await user.click(screen.getByRole("button", { name: /^Build (OKR sheet|again)$/ }));
    await screen.findByText(new RegExp(`Built "${title}"`));
  }

  it("starts on the latest full quarter with jobs and offers every quarter back to the log's first job", async () => {
    const user = userEvent.setup();
    // Jobs on 2024-10-01 (46023 - 365 - 92 = 45566) and 2026-08-16 (46204 + 31 + 15 = 46250), as serial and as text.
    const { workbook, built } = fakeWorkbook({
      readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample: [[45566.3, "Ann", "Bo", 120, 9, "yes"], ["2026-08-16", "Cy", "Bo", 80, 7, "no"]], tables: ["Jobs"] }),
    });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    expect(shown("Quarter")).toBe("2026-Q3");
    const quarters = [...(screen.getByRole("combobox", { name: "Quarter" }) as HTMLSelectElement).options].map((option) => option.textContent);
    expect(quarters).toEqual(["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4"]);
    await user.click(screen.getByRole("radio", { name: "Month" }));
    expect(shown("Month")).toBe("2026-08");
    // 2024-10 .. 2026-11: 3 + 12 + 11 months.
    expect((screen.getByRole("combobox", { name: "Month" }) as HTMLSelectElement).options).toHaveLength(26);
    await buildAndWait(user, "OKR 2026-08");
    expect(built[0].period).toEqual(AUGUST);
  });

  it("reaches the log's last job through the date column's span when the sample holds only its first rows", async () => {
    const user = userEvent.setup();
    // The sample's one job is on 2024-10-01 (45566); the whole column runs from 45566 to 2026-08-16 (46250), as its MIN and MAX say.
    const { workbook } = fakeWorkbook({
      readJobData: async () => ({
        source: { kind: "table", table: "Jobs", headers },
        sample: [[45566.3, "Ann", "Bo", 120, 9, "yes"]],
        tables: ["Jobs"],
        spans: [{ min: 45566.3, max: 46250.5 }, { min: 0, max: 0 }, { min: 0, max: 0 }, { min: 80, max: 120 }, { min: 7, max: 9 }, { min: 0, max: 0 }],
      }),
    });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    expect(shown("Quarter")).toBe("2026-Q3");
    expect((screen.getByRole("combobox", { name: "Quarter" }) as HTMLSelectElement).options).toHaveLength(9);
  });

  it("builds exactly the period the picker shows, across Quarter, Custom and Month", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));

    await user.selectOptions(screen.getByRole("combobox", { name: "Quarter" }), "2026-Q3");
    expect(shown("Quarter")).toBe("2026-Q3");
    await buildAndWait(user, "OKR 2026-Q3");

    // Custom starts from the quarter shown until then.
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2026-07-01");
    expect((screen.getByLabelText("To") as HTMLInputElement).value).toBe("2026-09-30");
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-07-15" } });
    await buildAndWait(user, "OKR 2026-07-15 to 2026-09-30");

    // Back to Quarter: the quarter chosen before, not the one the pane started on.
    await user.click(screen.getByRole("radio", { name: "Quarter" }));
    expect(shown("Quarter")).toBe("2026-Q3");
    await buildAndWait(user, "OKR 2026-Q3");

    await user.click(screen.getByRole("radio", { name: "Month" }));
    // The month starts on the latest full month with jobs.
    expect(shown("Month")).toBe("2026-01");
    await user.selectOptions(screen.getByRole("combobox", { name: "Month" }), "2026-08");
    expect(shown("Month")).toBe("2026-08");
    await buildAndWait(user, "OKR 2026-08");

    expect(built.map((settings) => [settings.title, settings.period])).toEqual([
      ["OKR 2026-Q3", Q3],
      ["OKR 2026-07-15 to 2026-09-30", { label: "2026-07-15 to 2026-09-30", from: 46218, to: 46295 }],
      ["OKR 2026-Q3", Q3],
      ["OKR 2026-08", AUGUST],
    ]);
  });

  it("cannot build custom dates the wrong way round, and says why", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.click(screen.getByRole("radio", { name: "Custom" }));
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-10-01" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-09-30" } });
    expect(screen.getByText("The last day comes before the first.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Build OKR sheet" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-09-01" } });
    expect(screen.queryByText("The last day comes before the first.")).toBeNull();
    await buildAndWait(user, "OKR 2026-09-01 to 2026-09-30");
    // 2026-09-01 is 46204 + 31 + 31 = 46266.
    expect(built[0].period).toEqual({ label: "2026-09-01 to 2026-09-30", from: 46266, to: 46295 });
  });

  it("keeps the chosen period when the job log is read again", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.selectOptions(screen.getByRole("combobox", { name: "Quarter" }), "2026-Q3");
    // Reading again unmounts the picker while the job log loads.
    await user.click(screen.getByRole("button", { name: "Look again" }));
    await screen.findByText(/Table "Jobs", 6 columns/);
    expect(shown("Quarter")).toBe("2026-Q3");
    await buildAndWait(user, "OKR 2026-Q3");
    expect(built[0].period).toEqual(Q3);
  });

  it.each([
    ['"$"#,##0.00;[Red]-"$"#,##0.00', '"$"#,##0.00'],
    ["#,##0.00", undefined],
  ])("writes money on the sheets as the log's amount column shows it (%j → %j): OKR, scorecard, trends", async (amountFormat, moneyFormat) => {
    const user = userEvent.setup();
    const numberFormats = ["yyyy-mm-dd", "General", "General", amountFormat, "0", "General"];
    const { workbook, built, scorecards, trends } = fakeWorkbook({ readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample, tables: ["Jobs"], numberFormats }) });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await buildAndWait(user, "OKR 2026-Q1");
    await user.click(screen.getByRole("button", { name: "Build scorecard" }));
    await screen.findByText(/Built "Scorecard 2026-Q1"/);
    await user.click(screen.getByRole("button", { name: "Build trends" }));
    await screen.findByText(/Built "Trends"/);
    expect([built[0].moneyFormat, scorecards[0].moneyFormat, trends[0].moneyFormat]).toEqual([moneyFormat, moneyFormat, moneyFormat]);
  });

  it("measures the baseline over the same period last year when chosen", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.selectOptions(screen.getByRole("combobox", { name: "Baseline" }), "The same period last year");
    await buildAndWait(user, "OKR 2026-Q1");
    expect(built[0].baseline).toBe("lastYear");
  });
});

describe("build and check-in", () => {
  const buildRegion = () => screen.getByRole("region", { name: "4. Build" });
  const checkInRegion = () => screen.getByRole("region", { name: "Progress in OKR 2026-Q1" });
  const BUILT = /Built "OKR 2026-Q1" with 1 key result\./;

  async function build(workbook: OkrWorkbook) {
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    await screen.findByText(BUILT);
    return user;
  }

  it("builds once for a double click, and can build again when done", async () => {
    const pending = deferred<BuildResult>();
    const build = jest.fn((settings: PlanSettings) => pending.promise.then((result) => (result.ok ? { ...result, sheet: settings.title } : result)));
    const { workbook } = fakeWorkbook({ build });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    const button = screen.getByRole("button", { name: "Build OKR sheet" }) as HTMLButtonElement;

    fireEvent.click(button);
    fireEvent.click(button);
    expect(build).toHaveBeenCalledTimes(1);
    expect(button.disabled).toBe(true);
    expect(screen.getByText("Building…")).toBeTruthy();

    pending.resolve({ ok: true, sheet: "", keyResults: 1 });
    expect(await screen.findByText(BUILT)).toBeTruthy();
    const again = screen.getByRole("button", { name: "Build again" }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    await user.click(again);
    await waitFor(() => expect(build).toHaveBeenCalledTimes(2));
  });

  it("builds once even when both clicks land before React re-renders", async () => {
    const pending = deferred<BuildResult>();
    const build = jest.fn(() => pending.promise);
    const { workbook } = fakeWorkbook({ build });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    const button = screen.getByRole("button", { name: "Build OKR sheet" });
    // Inside one act() React renders nothing between the clicks: the button is still enabled for the second.
    act(() => {
      button.click();
      button.click();
    });
    expect(build).toHaveBeenCalledTimes(1);
    pending.resolve({ ok: true, sheet: "OKR 2026-Q1", keyResults: 1 });
    expect(await screen.findByText(BUILT)).toBeTruthy();
  });

  it("records one check-in for a double click, and can record another when done", async () => {
    const pending = deferred<number>();
    const recordCheckIn = jest.fn(() => pending.promise);
    const { workbook } = fakeWorkbook({ recordCheckIn });
    const user = await build(workbook);
    const button = screen.getByRole("button", { name: "Record check-in" }) as HTMLButtonElement;

    fireEvent.click(button);
    fireEvent.click(button);
    expect(recordCheckIn).toHaveBeenCalledTimes(1);
    expect(button.disabled).toBe(true);
    // A build would rewrite the sheet the check-in is reading.
    expect((screen.getByRole("button", { name: "Build again" }) as HTMLButtonElement).disabled).toBe(true);

    pending.resolve(3);
    expect(await within(checkInRegion()).findByText("Recorded a check-in of 3 key results in the Check-ins sheet.")).toBeTruthy();
    expect(button.disabled).toBe(false);
    await user.click(button);
    await waitFor(() => expect(recordCheckIn).toHaveBeenCalledTimes(2));
  });

  it("records one check-in even when both clicks land before React re-renders", async () => {
    const pending = deferred<number>();
    const recordCheckIn = jest.fn(() => pending.promise);
    const { workbook } = fakeWorkbook({ recordCheckIn });
    await build(workbook);
    const button = screen.getByRole("button", { name: "Record check-in" });
    // Inside one act() React renders nothing between the clicks: the button is still enabled for the second.
    act(() => {
      button.click();
      button.click();
    });
    expect(recordCheckIn).toHaveBeenCalledTimes(1);
    pending.resolve(1);
    expect(await within(checkInRegion()).findByText(/Recorded a check-in of 1 key result in/)).toBeTruthy();
  });

  it("keeps the build message under Build and shows the check-in's next to its own button", async () => {
    const { workbook } = fakeWorkbook({ recordCheckIn: async () => 2 });
    const user = await build(workbook);
    await user.click(screen.getByRole("button", { name: "Record check-in" }));

    const recorded = "Recorded a check-in of 2 key results in the Check-ins sheet.";
    expect(await within(checkInRegion()).findByText(recorded)).toBeTruthy();
    expect(within(buildRegion()).queryByText(recorded)).toBeNull();
    expect(within(buildRegion()).getByText(BUILT)).toBeTruthy();
    expect(within(checkInRegion()).queryByText(BUILT)).toBeNull();
  });

  it("shows a failed check-in next to its button and leaves the build message alone", async () => {
    const { workbook } = fakeWorkbook({ recordCheckIn: () => Promise.reject(new Error("the Check-ins sheet is protected")) });
    const user = await build(workbook);
    await user.type(screen.getByLabelText("Check-in note"), "slow month");
    await user.click(screen.getByRole("button", { name: "Record check-in" }));

    expect(await within(checkInRegion()).findByText("The check-in could not be recorded: Error: the Check-ins sheet is protected")).toBeTruthy();
    expect(within(buildRegion()).getByText(BUILT)).toBeTruthy();
    expect(within(buildRegion()).queryByText(/check-in could not be recorded/)).toBeNull();
    // The note is kept to try again, and so is the button.
    expect((screen.getByLabelText("Check-in note") as HTMLInputElement).value).toBe("slow month");
    expect((screen.getByRole("button", { name: "Record check-in" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("has no accessibility violations with both messages shown", async () => {
    const { workbook } = fakeWorkbook({ recordCheckIn: () => Promise.reject(new Error("locked")) });
    const user = await build(workbook);
    await user.click(screen.getByRole("button", { name: "Record check-in" }));
    await within(checkInRegion()).findByText(/could not be recorded/);
    expect(await axe(document.body)).toHaveNoViolations();
  });
});

describe("the scorecard", () => {
  const scoreButton = () => screen.getByRole("button", { name: "Build scorecard" }) as HTMLButtonElement;

  it("builds the scorecard of the chosen period with the OKR build's formulas, and says what it built", async () => {
    const user = userEvent.setup();
    const { workbook, scorecards } = fakeWorkbook();
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/KPI functions/));
    await user.click(scoreButton());

    expect(await screen.findByText('Built "Scorecard 2026-Q1" with 3 technicians. Notes you type there are kept when you build again.')).toBeTruthy();
    expect(scorecards).toEqual([
      {
        title: "Scorecard 2026-Q1",
        period: { label: "2026-Q1", from: 46023, to: 46112 }, // 2026-01-01 .. 2026-03-31
        mode: "kpi",
        source: { kind: "table", table: "Jobs", headers },
        columns: { date: 0, customer: 1, technician: 2, amount: 3, nps: 4, firstVisitFix: 5 },
      },
    ]);
  });

  it("shows why the workbook refused, as the OKR build does", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook({ buildScorecard: async () => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "Scorecard 2026-Q1" }] }) });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByRole("button", { name: "Build scorecard" }));
    const message = await screen.findByText('The sheet "Scorecard 2026-Q1" is protected. Unprotect it (Review > Unprotect Sheet) and build again.');
    expect(within(screen.getByRole("region", { name: "5. Technician scorecard" })).getByText(message.textContent!)).toBe(message);
  });

  it("says when the build threw", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook({ buildScorecard: () => Promise.reject(new Error("locked")) });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByRole("button", { name: "Build scorecard" }));
    expect(await screen.findByText("The scorecard could not be built: Error: locked")).toBeTruthy();
  });

  it("runs one workbook action at a time: no OKR build while the scorecard builds, and the other way round", async () => {
    const user = userEvent.setup();
    const scoring = deferred<{ ok: true; sheet: string; technicians: number }>();
    const building = deferred<BuildResult>();
    const buildScorecard = jest.fn(() => scoring.promise);
    const { workbook } = fakeWorkbook({ buildScorecard, build: () => building.promise });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    const buildOkr = screen.getByRole("button", { name: "Build OKR sheet" }) as HTMLButtonElement;

    fireEvent.click(scoreButton());
    fireEvent.click(scoreButton());
    expect(buildScorecard).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Building the scorecard…")).toBeTruthy();
    expect([scoreButton().disabled, buildOkr.disabled]).toEqual([true, true]);
    await act(async () => scoring.resolve({ ok: true, sheet: "Scorecard 2026-Q1", technicians: 1 }));
    expect(await screen.findByText(/Built "Scorecard 2026-Q1" with 1 technician\./)).toBeTruthy();

    fireEvent.click(buildOkr);
    expect(screen.getByText("Building…")).toBeTruthy();
    expect(scoreButton().disabled).toBe(true);
    await act(async () => building.resolve({ ok: true, sheet: "OKR 2026-Q1", keyResults: 1 }));
    await waitFor(() => expect(scoreButton().disabled).toBe(false));
  });

  it("is disabled, saying why, while the log has no technician column", async () => {
    const user = userEvent.setup();
    const noTech = headers.filter((header) => header !== "Tech");
    const { workbook, scorecards } = fakeWorkbook({
      readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers: noTech }, sample: sample.map((row) => row.filter((_, i) => headers[i] !== "Tech")), tables: ["Jobs"] }),
    });
    render(<App workbook={workbook} today={today} />);
    await screen.findByText(/Table "Jobs", 5 columns/);
    const reason = 'The scorecard needs a technician column: map one under "Columns used".';
    expect(scoreButton().disabled).toBe(true);
    expect(scoreButton().getAttribute("aria-describedby")).toBe(screen.getByText(reason).id);
    await user.click(scoreButton());
    expect(scorecards).toHaveLength(0);
    expect(await axe(document.body)).toHaveNoViolations();
  });
});


describe("in Chinese", () => {
  // A job log with Chinese headers, as a Chinese bookkeeper's would have: no English comes from the data.
  const chineseHeaders = ["日期", "客户", "技术员", "金额", "NPS", "首次解决"];
  const chineseLog = (): Partial<OkrWorkbook> => ({
    readJobData: async () => ({ source: { kind: "table", table: "工作记录", headers: chineseHeaders }, sample, tables: ["工作记录"] }),
  });
  const live = (overrides: Partial<LiveKeyResult> = {}): LiveKeyResult => ({
    id: "delight:nps",
    objective: "让客户满意",
    name: "提高 NPS 分数",
    baseline: 40,
    current: 42,
    target: "",
    progress: 0.5,
    status: "At risk",
    isObjective: false,
    ...overrides,
  });

  /** English messages of the pane's catalogue that take no values, so they could only appear as they are. */
  const ENGLISH = Object.values(MESSAGES.en).filter((message) => !message.includes("{"));

  /** Every piece of text a person reads or hears: text nodes, and the names given in attributes. */
  function readableTexts(root: HTMLElement): string[] {
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? "");
    for (const element of root.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt"]) texts.push(element.getAttribute(name) ?? "");
    }
    return texts.map((text) => text.trim()).filter((text) => text !== "");
  }

  async function buildInChinese(workbook: OkrWorkbook) {
    const user = userEvent.setup();
    const view = render(<App workbook={workbook} today={today} locale="zh-CN" />);
    await user.click(await screen.findByLabelText("提高 NPS 分数"));
    await user.click(screen.getByRole("button", { name: "生成 OKR 表" }));
    await screen.findByText(/已生成“OKR 2026-Q1”/);
    return { user, ...view };
  }

  it("says in Chinese why it cannot build, naming the sheet", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook({ build: async () => ({ ok: false, problems: [{ code: "sheetProtected", sheet: "OKR 2026-Q1" }] }) });
    render(<App workbook={workbook} today={today} locale="zh-CN" />);
    await user.click(await screen.findByLabelText("提高 NPS 分数"));
    await user.click(screen.getByRole("button", { name: "生成 OKR 表" }));
    expect(await screen.findByText("工作表“OKR 2026-Q1”受保护。请先撤销保护（审阅 > 撤销工作表保护），再重新生成。")).toBeTruthy();
  });

  it("speaks Chinese throughout, and writes Chinese names under the same ids", async () => {
    const user = userEvent.setup();
    const { workbook, built } = fakeWorkbook(chineseLog());
    const { container } = render(<App workbook={workbook} today={today} locale="zh-CN" />);

    expect(await screen.findByText(/表格“工作记录”，共 6 列。/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "OKR 表生成器" })).toBeTruthy();
    expect(container.querySelector("main")?.getAttribute("lang")).toBe("zh-CN");
    const delight = screen.getByRole("region", { name: "让客户满意" });
    await user.click(within(delight).getByLabelText("提高 NPS 分数"));
    expect(within(delight).getByText("NPS 分数（净推荐值）：推荐者（9–10 分）占比减去贬损者（0–6 分）占比，范围 -100 到 100")).toBeTruthy();
    await user.type(within(delight).getByLabelText("目标值"), "45");
    await user.click(screen.getByRole("button", { name: "生成 OKR 表" }));

    expect(await screen.findByText("已生成“OKR 2026-Q1”，包含 1 个关键结果。您在表中输入的目标值和备注会在重新生成时保留。")).toBeTruthy();
    // The text is the user's to rename; the ids a re-run matches rows by are the English build's.
    expect(built[0].keyResults).toMatchObject([{ id: "delight:nps", objectiveId: "delight", objective: "让客户满意", name: "提高 NPS 分数", kpi: "nps", type: "increase", target: 45 }]);
  });

  it("leaves no English message in the pane, the columns and functions opened", async () => {
    const { workbook, setLive } = fakeWorkbook(chineseLog());
    const { user } = await buildInChinese(workbook);
    setLive([live(), live({ id: "objective:delight", name: "让客户满意", isObjective: true, status: "On track", progress: 0.8 })]);
    await screen.findByText("有风险");
    // A share's target hint gives an example, written as Chinese writes percentages.
    await user.click(screen.getByLabelText("首次上门就解决更多工单"));
    expect(screen.getByText("例如 90%")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "使用的列" }));
    await user.click(screen.getByRole("button", { name: "KPI 函数" }));
    await screen.findByRole("combobox", { name: "工单日期" });

    const leaked = readableTexts(document.body).filter((text) => ENGLISH.includes(text));
    expect(leaked).toEqual([]);
    // Every button, and every field through its label, is named in Chinese.
    const names = screen.getAllByRole("button").map((button) => button.getAttribute("aria-label") ?? button.textContent ?? "");
    const labels = [...document.body.querySelectorAll("label")].map((label) => label.textContent ?? "");
    expect([...names, ...labels].filter((name) => name.trim() !== "" && !/\p{Script=Han}/u.test(name))).toEqual([]);
  });

  it("shows statuses, progress and the suggested target in Chinese, while the sheet keeps its English status", async () => {
    const { workbook, setLive } = fakeWorkbook(chineseLog());
    await buildInChinese(workbook);
    setLive([live({ status: "Check target" })]);
    expect(await screen.findByText("请检查目标值")).toBeTruthy();
    expect(screen.queryByText("Check target")).toBeNull();
    setLive([live({ status: "On track" })]);
    expect(await screen.findByText("进展顺利")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "提高 NPS 分数：50%" })).toBeTruthy();
    expect(screen.getByText("建议目标值 44（基线 40，+10%）")).toBeTruthy();
    // A status the pane does not know (a user's own text) is shown as it is.
    setLive([live({ status: "Paused" })]);
    expect(await screen.findByText("Paused")).toBeTruthy();
  });

  it("words check-ins and their failures in Chinese, with the confidence written in English", async () => {
    const checkIns: unknown[][] = [];
    const { workbook } = fakeWorkbook({ ...chineseLog(), recordCheckIn: async (...args) => (checkIns.push(args), 2) });
    const { user } = await buildInChinese(workbook);
    await user.selectOptions(screen.getByRole("combobox", { name: "信心指数" }), "低");
    await user.click(screen.getByRole("button", { name: "记录进展" }));
    expect(await screen.findByText("已在“Check-ins”工作表中记录 2 个关键结果的进展。")).toBeTruthy();
    expect(checkIns[0][2]).toBe("Low");
  });

  it("names a target it cannot read in Chinese", async () => {
    const { workbook, built } = fakeWorkbook(chineseLog());
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} locale="zh-CN" />);
    await user.click(await screen.findByLabelText("提高 NPS 分数"));
    await user.type(screen.getByLabelText("目标值"), "很多");
    await user.click(screen.getByRole("button", { name: "生成 OKR 表" }));
    expect(await screen.findByText("“提高 NPS 分数”的目标值：“很多”不是数字。")).toBeTruthy();
    expect(built).toHaveLength(0);
  });

  it("says how far a plain range reaches, with numbers grouped", async () => {
    const range = { kind: "range" as const, sheet: "工作记录", headers: chineseHeaders, headerRow: 3, firstColumn: 1, lastRow: 1013 };
    const { workbook } = fakeWorkbook({ readJobData: async () => ({ source: range, sample, tables: [] }) });
    render(<App workbook={workbook} today={today} locale="zh-CN" />);
    expect(await screen.findByText(/公式读取第 4 行到第 1,013 行/)).toBeTruthy();
    expect(screen.getByText(/工作表“工作记录”，共 6 列。/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "转换为表格" })).toBeTruthy();
  });

  it("has no accessibility violations", async () => {
    const { workbook, setLive } = fakeWorkbook({ ...chineseLog(), recordCheckIn: () => Promise.reject(new Error("locked")) });
    const { user } = await buildInChinese(workbook);
    setLive([live()]);
    await screen.findByText("有风险");
    await user.click(screen.getByRole("button", { name: "记录进展" }));
    await screen.findByText("无法记录进展：Error: locked");
    expect(await axe(document.body)).toHaveNoViolations();
  });
});

describe("plurals", () => {
  const oneColumn = (count: number): Partial<OkrWorkbook> => ({
    readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers: headers.slice(0, count) }, sample, tables: ["Jobs"] }),
  });

  it.each([
    ["en", 1, 'Table "Jobs", 1 column.'],
    ["en", 2, 'Table "Jobs", 2 columns.'],
    ["zh-CN", 1, "表格“Jobs”，共 1 列。"],
    ["zh-CN", 2, "表格“Jobs”，共 2 列。"],
  ] as const)("counts columns in %s: %p", async (locale, count, text) => {
    const { workbook } = fakeWorkbook(oneColumn(count));
    render(<App workbook={workbook} today={today} locale={locale} />);
    expect(await screen.findByText(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))).toBeTruthy();
  });

  it.each([
    ["en", 1, 'Built "OKR 2026-Q1" with 1 key result.'],
    ["en", 2, 'Built "OKR 2026-Q1" with 2 key results.'],
    ["zh-CN", 1, "已生成“OKR 2026-Q1”，包含 1 个关键结果。"],
    ["zh-CN", 2, "已生成“OKR 2026-Q1”，包含 2 个关键结果。"],
  ] as const)("counts key results built in %s: %p", async (locale, count, text) => {
    const { workbook } = fakeWorkbook({ build: async (settings) => ({ ok: true, sheet: settings.title, keyResults: count }) });
    const user = userEvent.setup();
    render(<App workbook={workbook} today={today} locale={locale} />);
    await user.click(await screen.findByLabelText(locale === "en" ? "Raise NPS" : "提高 NPS 分数"));
    await user.click(screen.getByRole("button", { name: locale === "en" ? "Build OKR sheet" : "生成 OKR 表" }));
    expect(await screen.findByText((content) => content.startsWith(text))).toBeTruthy();
  });
});
