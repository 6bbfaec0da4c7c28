import { formulaReferences } from "./formulaReferences";

describe("formulaReferences", () => {
  it.each([
    ["=G11*2", [{ kind: "cells", text: "G11", area: { top: 11, bottom: 11, left: 6, right: 6 } }]],
    ["=$g$11", [{ kind: "cells", text: "$g$11", area: { top: 11, bottom: 11, left: 6, right: 6 } }]],
    ["=SUM(B3:A1)", [{ kind: "cells", text: "B3:A1", area: { top: 1, bottom: 3, left: 0, right: 1 } }]],
    ["=SUM(g:G)", [{ kind: "cells", text: "g:G", area: { top: 1, bottom: Infinity, left: 6, right: 6 } }]],
    ["=SUM($11:12)", [{ kind: "cells", text: "$11:12", area: { top: 11, bottom: 12, left: 0, right: Infinity } }]],
    ["=Sales!AA2", [{ kind: "cells", text: "Sales!AA2", sheet: "Sales", area: { top: 2, bottom: 2, left: 26, right: 26 } }]],
    ["='Bob''s sales'!C2", [{ kind: "cells", text: "'Bob''s sales'!C2", sheet: "Bob's sales", area: { top: 2, bottom: 2, left: 2, right: 2 } }]],
    ["='Q3 (a!b)'!A1", [{ kind: "cells", text: "'Q3 (a!b)'!A1", sheet: "Q3 (a!b)", area: { top: 1, bottom: 1, left: 0, right: 0 } }]],
    ["=OKR_2026_Q3[Current]", [{ kind: "table", text: "OKR_2026_Q3[Current]", table: "OKR_2026_Q3", columns: [["Current", "Current"]], rows: "data" }]],
    ["=[@[vs previous]]", [{ kind: "table", text: "[@[vs previous]]", columns: [["vs previous", "vs previous"]], rows: "thisRow" }]],
    ["=T[[#This Row],[A]:[B]]", [{ kind: "table", text: "T[[#This Row],[A]:[B]]", table: "T", columns: [["A", "B"]], rows: "thisRow" }]],
    ["=T[[#Headers],[A]]", [{ kind: "table", text: "T[[#Headers],[A]]", table: "T", columns: [["A", "A"]], rows: "none" }]],
    ["=T[[a'[1']]]", [{ kind: "table", text: "T[[a'[1']]]", table: "T", columns: [["a[1]", "a[1]"]], rows: "data" }]],
    ["=COUNT(Jobs)", [{ kind: "table", text: "Jobs", table: "Jobs", columns: [], rows: "data" }]],
  ])("reads %p", (formula, references) => {
    expect(formulaReferences(formula)).toEqual(references);
  });

  describe("edge cases", () => {
    it.each([
      ['=LEN("C5")'],
      ['="say ""G11"" twice"'],
      ["=LOG10(100)"],
      ["=1E5+2.5E-3"],
      ["=ATAN2(1,1)"],
      ["=1+2"],
      [""],
    ])("finds no reference in %p", (formula) => {
      expect(formulaReferences(formula)).toEqual([]);
    });

    it("reads past text to the reference after it, and a name with digits is no cell", () => {
      expect(formulaReferences('=IF(C11="G11",TAXA1,D4)').map((r) => r.text)).toEqual(["C11", "TAXA1", "D4"]);
      expect(formulaReferences('=IF(C11="G11",TAXA1,D4)')[1].kind).toBe("table");
    });
  });
});
