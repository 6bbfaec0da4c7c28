import { identifierKey, numericValue } from "./coerce";

describe("numericValue", () => {
  it.each([
    [9, 9],
    ["9", 9],
    [" 9 ", 9],
    ["12.5", 12.5],
    ["5.", 5],
    [".5", 0.5],
    ["-3", -3],
    ["+2", 2],
    ["1e3", 1000],
    ["2.5E-1", 0.25],
    ["1E+308", 1e308],
  ])("%p reads as %p", (cell, expected) => {
    expect(numericValue(cell)).toBe(expected);
  });

  describe("edge cases", () => {
    it.each([
      ["", "blank text"],
      ["  ", "spaces"],
      [null, "a blank"],
      [true, "a boolean"],
      ["n/a", "other text"],
      ["1.2.3", "two points"],
      ["1 2", "two numbers"],
      ["e5", "an exponent alone"],
      ["1e", "an exponent without digits"],
      [".", "a point alone"],
      ["0x10", "hexadecimal"],
      ["Infinity", "Infinity spelled out"],
      ["1e400", "text beyond Excel's largest number"],
      ["-1e400", "text below Excel's smallest number"],
      [NaN, "NaN"],
      [Infinity, "Infinity"],
      [{ type: "Error" }, "an error value"],
    ] as [unknown, string][])("%p (%s) is not a number", (cell) => {
      expect(numericValue(cell)).toBeUndefined();
    });
  });

  // 32,767 characters is the most an Excel cell holds.
  const CELL = 32_767;
  const digits = (n: number) => "7".repeat(n);
  const longCells: [string, string, number | undefined][] = [
    ["a digit run ending in a letter", `${digits(CELL - 1)}x`, undefined],
    ["two digit runs around a point, then a letter", `${digits(16_383)}.${digits(16_382)}x`, undefined],
    ["an exponent's digit run ending in a letter", `1e${digits(CELL - 3)}x`, undefined],
    ["spaces, then a letter", `${" ".repeat(CELL - 1)}x`, undefined],
    ["a digit run too long for a double", digits(CELL), undefined],
    ["a 300-digit run padded with spaces", `${digits(300)}${" ".repeat(CELL - 300)}`, 7.777777777777778e299],
  ];

  it.each(longCells)("reads a 32,767-character cell: %s", (_, text, expected) => {
    expect(text).toHaveLength(CELL);
    expect(numericValue(text)).toBe(expected);
  });

  it("reads long cells in one pass, not one per digit", () => {
    // The old pattern (\d+\.?\d*) re-split digit runs: seconds per cell above. Five rounds of all
    // of them take milliseconds now; the bound is for a busy machine.
    const start = Date.now();
    for (let round = 0; round < 5; round++) for (const [, text] of longCells) numericValue(text);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});

describe("identifierKey", () => {
  it.each([
    ["names are trimmed and case-insensitive", " Ann ", "ann"],
    ["a number keys on its digits", 1001, "1001"],
    ["numeric text keys like its number", " 1001 ", "1001"],
    ["leading zeros and a trailing point do not count", "001001.0", "1001"],
    ["an exponent is read", "1.5E3", "1500"],
    ["15 significant digits still fit a double", "123456789012345", "123456789012345"],
    ["longer numeric text keys on its text", "123456789012345678", "123456789012345678"],
    ["16 digits key on their text", "1234567890123456", "1234567890123456"],
    ["text beyond a double keys on its text", "1E400", "1e400"],
  ])("%s: %p keys as %p", (_, cell, key) => {
    expect(identifierKey(cell)).toBe(key);
  });

  it("keeps two 18-digit customer numbers typed as text apart", () => {
    // As doubles both are 123456789012345680.
    expect(identifierKey("123456789012345678")).not.toBe(identifierKey("123456789012345679"));
  });

  it("matches a long number to its text when the text is the digits the number holds", () => {
    // 1234567890123456 and 123456789012345680 are doubles exactly; Excel shows them digit for digit.
    expect(identifierKey(1234567890123456)).toBe(identifierKey("1234567890123456"));
    expect(identifierKey(123456789012345680)).toBe(identifierKey("123456789012345680"));
  });

  describe("edge cases", () => {
    it.each([null, undefined, "", "   ", true, false, NaN, Infinity, { type: "Error" }])("%p names nobody", (cell) => {
      expect(identifierKey(cell)).toBeUndefined();
    });

    it("reads 32,767-character identifiers in one pass", () => {
      const start = Date.now();
      for (let round = 0; round < 5; round++) {
        expect(identifierKey(`${"4".repeat(32_766)}x`)).toBe(`${"4".repeat(32_766)}x`);
        expect(identifierKey("4".repeat(32_767))).toBe("4".repeat(32_767));
      }
      expect(Date.now() - start).toBeLessThan(5000);
    });
  });
});
