import { abandonment, avgTicket, conversion, dso, leadCost, revenue } from "./finance";
import { column, expectKpiError, JAN_1_2026 } from "./testing";

describe("avgTicket", () => {
  it.each([
    ["zero-value jobs count", column(120, 0, 300), 140],
    ["numeric text counts, other text and booleans do not", column("120", "n/a", true, 180, ""), 150],
    ["a 2-D range", [[100, 200], [300, null]], 200],
  ])("%s", (_, amounts, expected) => {
    expect(avgTicket(amounts)).toBe(expected);
  });

  it("rejects a refund, saying where it is", () => {
    expectKpiError(avgTicket(column(120, -50)), "VALUE", "KPI.AVGTICKET: -50 at row 2, column 1 is not a number of 0 or more");
  });

  it("filters by period", () => {
    expect(avgTicket(column(100, 300), { dates: column(JAN_1_2026, JAN_1_2026 + 31), from: "2026-02-01" })).toBe(300);
  });

  it("gives #DIV/0! with no amounts", () => {
    expectKpiError(avgTicket(column("n/a")), "DIV0");
  });
});

describe("revenue", () => {
  it.each([
    // 120 + 0 + 300
    ["zero-value jobs count", column(120, 0, 300), 420],
    // "120" is read as 120, as AVGTICKET reads it; 120 + 180
    ["numeric text counts, other text, booleans and blanks do not", column("120", "n/a", true, 180, "", null), 300],
    // 100 + 200 + 300
    ["a 2-D range", [[100, 200], [300, null]], 600],
    ["cents add up as Excel's SUM adds them", column(0.1, 0.2), 0.1 + 0.2],
  ])("%s", (_, amounts, expected) => {
    expect(revenue(amounts)).toBe(expected);
  });

  it("is AVGTICKET × the jobs with an amount", () => {
    const amounts = column(99.5, "n/a", 250, 0, 310.25);
    // (99.5 + 250 + 0 + 310.25) / 4 = 164.9375, × 4 jobs
    expect(avgTicket(amounts)).toBe(164.9375);
    expect(revenue(amounts)).toBe(659.75);
  });

  it("filters by period, the last day in full", () => {
    const dates = column(JAN_1_2026, JAN_1_2026 + 31 + 0.75, JAN_1_2026 + 59);
    // Only 2026-02-01 18:00 is in February: 300
    expect(revenue(column(100, 300, 50), { dates, from: "2026-02-01", to: "2026-02-01" })).toBe(300);
  });

  describe("edge cases", () => {
    it("is 0 for a period with no amount, not an error", () => {
      expect(revenue(column(100), { dates: column(JAN_1_2026), from: "2026-03-01", to: "2026-03-31" })).toBe(0);
      expect(revenue(column(null, "", "n/a"))).toBe(0);
    });

    it("rejects a refund, saying where it is", () => {
      expectKpiError(revenue(column(120, -50)), "VALUE", "KPI.REVENUE: -50 at row 2, column 1 is not a number of 0 or more");
    });

    it("rejects an error value in the amounts", () => {
      expectKpiError(revenue(column(120, { type: "Error", value: "NA" })), "VALUE", "KPI.REVENUE: an error value at row 2, column 1 is not a number of 0 or more");
    });

    it("ignores an error value outside the period", () => {
      const dates = column(JAN_1_2026, JAN_1_2026 + 40);
      expect(revenue(column(120, { type: "Error", value: "NA" }), { dates, from: "2026-01-01", to: "2026-01-31" })).toBe(120);
    });

    it("names a job date that is not a date", () => {
      expectKpiError(revenue(column(120), { dates: column("soon"), from: "2026-01-01" }), "VALUE", /^KPI\.REVENUE: "soon" at row 1, column 1 of dates is not a date/);
    });
  });
});

describe("leadCost", () => {
  it.each([
    [[[300], [200]], [[40]], 12.5],
    [500, 40, 12.5],
    [[[300, "n/a"], [200, null]], [[10, 30]], 12.5],
  ])("%p over %p", (spend, leads, expected) => {
    expect(leadCost(spend, leads)).toBe(expected);
  });

  it("gives #DIV/0! with no leads", () => {
    expectKpiError(leadCost(500, [[0]]), "DIV0", "KPI.LEADCOST: leads is 0");
    expectKpiError(leadCost(500, []), "DIV0");
  });

  it("rejects negative spend, saying where", () => {
    expectKpiError(leadCost([[100], [-5]], 4), "VALUE", "KPI.LEADCOST: -5 at row 2, column 1 of spend is not a number of 0 or more");
  });
});

describe("conversion and abandonment", () => {
  it.each([
    [18, 60, 0.3],
    [[[10], [8]], [[30], [30]], 0.3],
    [0, 60, 0],
    [60, 60, 1],
  ])("conversion %p of %p", (booked, leads, expected) => {
    expect(conversion(booked, leads)).toBe(expected);
  });

  it("abandonment of 6 calls in 120 is 5%", () => {
    expect(abandonment(6, 120)).toBe(0.05);
  });

  it("rejects more booked than leads", () => {
    expectKpiError(conversion(61, 60), "VALUE", "KPI.CONVERSION: booked (61) is more than leads (60)");
    expectKpiError(abandonment(7, 6), "VALUE", "KPI.ABANDONMENT: abandoned (7) is more than total (6)");
  });

  it("gives #DIV/0! with no leads", () => {
    expectKpiError(conversion(0, 0), "DIV0", "KPI.CONVERSION: leads is 0");
  });
});

describe("totals past Excel's largest number", () => {
  const huge = column(1e308, 1e308);
  it.each([
    ["CONVERSION, the part", () => conversion(huge, huge), "KPI.CONVERSION: the total of booked is too large to show"],
    ["CONVERSION, the whole", () => conversion(1, huge), "KPI.CONVERSION: the total of leads is too large to show"],
    ["ABANDONMENT", () => abandonment(huge, huge), "KPI.ABANDONMENT: the total of abandoned is too large to show"],
    ["LEADCOST", () => leadCost(1, huge), "KPI.LEADCOST: the total of leads is too large to show"],
    ["DSO", () => dso(1, huge, 30), "KPI.DSO: the total of revenue is too large to show"],
    ["AVGTICKET", () => avgTicket(huge), "KPI.AVGTICKET: the result is too large to show"],
    ["REVENUE", () => revenue(huge), "KPI.REVENUE: the total of amounts is too large to show"],
  ])("give #NUM!, never NaN: %s", (_, run, message) => {
    expectKpiError(run(), "NUM", message);
  });
});

describe("dso", () => {
  it.each([
    [15000, 90000, 90, 15],
    [[[5000], [10000]], 90000, 90, 15],
    [0, 1000, 30, 0],
  ])("%p owed of %p over %p days", (owed, revenue, days, expected) => {
    expect(dso(owed, revenue, days)).toBe(expected);
  });

  it("gives #DIV/0! with no revenue", () => {
    expectKpiError(dso(100, 0, 30), "DIV0", "KPI.DSO: revenue is 0");
  });

  it.each([
    [100, 1000, 0, "KPI.DSO: days 0 is not a number of days above 0"],
    [100, 1000, -30, "KPI.DSO: days -30 is not a number of 0 or more"],
    [100, [[-1000]], 30, "KPI.DSO: -1000 at row 1, column 1 of revenue is not a number of 0 or more"],
  ])("bad input %#", (owed, revenue, days, message) => {
    expectKpiError(dso(owed, revenue, days), "VALUE", message);
  });
});

describe("messages name the function and the range", () => {
  it.each([
    ["AVGTICKET, dates of another size", () => avgTicket(column(100, 200), { dates: column(JAN_1_2026) }), "VALUE", "KPI.AVGTICKET: amounts has 2 cells but dates has 1; they must be the same size"],
    ["AVGTICKET, nothing to count", () => avgTicket(column("n/a")), "DIV0", "KPI.AVGTICKET: no amounts to count"],
    // 1E+308 ÷ 1E-10 is 1E+318, past Excel's largest number
    ["LEADCOST, a result too large", () => leadCost(1e308, 1e-10), "NUM", "KPI.LEADCOST: the result is too large to show"],
    ["DSO, negative receivables", () => dso(-5, 1000, 30), "VALUE", "KPI.DSO: -5 at row 1, column 1 of receivables is not a number of 0 or more"],
    // 1E+308 owed × 10 days is past Excel's largest number before it is divided
    ["DSO, a result too large", () => dso(1e308, 1, 10), "NUM", "KPI.DSO: the result is too large to show"],
  ] as const)("%s", (_, run, code, message) => {
    expectKpiError(run(), code, message);
  });
});
