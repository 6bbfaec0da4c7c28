import { leadCost } from "./finance";
import { rectangular } from "./grid";
import { sla } from "./operations";
import { nps } from "./surveys";
import { column, expectKpiError, hostRange, JAN_1_2026 } from "./testing";

describe("rectangular", () => {
  it.each([
    ["a rectangular range as it is", [[1, 2], [3, 4]], [[1, 2], [3, 4]]],
    ["a null row as a row of blanks", [[1, 2], null, [3, 4]], [[1, 2], [null, null], [3, 4]]],
    ["an undefined first row as a row of blanks", [undefined, [3, 4]], [[null, null], [3, 4]]],
    ["a lone value as a 1×1 range", 7, [[7]]],
    ["a list of lone values as a column", [7, "a"], [[7], ["a"]]],
    ["nothing as an empty range", null, []],
    ["rows that are all null as rows of no cells", [null, null], [[], []]],
    ["an empty range as it is", [], []],
  ])("reads %s", (_, range, expected) => {
    expect(rectangular("NPS", "scores", range)).toEqual(expected);
  });

  it("leaves a rectangular range uncopied", () => {
    const range = [[1], [2]];
    expect(rectangular("NPS", "scores", range)).toBe(range);
  });

  it.each([
    ["a short row", [[1, 2], [3]], "KPI.NPS: scores is not a rectangular range: row 2 has 1 cell but row 1 has 2 cells"],
    ["a long row after a null one", [null, [1], [2, 3]], "KPI.NPS: scores is not a rectangular range: row 3 has 2 cells but row 2 has 1 cell"],
    ["a row after a lone value", [5, [1, 2]], "KPI.NPS: scores is not a rectangular range: row 2 has 2 cells but row 1 has 1 cell"],
  ])("rejects %s, naming the rows", (_, range, message) => {
    expectKpiError(rectangular("NPS", "scores", range), "VALUE", message);
  });
});

describe("ranges with null rows or ragged rows, through the functions", () => {
  it("skips a null row of scores as blanks", () => {
    // 10 is a promoter, 0 a detractor: 0 in all
    expect(nps(hostRange([[10], null, [0]]))).toBe(0);
  });

  it("leaves out the job whose date row is null, as a blank date", () => {
    const dates = hostRange([[JAN_1_2026], null, [JAN_1_2026]]);
    expect(nps(column(10, 0, 10), { dates, from: JAN_1_2026 })).toBe(100);
  });

  it("names a ragged second range", () => {
    expectKpiError(sla(column(1, 2), [[1], [2, 3]]), "VALUE", "KPI.SLA: targets is not a rectangular range: row 2 has 2 cells but row 1 has 1 cell");
  });

  it("names ragged dates", () => {
    const dates = [[JAN_1_2026, JAN_1_2026], [JAN_1_2026]];
    expectKpiError(nps([[1, 2], [3]], { dates }), "VALUE", /^KPI\.NPS: scores is not a rectangular range/);
    expectKpiError(nps([[1, 2, 3]], { dates }), "VALUE", "KPI.NPS: dates is not a rectangular range: row 2 has 1 cell but row 1 has 2 cells");
  });

  it("sums a range with a null row", () => {
    expect(leadCost(hostRange([[300], null, [200]]), [[null], [40], [null]])).toBe(12.5);
  });
});
