import { asText, columnLetters, sheetColumn, sheetPrefix, tableColumn } from "./references";

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
    ["Date", "Jobs[Date]"],
    ["First visit fix", "Jobs[First visit fix]"],
    ["Score [0-10]", "Jobs[Score '[0-10']]"],
    ["Job #", "Jobs[Job '#]"],
    ["Tech's name", "Jobs[Tech''s name]"],
    ["日期", "Jobs[日期]"],
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

  it("reaches the last row so new rows count", () => {
    expect(sheetColumn("Job log", 2, 2)).toBe("'Job log'!$C$2:$C$1048576");
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-5 calls", "'-5 calls"],
    ["@mention", "'@mention"],
    ["Raise NPS", "Raise NPS"],
    ["'quoted", "''quoted"],
  ])("keeps %p as text", (text, written) => {
    expect(asText(text)).toBe(written);
  });
});
