import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { fromFileFormula, toFileFormula } from "../backends/futureFunctions";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";

/**
 * Future functions get their file names (_xlfn.UNIQUE, _xlfn._xlws.FILTER, _xlfn._xlws.SORT, _xlfn.SEQUENCE,
 * _xlfn.LET) in an xlsx, and only function names do; the names a LET defines get _xlpm. where they are in scope.
 */

describe("toFileFormula and fromFileFormula", () => {
  it.each([
    ['ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))', 'ROWS(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,A1:A9<>"")))', 'ROWS(UNIQUE(FILTER(A1:A9,A1:A9<>"")))'],
    ["rows(unique(filter(A1:A9,B1:B9)))", "rows(_xlfn.UNIQUE(_xlfn._xlws.FILTER(A1:A9,B1:B9)))", "rows(UNIQUE(FILTER(A1:A9,B1:B9)))"],
    ["IFERROR(ROWS(UNIQUE(X,FALSE(),TRUE())),0)", "IFERROR(ROWS(_xlfn.UNIQUE(X,FALSE(),TRUE())),0)", "IFERROR(ROWS(UNIQUE(X,FALSE(),TRUE())),0)"],
    ["INDEX(SORT(A1:A9),SEQUENCE(3))", "INDEX(_xlfn._xlws.SORT(A1:A9),_xlfn.SEQUENCE(3))", "INDEX(SORT(A1:A9),SEQUENCE(3))"],
    ["LET(s,SORT(A1:A9),INDEX(s,1))", "_xlfn.LET(_xlpm.s,_xlfn._xlws.SORT(A1:A9),INDEX(_xlpm.s,1))", "LET(s,SORT(A1:A9),INDEX(s,1))"],
    ["LET(x, 1, y, x+1, x*y)", "_xlfn.LET(_xlpm.x, 1, _xlpm.y, _xlpm.x+1, _xlpm.x*_xlpm.y)", "LET(x, 1, y, x+1, x*y)"],
    ["let(keys,1,KEYS)", "_xlfn.LET(_xlpm.keys,1,_xlpm.KEYS)", "LET(keys,1,KEYS)"],
    ["SUM(A1:A3)", "SUM(A1:A3)", "SUM(A1:A3)"],
    ["KPI.NPS(A1:A9)", "KPI.NPS(A1:A9)", "KPI.NPS(A1:A9)"],
  ])("%s is stored as %s and read back as %s", (formula, stored, readBack) => {
    expect(toFileFormula(formula)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(readBack);
  });

  describe("edge cases", () => {
    it.each([
      ['"UNIQUE(" & A1', "text in quotes"],
      ['"say ""FILTER(x)""" & A1', "text with doubled quotes"],
      ["'UNIQUE(1)'!A1+'FILTER (x'!B2", "quoted sheet names"],
      ["UNIQUE!A1+FILTER!B2", "sheets named like the functions"],
      ["SUM(Unique[Amount])+SUM(Jobs[[FILTER(]])+SUM(Jobs[[#This Row],[UNIQUE(]])", "tables and columns named like the functions"],
      ["SUM(Jobs[[Odd '[UNIQUE(']]])", "a column name with escaped brackets"],
      ["_xlfn.UNIQUE(A1:A9)+_xlfn._xlws.FILTER(A1:A9,B1:B9)", "names already prefixed"],
      ["MYUNIQUE(A1)+X.UNIQUE(A2)+UNIQUEX(A3)", "longer names that contain one"],
    ])("leaves %s as it is (%s)", (formula) => {
      expect(toFileFormula(formula)).toBe(formula);
    });

    it.each([
      ["LET(x,1,x)+x", "_xlfn.LET(_xlpm.x,1,_xlpm.x)+x", "a name used after its LET"],
      ["LET(x,1,y)", "_xlfn.LET(_xlpm.x,1,y)", "a calculation that is another name"],
      ["IF(LET(a,2,a),b,a)", "IF(_xlfn.LET(_xlpm.a,2,_xlpm.a),b,a)", "a name used beside its LET"],
      ['LET(x,1,x!A1+x[Amount]+"x"+x(1)+SUM(x))', '_xlfn.LET(_xlpm.x,1,x!A1+x[Amount]+"x"+x(1)+SUM(_xlpm.x))', "a sheet, table, text and function called like the name"],
      ["LET(x,1,y,LET(x,2,x+y),x+y)", "_xlfn.LET(_xlpm.x,1,_xlpm.y,_xlfn.LET(_xlpm.x,2,_xlpm.x+_xlpm.y),_xlpm.x+_xlpm.y)", "a LET inside a LET, naming x again"],
    ])("prefixes LET's names only in its scope: %s is stored as %s (%s)", (formula, stored) => {
      expect(toFileFormula(formula)).toBe(stored);
      expect(fromFileFormula(stored)).toBe(formula);
    });

    it("renames the function beside text that names one", () => {
      expect(toFileFormula('IF(A1="FILTER(",UNIQUE(B1:B3),"UNIQUE(")')).toBe('IF(A1="FILTER(",_xlfn.UNIQUE(B1:B3),"UNIQUE(")');
    });

    it("strips only the prefixes it adds", () => {
      expect(fromFileFormula("_xlfn.XLOOKUP(A1,B:B,C:C)+_xlfn.UNIQUE(D1:D3)")).toBe("_xlfn.XLOOKUP(A1,B:B,C:C)+UNIQUE(D1:D3)");
      expect(fromFileFormula('"_xlpm.x"&\'_xlpm.x\'!A1&T[_xlpm.x]')).toBe('"_xlpm.x"&\'_xlpm.x\'!A1&T[_xlpm.x]');
    });
  });
});

describe("the xlsx backend", () => {
  it("stores a formula with a future function under its file name as a one-cell array formula, and reads it back plain", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "future-")), "f.xlsx");
    const { book, save } = createXlsxWorkbook();
    book.addSheet("S");
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").formulas = [["=ROWS(UNIQUE(C1:C3))", "=SUM(C1:C3)"]];
      context.workbook.worksheets.getItem("S").getRange("A2").formulas = [["=LET(s,SORT(C1:C3),INDEX(s,1))"]];
      await context.sync();
    });
    await save(file);

    const stored = new ExcelJS.Workbook();
    await stored.xlsx.readFile(file);
    expect(stored.getWorksheet("S")!.getCell("A1").value).toEqual({ formula: "ROWS(_xlfn.UNIQUE(C1:C3))", shareType: "array", ref: "A1" });
    expect(stored.getWorksheet("S")!.getCell("B1").value).toEqual({ formula: "SUM(C1:C3)" });
    expect(stored.getWorksheet("S")!.getCell("A2").value).toEqual({ formula: "_xlfn.LET(_xlpm.s,_xlfn._xlws.SORT(C1:C3),INDEX(_xlpm.s,1))", shareType: "array", ref: "A2" });

    const reopened = await openXlsx(file);
    const formulas = await reopened.book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2").load("formulas");
      await context.sync();
      return range.formulas;
    });
    expect(formulas).toEqual([["=ROWS(UNIQUE(C1:C3))", "=SUM(C1:C3)"], ["=LET(s,SORT(C1:C3),INDEX(s,1))", ""]]);
  });
});
