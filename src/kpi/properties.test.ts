import fc from "fast-check";
import * as customers from "./customers";
import { KpiError } from "./errors";
import * as finance from "./finance";
import { Grid } from "./grid";
import * as okr from "./okr";
import * as operations from "./operations";
import { PeriodArgs } from "./period";
import * as text from "./sentiment";
import * as surveys from "./surveys";
import { expectKpiError, JAN_1_2026 } from "./testing";

/**
 * Two halves (STYLE.md, habit 3). On valid input, generated with its meaning, every function must
 * return a number, and the number the definition gives, worked out here from that meaning; with
 * nothing to count, #DIV/0!. On invalid or arbitrary input it must return a KpiError with a message,
 * never throw, never NaN or Infinity. Fixed seed: a failure prints the seed and path that replay it.
 */
const RUNS = { seed: 20_260_401, numRuns: 300 };

/** A cell and what it means by the definition; undefined for a cell the function skips. */
type Sample<M> = readonly [cell: unknown, meaning: M | undefined];
type Pair = readonly [unknown, unknown];

const mean = (xs: number[]) => (xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length);
const shareOf = <M>(xs: M[], test: (x: M) => boolean) => (xs.length === 0 ? undefined : xs.filter(test).length / xs.length);
const total = (grid: number[][]) => grid.flat().reduce((a, b) => a + b, 0);
const firsts = (cells: Pair[][]): Grid => cells.map((row) => row.map((pair) => pair[0]));
const seconds = (cells: Pair[][]): Grid => cells.map((row) => row.map((pair) => pair[1]));

/** How many valid runs gave a number, per function: a generator that only makes empty input proves nothing. */
const numbers: Record<string, number> = {};

/** `expected` undefined means nothing to count. */
function expectResult(name: string, result: unknown, expected: number | undefined, tolerance = 1e-9): void {
  if (expected === undefined) return expectKpiError(result, "DIV0");
  expect(typeof result).toBe("number");
  expect(Math.abs((result as number) - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  numbers[name] = (numbers[name] ?? 0) + 1;
}

function expectMostlyNumbers(name: string): void {
  expect(numbers[name]).toBeGreaterThanOrEqual(0.8 * RUNS.numRuns);
}

function gridOf<T>(cell: fc.Arbitrary<T>): fc.Arbitrary<T[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
}

/** A sample, or now and then a blank cell (null, "", spaces) that means nothing. */
function orBlank<M>(sample: fc.Arbitrary<Sample<M>>): fc.Arbitrary<Sample<M>> {
  const blank = fc.constantFrom<Sample<M>>([null, undefined], ["", undefined], ["  ", undefined]);
  return fc.oneof({ weight: 9, arbitrary: sample }, { weight: 1, arbitrary: blank });
}

/** A number, or the same number as text ("9", " 9 "), as cells hold them. */
function asCell(value: number): fc.Arbitrary<Sample<number>> {
  return fc.constantFrom<Sample<number>>([value, value], [String(value), value], [` ${value} `, value]);
}

// Job dates in January 2026, as a serial with a time of day or as ISO text; the meaning is the day.
const day = fc.integer({ min: 0, max: 30 });
const iso = (d: number) => `2026-01-${String(d + 1).padStart(2, "0")}`;
const jobDate: fc.Arbitrary<Sample<number>> = orBlank(
  fc.oneof(
    fc.tuple(day, fc.integer({ min: 0, max: 47 })).map(([d, half]): Sample<number> => [JAN_1_2026 + d + half / 48, d]),
    day.map((d): Sample<number> => [iso(d), d]),
  ),
);

/** from ≤ to, each a day that occurs in the dates (picked by index), or left open. */
const bounds = fc.record({ from: fc.option(fc.nat(), { nil: undefined }), to: fc.option(fc.nat(), { nil: undefined }), asText: fc.boolean() });

function period(datedDays: number[], picks: { from?: number; to?: number; asText: boolean }) {
  const days = [...datedDays].sort((a, b) => a - b);
  const pick = (i?: number) => (i === undefined || days.length === 0 ? undefined : days[i % days.length]);
  const [lo, hi] = [pick(picks.from), pick(picks.to)];
  const [first, last] = lo !== undefined && hi !== undefined && lo > hi ? [hi, lo] : [lo, hi];
  const bound = (d?: number) => (d === undefined ? null : picks.asText ? iso(d) : JAN_1_2026 + d);
  const keeps = (d: number | undefined) => d !== undefined && (first === undefined || d >= first) && (last === undefined || d <= last);
  return { from: bound(first), to: bound(last), keeps };
}

/** Values with their job dates (same shape), sometimes filtered to a period; `kept` means the values counted. */
function dated<M>(sample: fc.Arbitrary<Sample<M>>) {
  return fc.record({ jobs: gridOf(fc.tuple(sample, jobDate)), filtered: fc.boolean(), picks: bounds }).map(({ jobs, filtered, picks }) => {
    const cells = jobs.map((row) => row.map(([[cell]]) => cell));
    const all = jobs.flat();
    const meanings = (rows: typeof all) => rows.map(([[, m]]) => m).filter((m): m is M => m !== undefined);
    if (!filtered) return { cells, period: {} as PeriodArgs, kept: meanings(all) };
    const { from, to, keeps } = period(all.map(([, [, d]]) => d).filter((d): d is number => d !== undefined), picks);
    const dates = jobs.map((row) => row.map(([, [date]]) => date));
    return { cells, period: { dates, from, to }, kept: meanings(all.filter(([, [, d]]) => keeps(d))) };
  });
}

const score = (low: number, high: number) => orBlank(fc.integer({ min: low, max: high }).chain(asCell));
const FLAGS: Sample<boolean>[] = [
  [true, true], [false, false], [1, true], [0, false], ["yes", true], ["No", false], [" Y ", true], ["n", false],
  ["TRUE", true], ["false", false], ["是", true], ["否", false],
];
const flag = orBlank(fc.constantFrom(...FLAGS));
const amount = orBlank(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100).chain(asCell) },
    { weight: 1, arbitrary: fc.constantFrom<Sample<number>>(["n/a", undefined], [true, undefined]) },
  ),
);
/** One customer (or technician) per index, spelled every way that names them; a boolean names nobody. */
const PEOPLE: unknown[][] = [["Ann", " ann", "ANN "], [1001, "1001", " 1001 "], ["123456789012345678"], ["123456789012345679"], ["李雷", " 李雷 "], ["Bo"]];
const person = orBlank(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: PEOPLE.length - 1 }).chain((i) => fc.constantFrom(...PEOPLE[i]).map((cell): Sample<number> => [cell, i])) },
    { weight: 1, arbitrary: fc.constant<Sample<number>>([true, undefined]) },
  ),
);
/** Each comment's meaning: whether SENTIMENT reads it (English) or leaves it out (another script). */
const COMMENTS: Sample<boolean>[] = [
  ["Great, friendly tech", true], ["Late and rude", true], ["ok", true], ["Fixed the leak fast, thank you", true], ["准时", false], ["not good", true],
];
const comment = orBlank(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...COMMENTS) },
    { weight: 1, arbitrary: fc.constantFrom<Sample<boolean>>([5, undefined], [false, undefined]) },
  ),
);

// Times in January in whole minutes, so lateness and durations are exact whole numbers here.
const minuteOfMonth = fc.integer({ min: 0, max: 31 * 1440 - 1 });
const serialAt = (minutes: number) => JAN_1_2026 + minutes / 1440;
/** A pair, or now and then one with a blank side, which is skipped. */
function orBlankSide<M>(sample: fc.Arbitrary<Sample<M>>): fc.Arbitrary<Sample<M>> {
  const blank = fc.constantFrom<Sample<M>>([[null, JAN_1_2026], undefined], [[JAN_1_2026, ""], undefined], [["  ", null], undefined]);
  return fc.oneof({ weight: 9, arbitrary: sample }, { weight: 1, arbitrary: blank });
}
const lateness = orBlankSide(
  fc.tuple(minuteOfMonth, fc.integer({ min: -60, max: 60 })).map(([due, late]): Sample<number> => [[serialAt(due + late), serialAt(due)], late]),
);
const duration = orBlankSide(
  fc.tuple(minuteOfMonth, fc.integer({ min: 0, max: 5000 })).map(([start, minutes]): Sample<number> => [[serialAt(start), serialAt(start + minutes)], minutes]),
);
/** A job's request, resolution and target hours; met when the minutes taken are within the target. */
type Triple = readonly [unknown, unknown, unknown];
const slaJob = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(minuteOfMonth, fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0.5, 1, 4, 8, 24, 48, 72))
      .map(([start, minutes, hours]): Sample<boolean> => [[serialAt(start), serialAt(start + minutes), hours], minutes <= hours * 60]),
  },
  // Open (no end), no target, or a target of text: skipped.
  { weight: 1, arbitrary: fc.constantFrom<Sample<boolean>>([[JAN_1_2026, null, 4], undefined], [[JAN_1_2026, JAN_1_2026, ""], undefined], [[JAN_1_2026, JAN_1_2026, "n/a"], undefined]) },
);
const part = (cells: Triple[][], i: number): Grid => cells.map((row) => row.map((triple) => triple[i]));
const actualAndTarget = fc.oneof(
  { weight: 9, arbitrary: orBlankSide(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([a, t]): Sample<boolean> => [[a, t], a <= t])) },
  { weight: 1, arbitrary: fc.constantFrom<Sample<boolean>>([["n/a", 3], undefined], [[4, true], undefined]) },
);

describe("on valid input, each function gives the number its definition gives", () => {
  it("NPS is % promoters − % detractors", () => {
    fc.assert(
      fc.property(dated(score(0, 10)), ({ cells, period: p, kept }) => {
        const share = (test: (s: number) => boolean) => shareOf(kept, test) ?? 0;
        expectResult("NPS", surveys.nps(cells, p), kept.length === 0 ? undefined : 100 * (share((s) => s >= 9) - share((s) => s <= 6)));
      }),
      RUNS,
    );
    expectMostlyNumbers("NPS");
  });

  it("CSAT is the share in the top two boxes of its scale (5 when left out)", () => {
    const input = fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }).chain((scale) => dated(score(1, scale ?? 5)).map((d) => ({ ...d, scale })));
    fc.assert(
      fc.property(input, ({ cells, period: p, kept, scale }) => {
        expectResult("CSAT", surveys.csat(cells, scale ?? null, p), shareOf(kept, (s) => s >= (scale ?? 5) - 1));
      }),
      RUNS,
    );
    expectMostlyNumbers("CSAT");
  });

  it("CES is the mean score, any score from 1 to its scale (7 when left out)", () => {
    const input = fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }).chain((scale) => {
      const any = fc.double({ min: 1, max: scale ?? 7, noNaN: true }).map((s): Sample<number> => [s, s]);
      return dated(orBlank(fc.oneof(any, score(1, scale ?? 7)))).map((d) => ({ ...d, scale }));
    });
    fc.assert(
      fc.property(input, ({ cells, period: p, kept, scale }) => expectResult("CES", surveys.ces(cells, scale, p), mean(kept))),
      RUNS,
    );
    expectMostlyNumbers("CES");
  });

  it.each([
    ["RATE", operations.rate],
    ["FCR", operations.fcr],
  ])("%s is the share of yes", (name, fn) => {
    fc.assert(
      fc.property(dated(flag), ({ cells, period: p, kept }) => expectResult(name, fn(cells, p), shareOf(kept, (yes) => yes))),
      RUNS,
    );
    expectMostlyNumbers(name);
  });

  it("AVGTICKET is the mean amount; text and booleans are ignored", () => {
    fc.assert(
      fc.property(dated(amount), ({ cells, period: p, kept }) => {
        expectResult("AVGTICKET", finance.avgTicket(cells, p), mean(kept));
        // A sum, 0 with nothing in the period.
        expectResult("REVENUE", finance.revenue(cells, p), kept.reduce((a, b) => a + b, 0));
      }),
      RUNS,
    );
    expectMostlyNumbers("AVGTICKET");
    expect(numbers.REVENUE).toBe(RUNS.numRuns);
  });

  it("REPEATRATE is customers with two jobs or more ÷ customers; JOBSPERTECH is jobs ÷ technicians", () => {
    fc.assert(
      fc.property(dated(person), ({ cells, period: p, kept }) => {
        const jobs = new Map<number, number>();
        for (const who of kept) jobs.set(who, (jobs.get(who) ?? 0) + 1);
        const people = [...jobs.values()];
        expectResult("REPEATRATE", customers.repeatRate(cells, p), shareOf(people, (n) => n >= 2));
        expectResult("JOBSPERTECH", operations.jobsPerTech(cells, p), people.length === 0 ? undefined : kept.length / people.length);
      }),
      RUNS,
    );
    expectMostlyNumbers("REPEATRATE");
    expectMostlyNumbers("JOBSPERTECH");
  });

  it("CUSTOMERS is the number of distinct customers, 0 for none", () => {
    fc.assert(
      fc.property(dated(person), ({ cells, period: p, kept }) => {
        expect(customers.customerCount(cells, p)).toBe(new Set(kept).size);
      }),
      RUNS,
    );
  });

  it("RETAINED is the earlier window's customers also in this one; NEWCUSTOMERS this window's with no job before it", () => {
    // Windows of whole days of January 2026 (day 0 is the 1st): the earlier one just before this one.
    const input = fc.record({ jobs: gridOf(fc.tuple(person, jobDate)), start: fc.integer({ min: 0, max: 31 }), days: fc.integer({ min: 1, max: 20 }) });
    fc.assert(
      fc.property(input, ({ jobs, start, days }) => {
        const cells = jobs.map((row) => row.map(([[cell]]) => cell));
        const dates = jobs.map((row) => row.map(([, [date]]) => date));
        const all = jobs.flat();
        const customersIn = (first: number, last: number) =>
          new Set(all.filter(([[, who], [, d]]) => who !== undefined && d !== undefined && d >= first && d <= last).map(([[, who]]) => who));
        const [before, now, earlier] = [customersIn(start - days, start - 1), customersIn(start, start + days - 1), customersIn(-Infinity, start - 1)];
        const serial = (d: number) => JAN_1_2026 + d;
        expect(customers.retained(cells, dates, serial(start - days), serial(start - 1), serial(start), serial(start + days - 1))).toBe([...before].filter((who) => now.has(who)).length);
        expect(customers.newCustomers(cells, dates, serial(start), serial(start + days - 1))).toBe([...now].filter((who) => !earlier.has(who)).length);
      }),
      RUNS,
    );
  });

  it("JOBSPERDAY is jobs ÷ days with a job", () => {
    const input = fc.record({ dates: gridOf(jobDate), filtered: fc.boolean(), picks: bounds });
    fc.assert(
      fc.property(input, ({ dates, filtered, picks }) => {
        const days = dates.flat().map(([, d]) => d).filter((d): d is number => d !== undefined);
        const { from, to, keeps } = filtered ? period(days, picks) : { from: null, to: null, keeps: () => true };
        const kept = days.filter(keeps);
        const cells = dates.map((row) => row.map(([cell]) => cell));
        expectResult("JOBSPERDAY", operations.jobsPerDay(cells, from, to), kept.length === 0 ? undefined : kept.length / new Set(kept).size);
        expectResult("JOBS", operations.jobs(cells, from, to), kept.length);
      }),
      RUNS,
    );
    expectMostlyNumbers("JOBSPERDAY");
    expect(numbers.JOBS).toBe(RUNS.numRuns);
  });

  it("ONTIME is the share of arrivals at most grace minutes late (0 when left out)", () => {
    const input = fc.record({ jobs: dated(lateness), grace: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }) });
    fc.assert(
      fc.property(input, ({ jobs: { cells, period: p, kept }, grace }) => {
        const pairs = cells as Pair[][];
        const result = operations.ontime(firsts(pairs), seconds(pairs), grace ?? null, p);
        expectResult("ONTIME", result, shareOf(kept, (late) => late <= (grace ?? 0)));
      }),
      RUNS,
    );
    expectMostlyNumbers("ONTIME");
  });

  it("SLA is the share of actuals at or under their targets; a blank or text side skips the pair", () => {
    fc.assert(
      fc.property(dated(actualAndTarget), ({ cells, period: p, kept }) => {
        const pairs = cells as Pair[][];
        expectResult("SLA", operations.sla(firsts(pairs), seconds(pairs), p), shareOf(kept, (met) => met));
      }),
      RUNS,
    );
    expectMostlyNumbers("SLA");
  });

  it.each([
    ["RESPONSETIME", operations.responseTime],
    ["RESOLUTIONTIME", operations.resolutionTime],
    ["TIMEONSITE", operations.timeOnSite],
  ])("%s is the mean time from start to end, in hours unless told", (name, fn) => {
    const unit = fc.constantFrom<[string | undefined, number]>([undefined, 60], ["minutes", 1], ["hours", 60], ["days", 1440]);
    fc.assert(
      fc.property(dated(duration), unit, ({ cells, period: p, kept }, [unitName, minutesPerUnit]) => {
        const pairs = cells as Pair[][];
        const minutes = mean(kept);
        // Serials near 46,000 hold a time to about a microsecond.
        expectResult(name, fn(firsts(pairs), seconds(pairs), unitName ?? null, p), minutes === undefined ? undefined : minutes / minutesPerUnit, 1e-6);
      }),
      RUNS,
    );
    expectMostlyNumbers(name);
  });

  it("WITHINSLA is the share of jobs with a start, an end and a target whose time taken is within it", () => {
    fc.assert(
      fc.property(dated(slaJob), ({ cells, period: p, kept }) => {
        const jobs = cells as Triple[][];
        expectResult("WITHINSLA", operations.withinSla(part(jobs, 0), part(jobs, 1), part(jobs, 2), p), shareOf(kept, (met) => met));
      }),
      RUNS,
    );
    expectMostlyNumbers("WITHINSLA");
  });

  it("SENTIMENT is a mean from −1 to 1 of the English comments", () => {
    fc.assert(
      fc.property(dated(comment), ({ cells, period: p, kept }) => {
        const result = text.sentiment(cells, p);
        // No comment at all: nothing to count; comments, but none in English: not available.
        if (!kept.includes(true)) return expectKpiError(result, kept.length === 0 ? "DIV0" : "NA");
        expect(result).toBeGreaterThanOrEqual(-1);
        expect(result).toBeLessThanOrEqual(1);
        numbers.SENTIMENT = (numbers.SENTIMENT ?? 0) + 1;
      }),
      RUNS,
    );
    expectMostlyNumbers("SENTIMENT");
  });

  it("LEADCOST, CONVERSION, ABANDONMENT and DSO divide totals", () => {
    const counts = gridOf(fc.integer({ min: 0, max: 1000 }));
    fc.assert(
      fc.property(counts, counts, fc.integer({ min: 1, max: 365 }), (part, rest, days) => {
        // The whole holds the part's cells and more, so the part is never more than the whole.
        const whole = [[...part.flat(), ...rest.flat()]];
        const [p, w] = [total(part), total(part) + total(rest)];
        const share = w === 0 ? undefined : p / w;
        expectResult("CONVERSION", finance.conversion(part, whole), share);
        expectResult("ABANDONMENT", finance.abandonment(part, whole), share);
        expectResult("LEADCOST", finance.leadCost(part, whole), w === 0 ? undefined : p / w);
        expectResult("DSO", finance.dso(part, whole, days), w === 0 ? undefined : (p * days) / w);
      }),
      RUNS,
    );
    for (const name of ["CONVERSION", "ABANDONMENT", "LEADCOST", "DSO"]) expectMostlyNumbers(name);
  });

  it("RETENTION is kept ÷ start and CHURN the rest", () => {
    const counts = fc.integer({ min: 1, max: 100_000 }).chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start }), fc.nat(100_000)));
    fc.assert(
      fc.property(counts, ([start, kept, added]) => {
        expectResult("RETENTION", customers.retention(start, kept + added, added), kept / start);
        expectResult("CHURN", customers.churn(start, String(kept + added), added), (start - kept) / start);
      }),
      RUNS,
    );
    expectMostlyNumbers("RETENTION");
    expectMostlyNumbers("CHURN");
  });

  it("LTV, LIFESPAN, PROGRESS and ELAPSED follow their formulas", () => {
    const money = fc.double({ min: 0, max: 10_000, noNaN: true });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const level = fc.integer({ min: -1000, max: 1000 });
    const input = fc.record({ ticket: money, perYear: money, years: money, margin: fc.option(share, { nil: undefined }), cost: fc.option(money, { nil: undefined }),
      churn: fc.double({ min: 0.001, max: 1, noNaN: true }), baseline: level, target: level, current: level, cap: fc.option(fc.boolean(), { nil: undefined }),
      from: day, length: fc.nat(60), asOf: fc.integer({ min: -10, max: 100 }) });
    fc.assert(
      fc.property(input, (x) => {
        expectResult("LTV", customers.ltv(x.ticket, x.perYear, x.years, x.margin ?? null, x.cost ?? null), x.ticket * x.perYear * x.years * (x.margin ?? 1) - (x.cost ?? 0), 1e-6);
        expectResult("LIFESPAN", customers.lifespan(x.churn), 1 / x.churn);
        const span = x.target - x.baseline;
        const raw = span === 0 ? (x.current >= x.target ? 1 : 0) : (x.current - x.baseline) / span;
        const capped = x.cap ?? true;
        expectResult("PROGRESS", okr.progress(x.baseline, x.target, x.current, x.cap ?? null), capped || span === 0 ? Math.min(1, Math.max(0, raw)) : raw);
        // Whole days, both ends counted, measured at the end of asOf's day.
        const elapsed = (x.asOf - x.from + 1) / (x.length + 1);
        const [from, to, asOf] = [JAN_1_2026 + x.from, JAN_1_2026 + x.from + x.length + 0.75, JAN_1_2026 + x.asOf + 0.5];
        expectResult("ELAPSED", okr.elapsed(from, to, asOf), Math.min(1, Math.max(0, elapsed)));
      }),
      RUNS,
    );
    for (const name of ["LTV", "LIFESPAN", "PROGRESS", "ELAPSED"]) expectMostlyNumbers(name);
  });

  it("STATUS: Done from progress 1, Missed once expected is 1, else On track, At risk or Off track by the lag", () => {
    // In thousandths, so the rule is checked in exact whole numbers here; 100 is the default tolerance.
    const input = fc.record({ done: fc.integer({ min: -500, max: 1500 }), due: fc.integer({ min: 0, max: 1200 }), tolerance: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }) });
    fc.assert(
      fc.property(input, ({ done, due, tolerance }) => {
        const lag = due - done;
        const slack = tolerance ?? 100;
        const expected = done >= 1000 ? "Done" : due >= 1000 ? "Missed" : lag <= slack ? "On track" : lag <= 2 * slack ? "At risk" : "Off track";
        expect(okr.status(done / 1000, due / 1000, tolerance === undefined ? null : tolerance / 1000)).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe("invalid input gives a #VALUE! that names the cell, never a throw", () => {
  const errorValue = fc.constant({ type: "Error", value: "#N/A" });
  /** A valid range with one bad cell put in; the message must name that cell's row and column. */
  const cases: [string, (g: Grid) => unknown, fc.Arbitrary<Sample<unknown>>, fc.Arbitrary<unknown>][] = [
    ["NPS", (g: Grid) => surveys.nps(g), score(0, 10), fc.oneof(fc.integer({ min: 11, max: 1e6 }), fc.integer({ min: -1e6, max: -1 }), fc.constantFrom(0.5, 9.99, "11"), errorValue)],
    ["CSAT", (g: Grid) => surveys.csat(g), score(1, 5), fc.oneof(fc.integer({ min: 6, max: 1e6 }), fc.constantFrom(0, 4.5, "-1"), errorValue)],
    ["CES", (g: Grid) => surveys.ces(g), score(1, 7), fc.oneof(fc.double({ min: 7.001, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 0.999, noNaN: true }), errorValue)],
    ["RATE", (g: Grid) => operations.rate(g), flag, fc.oneof(fc.constantFrom("maybe", "2", 0.5, -1, "tru"), errorValue)],
    ["AVGTICKET", (g: Grid) => finance.avgTicket(g), amount, fc.oneof(fc.double({ min: -1e9, max: -0.01, noNaN: true }), fc.constant("-5"), errorValue)],
    ["JOBSPERDAY", (g: Grid) => operations.jobsPerDay(g), jobDate, fc.oneof(fc.constantFrom("soon", "2026-02-30", 2_958_466, -1, true), errorValue)],
    ["REVENUE", (g: Grid) => finance.revenue(g), amount, fc.oneof(fc.double({ min: -1e9, max: -0.01, noNaN: true }), fc.constant("-5"), errorValue)],
    ["JOBS", (g: Grid) => operations.jobs(g), jobDate, fc.oneof(fc.constantFrom("soon", "2026-02-30", 2_958_466, -1, true), errorValue)],
  ];
  it.each(cases)("%s", (name, fn, good, bad) => {
    const input = fc.record({ cells: gridOf(good), bad, at: fc.tuple(fc.nat(), fc.nat()) });
    fc.assert(
      fc.property(input, ({ cells, bad: cell, at }) => {
        const rows = cells.map((row) => row.map(([c]) => c));
        const [r, c] = [at[0] % rows.length, at[1] % rows[0].length];
        rows[r][c] = cell;
        // JOBSPERDAY's and JOBS' range is its dates, and names them so.
        expectKpiError(fn(rows), "VALUE", new RegExp(`^KPI\\.${name}: .* at row ${r + 1}, column ${c + 1}( of dates)? is not `));
      }),
      RUNS,
    );
  });

  it("a bad date in the dates range is named as a cell of dates", () => {
    const input = fc.record({ scores: gridOf(score(0, 10)), bad: fc.constantFrom("soon", "2026-13-01", -5, false), at: fc.tuple(fc.nat(), fc.nat()) });
    fc.assert(
      fc.property(input, ({ scores, bad, at }) => {
        const cells = scores.map((row) => row.map(([c]) => c));
        const dates: unknown[][] = cells.map((row) => row.map(() => JAN_1_2026));
        const [r, c] = [at[0] % dates.length, at[1] % dates[0].length];
        dates[r][c] = bad;
        expectKpiError(surveys.nps(cells, { dates }), "VALUE", new RegExp(`at row ${r + 1}, column ${c + 1} of dates is not a date`));
      }),
      RUNS,
    );
  });
});

describe("on any input, every function returns a number in its range or a KpiError with a message", () => {
  const cell = fc.oneof(
    fc.integer({ min: -3, max: 12 }),
    fc.double({ noNaN: false }), // NaN and ±Infinity too: no host should send them, none may break a function
    fc.constantFrom(null, undefined, "", "  ", "n/a", "yes", "no", "是", "Ann", " ann ", "9", "2026-03-31", "2026-02-30", "Great service", "1e400"),
    fc.boolean(),
    fc.integer({ min: 45_000, max: 47_000 }),
    fc.constantFrom(0, 60, 2_958_465, 2_958_466),
    fc.constant({ type: "Error" }),
  );
  // Rectangular mostly, sometimes with a null row or a short row, as odd hosts send them
  const row = (columns: number) => fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: columns, maxLength: columns }) }, fc.constant(null), fc.array(cell, { maxLength: 3 }));
  const grid: fc.Arbitrary<Grid> = fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) => fc.array(row(columns), { minLength: rows, maxLength: rows })) as fc.Arbitrary<Grid>;
  const periodArgs = fc.record({ dates: fc.option(grid, { nil: undefined }), from: fc.option(cell, { nil: undefined }), to: fc.option(cell, { nil: undefined }) });

  function expectWellFormed(name: string, result: unknown, low = -Infinity, high = Infinity): void {
    if (result instanceof KpiError) {
      expect(["VALUE", "DIV0", "NUM", "NA"]).toContain(result.code);
      expect(result.message.startsWith(`KPI.${name}: `)).toBe(true);
      return;
    }
    expect(typeof result).toBe("number");
    expect(Number.isFinite(result)).toBe(true);
    expect(result as number).toBeGreaterThanOrEqual(low);
    expect(result as number).toBeLessThanOrEqual(high);
  }

  it.each([
    ["NPS", (g: Grid, p: PeriodArgs) => surveys.nps(g, p), -100, 100],
    ["CSAT", (g: Grid, p: PeriodArgs) => surveys.csat(g, null, p), 0, 1],
    ["CES", (g: Grid, p: PeriodArgs) => surveys.ces(g, null, p), 1, 7],
    ["RATE", (g: Grid, p: PeriodArgs) => operations.rate(g, p), 0, 1],
    ["FCR", (g: Grid, p: PeriodArgs) => operations.fcr(g, p), 0, 1],
    ["JOBSPERTECH", (g: Grid, p: PeriodArgs) => operations.jobsPerTech(g, p), 1, Infinity],
    ["REPEATRATE", (g: Grid, p: PeriodArgs) => customers.repeatRate(g, p), 0, 1],
    ["AVGTICKET", (g: Grid, p: PeriodArgs) => finance.avgTicket(g, p), 0, Infinity],
    ["SENTIMENT", (g: Grid, p: PeriodArgs) => text.sentiment(g, p), -1, 1],
    ["JOBSPERDAY", (g: Grid, p: PeriodArgs) => operations.jobsPerDay(g, p.from, p.to), 1, Infinity],
    ["REVENUE", (g: Grid, p: PeriodArgs) => finance.revenue(g, p), 0, Infinity],
    ["JOBS", (g: Grid, p: PeriodArgs) => operations.jobs(g, p.from, p.to), 0, Infinity],
    ["CUSTOMERS", (g: Grid, p: PeriodArgs) => customers.customerCount(g, p), 0, Infinity],
    ["RETAINED", (g: Grid, p: PeriodArgs) => customers.retained(g, p.dates, p.from, p.to, p.to, p.from), 0, Infinity],
    ["NEWCUSTOMERS", (g: Grid, p: PeriodArgs) => customers.newCustomers(g, p.dates, p.from, p.to), 0, Infinity],
  ])("%s", (name, fn, low, high) => {
    fc.assert(fc.property(grid, periodArgs, (g, p) => expectWellFormed(name, fn(g, p), low, high)), RUNS);
  });

  it.each([
    ["ONTIME", (a: Grid, b: Grid, x: unknown, p: PeriodArgs) => operations.ontime(a, b, x, p), 0, 1],
    ["SLA", (a: Grid, b: Grid, _: unknown, p: PeriodArgs) => operations.sla(a, b, p), 0, 1],
    ["RESPONSETIME", (a: Grid, b: Grid, x: unknown, p: PeriodArgs) => operations.responseTime(a, b, x, p), 0, Infinity],
    ["RESOLUTIONTIME", (a: Grid, b: Grid, x: unknown, p: PeriodArgs) => operations.resolutionTime(a, b, x, p), 0, Infinity],
    ["TIMEONSITE", (a: Grid, b: Grid, x: unknown, p: PeriodArgs) => operations.timeOnSite(a, b, x, p), 0, Infinity],
    ["LEADCOST", (a: Grid, b: Grid) => finance.leadCost(a, b), 0, Infinity],
    ["CONVERSION", (a: Grid, b: Grid) => finance.conversion(a, b), 0, 1],
    ["ABANDONMENT", (a: Grid, b: Grid) => finance.abandonment(a, b), 0, 1],
    ["DSO", (a: Grid, b: Grid, x: unknown) => finance.dso(a, b, x), 0, Infinity],
  ])("%s", (name, fn, low, high) => {
    fc.assert(fc.property(grid, grid, cell, periodArgs, (a, b, x, p) => expectWellFormed(name, fn(a, b, x, p), low, high)), RUNS);
  });

  it("WITHINSLA", () => {
    fc.assert(fc.property(grid, grid, grid, periodArgs, (a, b, c, p) => expectWellFormed("WITHINSLA", operations.withinSla(a, b, c, p), 0, 1)), RUNS);
  });

  it("the functions of single values", () => {
    fc.assert(
      fc.property(cell, cell, cell, cell, cell, (a, b, c, d, e) => {
        expectWellFormed("RETENTION", customers.retention(a, b, c), 0, 1);
        expectWellFormed("CHURN", customers.churn(a, b, c), 0, 1);
        expectWellFormed("LTV", customers.ltv(a, b, c, d, e));
        expectWellFormed("LIFESPAN", customers.lifespan(a), 1);
        expectWellFormed("PROGRESS", okr.progress(a, b, c), 0, 1);
        expectWellFormed("PROGRESS", okr.progress(a, b, c, d));
        expectWellFormed("ELAPSED", okr.elapsed(a, b, c), 0, 1);
        for (const label of [okr.status(a, b, c), okr.status(a, b, null, "increase", d, e), okr.status(a, b, c, d, e, a)]) {
          if (label instanceof KpiError) expect(label.message.startsWith("KPI.STATUS: ")).toBe(true);
          else expect(["Done", "On track", "At risk", "Off track", "Missed", "Check target"]).toContain(label);
        }
      }),
      { ...RUNS, numRuns: 1000 },
    );
  });
});
