import { ces, csat, nps } from "./surveys";
import { column, expectKpiError, HOUR, JAN_1_2026, MINUTE } from "./testing";

describe("nps", () => {
  it.each([
    ["two promoters, two passives, two detractors", column(10, 9, 8, 7, 6, 0), 0],
    ["3 promoters and 1 detractor of 4", column(10, 10, 9, 3), 50],
    ["all promoters", column(9, 10), 100],
    ["all detractors", column(0, 6, 3), -100],
    ["numeric text counts", column("10", " 9 ", "9.0", 5), 50],
    ["blanks are skipped", column(10, null, "", "   ", undefined, 0), 0],
    ["other text and booleans are ignored", column(10, "n/a", true, false, "ten", 8), 50],
    ["a 2-D range is read cell by cell", [[10, 0], [9, 7]], 25],
    ["a third of the answers are promoters", column(10, 7, 8), 100 / 3],
  ])("%s", (_, scores, expected) => {
    expect(nps(scores)).toBe(expected);
  });

  it.each([
    [column(10, 9, 8, 11), "KPI.NPS: 11 at row 4, column 1 is not a whole score from 0 to 10"],
    [[[10, 7.5]], "KPI.NPS: 7.5 at row 1, column 2 is not a whole score from 0 to 10"],
    [column(-1), "KPI.NPS: -1 at row 1, column 1 is not a whole score from 0 to 10"],
    [column(5, "11"), 'KPI.NPS: "11" at row 2, column 1 is not a whole score from 0 to 10'],
    [column({ type: "Error" }), "KPI.NPS: an error value at row 1, column 1 is not a whole score from 0 to 10"],
  ])("out-of-domain input %#", (scores, message) => {
    expectKpiError(nps(scores), "VALUE", message);
  });

  it.each([
    ["an empty range", []],
    ["all blank", column(null, "", " ")],
    ["only text", column("n/a", "none")],
  ])("nothing to count: %s", (_, scores) => {
    expectKpiError(nps(scores), "DIV0");
  });

  describe("period filter", () => {
    const from = JAN_1_2026 + 31; // 2026-02-01
    const to = from + 27; // 2026-02-28
    const scores = column(0, 10, 9, 0, 0);
    const dates = column(
      from - 15 * MINUTE, // 23:45 the day before: out
      from, // 00:00 on from: in
      to + 23 * HOUR + 59 * MINUTE, // 23:59 on to: in
      to + 1, // 00:00 the day after: out
      null, // no date while filtering: out
    );

    it("keeps from's whole day through to's whole day", () => {
      expect(nps(scores, { dates, from, to })).toBe(100);
    });

    it("accepts ISO text for the dates and bounds", () => {
      const isoDates = column("2026-01-31 23:45", "2026-02-01", "2026-02-28 23:59", "2026-03-01 00:00", "");
      expect(nps(scores, { dates: isoDates, from: "2026-02-01", to: "2026-02-28" })).toBe(100);
    });

    it("treats a bound given with a time of day as its whole day", () => {
      expect(nps(scores, { dates, from: from + 0.5, to: to + 0.25 })).toBe(100);
    });

    it("leaves a side open when its bound is missing", () => {
      // from only: 10, 9 and the 0 of the day after count
      expect(nps(scores, { dates, from })).toBeCloseTo((100 * (2 - 1)) / 3, 12);
      // to only: the 0 of the day before, 10 and 9
      expect(nps(scores, { dates, to })).toBeCloseTo((100 * (2 - 1)) / 3, 12);
    });

    it("drops blank-dated rows whenever dates are given", () => {
      expect(nps(column(10, 0), { dates: column(from, null) })).toBe(100);
    });

    it("pairs cells in reading order when the shapes differ", () => {
      expect(nps([[0, 10]], { dates: column(from - 1, from), from, to })).toBe(100);
    });

    it("says which date is not a date", () => {
      expectKpiError(
        nps(column(10, 9, 8), { dates: column(from, from, "soon"), from, to }),
        "VALUE",
        'KPI.NPS: "soon" at row 3, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)',
      );
    });

    it("rejects dates that do not exist", () => {
      expectKpiError(nps(column(10), { dates: column("2026-02-30"), from, to }), "VALUE", /"2026-02-30" at row 1/);
    });

    it("names both sizes when the ranges differ in size", () => {
      expectKpiError(
        nps(column(10, 9, 8, 7), { dates: column(from, from, from) }),
        "VALUE",
        "KPI.NPS: scores has 4 cells but dates has 3; they must be the same size",
      );
    });

    it("rejects a period that ends before it starts", () => {
      expectKpiError(nps(scores, { dates, from: to, to: from }), "VALUE", "KPI.NPS: from (2026-02-28) is after to (2026-02-01)");
    });

    it("rejects a bound that is not a date", () => {
      expectKpiError(nps(scores, { dates, from: "last month" }), "VALUE", /KPI.NPS: from "last month" is not a date/);
    });

    it("asks for dates when only bounds are given", () => {
      expectKpiError(nps(scores, { from, to }), "VALUE", "KPI.NPS: from and to need the dates range to filter on");
    });

    it("gives #DIV/0! when no job falls in the period", () => {
      expectKpiError(nps(scores, { dates, from: to + 10, to: to + 20 }), "DIV0");
    });
  });
});

describe("csat", () => {
  it.each([
    ["top two boxes of five", column(5, 4, 3, 2, 1), undefined, 0.4],
    ["numeric text and blanks", column("5", "", 4, "n/a", 1), null, 2 / 3],
    ["a 1-10 scale counts 9 and 10", column(10, 9, 8, 1), 10, 0.5],
    ["a 1-3 scale counts 2 and 3", column(3, 2, 1, 1), 3, 0.5],
    ["a blank scale is the default", column(5, 3), "", 0.5],
    // The smallest scale, 1-2: its top two boxes are every answer.
    ["a 1-2 scale counts every answer", column(1, 2, 2), 2, 1],
  ])("%s", (_, scores, scale, expected) => {
    expect(csat(scores, scale)).toBe(expected);
  });

  it.each([
    [column(6), undefined, "KPI.CSAT: 6 at row 1, column 1 is not a whole score from 1 to 5"],
    [column(5, 0), undefined, "KPI.CSAT: 0 at row 2, column 1 is not a whole score from 1 to 5"],
    [column(4.5), undefined, "KPI.CSAT: 4.5 at row 1, column 1 is not a whole score from 1 to 5"],
    [column(5), 1, "KPI.CSAT: scale 1 is not a whole number of 2 or more"],
    [column(5), 4.5, "KPI.CSAT: scale 4.5 is not a whole number of 2 or more"],
    [column(5), "five", 'KPI.CSAT: scale "five" is not a number'],
  ])("bad input %#", (scores, scale, message) => {
    expectKpiError(csat(scores, scale), "VALUE", message);
  });

  it("filters by period", () => {
    expect(csat(column(5, 1), undefined, { dates: column(JAN_1_2026, JAN_1_2026 + 1), to: JAN_1_2026 })).toBe(1);
  });

  it("gives #DIV/0! with no answers", () => {
    expectKpiError(csat(column("", null)), "DIV0");
  });
});

describe("ces", () => {
  it.each([
    ["mean of the answers", column(1, 2, 3, 7), undefined, 13 / 4],
    ["blanks and text skipped", column(2, "", "n/a", true, "4"), undefined, 3],
    ["a 1-5 scale", column(5, 1), 5, 3],
    ["a 1-2 scale, the smallest", column(1, 2, 2, 2), 2, 7 / 4],
    ["scores between whole numbers count", column(1.5, 2.5), undefined, 2],
  ])("%s", (_, scores, scale, expected) => {
    expect(ces(scores, scale)).toBe(expected);
  });

  it.each([
    [column(8), undefined, "KPI.CES: 8 at row 1, column 1 is not a score from 1 to 7"],
    [column(2, 6), 5, "KPI.CES: 6 at row 2, column 1 is not a score from 1 to 5"],
    [column(0), undefined, "KPI.CES: 0 at row 1, column 1 is not a score from 1 to 7"],
  ])("out of scale %#", (scores, scale, message) => {
    expectKpiError(ces(scores, scale), "VALUE", message);
  });

  it("gives #DIV/0! with no answers", () => {
    expectKpiError(ces([]), "DIV0");
  });

  it("gives #NUM! when answers on a huge scale overflow their total", () => {
    expectKpiError(ces(column(1e308, 1e308), 1e308), "NUM", "KPI.CES: the result is too large to show");
  });
});

describe("messages name the function, the argument and the range", () => {
  it.each([
    ["NPS, nothing to count", () => nps(column("")), "DIV0", "KPI.NPS: no scores to count"],
    ["CSAT, dates of another size", () => csat(column(5, 4), undefined, { dates: column(JAN_1_2026) }), "VALUE", "KPI.CSAT: scores has 2 cells but dates has 1; they must be the same size"],
    ["CSAT, nothing to count", () => csat(column(null)), "DIV0", "KPI.CSAT: no scores to count"],
    ["CES, a scale of 1", () => ces(column(1), 1), "VALUE", "KPI.CES: scale 1 is not a whole number of 2 or more"],
    ["CES, dates of another size", () => ces(column(2, 3), undefined, { dates: column(JAN_1_2026) }), "VALUE", "KPI.CES: scores has 2 cells but dates has 1; they must be the same size"],
    ["CES, nothing to count", () => ces(column("n/a")), "DIV0", "KPI.CES: no scores to count"],
  ] as const)("%s", (_, run, code, message) => {
    expectKpiError(run(), code, message);
  });
});
