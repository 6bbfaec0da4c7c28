import { GOOGLE_RATING, OWN_OBJECTIVE, revenueFromAccounts } from "./customKeyResultFixtures";
import { buildPlan, PlanSettings, planProblems, TABLE_COLUMNS } from "./plan";
import { renderProblem } from "./problems";

/** Key results of the user's own in an objective of the user's own, beside one over the job log; the formula with spaces to trim. */
const REVENUE = { ...revenueFromAccounts(" ='Accounts'!B12 "), owner: "Ann" };
const headers = ["Date", "NPS"];
const settings: PlanSettings = {
  title: "OKR 2026-Q3",
  period: { from: 46204, to: 46295 },
  mode: "portable",
  source: { kind: "table", table: "Jobs", headers },
  columns: { date: 0, nps: 1 },
  keyResults: [REVENUE, GOOGLE_RATING, { id: "own:money:nps", ...OWN_OBJECTIVE, name: "Happy customers pay", kpi: "nps", type: "increase", target: 50 }],
};

const column = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);
/** A row of the plan by its id, with the values of some columns. */
const cellsOf = (rows: readonly (readonly unknown[])[], id: string, names: readonly (typeof TABLE_COLUMNS)[number][]) => {
  const row = rows.find((r) => r[column("Id")] === id);
  return row && Object.fromEntries(names.map((name) => [name, row[column(name)]]));
};

describe("custom key results on the plan", () => {
  const plan = buildPlan(settings);
  const rows = plan.table.formulas;

  it("sit under their objective, which rolls them up with the KPI key result", () => {
    expect(rows.slice(1).map((row) => row[column("Id")])).toEqual(["objective:own:money", "custom:rev", "custom:reviews", "own:money:nps"]);
    expect(rows[1][column("Objective")]).toBe("Make money");
    expect(rows.slice(2).map((row) => row[column("Objective id")])).toEqual(["objective:own:money", "objective:own:money", "objective:own:money"]);
  });

  it("write the user's formula as a formula, the baseline typed and no earlier periods", () => {
    // Row 11: Baseline E, Target F, Current G; Progress L waits for target, value and baseline.
    expect(rows[2]).toEqual(
      TABLE_COLUMNS.map((name) => ({
        Objective: "Make money",
        "Key result": "Revenue from the accounts",
        KPI: "Custom formula (currency)",
        Type: "Increase to",
        Baseline: 100000,
        Target: 120000,
        Current: "='Accounts'!B12",
        Progress: '=IF(OR(F11="",G11="",E11=""),"",IF(F11=E11,IF(G11>=F11,1,0),MAX(0,MIN(1,(G11-E11)/(F11-E11)))))',
        Expected: "=$B$7",
        // Read from its own row; the rule itself is statusFormula's (status.test.ts).
        Status: expect.stringMatching(/^=IF\(L11="","",IF\(F11<=E11,"Check target",IF\(L11>=1-1e-9,"Done",/),
        Owner: "Ann",
        Weight: 1,
        Notes: "",
        Id: "custom:rev",
        "Objective id": "objective:own:money",
        "Weighted progress": '=IF(OR(L11="",P11=""),"",L11*P11)',
      })[name as string] ?? null),
    );
  });

  it("write a typed number as a number, with progress from it alone for a stay-above key result", () => {
    expect(cellsOf(rows, "custom:reviews", ["KPI", "Baseline", "Current", "Previous period", "vs last year", "Progress"])).toEqual({
      KPI: "Custom number (number)",
      Baseline: null,
      Current: 4.2,
      "Previous period": null,
      "vs last year": null,
      Progress: '=IF(OR(F12="",G12=""),"",IF(G12>=F12,1,0))',
    });
  });

  it("leave a key result over the log as it was", () => {
    expect(cellsOf(rows, "own:money:nps", ["Baseline", "Progress"])).toEqual({
      Baseline: expect.stringContaining("Jobs[[NPS]]"),
      Progress: '=IF(F13="","",IF(F13=E13,IF(G13>=F13,1,0),MAX(0,MIN(1,(G13-E13)/(F13-E13)))))',
    });
  });

  it("use KPI.PROGRESS in KPI-function mode, with the same blanks", () => {
    expect(buildPlan({ ...settings, mode: "kpi" }).table.formulas[2][column("Progress")]).toBe('=IF(OR(F11="",G11="",E11=""),"",KPI.PROGRESS(E11,F11,G11))');
  });

  it("format values as chosen: money, a plain number", () => {
    expect(plan.table.numberFormats[2][column("Current")]).toBe("#,##0.00");
    expect(plan.table.numberFormats[2][column("Baseline")]).toBe("#,##0.00");
    expect(plan.table.numberFormats[3][column("Target")]).toBe("0.00");
    const percent = buildPlan({ ...settings, keyResults: [{ ...GOOGLE_RATING, custom: { kind: "manual", format: "percent" } }] });
    expect(percent.table.numberFormats[2][column("Current")]).toBe("0.0%");
  });
});

describe("re-running with custom key results", () => {
  const first = buildPlan(settings).table.formulas;
  /** The first build as the user left it: a new formula, a new baseline, this month's number typed. */
  const edited = first.map((row) => row.slice());
  edited[2][column("Current")] = "=SUM(Accounts!B2:B11)";
  edited[2][column("Baseline")] = 90000;
  edited[3][column("Current")] = 4.6;
  edited[3][column("Baseline")] = 4.1;

  it("keeps the formula edited on the sheet, the baseline and the number typed", () => {
    const again = buildPlan(settings, edited).table.formulas;
    expect(cellsOf(again, "custom:rev", ["Current", "Baseline", "Target", "Owner"])).toEqual({ Current: "=SUM(Accounts!B2:B11)", Baseline: 90000, Target: 120000, Owner: "Ann" });
    expect(cellsOf(again, "custom:reviews", ["Current", "Baseline"])).toEqual({ Current: 4.6, Baseline: 4.1 });
  });

  it("keeps a cleared value cleared: the sheet is where a written key result is edited", () => {
    const cleared = edited.map((row) => row.slice());
    cleared[3][column("Current")] = null;
    expect(cellsOf(buildPlan(settings, cleared).table.formulas, "custom:reviews", ["Current"])).toEqual({ Current: null });
  });

  it("rebuilds a dropped custom key result where it is, from its own cells, with its format", () => {
    const plan = buildPlan({ ...settings, keyResults: [settings.keyResults[2]] }, edited);
    const again = plan.table.formulas;
    expect(again.slice(1).map((row) => row[column("Id")])).toEqual(["objective:own:money", "custom:rev", "custom:reviews", "own:money:nps"]);
    expect(cellsOf(again, "custom:rev", ["Objective", "Key result", "KPI", "Type", "Baseline", "Target", "Current", "Owner", "Progress"])).toEqual({
      Objective: "Make money",
      "Key result": "Revenue from the accounts",
      KPI: "Custom formula (currency)",
      Type: "Increase to",
      Baseline: 90000,
      Target: 120000,
      Current: "=SUM(Accounts!B2:B11)",
      Owner: "Ann",
      Progress: '=IF(OR(F11="",G11="",E11=""),"",IF(F11=E11,IF(G11>=F11,1,0),MAX(0,MIN(1,(G11-E11)/(F11-E11)))))',
    });
    expect(plan.table.numberFormats[2][column("Current")]).toBe("#,##0.00");
  });

  it("rebuilds a dropped one moved by a sort with formulas for the row it is on now", () => {
    const sorted = [edited[0], edited[3], edited[1], edited[2], edited[4]]; // the user sorted Google rating to the top
    const again = buildPlan({ ...settings, keyResults: [settings.keyResults[2]] }, sorted).table.formulas;
    expect(cellsOf(again, "custom:reviews", ["Current", "Progress", "Weighted progress"])).toEqual({
      Current: 4.6,
      Progress: '=IF(OR(F10="",G10=""),"",IF(G10>=F10,1,0))',
      "Weighted progress": '=IF(OR(L10="",P10=""),"",L10*P10)',
    });
  });

  it("keeps a dropped one whose KPI cell the user retyped as it is, never losing it", () => {
    const retyped = edited.map((row) => row.slice());
    retyped[2][column("KPI")] = "Revenue (accounts)";
    const again = buildPlan({ ...settings, keyResults: [settings.keyResults[2]] }, retyped).table.formulas;
    expect(again[2]).toEqual(retyped[2]);
  });
});

describe("planProblems for custom key results", () => {
  it("needs no job-log column for them", () => {
    expect(planProblems({ ...settings, columns: { date: 0 }, keyResults: [REVENUE, GOOGLE_RATING] })).toEqual([]);
  });

  it.each([
    ["Revenue", "noEquals", 'The value of "Revenue from the accounts" is not a formula Excel can take: "Revenue" does not start with =.'],
    ["=SUM(Accounts!B2:B11", "parentheses", 'The value of "Revenue from the accounts" is not a formula Excel can take: "=SUM(Accounts!B2:B11" has unmatched parentheses.'],
  ])("refuses text that is no formula: %p", (formula, fault, message) => {
    const problems = planProblems({ ...settings, keyResults: [revenueFromAccounts(formula)] });
    expect(problems).toEqual([{ code: "notAFormula", keyResult: "Revenue from the accounts", formula, fault }]);
    expect(renderProblem(problems[0], "en")).toBe(message);
    expect(renderProblem(problems[0], "zh-CN")).toContain(formula);
  });
});
