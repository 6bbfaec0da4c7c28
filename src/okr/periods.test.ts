import { customPeriod, monthOf, quarterOf, recentMonths, recentQuarters, sheetTitle } from "./periods";

// Serials worked out by hand: 2026-01-01 is 46023.
const JAN_1 = 46023;

describe("periods", () => {
  it.each([
    [2026, 11, { label: "2026-Q4", from: JAN_1 + 273, to: JAN_1 + 364 }], // Oct 1 is day 274 of 2026
    [2026, 1, { label: "2026-Q1", from: JAN_1, to: JAN_1 + 89 }], // 31 + 28 + 31 days
    [2026, 6, { label: "2026-Q2", from: JAN_1 + 90, to: JAN_1 + 180 }],
  ])("quarter of %p-%p", (year, month, expected) => {
    expect(quarterOf(year, month)).toEqual(expected);
  });

  it("knows February in a leap year", () => {
    expect(monthOf(2028, 2).to - monthOf(2028, 2).from + 1).toBe(29);
    expect(monthOf(2026, 2)).toEqual({ label: "2026-02", from: JAN_1 + 31, to: JAN_1 + 58 });
  });

  it("lists recent quarters across a year boundary, newest first", () => {
    expect(recentQuarters(new Date(2026, 1, 10), 3).map((p) => p.label)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
    expect(recentMonths(new Date(2026, 1, 10), 3).map((p) => p.label)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  it("names sheets within Excel's rules", () => {
    expect(sheetTitle(quarterOf(2026, 11))).toBe("OKR 2026-Q4");
    expect(sheetTitle(customPeriod(JAN_1, JAN_1 + 9))).toBe("OKR 2026-01-01 to 2026-01-10");
    expect(sheetTitle({ label: "a/b:c?[d]*e\\f".repeat(4), from: 0, to: 0 })).toHaveLength(31);
    expect(sheetTitle({ label: "a/b:c?[d]*e\\f", from: 0, to: 0 })).toBe("OKR a-b-c--d--e-f");
  });
});
