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
    readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample }),
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

    setLive([{ id: "delight:nps", objective: "Delight customers", name: "Raise NPS", current: 30, target: 45, progress: 0.5, status: "At risk", isObjective: false }]);
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

  it("has no accessibility violations", async () => {
    const user = userEvent.setup();
    const { workbook } = fakeWorkbook();
    const { container } = render(<App workbook={workbook} today={today} />);
    await user.click(await screen.findByLabelText(/Raise NPS/));
    await waitFor(async () => expect(await axe(container)).toHaveNoViolations());
  });
});
