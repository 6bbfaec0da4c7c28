import { serialFromParts } from "../kpi/coerce";
import { baselinePeriod, customPeriod, defaultPeriod, jobDates, monthOf, Period, periodKind, periodsOfLog, previousPeriod, quarterOf, samePeriodLastYear, sheetTitle, todaySerial } from "./periods";

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

  it("names sheets within Excel's rules", () => {
    expect(sheetTitle(quarterOf(2026, 11))).toBe("OKR 2026-Q4");
    expect(sheetTitle(customPeriod(JAN_1, JAN_1 + 9))).toBe("OKR 2026-01-01 to 2026-01-10");
    expect(sheetTitle({ label: "a/b:c?[d]*e\\f".repeat(4), from: 0, to: 0 })).toHaveLength(31);
    expect(sheetTitle({ label: "a/b:c?[d]*e\\f", from: 0, to: 0 })).toBe("OKR a-b-c--d--e-f");
  });
});

const day = serialFromParts;
const span = (label: string, from: number, to: number): Period => ({ label, from, to });

describe("periodKind", () => {
  it.each([
    [quarterOf(2026, 8), "quarter"],
    [monthOf(2026, 2), "month"],
    // 2026-07-01 .. 2026-08-31: two whole months are neither.
    [customPeriod(46204, 46265), undefined],
    // 2026-07-02 .. 2026-07-31: not from the first day.
    [customPeriod(46205, 46234), undefined],
  ] as const)("tells %p as %p", (period, kind) => {
    expect(periodKind(period)).toBe(kind);
  });
});

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

describe("the periods a job log offers, and the one to start from", () => {
  const labels = (periods: readonly Period[]) => periods.map((p) => p.label);
  const nov24 = day(2026, 11, 24); // today in most cases: 2026-Q4 is under way, 2026-Q3 ended on 30 September

  it("lists every quarter and month from a log's first job to today, newest first, across years", () => {
    const jobs = [day(2024, 10, 1), day(2025, 6, 15), day(2026, 9, 30)];
    expect(labels(periodsOfLog("quarter", jobs, nov24))).toEqual([
      "2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1", "2024-Q4",
    ]);
    const months = labels(periodsOfLog("month", jobs, nov24));
    // 2024-10..12 (3), 2025 (12), 2026-01..11 (11)
    expect(months).toHaveLength(26);
    expect([months[0], months[10], months[11], months[22], months[23], months[25]]).toEqual(["2026-11", "2026-01", "2025-12", "2025-01", "2024-12", "2024-10"]);
  });

  it("gives the JSDoc examples' results", () => {
    expect(labels(periodsOfLog("quarter", [day(2025, 11, 3)], day(2026, 2, 10)))).toEqual(["2026-Q1", "2025-Q4"]);
    const jobs = [day(2026, 8, 5)];
    expect(defaultPeriod(periodsOfLog("quarter", jobs, nov24), jobs, nov24)?.label).toBe("2026-Q3");
    expect(jobDates([[46023.5, "Ann"], ["2026-01-02", "Bo"], ["", "Cy"]], 0)).toEqual([46023.5, 46024]);
  });

  it("starts from the latest quarter and month that have ended and hold a job", () => {
    const jobs = [day(2024, 10, 1), day(2025, 6, 15), day(2026, 9, 30)];
    expect(defaultPeriod(periodsOfLog("quarter", jobs, nov24), jobs, nov24)?.label).toBe("2026-Q3");
    expect(defaultPeriod(periodsOfLog("month", jobs, nov24), jobs, nov24)?.label).toBe("2026-09");
  });

  it("skips finished periods without jobs", () => {
    // Jobs in Q1 and in the running Q4: Q2 and Q3 are over but empty.
    const jobs = [day(2026, 2, 14), day(2026, 10, 5)];
    expect(defaultPeriod(periodsOfLog("quarter", jobs, nov24), jobs, nov24)?.label).toBe("2026-Q1");
    // October is over and holds a job.
    expect(defaultPeriod(periodsOfLog("month", jobs, nov24), jobs, nov24)?.label).toBe("2026-10");
  });

  it("counts every period within the whole log's span as holding jobs, where only a sample of its dates is known", () => {
    // The sample holds the log's first rows, from October 2024; the log runs to 20 November 2026.
    const sample = [day(2024, 10, 2), day(2024, 10, 9)];
    const span = { min: day(2024, 10, 1), max: day(2026, 11, 20) + 0.5 };
    expect(defaultPeriod(periodsOfLog("quarter", [...sample, span.min, span.max], nov24), sample, nov24, span)?.label).toBe("2026-Q3");
    expect(defaultPeriod(periodsOfLog("month", [...sample, span.min, span.max], nov24), sample, nov24, span)?.label).toBe("2026-10");
    // Without the span, the sample's own quarter.
    expect(defaultPeriod(periodsOfLog("quarter", sample, nov24), sample, nov24)?.label).toBe("2024-Q4");
  });

  it("takes a job's time of day as part of its day", () => {
    const jobs = [day(2026, 6, 30) + 23 / 24]; // 30 June, 23:00
    const today = day(2026, 7, 1);
    expect(labels(periodsOfLog("quarter", jobs, today))).toEqual(["2026-Q3", "2026-Q2"]);
    expect(defaultPeriod(periodsOfLog("quarter", jobs, today), jobs, today)?.label).toBe("2026-Q2");
  });

  it("reads today from a date in the pane's time zone", () => {
    expect(todaySerial(new Date(2026, 10, 24, 23, 59))).toBe(nov24);
    expect(todaySerial(new Date(2026, 0, 1))).toBe(JAN_1);
  });

  describe("edge cases", () => {
    it("offers the period holding today for an empty log, and starts there", () => {
      expect(labels(periodsOfLog("quarter", [], nov24))).toEqual(["2026-Q4"]);
      expect(labels(periodsOfLog("month", [], nov24))).toEqual(["2026-11"]);
      expect(defaultPeriod(periodsOfLog("quarter", [], nov24), [], nov24)?.label).toBe("2026-Q4");
    });

    it("reaches forward to jobs booked ahead, and starts from the latest quarter holding one when none has ended", () => {
      const jobs = [day(2027, 2, 10), day(2027, 5, 1)];
      expect(labels(periodsOfLog("quarter", jobs, nov24))).toEqual(["2027-Q2", "2027-Q1", "2026-Q4"]);
      expect(defaultPeriod(periodsOfLog("quarter", jobs, nov24), jobs, nov24)?.label).toBe("2027-Q2");
      expect(labels(periodsOfLog("month", jobs, nov24))).toEqual(["2027-05", "2027-04", "2027-03", "2027-02", "2027-01", "2026-12", "2026-11"]);
    });

    it("starts from the running quarter when it alone holds jobs", () => {
      const jobs = [day(2026, 10, 5)];
      expect(defaultPeriod(periodsOfLog("quarter", jobs, nov24), jobs, nov24)?.label).toBe("2026-Q4");
    });

    it("does not count a quarter ending today as ended", () => {
      const today = day(2026, 9, 30);
      const jobs = [day(2026, 5, 1), day(2026, 8, 1)];
      expect(defaultPeriod(periodsOfLog("quarter", jobs, today), jobs, today)?.label).toBe("2026-Q2");
    });

    it("steps across a year boundary and a leap February", () => {
      const months = periodsOfLog("month", [day(2027, 12, 31)], day(2028, 3, 1));
      expect(months.map((m) => [m.label, m.to - m.from + 1])).toEqual([["2028-03", 31], ["2028-02", 29], ["2028-01", 31], ["2027-12", 31]]);
    });
  });
});

describe("jobDates", () => {
  it("reads serials and ISO text from the date column, leaving out what is not a date", () => {
    const rows = [[46023.5, "Ann"], ["2026-01-02", "Bo"], ["", "Cy"], ["n/a", "Di"], [0, "Ed"], [true, "Fa"], [null, "Gu"], ["2026-02-30", "Ha"]];
    expect(jobDates(rows, 0)).toEqual([46023.5, JAN_1 + 1]);
  });

  describe("edge cases", () => {
    it("finds none without a date column or rows", () => {
      expect(jobDates([[46023]], undefined)).toEqual([]);
      expect(jobDates([], 0)).toEqual([]);
    });

    it("reads a short row's missing cell as no date", () => {
      expect(jobDates([[46023], []], 0)).toEqual([46023]);
    });
  });
});
