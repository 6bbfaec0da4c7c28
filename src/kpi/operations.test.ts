import { fcr, jobs, jobsPerDay, jobsPerTech, ontime, rate, resolutionTime, responseTime, sla, timeOnSite, withinSla } from "./operations";
import { column, expectKpiError, HOUR, MAR_2_2026, MINUTE } from "./testing";

describe("rate and fcr", () => {
  it("reads every accepted spelling of yes and no", () => {
    // yes: "yes", TRUE, 1, "Y", " TRUE ", "是"; no: "no", FALSE, 0, "n", "否"
    const flags = column("yes", "no", true, false, 1, 0, "Y", "n", " TRUE ", "是", "否", null, "");
    expect(rate(flags)).toBe(6 / 11);
  });

  it.each([
    [column(1, 1, 0, 1), 0.75],
    [column("y", "N"), 0.5],
    [[["TRUE", "FALSE", "false"]], 1 / 3],
  ])("fcr %#", (flags, expected) => {
    expect(fcr(flags)).toBe(expected);
  });

  it.each([
    [column("yes", "maybe"), 'KPI.RATE: "maybe" at row 2, column 1 is not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)'],
    [column(2), "KPI.RATE: 2 at row 1, column 1 is not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)"],
    // A cell may hold 32,767 characters: the message shows the first 40 and the length.
    [
      column("no", "x".repeat(32_767)),
      `KPI.RATE: "${"x".repeat(40)}…" (32767 characters) at row 2, column 1 is not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)`,
    ],
  ])("names a value that is not a flag %#", (flags, message) => {
    expectKpiError(rate(flags), "VALUE", message);
  });

  it("uses its own name in messages", () => {
    expectKpiError(fcr(column("x")), "VALUE", /^KPI\.FCR: "x" at row 1, column 1/);
  });

  it("filters by period and gives #DIV/0! when nothing is left", () => {
    const dates = column(MAR_2_2026, MAR_2_2026 + 1);
    expect(fcr(column(1, 0), { dates, from: MAR_2_2026 + 1 })).toBe(0);
    expectKpiError(fcr(column("", null)), "DIV0");
  });
});

describe("ontime", () => {
  const nine = MAR_2_2026 + 9 * HOUR;
  const promised = column(nine, nine, nine, nine, nine, "");
  const arrivals = column(
    nine, // on the dot
    nine + 15 * MINUTE, // within 15 minutes' grace
    nine + 16 * MINUTE, // late even with grace
    nine - 10 * MINUTE, // early
    "", // no arrival recorded: skipped
    nine, // no promised time: skipped
  );

  it.each([
    [undefined, 2 / 4],
    [0, 2 / 4],
    [15, 3 / 4],
    [16, 4 / 4],
  ])("with %p minutes of grace", (grace, expected) => {
    expect(ontime(arrivals, promised, grace)).toBe(expected);
  });

  it("accepts ISO text date-times", () => {
    expect(ontime(column("2026-03-02 09:15", "2026-03-02 09:31"), column("2026-03-02 09:00", "2026-03-02 09:15"), 15)).toBe(0.5);
  });

  it("works with times of day alone", () => {
    expect(ontime(column(0.375, 0.4), column(0.375, 0.375))).toBe(0.5);
  });

  it.each([
    [column("late"), column(nine), undefined, /^KPI\.ONTIME: "late" at row 1, column 1 is not a date/],
    [column(nine), column("9am"), undefined, /^KPI\.ONTIME: "9am" at row 1, column 1 of promised is not a date/],
    [column(nine), column(nine), -5, /^KPI\.ONTIME: graceMinutes -5 is not a number of 0 or more/],
    [column(nine, nine), column(nine), undefined, "KPI.ONTIME: arrivals has 2 cells but promised has 1; they must be the same size"],
  ])("bad input %#", (a, p, grace, message) => {
    expectKpiError(ontime(a, p, grace), "VALUE", message);
  });

  it("gives #DIV/0! when no pair is complete", () => {
    expectKpiError(ontime(column(nine, ""), column("", nine)), "DIV0");
  });
});

describe("sla", () => {
  it("counts actuals at or under target; text and blanks skip the pair", () => {
    expect(sla(column(2, 5, 3, "n/a", null, "4"), column(4, 4, 3, 4, 4, 4))).toBe(3 / 4);
  });

  it("names a size mismatch", () => {
    expectKpiError(sla(column(1), column(1, 2)), "VALUE", "KPI.SLA: actuals has 1 cells but targets has 2; they must be the same size");
  });

  it("gives #DIV/0! with no pairs", () => {
    expectKpiError(sla(column(""), column(1)), "DIV0");
  });
});

describe("responseTime and resolutionTime", () => {
  const requested = column("2026-03-02 09:00", MAR_2_2026 + 12 * HOUR, "");
  const responded = column("2026-03-02 11:30", MAR_2_2026 + 18 * HOUR, MAR_2_2026);
  // 2.5 h and 6 h: mean 4.25 h. A time of day inside a date serial is held to about a microsecond
  // (46083.375 has ~11 decimal digits left), so durations match to 6 decimal places, not to the last bit.

  it.each([
    [undefined, 4.25],
    ["hours", 4.25],
    [" Minutes ", 255],
    ["days", 4.25 / 24],
    ["小时", 4.25],
  ])("in %p", (unit, expected) => {
    expect(responseTime(requested, responded, unit)).toBeCloseTo(expected, 6);
  });

  it("measures resolution in days", () => {
    expect(resolutionTime(column("2026-03-02", "2026-03-02"), column("2026-03-04", "2026-03-03 12:00"), "days")).toBeCloseTo(1.75, 6);
  });

  it("rejects a reply before its request, saying where", () => {
    expectKpiError(
      responseTime(column(MAR_2_2026 + 0.5, MAR_2_2026), column(MAR_2_2026 + 0.6, MAR_2_2026 - 0.5)),
      "VALUE",
      `KPI.RESPONSETIME: ${MAR_2_2026 - 0.5} at row 2, column 1 of responded is not a time on or after the start it is paired with`,
    );
  });

  it("takes a reply in the same minute as its request as a time of 0, not an error", () => {
    // 0 h and 3 h: mean 1.5 h
    expect(responseTime(column(MAR_2_2026 + 9 * HOUR, MAR_2_2026), column(MAR_2_2026 + 9 * HOUR, MAR_2_2026 + 3 * HOUR))).toBeCloseTo(1.5, 6);
  });

  it("rejects an unknown unit", () => {
    expectKpiError(resolutionTime(requested, responded, "weeks"), "VALUE", 'KPI.RESOLUTIONTIME: unit "weeks" is not one of "minutes", "hours" or "days"');
  });

  it("filters by the job date", () => {
    const dates = column(MAR_2_2026, MAR_2_2026 + 1, MAR_2_2026);
    expect(responseTime(requested, responded, "hours", { dates, to: MAR_2_2026 })).toBeCloseTo(2.5, 6);
  });
});

describe("jobsPerTech", () => {
  it.each([
    ["names compare trimmed and case-insensitively", column("Ann", "ann ", " ANN", "Bo", null, "Cy"), 5 / 3],
    ["a number equals its text", column(101, "101", 102), 3 / 2],
    ["booleans name nobody", column("Ann", true), 1],
    ["18-digit technician numbers typed as text stay apart", column("900000000000000001", "900000000000000002"), 1],
  ])("%s", (_, technicians, expected) => {
    expect(jobsPerTech(technicians)).toBe(expected);
  });

  it("gives #DIV/0! with no technicians", () => {
    expectKpiError(jobsPerTech(column("", " ")), "DIV0");
  });
});

describe("jobs", () => {
  // 2026-03-02 09:00, 2026-03-02 14:00, 2026-03-03, text 2026-03-04, a blank
  const dates = column(MAR_2_2026 + 9 * HOUR, MAR_2_2026 + 14 * HOUR, MAR_2_2026 + 1, "2026-03-04", null);

  it("counts the dated rows: the blank is no job", () => {
    expect(jobs(dates)).toBe(4);
  });

  it("filters by from and to, the last day in full", () => {
    expect(jobs(dates, "2026-03-03")).toBe(2);
    expect(jobs(dates, null, "2026-03-02")).toBe(2);
    expect(jobs(dates, "2026-03-02", "2026-03-03")).toBe(3);
  });

  it("reads a 2-D range", () => {
    expect(jobs([[MAR_2_2026, null], [MAR_2_2026 + 1, MAR_2_2026 + 2]])).toBe(3);
  });

  describe("edge cases", () => {
    it("is 0 for a period with no job, not an error", () => {
      expect(jobs(dates, "2026-04-01", "2026-04-30")).toBe(0);
      expect(jobs(column(null, ""))).toBe(0);
    });

    it("names a cell that is not a date, even outside the period", () => {
      expectKpiError(jobs(column(MAR_2_2026, "tuesday"), "2026-03-02", "2026-03-02"), "VALUE", /^KPI\.JOBS: "tuesday" at row 2, column 1 of dates is not a date/);
    });

    it("names an error value", () => {
      expectKpiError(jobs(column({ type: "Error", value: "NA" })), "VALUE", /^KPI\.JOBS: an error value at row 1, column 1 of dates is not a date/);
    });

    it("says when from is after to", () => {
      expectKpiError(jobs(dates, "2026-03-04", "2026-03-02"), "VALUE", "KPI.JOBS: from (2026-03-04) is after to (2026-03-02)");
    });
  });
});

describe("jobsPerDay", () => {
  const dates = column(MAR_2_2026 + 9 * HOUR, MAR_2_2026 + 14 * HOUR, MAR_2_2026 + 1, "2026-03-04", null);

  it("divides jobs by days that have a job", () => {
    expect(jobsPerDay(dates)).toBe(4 / 3);
  });

  it("filters by from and to", () => {
    expect(jobsPerDay(dates, "2026-03-03")).toBe(1);
    expect(jobsPerDay(dates, null, "2026-03-02")).toBe(2);
  });

  it("names a cell that is not a date", () => {
    expectKpiError(jobsPerDay(column(MAR_2_2026, "tuesday")), "VALUE", /^KPI\.JOBSPERDAY: "tuesday" at row 2, column 1 of dates is not a date/);
  });

  it("gives #DIV/0! with no dates", () => {
    expectKpiError(jobsPerDay(column("")), "DIV0");
  });
});

describe("messages name the function, the argument and the range", () => {
  const day = MAR_2_2026;
  it.each([
    ["RATE, dates of another size", () => rate(column("yes", "no"), { dates: column(day) }), "VALUE", "KPI.RATE: flags has 2 cells but dates has 1; they must be the same size"],
    ["RATE, nothing to count", () => rate(column("")), "DIV0", "KPI.RATE: no yes/no values to count"],
    ["FCR, nothing to count", () => fcr(column(null)), "DIV0", "KPI.FCR: no yes/no values to count"],
    ["ONTIME, nothing to count", () => ontime(column(""), column(day)), "DIV0", "KPI.ONTIME: no arrivals to count"],
    ["SLA, nothing to count", () => sla(column("n/a"), column(4)), "DIV0", "KPI.SLA: no pairs to count"],
    ["RESPONSETIME, a unit that is a number", () => responseTime(column(day), column(day), 5), "VALUE", 'KPI.RESPONSETIME: unit 5 is not one of "minutes", "hours" or "days"'],
    ["RESPONSETIME, ranges of other sizes", () => responseTime(column(day), column(day, day)), "VALUE", "KPI.RESPONSETIME: requested has 1 cells but responded has 2; they must be the same size"],
    ["RESPONSETIME, nothing to count", () => responseTime(column(""), column(day)), "DIV0", "KPI.RESPONSETIME: no pairs of times to count"],
    ["RESOLUTIONTIME, ranges of other sizes", () => resolutionTime(column(day, day), column(day)), "VALUE", "KPI.RESOLUTIONTIME: opened has 2 cells but closed has 1; they must be the same size"],
    ["RESOLUTIONTIME, a close that is not a date", () => resolutionTime(column(day), column("soon")), "VALUE", 'KPI.RESOLUTIONTIME: "soon" at row 1, column 1 of closed is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
    ["JOBSPERTECH, dates of another size", () => jobsPerTech(column("Ann", "Bo"), { dates: column(day) }), "VALUE", "KPI.JOBSPERTECH: technicians has 2 cells but dates has 1; they must be the same size"],
    ["JOBSPERTECH, a date that is not one", () => jobsPerTech(column("Ann"), { dates: column("soon") }), "VALUE", 'KPI.JOBSPERTECH: "soon" at row 1, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
    ["JOBSPERTECH, nothing to count", () => jobsPerTech(column("")), "DIV0", "KPI.JOBSPERTECH: no technicians to count"],
    ["JOBSPERDAY, from after to", () => jobsPerDay(column(day), "2026-03-04", "2026-03-02"), "VALUE", "KPI.JOBSPERDAY: from (2026-03-04) is after to (2026-03-02)"],
    ["JOBSPERDAY, nothing to count", () => jobsPerDay(column(null)), "DIV0", "KPI.JOBSPERDAY: no dates to count"],
  ] as const)("%s", (_, run, code, message) => {
    expectKpiError(run(), code, message);
  });

  it("counts only the period's jobs per technician", () => {
    // 2 March: Ann twice; 3 March: Bo, out of the period
    expect(jobsPerTech(column("Ann", "Ann", "Bo"), { dates: column(day, day, day + 1), to: day })).toBe(2);
  });
});

describe("timeOnSite", () => {
  const nine = MAR_2_2026 + 9 * HOUR;
  // On site 1.5 h (09:00 to 10:30) and 4 h (09:00 to 13:00); a visit not finished yet is skipped: mean 2.75 h.
  const arrivals = column(nine, nine, nine, "");
  const completions = column(nine + 90 * MINUTE, "2026-03-02 13:00", "", nine);

  it.each([
    [undefined, 2.75],
    ["minutes", 165],
    ["days", 2.75 / 24],
  ])("is the mean from arrival to completion in %p", (unit, expected) => {
    expect(timeOnSite(arrivals, completions, unit)).toBeCloseTo(expected, 6);
  });

  it("counts only the period's visits", () => {
    expect(timeOnSite(arrivals, completions, "hours", { dates: column(MAR_2_2026, MAR_2_2026 + 1, MAR_2_2026, MAR_2_2026), to: MAR_2_2026 })).toBeCloseTo(1.5, 6);
  });

  describe("edge cases", () => {
    it("takes a completion in the minute of the arrival as 0 hours", () => {
      expect(timeOnSite(column(nine, nine), column(nine, nine + 2 * HOUR))).toBeCloseTo(1, 6);
    });

    it.each([
      ["an arrival typed as a time of day alone", column(0.375), column(nine + HOUR), "KPI.TIMEONSITE: 0.375 at row 1, column 1 is not a date with its time of day (not a time alone, which has no day to pair with)"],
      ["a completion typed as a time of day alone", column(nine, nine), column(nine + HOUR, 0.5), "KPI.TIMEONSITE: 0.5 at row 2, column 1 of completions is not a date with its time of day (not a time alone, which has no day to pair with)"],
      ["a completion before the arrival", column(nine), column(nine - HOUR), `KPI.TIMEONSITE: ${nine - HOUR} at row 1, column 1 of completions is not a time on or after the start it is paired with`],
      ["text that is not a time", column("soon"), column(nine), /^KPI\.TIMEONSITE: "soon" at row 1, column 1 is not a date/],
      ["ranges of other sizes", column(nine), column(nine, nine), "KPI.TIMEONSITE: arrivals has 1 cells but completions has 2; they must be the same size"],
    ])("names %s", (_, a, c, message) => {
      expectKpiError(timeOnSite(a, c), "VALUE", message);
    });

    it("gives #DIV/0! with no complete visit", () => {
      expectKpiError(timeOnSite(column("", nine), column(nine, null)), "DIV0", "KPI.TIMEONSITE: no pairs of times to count");
    });
  });
});

describe("withinSla", () => {
  const nine = MAR_2_2026 + 9 * HOUR;
  const starts = column(nine, nine, nine, nine, nine, nine, nine);
  const ends = column(
    nine + 4 * HOUR, // 4 h against 4: met, on the dot
    nine + 4 * HOUR + 1 / 86_400, // 4 h and a second against 4: missed
    "2026-03-03 09:00", // 24 h against 48: met
    nine + 30 * MINUTE, // target "n/a": no target, skipped
    null, // open: skipped
    nine + 2 * HOUR, // target blank: skipped
    nine + 10 * HOUR, // 10 h against 8: missed
  );
  const targets = column(4, 4, 48, "n/a", 2, null, "8");

  it("is the share of jobs with a start, an end and a target that met it: 2 of 4", () => {
    expect(withinSla(starts, ends, targets)).toBe(2 / 4);
  });

  it("counts only the period's jobs", () => {
    const dates = column(MAR_2_2026, MAR_2_2026, MAR_2_2026 + 1, MAR_2_2026, MAR_2_2026, MAR_2_2026, MAR_2_2026 + 1);
    expect(withinSla(starts, ends, targets, { dates, from: MAR_2_2026 + 1 })).toBe(1 / 2);
  });

  it("reads half an hour as 0.5", () => {
    expect(withinSla(column(nine, nine), column(nine + 30 * MINUTE, nine + 31 * MINUTE), column(0.5, 0.5))).toBe(1 / 2);
  });

  describe("edge cases", () => {
    it.each([
      ["a target of 0", column(nine), column(nine), column(0), "KPI.WITHINSLA: 0 at row 1, column 1 of targetHours is not a number of hours above 0"],
      ["a negative target", column(nine), column(nine), column(-4), "KPI.WITHINSLA: -4 at row 1, column 1 of targetHours is not a number of hours above 0"],
      ["an error value as a target", column(nine), column(nine), column({ error: "#N/A" }), "KPI.WITHINSLA: an error value at row 1, column 1 of targetHours is not a number of hours above 0"],
      ["an end before its start", column(nine, nine), column(nine, nine - HOUR), column(4, 4), `KPI.WITHINSLA: ${nine - HOUR} at row 2, column 1 of ends is not a time on or after the start it is paired with`],
      ["an end that is not a date", column(nine), column("done"), column(4), /^KPI\.WITHINSLA: "done" at row 1, column 1 of ends is not a date/],
      ["targets of another size", column(nine), column(nine), column(4, 4), "KPI.WITHINSLA: starts has 1 cells but targetHours has 2; they must be the same size"],
    ])("names %s", (_, s, e, t, message) => {
      expectKpiError(withinSla(s, e, t), "VALUE", message);
    });

    it("skips an end before its start when the job has no target", () => {
      expect(withinSla(column(nine, nine), column(nine - HOUR, nine + HOUR), column(null, 2))).toBe(1);
    });

    it("reads targets laid out as a row against columns of times", () => {
      expect(withinSla(column(nine, nine), column(nine + HOUR, nine + 3 * HOUR), [[2, 2]])).toBe(1 / 2);
    });

    it("gives #DIV/0! with no job to count", () => {
      expectKpiError(withinSla(column(nine, ""), column(null, nine), column(4, 4)), "DIV0", "KPI.WITHINSLA: no pairs of times to count");
    });
  });
});
