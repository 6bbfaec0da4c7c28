import { HyperFormula, RawCellContent } from "hyperformula";
import { registerSortBy } from "../backends/sortByFunction";

/** The demo's SORTBY orders rows as Excel's does: by each key in turn, blanks last, errors shown. */

registerSortBy();

/** The values of `formula` in D1 over columns A:C (spilled down column D when it is an array), as text joined by commas. */
function spilled(formula: string, rows: RawCellContent[][]): unknown {
  const hf = HyperFormula.buildFromArray(
    rows.map((row, i) => [...row, i === 0 ? formula : null]),
    { licenseKey: "gpl-v3", useArrayArithmetic: true },
  );
  const value = (row: number) => hf.getCellValue({ sheet: 0, row, col: 3 });
  const first = value(0);
  const result = typeof first === "object" && first !== null && "type" in first ? first.type : rows.map((_, i) => value(i)).join(",");
  hf.destroy();
  return result;
}

describe("SORTBY in the demo's HyperFormula", () => {
  // A: names, B: first key, C: second key.
  const rows: RawCellContent[][] = [
    ["d", "b", 2],
    ["a", "a", 2],
    ["c", "b", 1],
    ["b", "a", 1],
  ];

  it.each([
    ["by one key, ties in their order", "=SORTBY(A1:A4,B1:B4,1)", "a,b,d,c"],
    ["by two keys", "=SORTBY(A1:A4,B1:B4,1,C1:C4,1)", "b,a,c,d"],
    ["the second key descending", "=SORTBY(A1:A4,B1:B4,1,C1:C4,-1)", "a,b,d,c"],
    ["the first key descending", "=SORTBY(A1:A4,B1:B4,-1,C1:C4,1)", "c,d,b,a"],
    ["the order left out: ascending", "=SORTBY(A1:A4,C1:C4)", "c,b,d,a"],
  ])("%s: %s", (_, formula, expected) => {
    expect(spilled(formula, rows)).toBe(expected);
  });

  it("puts numbers before text and blanks last, in either order", () => {
    const mixed: RawCellContent[][] = [["x", "b", null], ["y", null, null], ["z", 5, null]];
    expect(spilled("=SORTBY(A1:A3,B1:B3,1)", mixed)).toBe("z,x,y");
    expect(spilled("=SORTBY(A1:A3,B1:B3,-1)", mixed)).toBe("x,z,y");
  });

  it.each([
    ["an error among the keys", "=SORTBY(A1:A4,1/C1:C4-1/C1:C4+B1:B4,1)", [["a", 0, 0], ["b", 1, 1], ["c", 1, 1], ["d", 1, 1]], "DIV_BY_ZERO"],
    ["keys not as tall as the array", "=SORTBY(A1:A4,B1:B3,1)", rows, "VALUE"],
    ["an order other than 1 or -1", "=SORTBY(A1:A4,B1:B4,2)", rows, "VALUE"],
  ])("gives an error for %s", (_, formula, cells, type) => {
    expect(spilled(formula, cells as RawCellContent[][])).toBe(type);
  });
});
