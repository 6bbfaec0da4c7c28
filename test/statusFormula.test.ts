import { HyperFormula, RawCellContent } from "hyperformula";
import { status } from "../src/kpi/okr";
import { statusFormula } from "../src/okr/status";
import { KrType } from "../src/okr/templates";
import { registerKpiFunctions } from "../backends/kpiPlugin";

/**
 * The Status formula in a real formula engine (HyperFormula), both modes: the portable one must give
 * the labels the rules say without the add-in, and the KPI.STATUS one the same.
 */

interface Case {
  progress: number | "";
  expected: number;
  type?: KrType;
  baseline: number;
  target: number;
}

// Columns A..D hold the inputs, E the portable formula, F the KPI.STATUS one.
function evaluate(cases: readonly Case[]): { portable: unknown; kpi: unknown }[] {
  const sheet: RawCellContent[][] = cases.map((c, i) => {
    const r = i + 1;
    const cells = { progress: `A${r}`, expected: `B${r}`, baseline: `C${r}`, target: `D${r}` };
    return [c.progress, c.expected, c.baseline, c.target, statusFormula("portable", c.type, cells), statusFormula("kpi", c.type, cells)];
  });
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const values = cases.map((_, row) => ({ portable: hf.getCellValue({ sheet: 0, row, col: 4 }), kpi: hf.getCellValue({ sheet: 0, row, col: 5 }) }));
  hf.destroy();
  return values;
}

registerKpiFunctions(); // before the describe blocks below evaluate their sheets

describe("the Status formula, worked out by hand", () => {
  const cases: [Case, string][] = [
    [{ progress: 0.45, expected: 0.5, type: "increase", baseline: 40, target: 60 }, "On track"],
    [{ progress: 0.3, expected: 0.5, type: "above", baseline: 90, target: 80 }, "At risk"], // exactly 0.5 − 2 × 0.1
    [{ progress: 0.29, expected: 0.5, type: "below", baseline: 2, target: 4 }, "Off track"],
    [{ progress: 0.7, expected: 0.8, baseline: 0, target: 0 }, "On track"], // an objective's row; 0.8 − 0.1 in floating point
    [{ progress: 0.95, expected: 1, type: "increase", baseline: 40, target: 60 }, "Missed"],
    [{ progress: 1, expected: 1, type: "decrease", baseline: 4, target: 2 }, "Done"],
    [{ progress: 1, expected: 0.5, type: "increase", baseline: 60, target: 40 }, "Check target"], // it fell to 40: not done
    [{ progress: 0, expected: 1, type: "decrease", baseline: 2, target: 4 }, "Check target"],
    [{ progress: 0.5, expected: 0.5, type: "increase", baseline: 50, target: 50 }, "Check target"],
    [{ progress: "", expected: 0.5, type: "increase", baseline: 60, target: 40 }, ""], // no target yet
  ];
  const values = evaluate(cases.map(([c]) => c));

  it.each(cases.map(([c, label], i) => [JSON.stringify(c), label, i] as const))("%s reads %p", (_, label, i) => {
    expect(values[i]).toEqual({ portable: label, kpi: label });
  });
});

describe("the Status formula over a grid of inputs", () => {
  const EPSILON = 1e-9;
  // Values right at each threshold (expected − 0.1, expected − 0.2, 1, 1 − ε), either side of them, and past the ends.
  const progresses: (number | "")[] = ["", -0.5, 0, 0.29, 0.3, 0.35, 0.39, 0.4, 0.45, 0.5, 0.59, 0.6, 0.69, 0.7, 0.99, 1 - EPSILON, 1, 1.2];
  const expecteds = [0, 0.5, 0.8, 1 - EPSILON, 1];
  const krs: Pick<Case, "type" | "baseline" | "target">[] = [
    { type: "increase", baseline: 40, target: 60 },
    { type: "increase", baseline: 60, target: 40 },
    { type: "increase", baseline: 50, target: 50 },
    { type: "increase", baseline: -20, target: -10 }, // NPS below zero, on its way up
    { type: "decrease", baseline: 4, target: 2 },
    { type: "decrease", baseline: 2, target: 4 },
    { type: "decrease", baseline: 3, target: 3 },
    { type: "above", baseline: 90, target: 80 },
    { type: "above", baseline: 80, target: 90 },
    { type: "below", baseline: 2, target: 4 },
    { type: undefined, baseline: 0, target: 0 },
  ];
  const cases: Case[] = progresses.flatMap((progress) => expecteds.flatMap((expected) => krs.map((kr) => ({ progress, expected, ...kr }))));
  const values = evaluate(cases);

  it("gives KPI.STATUS's label in both modes, for every input", () => {
    const mismatches = cases.flatMap((c, i) => {
      const want = c.progress === "" ? "" : status(c.progress, c.expected, null, c.type, c.baseline, c.target);
      return values[i].portable === want && values[i].kpi === want ? [] : [{ ...c, want, got: values[i] }];
    });
    expect(cases).toHaveLength(18 * 5 * 11);
    expect(mismatches).toEqual([]);
  });

  it("reaches every label", () => {
    expect(new Set(values.map((v) => v.portable))).toEqual(new Set(["", "Done", "On track", "At risk", "Off track", "Missed", "Check target"]));
  });
});
