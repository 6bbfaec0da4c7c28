import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { registerLinearUnique } from "../backends/linearUnique";

/** The demo's one-pass UNIQUE keeps HyperFormula's arguments and results, and compares as Excel does. */

registerLinearUnique();

/** What UNIQUE spills from B1 over the values in column A (an array formula when `formula` says so). */
function spill(column: RawCellContent[], formula: string): unknown[][] {
  const hf = HyperFormula.buildFromArray(
    column.map((value, i) => [value, i === 0 ? formula : null]),
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const values = hf.getSheetValues(0).map((row) => row.slice(1).filter((value) => value !== null && value !== undefined));
  hf.destroy();
  return values.filter((row) => row.length > 0);
}

describe("UNIQUE in the demo's HyperFormula", () => {
  it.each([
    ["any case, accents kept", ["Ann", "ann", "Bo", "Renée", "Renee", "ANN"], "=UNIQUE(A1:A6)", [["Ann"], ["Bo"], ["Renée"], ["Renee"]]],
    ["a number apart from its text", [1001, "'1001", 1001], "=UNIQUE(A1:A3)", [[1001], ["1001"]]],
    ["exactly once", ["a", "A", "b", "c", "c"], "=UNIQUE(A1:A5,FALSE(),TRUE())", [["b"]]],
    ["counted", ["x", "y", "x", "z"], "=ROWS(UNIQUE(A1:A4))", [[3]]],
  ])("%s", (_, column, formula, expected) => {
    expect(spill(column as RawCellContent[], formula)).toEqual(expected);
  });

  it("compares whole rows, and columns when asked", () => {
    const hf = HyperFormula.buildFromArray([["a", 1, "=UNIQUE(A1:B3)"], ["A", 1], ["a", 2], ["=UNIQUE({1,1,2},TRUE())"]], { licenseKey: "gpl-v3", useArrayArithmetic: true });
    expect(hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: 1, col: 3 } })).toEqual([["a", 1], ["a", 2]]);
    expect(hf.getRangeValues({ start: { sheet: 0, row: 3, col: 0 }, end: { sheet: 0, row: 3, col: 1 } })).toEqual([[1, 2]]);
    hf.destroy();
  });

  describe("edge cases", () => {
    it.each([
      ["nothing occurs exactly once", ["a", "a"], "=UNIQUE(A1:A2,FALSE(),TRUE())", "#N/A"],
      ["an error in the range", [1, "=1/0"], "=UNIQUE(A1:A2)", "#DIV/0!"],
    ])("%s", (_, column, formula, error) => {
      const value = spill(column as RawCellContent[], formula)[0][0];
      expect(value).toBeInstanceOf(DetailedCellError);
      expect((value as DetailedCellError).value).toBe(error);
    });

    it("keeps blanks as one value", () => {
      expect(spill(["a", null, null, "a"], "=ROWS(UNIQUE(A1:A4))")).toEqual([[2]]);
    });
  });
});
