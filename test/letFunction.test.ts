import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { registerLet } from "../backends/letFunction";

/** The demo's LET gives what Excel's does: each name its value, in order, inside the LET only. */

registerLet();

/** The value of `formula` in B1 over the values in column A. */
function value(formula: string, column: RawCellContent[] = []): unknown {
  const rows = Math.max(column.length, 1);
  const hf = HyperFormula.buildFromArray(
    Array.from({ length: rows }, (_, i) => [column[i] ?? null, i === 0 ? formula : null]),
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const result = hf.getCellValue({ sheet: 0, row: 0, col: 1 });
  hf.destroy();
  return result;
}

describe("LET in the demo's HyperFormula", () => {
  it.each([
    ["one name", "=LET(x,5,SUM(x,1))", [], 6],
    ["a name from the one before", "=LET(x,2,y,x*3,x+y)", [], 8],
    ["any case", "=let(Total,A1+A2,TOTAL*2)", [3, 4], 14],
    ["a range", "=LET(v,A1:A3,SUM(v)/COUNT(v))", [2, 4, 9], 5],
    // An array used twice in one expression: each use sees the array itself, not what the other made of it.
    ["an array used twice", "=LET(i,SEQUENCE(3),SUM(i-(i>1)))", [], 1 + 1 + 2],
    ["a sorted array by position", "=LET(s,SORT(A1:A4),SUM((s>INDEX(s,SEQUENCE(4)-(SEQUENCE(4)>1)))*1))", ["b", "a", "b", "c"], 2],
    ["a LET inside a LET, naming x again", "=LET(x,1,y,LET(x,10,x+1),x+y)", [], 12],
  ])("%s: %s is %p", (_, formula, column, expected) => {
    expect(value(formula, column as RawCellContent[])).toBe(expected);
  });

  it("computes arrays as arrays even where the engine computes other formulas cell by cell", () => {
    const hf = HyperFormula.buildFromArray([["=LET(x,SEQUENCE(3),SUM(x*2))"]], { licenseKey: "gpl-v3" });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(2 + 4 + 6);
    hf.destroy();
  });

  it("recalculates when a cell it reads changes", () => {
    const hf = HyperFormula.buildFromArray([[2, "=LET(x,A1*10,x+1)"]], { licenseKey: "gpl-v3" });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(21);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 3);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(31);
    hf.destroy();
  });

  describe("edge cases", () => {
    it.each([
      ["no calculation", "=LET(x,1)", "#N/A"],
      ["a value that is not a name", "=LET(1,2,3)", "#VALUE!"],
      ["an error value in a value", "=LET(x,1/0,x+1)", "#DIV/0!"],
      ["a name used outside its LET", "=LET(x,1,x)+x", "#NAME?"],
    ])("%s: %s is %s", (_, formula, error) => {
      const result = value(formula);
      expect(result).toBeInstanceOf(DetailedCellError);
      expect((result as DetailedCellError).value).toBe(error);
    });

    it("leaves a name it does not define to the workbook", () => {
      const hf = HyperFormula.buildFromArray([["=LET(x,1,x+rate)"]], { licenseKey: "gpl-v3" });
      hf.addNamedExpression("rate", "=2");
      expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(3);
      hf.destroy();
    });
  });
});
