import { churn, customerCount, lifespan, ltv, newCustomers, repeatRate, retained, retention } from "./customers";
import { column, expectKpiError, JAN_1_2026 } from "./testing";

describe("retention and churn", () => {
  it.each([
    // start, end, new → kept = end − new
    [200, 210, 30, 180 / 200, 20 / 200],
    [100, 100, 0, 1, 0],
    [50, 10, 10, 0, 1],
    ["200", " 210 ", "30", 0.9, 0.1],
    [[[200]], [[210]], [[30]], 0.9, 0.1],
  ])("start %p, end %p, new %p", (start, end, added, kept, lost) => {
    expect(retention(start, end, added)).toBe(kept);
    expect(churn(start, end, added)).toBe(lost);
  });

  it("gives #DIV/0! with no customers at the start", () => {
    expectKpiError(retention(0, 5, 5), "DIV0", "KPI.RETENTION: start is 0");
    expectKpiError(churn(0, 5, 5), "DIV0", "KPI.CHURN: start is 0");
  });

  it.each([
    [-1, 10, 0, "KPI.RETENTION: start -1 is not a whole count of 0 or more"],
    [10, 10.5, 0, "KPI.RETENTION: end 10.5 is not a whole count of 0 or more"],
    [10, 10, "lots", 'KPI.RETENTION: new "lots" is not a number'],
    [10, null, 0, "KPI.RETENTION: end is blank; it must be a number"],
    [[[10, 20]], 10, 0, "KPI.RETENTION: start a range of several cells is not a number"],
    [100, 150, 10, "KPI.RETENTION: end 150 − new 10 = 140 customers kept, which must be between 0 and start 100"],
    [100, 10, 20, "KPI.RETENTION: end 10 − new 20 = -10 customers kept, which must be between 0 and start 100"],
  ])("bad counts %#", (start, end, added, message) => {
    expectKpiError(retention(start, end, added), "VALUE", message);
  });

  it("names CHURN in its own messages", () => {
    expectKpiError(churn(100, 150, 10), "VALUE", /^KPI\.CHURN: end 150/);
  });
});

describe("ltv", () => {
  it.each([
    [[250, 3, 4, 0.4, 150], 1050], // 250 × 3 × 4 = 3000; × 0.4 = 1200; − 150
    [[100, 2, 3, null, null], 600], // margin 1 and no cost by default
    [[100, 2, 3, "", ""], 600],
    [[100, 0, 3, 1, 50], -50], // a customer who never books again costs their acquisition
  ])("%p", (args, expected) => {
    const [ticket, perYear, years, margin, cost] = args;
    expect(ltv(ticket, perYear, years, margin, cost)).toBe(expected);
  });

  it.each([
    [[-250, 3, 4], "KPI.LTV: avgTicket -250 is not a number of 0 or more"],
    [[250, 3, 4, 1.2], "KPI.LTV: margin 1.2 is not a share from 0 to 1 (0% to 100%)"],
    [[250, 3, -1], "KPI.LTV: years -1 is not a number of 0 or more"],
    [[250, 3, 4, 0.5, -10], "KPI.LTV: acquisitionCost -10 is not a number of 0 or more"],
  ])("bad input %p", (args, message) => {
    const [ticket, perYear, years, margin, cost] = args;
    expectKpiError(ltv(ticket, perYear, years, margin, cost), "VALUE", message);
  });
});

describe("lifespan", () => {
  it.each([
    [0.25, 4],
    [1, 1],
    [0.2, 5],
  ])("churn %p lasts %p years", (churnRate, years) => {
    expect(lifespan(churnRate)).toBe(years);
  });

  it("gives #DIV/0! for no churn", () => {
    expectKpiError(lifespan(0), "DIV0", "KPI.LIFESPAN: annualChurn is 0");
  });

  it.each([1.5, -0.1])("rejects churn of %p", (churnRate) => {
    expectKpiError(lifespan(churnRate), "VALUE", `KPI.LIFESPAN: annualChurn ${churnRate} is not a share from 0 to 1 (0% to 100%)`);
  });
});

describe("repeatRate", () => {
  it.each([
    // ann ×2, bo ×1, cy ×3, dee ×1: 2 of 4 came back
    ["names compare trimmed and case-insensitively", column("Ann", "ann ", "Bo", "Cy", "cy", " CY", null, "Dee"), 0.5],
    ["numbers equal their text", column(1001, "1001", 1002), 0.5],
    ["nobody came back", column("a", "b", "c"), 0],
    ["everybody came back", [["a", "b", "a", "b"]], 1],
    ["booleans and blanks name nobody", column("a", "a", true, "", " "), 1],
    // As doubles both are 123456789012345680: typed as text, they are two customers.
    ["18-digit customer numbers typed as text stay apart", column("123456789012345678", "123456789012345679"), 0],
    ["an 18-digit customer number typed twice is one customer", column("123456789012345678", " 123456789012345678 "), 1],
  ])("%s", (_, customers, expected) => {
    expect(repeatRate(customers)).toBe(expected);
  });

  it("counts only the period's jobs", () => {
    const customers = column("Ann", "Ann", "Bo", "Bo");
    const dates = column(JAN_1_2026, JAN_1_2026 + 40, JAN_1_2026 + 1, JAN_1_2026 + 2);
    // January: Ann once, Bo twice
    expect(repeatRate(customers, { dates, from: "2026-01-01", to: "2026-01-31" })).toBe(0.5);
  });

  it("gives #DIV/0! with no customers", () => {
    expectKpiError(repeatRate(column("", null)), "DIV0");
  });
});

describe("results beyond Excel's numbers", () => {
  it("give #NUM! rather than Infinity", () => {
    expectKpiError(lifespan(5e-324), "NUM", "KPI.LIFESPAN: the result is too large to show");
    expectKpiError(ltv(1e200, 1e200, 1), "NUM");
  });
});

describe("messages name the function, the argument and the range", () => {
  it.each([
    ["LTV, negative jobs per year", () => ltv(250, -3, 4), "VALUE", "KPI.LTV: jobsPerYear -3 is not a number of 0 or more"],
    // 1E+200 × 1E+200 is past Excel's largest number
    ["LTV, a result too large", () => ltv(1e200, 1e200, 1), "NUM", "KPI.LTV: the result is too large to show"],
    ["REPEATRATE, dates of another size", () => repeatRate(column("Ann", "Bo"), { dates: column(JAN_1_2026) }), "VALUE", "KPI.REPEATRATE: customers has 2 cells but dates has 1; they must be the same size"],
    ["REPEATRATE, a date that is not one", () => repeatRate(column("Ann"), { dates: column("soon") }), "VALUE", 'KPI.REPEATRATE: "soon" at row 1, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
    ["REPEATRATE, nothing to count", () => repeatRate(column("", null)), "DIV0", "KPI.REPEATRATE: no customers to count"],
  ] as const)("%s", (_, run, code, message) => {
    expectKpiError(run(), code, message);
  });
});

describe("customers from the job log: customerCount, retained, newCustomers", () => {
  // December 2025, January 2026, February 2026 as serials: 2025-12-01 is 31 days before 2026-01-01.
  const DEC = JAN_1_2026 - 31;
  const JAN = JAN_1_2026;
  const FEB = JAN_1_2026 + 31;
  const JAN_31 = FEB - 1;
  const FEB_28 = FEB + 27;
  // Dec: Ann. Jan: ann, Bo, 1001, "Cy" at 23:30 on the 31st. Feb: Bo, "1001", Dee, Cy.
  const customers = column("Ann", " ann", "Bo", 1001, "Cy", "BO ", "1001", "Dee", "cy", null, "Eve");
  const dates = column(DEC + 3, JAN, JAN + 5, JAN + 9, JAN_31 + 0.979, FEB, FEB + 1, FEB + 2, FEB_28 + 0.5, FEB, null);

  it.each([
    // ann, bo, 1001, cy in January; the blank customer and Eve (no date) name nobody in a period.
    ["January", JAN, JAN_31, 4],
    // bo, 1001, dee, cy
    ["February", FEB, FEB_28, 4],
    // ann, bo, 1001, cy, dee: Eve has no date, so no period holds her
    ["December to February", DEC, FEB_28, 5],
    ["a month with no jobs", FEB + 40, FEB + 60, 0],
  ])("customerCount in %s", (_, from, to, expected) => {
    expect(customerCount(customers, { dates, from, to })).toBe(expected);
  });

  it("customerCount without dates counts the whole range: ann, bo, 1001, cy, dee, eve", () => {
    expect(customerCount(customers)).toBe(6);
    expect(customerCount(column(null, " ", true))).toBe(0);
  });

  it.each([
    // January's ann, bo, 1001, cy: bo, 1001 and cy are back in February (ann is not)
    ["January to February", JAN, JAN_31, FEB, FEB_28, 3],
    // December's ann is back in January
    ["December to January", DEC, DEC + 30, JAN, JAN_31, 1],
    // nobody in March
    ["February to March", FEB, FEB_28, FEB_28 + 1, FEB_28 + 31, 0],
    ["an empty earlier period", FEB + 40, FEB + 60, FEB, FEB_28, 0],
  ])("retained, %s", (_, previousFrom, previousTo, from, to, expected) => {
    expect(retained(customers, dates, previousFrom, previousTo, from, to)).toBe(expected);
  });

  it("retained reads dates typed as text", () => {
    expect(retained(customers, dates, "2026-01-01", "2026-01-31", "2026-02-01", "2026-02-28")).toBe(3);
  });

  it.each([
    // February's bo, 1001, cy all had January jobs; dee is new
    ["February", FEB, FEB_28, 1],
    // January: bo, 1001, cy new; ann had a December job
    ["January", JAN, JAN_31, 3],
    // everyone from the log's first day is new: ann, bo, 1001, cy, dee
    ["from the first job on", DEC, FEB_28, 5],
    ["a period with no jobs", FEB + 40, FEB + 60, 0],
  ])("newCustomers in %s", (_, from, to, expected) => {
    expect(newCustomers(customers, dates, from, to)).toBe(expected);
  });

  it("newCustomers counts a job at 23:59 the day before the period as earlier", () => {
    expect(newCustomers(column("Ann", "ann"), column(JAN - 1 + 0.999, JAN), JAN, JAN_31)).toBe(0);
  });

  describe("edge cases", () => {
    it("blank and error cells name nobody; TRUE is not a name", () => {
      const names = column({ type: "Error", value: "#N/A" }, true, "", "Ann");
      const days = column(JAN, JAN, JAN, JAN);
      expect(customerCount(names, { dates: days, from: JAN, to: JAN })).toBe(1);
      expect(newCustomers(names, days, JAN, JAN)).toBe(1);
    });

    it.each([
      ["a date that is not one", () => retained(column("Ann"), column("soon"), JAN, JAN_31, FEB, FEB_28), 'KPI.RETAINED: "soon" at row 1, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
      ["a previous period that is not a date", () => retained(column("Ann"), column(JAN), "soon", JAN_31, FEB, FEB_28), 'KPI.RETAINED: previousFrom "soon" is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
      ["a period reversed", () => retained(column("Ann"), column(JAN), JAN_31, JAN, FEB, FEB_28), "KPI.RETAINED: from (2026-01-31) is after to (2026-01-01)"],
      ["dates of another size", () => newCustomers(column("Ann", "Bo"), column(JAN), JAN, JAN_31), "KPI.NEWCUSTOMERS: customers has 2 cells but dates has 1; they must be the same size"],
      ["a period without dates", () => customerCount(column("Ann"), { from: JAN }), "KPI.CUSTOMERS: from and to need the dates range to filter on"],
    ] as const)("%s", (_, run, message) => {
      expectKpiError(run(), "VALUE", message);
    });
  });
});
