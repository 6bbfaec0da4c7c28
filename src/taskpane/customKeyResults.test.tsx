/**
 * @jest-environment jsdom
 */
import { fakeWorkbook } from "./fakeWorkbook";
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PlanSettings } from "../okr/plan";
import { BuildResult } from "../okr/workbook";
import { App } from "./App";

/**
 * Objectives and key results of the user's own, through the pane: added and named with the keyboard,
 * a formula taken from the cells selected in Excel, built, built again with what was typed, renamed
 * under the same id; and what the pane refuses.
 */

configure({ asyncUtilTimeout: 5000 });
// The first test renders the whole pane cold and types a lot: generous, for a shared, slow machine.
jest.setTimeout(90_000);

const headers = ["Job date", "Client", "Tech", "Invoice total", "NPS", "First-visit fix"];
const today = new Date(2026, 10, 24);

function workbookBuilding(readSelectedAddress: () => Promise<string> = async () => "'Accounts 2025'!B12") {
  const built: PlanSettings[] = [];
  const workbook = fakeWorkbook({
    readJobData: async () => ({ source: { kind: "table", table: "Jobs", headers }, sample: [[46023.4, "Ann", "Bo", 120, 9, "yes"]], tables: ["Jobs"] }),
    build: async (settings): Promise<BuildResult> => {
      built.push(settings);
      return { ok: true, sheet: settings.title, keyResults: settings.keyResults.length };
    },
    buildScorecard: async (settings) => ({ ok: true, sheet: settings.title, technicians: 1 }),
    readLive: async () => [],
    onCalculated: async () => async () => undefined,
    recordCheckIn: async () => 0,
    insertSampleData: async () => ({ ok: true }),
    makeJobTable: async () => ({ ok: true, table: "Jobs" }),
    readSelectedAddress,
  });
  return { workbook, built };
}

/** Adds an objective named `name` from the keyboard: typed, then Enter. */
async function addObjective(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByLabelText("New objective"));
  await user.keyboard(`${name}{Enter}`);
  return screen.findByRole("region", { name });
}

describe("key results of the user's own in the pane", () => {
  it("adds an objective and a formula key result from the selected cells with the keyboard, and builds them", async () => {
    const user = userEvent.setup();
    const { workbook, built } = workbookBuilding();
    render(<App workbook={workbook} today={today} />);
    const money = await addObjective(user, "Make money");
    expect(within(money).getByText("Add a key result: an objective without any is not written to the sheet.")).toBeTruthy();

    await user.click(within(money).getByRole("button", { name: "Add a key result of your own" }));
    // The new key result's name takes the focus: type over it.
    const name = within(money).getByLabelText("Key result");
    expect(document.activeElement).toBe(name);
    await user.keyboard("{Control>}a{/Control}Revenue from the accounts");
    const kr = within(money).getByRole("group", { name: "Your key result: Revenue from the accounts" });
    await user.click(within(kr).getByRole("button", { name: "Use the selected cells" }));
    expect((within(kr).getByLabelText("Formula of the current value") as HTMLInputElement).value).toBe("='Accounts 2025'!B12");
    await user.selectOptions(within(kr).getByLabelText("Shown as"), "Money");
    await user.type(within(kr).getByLabelText("Target"), "120,000");
    await user.type(within(kr).getByLabelText("Baseline"), "100000");
    // A KPI over the job log too, in the same objective.
    await user.selectOptions(within(money).getByLabelText("Key result from the job log"), "Net Promoter Score");
    await user.click(within(money).getByRole("button", { name: "Add" }));
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));

    expect(await screen.findByText(/with 2 key results/)).toBeTruthy();
    const [revenue, nps] = built[0].keyResults;
    expect(revenue.objectiveId).toMatch(/^own:[0-9a-z]+$/);
    expect(revenue).toEqual({
      id: expect.stringMatching(/^custom:[0-9a-z]+$/),
      objectiveId: revenue.objectiveId,
      objective: "Make money",
      name: "Revenue from the accounts",
      type: "increase",
      target: 120000,
      baseline: 100000,
      owner: "",
      weight: 1,
      custom: { kind: "formula", format: "currency", formula: "='Accounts 2025'!B12" },
    });
    expect(nps).toMatchObject({ id: `${revenue.objectiveId}:nps`, objectiveId: revenue.objectiveId, objective: "Make money", kpi: "nps", name: "Net Promoter Score" });

    // Built again, renamed: what was typed is still there, and the ids stay.
    await user.clear(within(money).getByLabelText("Objective name"));
    await user.type(within(money).getByLabelText("Objective name"), "Grow the business");
    await user.click(screen.getByRole("button", { name: "Build again" }));
    await screen.findAllByText(/with 2 key results/);
    expect(built[1].keyResults.map((k) => [k.id, k.objectiveId, k.objective])).toEqual(built[0].keyResults.map((k) => [k.id, k.objectiveId, "Grow the business"]));
    expect(built[1].keyResults[0]).toMatchObject({ target: 120000, baseline: 100000, custom: { formula: "='Accounts 2025'!B12" } });
  });

  it("builds a number typed by hand in a template objective, and leaves an empty objective out", async () => {
    const user = userEvent.setup();
    const { workbook, built } = workbookBuilding();
    render(<App workbook={workbook} today={today} />);
    await addObjective(user, "Nothing yet");
    const delight = screen.getByRole("region", { name: "Delight customers" });
    await user.click(within(delight).getByRole("button", { name: "Add a key result of your own" }));
    const kr = within(delight).getByRole("group", { name: "Your key result: New key result" });
    await user.click(within(kr).getByLabelText("A number I type at each check-in"));
    await user.selectOptions(within(kr).getByLabelText("Shown as"), "Percentage");
    await user.type(within(kr).getByLabelText("Current value"), "72");
    await user.type(within(kr).getByLabelText("Target"), "80");
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));

    expect(await screen.findByText(/with 1 key result\b/)).toBeTruthy();
    expect(built[0].keyResults).toEqual([
      expect.objectContaining({ objectiveId: "delight", objective: "Delight customers", name: "New key result", target: 0.8, custom: { kind: "manual", format: "percent", current: 0.72 } }),
    ]);
  });

  it("refuses text that is no formula, naming it, and builds nothing", async () => {
    const user = userEvent.setup();
    const { workbook, built } = workbookBuilding();
    render(<App workbook={workbook} today={today} />);
    const money = await addObjective(user, "Make money");
    await user.click(within(money).getByRole("button", { name: "Add a key result of your own" }));
    await user.type(within(money).getByLabelText("Formula of the current value"), "Accounts B12");
    await user.click(screen.getByRole("button", { name: "Build OKR sheet" }));
    expect(await screen.findByText('Formula of "New key result": "Accounts B12" does not start with =.')).toBeTruthy();
    expect(built).toEqual([]);
  });

  it("says when the selected cells cannot be read, and removes a key result and an objective", async () => {
    const user = userEvent.setup();
    const { workbook } = workbookBuilding(() => Promise.reject(new Error("a chart is selected")));
    render(<App workbook={workbook} today={today} />);
    const money = await addObjective(user, "Make money");
    await user.click(within(money).getByRole("button", { name: "Add a key result of your own" }));
    await user.click(within(money).getByRole("button", { name: "Use the selected cells" }));
    expect(await within(money).findByText(/The selected cells could not be read: Error: a chart is selected/)).toBeTruthy();
    await user.click(within(money).getByRole("button", { name: 'Remove "New key result"' }));
    expect(within(money).queryByRole("group")).toBeNull();
    await user.click(within(money).getByRole("button", { name: 'Remove objective "Make money"' }));
    expect(screen.queryByRole("region", { name: "Make money" })).toBeNull();
    expect(screen.getByRole("button", { name: "Build OKR sheet" })).toHaveProperty("disabled", true);
  });
});
