import { elapsed, progress, status } from "./okr";
import { expectKpiError, JAN_1_2026 } from "./testing";

describe("progress", () => {
  it.each([
    ["half way up", [40, 60, 50], 0.5],
    ["half way down (response time 4 h to 2 h)", [4, 2, 3], 0.5],
    ["past the target, capped", [40, 60, 70], 1],
    ["past the target, uncapped", [40, 60, 70, false], 1.5],
    ["below the baseline, capped", [40, 60, 30], 0],
    ["below the baseline, uncapped", [40, 60, 30, "no"], -0.5],
    ["target equals baseline, held", [5, 5, 5], 1],
    ["target equals baseline, above", [5, 5, 6], 1],
    ["target equals baseline, below", [5, 5, 4], 0],
    ["numeric text", ["40", "60", "55"], 0.75],
  ])("%s", (_, args, expected) => {
    const [baseline, target, current, cap] = args;
    expect(progress(baseline, target, current, cap)).toBe(expected);
  });

  it.each([
    [[40, 60, ""], "KPI.PROGRESS: current is blank; it must be a number"],
    [[40, "sixty", 50], 'KPI.PROGRESS: target "sixty" is not a number'],
    [[40, 60, 50, "maybe"], 'KPI.PROGRESS: cap "maybe" is not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)'],
    [["forty", 60, 50], 'KPI.PROGRESS: baseline "forty" is not a number'],
  ])("bad input %p", (args, message) => {
    const [baseline, target, current, cap] = args;
    expectKpiError(progress(baseline, target, current, cap), "VALUE", message);
  });

  it.each([
    // 2E+308 from the baseline to the target: any progress would read 0
    [[-1e308, 1e308, 0], "KPI.PROGRESS: target − baseline is too large to show"],
    [[-1e308, 0, 1e308], "KPI.PROGRESS: the result is too large to show"],
  ])("gives #NUM! past Excel's largest number: %p", (args, message) => {
    const [baseline, target, current] = args;
    expectKpiError(progress(baseline, target, current), "NUM", message);
  });
});

describe("status", () => {
  it.each([
    [1, 0.5, undefined, "Done"],
    [1.2, 0.5, undefined, "Done"],
    [0.45, 0.5, undefined, "On track"],
    [0.4, 0.5, undefined, "On track"], // exactly expected − tolerance
    [0.7, 0.8, undefined, "On track"], // 0.8 − 0.1 is 0.7000000000000001 in floating point
    [0.35, 0.5, undefined, "At risk"],
    [0.3, 0.5, undefined, "At risk"], // exactly expected − 2 × tolerance
    [0.29, 0.5, undefined, "Off track"],
    [0.49, 0.5, 0, "Off track"],
    [0.3, 0.5, 0.2, "On track"],
    [0.9999999999, 0.5, undefined, "Done"], // 1 in floating point
    [0, 0, undefined, "On track"], // the first day: nothing expected yet
    // Exactly at each threshold less the 1e-9 slack: the rule says "at least", so the better label.
    [0.999999999, 0.5, undefined, "Done"], // 1 − 1e-9
    [0.499999999, 0.5, 0, "On track"], // 0.5 − 0 − 1e-9
    [0.249999999, 0.75, 0.25, "At risk"], // 0.75 − 2 × 0.25 − 1e-9
  ])("progress %p against %p (tolerance %p) is %p", (done, due, tolerance, expected) => {
    expect(status(done, due, tolerance)).toBe(expected);
  });

  describe("a finished period (expected 1) is Done or Missed", () => {
    it.each([
      [1, "Done"],
      [1.5, "Done"],
      [0.95, "Missed"], // within tolerance, but there is no time left
      [0.85, "Missed"],
      [0.5, "Missed"],
      [0, "Missed"],
    ])("progress %p is %p", (done, expected) => {
      expect(status(done, 1)).toBe(expected);
    });

    it("counts expected within the 1e-9 slack of 1 as over", () => {
      expect(status(0.5, 0.999999999)).toBe("Missed");
    });
  });

  describe("a target that contradicts the type reads Check target, whatever the progress", () => {
    it.each([
      ["increase", 60, 40, 1, "Check target"], // NPS "up" from 60 to 40: progress 1 would mean it fell
      ["increase", 50, 50, 1, "Check target"],
      ["increase", 60, 40, 0.2, "Check target"],
      ["decrease", 2, 4, 1, "Check target"], // response time "down" from 2 h to 4 h
      ["decrease", 3, 3, 0, "Check target"],
      ["increase", 40, 60, 0.45, "On track"],
      ["increase", 40, 40.5, 1, "Done"],
      ["decrease", 4, 2, 0.35, "At risk"],
      ["Decrease ", 4, 2, 1, "Done"], // any case, trimmed
      ["above", 90, 80, 1, "Done"], // "stay above" has no direction to contradict
      ["below", 2, 4, 0.2, "Off track"],
      ["above", "", "", 0.45, "On track"], // baseline and target are not read
      ["", 60, 40, 1, "Done"], // no type, no check
    ])("%p from %p to %p at progress %p is %p", (type, baseline, target, done, expected) => {
      expect(status(done, 0.5, null, type, baseline, target)).toBe(expected);
    });

    it("before Missed when the period is over", () => {
      expect(status(0, 1, null, "increase", 60, 40)).toBe("Check target");
    });
  });

  describe("edge cases", () => {
    it.each([
      [[0.5, 0.5, -0.1], "KPI.STATUS: tolerance -0.1 is not a number of 0 or more"],
      [["", 0.5], "KPI.STATUS: progress is blank; it must be a number"],
      [[0.5, "half"], 'KPI.STATUS: expected "half" is not a number'],
      [[0.5, 0.5, null, "up"], 'KPI.STATUS: type "up" is not one of "increase", "decrease", "above" or "below"'],
      [[0.5, 0.5, null, 1], 'KPI.STATUS: type 1 is not one of "increase", "decrease", "above" or "below"'],
      [[0.5, 0.5, null, "increase", "", 60], "KPI.STATUS: baseline is blank; it must be a number"],
      [[0.5, 0.5, null, "decrease", 4, "two"], 'KPI.STATUS: target "two" is not a number'],
    ])("bad input %p", (args, message) => {
      const [done, due, tolerance, type, baseline, target] = args;
      expectKpiError(status(done, due, tolerance, type, baseline, target), "VALUE", message);
    });

    it("reads numeric text and a lone cell passed as a 1×1 range", () => {
      expect(status("0.45", [[0.5]], null, [["increase"]], "40", 60)).toBe("On track");
    });
  });
});

describe("elapsed", () => {
  // 2026-01-01 .. 2026-01-10: ten days
  it.each([
    ["third day", "2026-01-03", 0.3],
    ["first day", "2026-01-01", 0.1],
    ["late on the first day", JAN_1_2026 + 0.99, 0.1],
    ["last day", "2026-01-10", 1],
    ["after the period", "2026-02-01", 1],
    ["before the period", "2025-12-31", 0],
  ])("%s", (_, asOf, expected) => {
    expect(elapsed("2026-01-01", "2026-01-10", asOf)).toBe(expected);
  });

  it("counts a one-day period: 0 before it, 1 on the day", () => {
    expect(elapsed("2026-01-05", "2026-01-05", "2026-01-05")).toBe(1);
    expect(elapsed("2026-01-05", "2026-01-05", "2026-01-04")).toBe(0);
  });

  it("accepts serials", () => {
    expect(elapsed(JAN_1_2026, JAN_1_2026 + 3, JAN_1_2026 + 1)).toBe(0.5);
  });

  it.each([
    [["2026-01-10", "2026-01-01", "2026-01-05"], "KPI.ELAPSED: from (2026-01-10) is after to (2026-01-01)"],
    [["2026-01-01", "soon", "2026-01-05"], /^KPI\.ELAPSED: to "soon" is not a date/],
    [["New Year", "2026-01-10", "2026-01-05"], 'KPI.ELAPSED: from "New Year" is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
    [["2026-01-01", "2026-01-10", null], /^KPI\.ELAPSED: asOf is blank; it must be a date/],
  ])("bad input %p", (args, message) => {
    const [from, to, asOf] = args;
    expectKpiError(elapsed(from, to, asOf), "VALUE", message);
  });
});
