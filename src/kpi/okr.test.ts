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
  ])("bad input %p", (args, message) => {
    const [baseline, target, current, cap] = args;
    expectKpiError(progress(baseline, target, current, cap), "VALUE", message);
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
  ])("progress %p against %p (tolerance %p) is %p", (done, due, tolerance, expected) => {
    expect(status(done, due, tolerance)).toBe(expected);
  });

  it("rejects a negative tolerance", () => {
    expectKpiError(status(0.5, 0.5, -0.1), "VALUE", "KPI.STATUS: tolerance -0.1 is not a number of 0 or more");
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

  it("accepts serials", () => {
    expect(elapsed(JAN_1_2026, JAN_1_2026 + 3, JAN_1_2026 + 1)).toBe(0.5);
  });

  it.each([
    [["2026-01-10", "2026-01-01", "2026-01-05"], "KPI.ELAPSED: from (2026-01-10) is after to (2026-01-01)"],
    [["2026-01-01", "soon", "2026-01-05"], /^KPI\.ELAPSED: to "soon" is not a date/],
    [["2026-01-01", "2026-01-10", null], /^KPI\.ELAPSED: asOf is blank; it must be a date/],
  ])("bad input %p", (args, message) => {
    const [from, to, asOf] = args;
    expectKpiError(elapsed(from, to, asOf), "VALUE", message);
  });
});
