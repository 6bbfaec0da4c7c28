import { serialFromParts } from "../kpi/coerce";
import { baselinePeriod, customPeriod, monthOf, Period, previousPeriod, quarterOf, recentMonths, recentQuarters, samePeriodLastYear, sheetTitle } from "./periods";

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

const day = serialFromParts;
const span = (label: string, from: number, to: number): Period => ({ label, from, to });

describe("previousPeriod", () => {
  it.each([
    ["a quarter: Q3 (92 days) follows Q2 (91)", quarterOf(2026, 7), span("2026-Q2", day(2026, 4, 1), day(2026, 6, 30))],
    ["across a year boundary", quarterOf(2026, 1), span("2025-Q4", day(2025, 10, 1), day(2025, 12, 31))],
    ["a month", monthOf(2026, 3), span("2026-02", day(2026, 2, 1), day(2026, 2, 28))],
    ["a month after a leap February", monthOf(2028, 3), span("2028-02", day(2028, 2, 1), day(2028, 2, 29))],
    ["a month across a year boundary", monthOf(2026, 1), span("2025-12", day(2025, 12, 1), day(2025, 12, 31))],
    ["a quarter built by hand, told by its dates", span("Summer", day(2026, 7, 1), day(2026, 9, 30)), span("2026-Q2", day(2026, 4, 1), day(2026, 6, 30))],
    ["a month built by hand", span("", day(2026, 5, 1), day(2026, 5, 31)), span("2026-04", day(2026, 4, 1), day(2026, 4, 30))],
    ["ten custom days: the ten before", customPeriod(day(2026, 1, 1), day(2026, 1, 10)), customPeriod(day(2025, 12, 22), day(2025, 12, 31))],
    ["two months, not a quarter: as many days before", customPeriod(day(2026, 2, 1), day(2026, 3, 31)), customPeriod(day(2025, 12, 4), day(2026, 1, 31))],
    ["months not starting a quarter", customPeriod(day(2026, 2, 1), day(2026, 4, 30)), customPeriod(day(2025, 11, 4), day(2026, 1, 31))],
    ["31 days from mid-March", customPeriod(day(2026, 3, 15), day(2026, 4, 14)), customPeriod(day(2026, 2, 12), day(2026, 3, 14))],
    ["one day", customPeriod(day(2024, 3, 1), day(2024, 3, 1)), customPeriod(day(2024, 2, 29), day(2024, 2, 29))],
  ])("%s", (_, period, expected) => {
    expect(previousPeriod(period)).toEqual(expected);
  });

  it("gives 2025-Q4 (92 days) before 2026-Q1, in serials", () => {
    const q4 = previousPeriod(quarterOf(2026, 1));
    expect([q4.from, q4.to]).toEqual([46023 - 92, 46023 - 1]); // 2026-01-01 is 46023
  });
});

describe("samePeriodLastYear", () => {
  it.each([
    ["a quarter", quarterOf(2026, 8), span("2025-Q3", day(2025, 7, 1), day(2025, 9, 30))],
    ["the first quarter of a leap year", quarterOf(2024, 2), span("2023-Q1", day(2023, 1, 1), day(2023, 3, 31))],
    ["a leap February", monthOf(2024, 2), span("2023-02", day(2023, 2, 1), day(2023, 2, 28))],
    ["a February before a leap one", monthOf(2029, 2), span("2028-02", day(2028, 2, 1), day(2028, 2, 29))],
    ["a month built by hand", span("July", day(2026, 7, 1), day(2026, 7, 31)), span("2025-07", day(2025, 7, 1), day(2025, 7, 31))],
    ["custom days", customPeriod(day(2026, 1, 1), day(2026, 1, 10)), customPeriod(day(2025, 1, 1), day(2025, 1, 10))],
    ["custom days across a year end", customPeriod(day(2025, 12, 20), day(2026, 1, 5)), customPeriod(day(2024, 12, 20), day(2025, 1, 5))],
    ["29 February becomes 28 February", customPeriod(day(2024, 2, 20), day(2024, 2, 29)), customPeriod(day(2023, 2, 20), day(2023, 2, 28))],
    ["from 29 February", customPeriod(day(2024, 2, 29), day(2024, 3, 10)), customPeriod(day(2023, 2, 28), day(2023, 3, 10))],
  ])("%s", (_, period, expected) => {
    expect(samePeriodLastYear(period)).toEqual(expected);
  });
});

describe("baselinePeriod", () => {
  it.each([
    ["previous quarter (2026-Q2)", quarterOf(2026, 7), "previous", day(2026, 4, 1)],
    ["same quarter last year (2025-Q3)", quarterOf(2026, 7), "lastYear", day(2025, 7, 1)],
    ["previous month (2025-12)", monthOf(2026, 1), "previous", day(2025, 12, 1)],
    ["same month last year (2025-01)", monthOf(2026, 1), "lastYear", day(2025, 1, 1)],
    ["previous 29 days", customPeriod(day(2026, 6, 1), day(2026, 6, 29)), "previous", day(2026, 5, 3)],
    ["previous 30 days", customPeriod(day(2026, 6, 2), day(2026, 7, 1)), "previous", day(2026, 5, 3)],
    ["previous day", customPeriod(day(2026, 6, 2), day(2026, 6, 2)), "previous", day(2026, 6, 1)],
    ["same dates last year", customPeriod(day(2026, 6, 2), day(2026, 7, 1)), "lastYear", day(2025, 6, 2)],
  ] as const)("%s", (description, period, choice, from) => {
    const baseline = baselinePeriod(period, choice);
    expect(baseline.description).toBe(description);
    expect(baseline.from).toBe(from);
  });
});
