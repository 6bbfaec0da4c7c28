import { asText, asTyped, columnLetters, sheetColumn, sheetPrefix, tableColumn } from "./references";

describe("references", () => {
  it.each([
    ["Jobs", "'Jobs'!"],
    ["Job log", "'Job log'!"],
    ["Bob's jobs", "'Bob''s jobs'!"],
    ["工作记录", "'工作记录'!"],
  ])("quotes sheet %p", (sheet, expected) => {
    expect(sheetPrefix(sheet)).toBe(expected);
  });

  it.each([
    ["Date", "Jobs[[Date]]"],
    ["First-visit fix", "Jobs[[First-visit fix]]"],
    ["Score [0-10]", "Jobs[[Score '[0-10']]]"],
    ["Job #", "Jobs[[Job '#]]"],
    ["Tech's name", "Jobs[[Tech''s name]]"],
    ["日期", "Jobs[[日期]]"],
  ])("escapes column %p", (column, expected) => {
    expect(tableColumn("Jobs", column)).toBe(expected);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %p is %p", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });

  it("references a plain range's column between two rows", () => {
    expect(sheetColumn("Job log", 2, 2, 2001)).toBe("'Job log'!$C$2:$C$2001");
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-5 calls", "'-5 calls"],
    ["@mention", "'@mention"],
    ["Raise NPS", "Raise NPS"],
    ["'quoted", "''quoted"],
    ["2025", "'2025"],
    ["1,200.50", "'1,200.50"],
    ["$45", "'$45"],
    ["90%", "'90%"],
    ["TRUE", "'TRUE"],
    ["2026-07-05", "'2026-07-05"],
    ["03/07/2026", "'03/07/2026"],
    ["14:30 call back", "'14:30 call back"],
    ["Q3 2026 push", "Q3 2026 push"],
    ["客户满意度", "客户满意度"],
  ])("keeps %p as text", (text, written) => {
    expect(asText(text)).toBe(written);
  });

  it("reads a row back as typed: text that looks like a formula or a number keeps its apostrophe", () => {
    // Range.formulas and Range.values of: a formula, text typed as '=abc, text typed as '42, a number, a blank, a flag.
    const formulas = ["=G11*2", "=abc", "42", 42, "", true];
    const values = [84, "=abc", "42", 42, "", true];
    expect(asTyped(formulas, values)).toEqual(["=G11*2", "'=abc", "'42", 42, "", true]);
  });
});
