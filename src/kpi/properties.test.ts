import fc from "fast-check";
import { KpiError } from "./errors";
import { Grid } from "./grid";
import * as customers from "./customers";
import * as finance from "./finance";
import * as okr from "./okr";
import * as operations from "./operations";
import * as surveys from "./surveys";
import * as text from "./sentiment";

/**
 * What no table can cover: over random ranges of mixed cells, no function throws a raw exception
 * or returns NaN/Infinity, and every ratio stays in its range.
 */

const cell = fc.oneof(
  fc.integer({ min: -3, max: 12 }), // in and out of score domains
  fc.double({ noNaN: false }), // anything a number can be, NaN and ±Infinity included
  fc.constantFrom(null, undefined, "", "  ", "n/a", "yes", "no", "是", "Ann", " ann ", "9", "2026-03-31", "2026-02-30", "Great service"),
  fc.boolean(),
  fc.integer({ min: 45_000, max: 47_000 }), // plausible dates
  fc.constant({ type: "Error" }), // an Excel error value
);
const grid: fc.Arbitrary<Grid> = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
const period = fc.record({ dates: fc.option(grid, { nil: undefined }), from: fc.option(cell, { nil: undefined }), to: fc.option(cell, { nil: undefined }) });

function expectWellFormed(result: unknown, low = -Infinity, high = Infinity): void {
  if (result instanceof KpiError) return;
  expect(typeof result).toBe("number");
  expect(Number.isFinite(result)).toBe(true);
  expect(result as number).toBeGreaterThanOrEqual(low);
  expect(result as number).toBeLessThanOrEqual(high);
}

const RUNS = { numRuns: 300 };

describe("every function over random ranges", () => {
  it.each([
    ["NPS", (g: Grid, p: object) => surveys.nps(g, p), -100, 100],
    ["CSAT", (g: Grid, p: object) => surveys.csat(g, null, p), 0, 1],
    ["CES", (g: Grid, p: object) => surveys.ces(g, null, p), 1, 7],
    ["RATE", (g: Grid, p: object) => operations.rate(g, p), 0, 1],
    ["FCR", (g: Grid, p: object) => operations.fcr(g, p), 0, 1],
    ["JOBSPERTECH", (g: Grid, p: object) => operations.jobsPerTech(g, p), 1, Infinity],
    ["REPEATRATE", (g: Grid, p: object) => customers.repeatRate(g, p), 0, 1],
    ["AVGTICKET", (g: Grid, p: object) => finance.avgTicket(g, p), 0, Infinity],
    ["SENTIMENT", (g: Grid, p: object) => text.sentiment(g, p), -1, 1],
  ])("%s stays well-formed", (_, fn, low, high) => {
    fc.assert(fc.property(grid, period, (g, p) => expectWellFormed(fn(g, p), low, high)), RUNS);
  });

  it.each([
    ["ONTIME", (a: Grid, b: Grid, p: object) => operations.ontime(a, b, null, p), 0, 1],
    ["SLA", (a: Grid, b: Grid, p: object) => operations.sla(a, b, p), 0, 1],
    ["RESPONSETIME", (a: Grid, b: Grid, p: object) => operations.responseTime(a, b, null, p), 0, Infinity],
    ["RESOLUTIONTIME", (a: Grid, b: Grid, p: object) => operations.resolutionTime(a, b, "days", p), 0, Infinity],
  ])("%s stays well-formed on pairs", (_, fn, low, high) => {
    fc.assert(fc.property(grid, grid, period, (a, b, p) => expectWellFormed(fn(a, b, p), low, high)), RUNS);
  });

  it("JOBSPERDAY stays well-formed", () => {
    fc.assert(fc.property(grid, cell, cell, (g, from, to) => expectWellFormed(operations.jobsPerDay(g, from, to), 1)), RUNS);
  });

  it("the scalar functions stay well-formed", () => {
    fc.assert(
      fc.property(cell, cell, cell, cell, cell, (a, b, c, d, e) => {
        expectWellFormed(customers.retention(a, b, c), 0, 1);
        expectWellFormed(customers.churn(a, b, c), 0, 1);
        expectWellFormed(customers.ltv(a, b, c, d, e));
        expectWellFormed(customers.lifespan(a), 1);
        expectWellFormed(okr.progress(a, b, c), 0, 1);
        expectWellFormed(okr.progress(a, b, c, d));
        expectWellFormed(okr.elapsed(a, b, c), 0, 1);
        for (const label of [okr.status(a, b, c), okr.status(a, b, null, "increase", d, e), okr.status(a, b, c, d, e, a)]) {
          if (!(label instanceof KpiError)) expect(["Done", "On track", "At risk", "Off track", "Missed", "Check target"]).toContain(label);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("the summing functions stay well-formed", () => {
    fc.assert(
      fc.property(grid, grid, cell, (a, b, days) => {
        expectWellFormed(finance.leadCost(a, b), 0);
        expectWellFormed(finance.conversion(a, b), 0, 1);
        expectWellFormed(finance.abandonment(a, b), 0, 1);
        expectWellFormed(finance.dso(a, b, days), 0);
      }),
      RUNS,
    );
  });
});
