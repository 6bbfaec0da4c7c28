import { circularProblems, circularReference } from "./circularReferences";
import { formulaReferences } from "./formulaReferences";
import { buildPlan, CustomKeyResult, KeyResultInput, PlanSettings, TABLE_COLUMNS } from "./plan";

/**
 * The sheet "OKR 2026-Q3", table OKR_2026_Q3, header on row 9, laid out by hand from TABLE_COLUMNS:
 * row 10 the objective, 11 the custom formula KR, 12 a typed number, 13 NPS over the job log.
 * Columns: C KPI, E Baseline, G Current, L Progress, N Status, T Weighted progress.
 */
const own = { objectiveId: "own:money", objective: "Make money", type: "increase", target: 120000, baseline: 100000 } as const;
const formulaKr = (formula: string, id = "custom:rev"): CustomKeyResult => ({ ...own, id, name: `Revenue ${id}`, custom: { kind: "formula", format: "currency", formula } });
const typed: CustomKeyResult = { ...own, id: "custom:typed", name: "Typed", custom: { kind: "manual", format: "number", current: 4 } };
const nps: KeyResultInput = { id: "own:money:nps", objectiveId: "own:money", objective: "Make money", name: "NPS", kpi: "nps", type: "increase", target: 50 };

const settings = (keyResults: KeyResultInput[]): PlanSettings => ({
  title: "OKR 2026-Q3",
  period: { from: 46204, to: 46295 },
  mode: "portable",
  source: { kind: "table", table: "Jobs", headers: ["Date", "NPS"] },
  columns: { date: 0, nps: 1 },
  keyResults,
});
const planWith = (formula: string) => buildPlan(settings([formulaKr(formula), typed, nps]));

describe("circularReference", () => {
  it("lays the sheet out as the cases assume", () => {
    const plan = planWith("=1");
    const at = (row: number, name: (typeof TABLE_COLUMNS)[number]) => plan.table.formulas[row - 9][TABLE_COLUMNS.indexOf(name)];
    expect([10, 11, 12, 13].map((row) => at(row, "Id"))).toEqual(["objective:own:money", "custom:rev", "custom:typed", "own:money:nps"]);
    expect(["C", "E", "G", "L", "N", "T"].map((letters) => TABLE_COLUMNS[letters.charCodeAt(0) - 65])).toEqual(["KPI", "Baseline", "Current", "Progress", "Status", "Weighted progress"]);
    expect(plan.table.name).toBe("OKR_2026_Q3");
    // Its own Progress reads G11; the objective's reads every Weighted progress, T11 among them.
    expect(formulaReferences(String(at(11, "Progress"))).map((r) => r.text)).toContain("G11");
    expect(formulaReferences(String(at(10, "Progress"))).map((r) => r.text)).toContain("$T$10:$T$13");
  });

  it.each([
    ["=G11*2", "G11"],
    ["=g11+1", "g11"],
    ["=$G$11", "$G$11"],
    ["='OKR 2026-Q3'!G11", "'OKR 2026-Q3'!G11"],
    ["='okr 2026-q3'!$g$11", "'okr 2026-q3'!$g$11"],
    ["=L11*100", "L11"],
    ['=IF(N11="Done",1,0)', "N11"],
    ["=T11", "T11"],
    ["=L10", "L10"],
    ['=IF(N10="On track",1,0)', "N10"],
    ["=SUM(G:G)", "G:G"],
    ["=SUM(g$10:G$20)", "g$10:G$20"],
    ["=SUM(11:11)", "11:11"],
    ["=SUM(OKR_2026_Q3[Current])", "OKR_2026_Q3[Current]"],
    ["=okr_2026_q3[[#This Row],[Progress]]", "okr_2026_q3[[#This Row],[Progress]]"],
    ["=[@Current]*2", "[@Current]"],
    ["=SUM(OKR_2026_Q3[[Current]:[Progress]])", "OKR_2026_Q3[[Current]:[Progress]]"],
    ["=COUNT(OKR_2026_Q3)", "OKR_2026_Q3"],
    ["=Accounts!B2+G11", "G11"],
  ])("finds that %p reads its own value through %p", (formula, reference) => {
    expect(circularReference(planWith(formula), { row: 11, column: 6 })).toBe(reference);
  });

  it.each([
    ["=G13*2"],
    ["=L13"],
    ["=E11*1.1"],
    ["=G12"],
    ["=SUM(C:C)"],
    ["=B2"],
    ["='Accounts'!G11"],
    ["=Accounts!G:G"],
    ["='Bob''s sales'!G11"],
    ['=LEN("G11")'],
    ['=IF(C11="G11",1,2)'],
    ["=LOG10(G13)"],
    ["=OKR_2026_Q3[[#Headers],[Current]]"],
    ["=SUM(Jobs[NPS])"],
    ["=SUM(G12:G13)"],
  ])("lets %p be: it reads nothing computed from its own value", (formula) => {
    expect(circularReference(planWith(formula), { row: 11, column: 6 })).toBeUndefined();
  });

  it("follows one custom formula through another: each reads the other's value", () => {
    const plan = buildPlan(settings([formulaKr("=G12", "custom:a"), formulaKr("=G11+1", "custom:b")]));
    expect(circularReference(plan, { row: 11, column: 6 })).toBe("G12");
    expect(circularReference(plan, { row: 12, column: 6 })).toBe("G11");
  });

  describe("edge cases", () => {
    it("finds nothing for a cell that holds no formula", () => {
      expect(circularReference(planWith("=G11"), { row: 12, column: 6 })).toBeUndefined();
    });
  });
});

describe("circularProblems", () => {
  it("names the key result, its formula as written, the reference and its own Current cell", () => {
    const krs = [formulaKr(" =SUM(G:G) "), typed, nps];
    expect(circularProblems(buildPlan(settings(krs)), krs)).toEqual([
      { code: "circularReference", keyResult: "Revenue custom:rev", formula: "=SUM(G:G)", reference: "G:G", cell: "G11" },
    ]);
  });

  it("checks the row where a re-run puts the key result: moved below the typed number, =G12 reads itself", () => {
    const krs = [formulaKr("=G12"), typed, nps];
    const first = buildPlan(settings(krs));
    expect(circularProblems(first, krs)).toEqual([]);
    // The user moves the typed number's row above the formula's on the sheet.
    const [header, objective, formulaRow, typedRow, npsRow] = first.table.formulas;
    const rerun = buildPlan(settings(krs), [header, objective, typedRow, formulaRow, npsRow]);
    expect(circularProblems(rerun, krs)).toEqual([{ code: "circularReference", keyResult: "Revenue custom:rev", formula: "=G12", reference: "G12", cell: "G12" }]);
  });

  describe("edge cases", () => {
    it("leaves a formula the user changed on the sheet to them: a re-run keeps it", () => {
      const krs = [formulaKr("=100"), typed, nps];
      const first = buildPlan(settings(krs));
      const edited = first.table.formulas.map((row) => row.map((cell) => (cell === "=100" ? "=G11" : cell)));
      expect(circularProblems(buildPlan(settings(krs), edited), krs)).toEqual([]);
    });

    it("has nothing to say about typed numbers and KPI key results", () => {
      expect(circularProblems(buildPlan(settings([typed, nps])), [typed, nps])).toEqual([]);
    });
  });
});
