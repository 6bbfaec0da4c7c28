/**
 * @jest-environment jsdom
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { PlanSettings } from "../okr/plan";
import { App } from "./App";
import { BuildResult, LiveKeyResult, OkrWorkbook } from "./okrWorkbook";

const headers = ["Job date", "Client", "Tech", "Invoice total", "NPS", "First-visit fix"];
const sample = [[46023.4, "Ann", "Bo", 120, 9, "yes"]];

function fakeWorkbook(overrides: Partial<OkrWorkbook> = {}) {
  const built: PlanSettings[] = [];
  let live: LiveKeyResult[] = [];
  let recalculate: () => void = () => undefined;
  const workbook: OkrWorkbook = {
    readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample, tables: ["Jobs"] }),
    build: async (settings): Promise<BuildResult> => {
      built.push(settings);
      return { ok: true, sheet: settings.title, keyResults: settings.keyResults.length };
    },
    readLive: async () => live,
    onCalculated: async (_, listener) => {
      recalculate = listener;
      return async () => undefined;
    },
    recordCheckIn: async () => 1,
    insertSampleData: async () => ({ ok: true }),
    ...overrides,
  };
  const setLive = (next: LiveKeyResult[]) => {
    live = next;
    recalculate();
  };
  return { workbook, built, setLive };
}

const today = new Date(2026, 10, 24); // 2026-11-24: the current quarter is 2026-Q4

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

    expect(await screen.findByText(/Built "OKR 2026-Q4" with 2 key results/)).toBeTruthy();
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({
      title: "OKR 2026-Q4",
      period: { label: "2026-Q4", from: 46296, to: 46387 },
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

  it("shows why it cannot build", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook({ build: async () => ({ ok: false, problem: 'The sheet "OKR 2026-Q4" is protected.' }) });
    render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    expect(await screen.findByText('The sheet "OKR 2026-Q4" is protected.')).toBeTruthy();
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
    const { workbook } = fakeWorkbook({ readJobData: async () => ({ problem: 'No job data found: the sheet "Sheet1" is empty and the workbook has no table.' }) });
    render(<App workbook={workbook} today={today} />);
    expect(await screen.findByText(/No job data found/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Build OKR sheet" })).toBeNull();
  });

  it("offers sample data when there is no job log, then finds it", async () => {
    const user = userEvent.setup();
    let inserted = false;
    const { workbook } = fakeWorkbook({
      readJobData: async () => (inserted ? { source: { kind: "table", table: "Jobs", headers }, sample, tables: ["Jobs"] } : { problem: "No job data found." }),
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
    await waitFor(async () => expect(await axe(container)).toHaveNoViolations());
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
    expect(await screen.findByText("Suggested: 44")).toBeTruthy();
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
    await screen.findByText(/Built "OKR 2026-Q4"/);
    expect(built[0].keyResults[0].objective).toBe("Wow every customer");

    await user.selectOptions(screen.getByLabelText("Confidence"), "Low");
    await user.type(screen.getByLabelText("Check-in note"), "van broke down");
    await user.click(screen.getByRole("button", { name: "Record check-in" }));
    expect(await screen.findByText("Recorded a check-in of 2 key results in the Check-ins sheet.")).toBeTruthy();
    expect(checkIns).toEqual([["OKR 2026-Q4", today, "Low", "van broke down"]]);
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
});
