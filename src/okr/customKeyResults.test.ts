import { customFromLabel, customLabel, formulaFault, formulaFor, newId } from "./customKeyResults";

describe("formulaFault", () => {
  it.each([
    ["='Accounts'!B12"],
    ["=SUM(Sales!C:C)"],
    ["  =SUM('Bob''s sales'!C2:C90)/1000  "],
    ['=IF(A1="(",1,2)'],
    ['=COUNTIF(Sales!A:A,"say ""hi""")'],
  ])("accepts the formula %p", (text) => {
    expect(formulaFault(text)).toBeUndefined();
  });

  it.each([
    ["revenue", "noEquals"],
    ["12000", "noEquals"],
    ["'=1+1", "noEquals"],
    ["=", "empty"],
    ["=   ", "empty"],
    ["=SUM(A1:A3", "parentheses"],
    ["=SUM(A1:A3))", "parentheses"],
    ["=)(", "parentheses"],
    ['=IF(A1="x,1,2)', "quotes"],
    ["='Accounts!B12", "quotes"],
    [`=${"1+".repeat(4096)}1`, "tooLong"],
  ])("refuses %p: %p", (text, fault) => {
    expect(formulaFault(text)).toBe(fault);
  });

  describe("edge cases", () => {
    it("refuses the empty text and a lone space", () => {
      expect(formulaFault("")).toBe("noEquals");
      expect(formulaFault(" ")).toBe("noEquals");
    });
    it("takes a formula of exactly 8,192 characters", () => {
      expect(formulaFault(`=${"1".repeat(8191)}`)).toBeUndefined();
    });
  });
});

describe("custom labels", () => {
  it("name the kind and format in English, and read back", () => {
    expect(customLabel({ kind: "formula", format: "currency" })).toBe("Custom formula (currency)");
    expect(customLabel({ kind: "manual", format: "hours" })).toBe("Custom number (hours)");
    expect(customFromLabel("Custom number (percent)")).toEqual({ kind: "manual", format: "percent" });
    expect(customFromLabel("Custom formula (number)")).toEqual({ kind: "formula", format: "number" });
  });

  describe("edge cases", () => {
    it.each([["Net Promoter Score"], ["custom formula (currency)"], ["Custom formula (score)"], [""], [null], [42]])("%p is no custom label", (label) => {
      expect(customFromLabel(label)).toBeUndefined();
    });
  });
});

describe("newId", () => {
  it("is the prefix and the time stamp in base 36", () => {
    expect(newId("custom:", [], 20)).toBe("custom:k");
    expect(newId("own:", ["custom:k"], 20)).toBe("own:k");
  });

  describe("edge cases", () => {
    it("counts on when the id is taken, within the same millisecond", () => {
      expect(newId("custom:", ["custom:k"], 20)).toBe("custom:k-2");
      expect(newId("custom:", ["custom:k", "custom:k-2"], 20)).toBe("custom:k-3");
    });
  });
});

describe("formulaFor", () => {
  it.each([
    ["'Accounts 2025'!B12", "='Accounts 2025'!B12"],
    ["Sales!C2:C90", "=SUM(Sales!C2:C90)"],
    ["Sales!C:C", "=SUM(Sales!C:C)"],
  ])("%p gives %p", (address, formula) => {
    expect(formulaFor(address)).toBe(formula);
    expect(formulaFault(formulaFor(address))).toBeUndefined();
  });

  describe("edge cases", () => {
    it("reads a range only after the sheet name", () => {
      expect(formulaFor("'Q3 (a!b)'!A1")).toBe("='Q3 (a!b)'!A1");
    });
  });
});
