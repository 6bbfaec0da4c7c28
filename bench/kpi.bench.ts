import { cpus, loadavg, totalmem } from "os";
import Sentiment from "sentiment";
import { buildFunctionsBundle, CustomFunction, loadFunctions } from "./bundle";
import { Column, Field, jobLog, jobLogText, PERIOD } from "./data";
import { allocatedBytes, median, race, SAMPLE_BYTES } from "./timing";
import { writeSection } from "./report";

/**
 * Every KPI function over per-job data, from the built bundle (functions.js, the file Excel loads),
 * over 1,000,000 cells handed over as Excel hands them, with and without the period filter; each
 * as a ratio to a plain loop doing the same counting over the same arrays in the same process.
 */

const ROWS = 1_000_000;
const RUNS = 9;
/** Untimed calls of both rivals before each race, after every case has been called in a first warm-up round. */
const WARM_UPS = 2;
/** Jobs in the log every function is first called over once, before any is timed. */
const WARM_UP_ROWS = 10_000;
const TARGET = 3;
const SECONDS_PER_DAY = 86_400;
const HOURS_PER_DAY = 24;

console.error("Building the add-in (webpack --mode production) ...");
const functions = loadFunctions(buildFunctionsBundle());
const lo = Math.floor(PERIOD.from);
const hi = Math.floor(PERIOD.to) + 1;

/** The sentiment library the bundle contains, here from node_modules; and the bundle's −1..1 mapping. */
const analyzer = new Sentiment();
const SENTIMENT_ALPHA = 15;
/** A letter of a script other than Latin: KPI.SENTIMENT leaves such a comment out, as its word list cannot read it. */
const OTHER_SCRIPT_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** The rows a plain loop keeps: all of them, or those whose job date is in the period. */
type Filter = Column | undefined;

// The plain loops: what each KPI counts, written for these arrays' types, with no coercion or input
// checks. With a filter they also compare the job date; without one they never read it.
const plain = {
  nps(scores: Column, dates: Filter): number {
    let promoters = 0, detractors = 0, answers = 0;
    for (let r = 0; r < scores.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const s = scores[r][0];
      if (typeof s !== "number") continue;
      answers++;
      if (s >= 9) promoters++;
      else if (s <= 6) detractors++;
    }
    return (100 * (promoters - detractors)) / answers;
  },
  csat(scores: Column, dates: Filter): number {
    let satisfied = 0, answers = 0;
    for (let r = 0; r < scores.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const s = scores[r][0];
      if (typeof s !== "number") continue;
      answers++;
      if (s >= 4) satisfied++;
    }
    return satisfied / answers;
  },
  ces(scores: Column, dates: Filter): number {
    let total = 0, answers = 0;
    for (let r = 0; r < scores.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const s = scores[r][0];
      if (typeof s !== "number") continue;
      answers++;
      total += s;
    }
    return total / answers;
  },
  shareOfYes(flags: Column, dates: Filter): number {
    let yes = 0, answers = 0;
    for (let r = 0; r < flags.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const f = flags[r][0];
      if (typeof f !== "boolean") continue;
      answers++;
      if (f) yes++;
    }
    return yes / answers;
  },
  ontime(arrivals: Column, promised: Column, dates: Filter): number {
    let onTime = 0, jobs = 0;
    for (let r = 0; r < arrivals.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const a = arrivals[r][0];
      const p = promised[r][0];
      if (typeof a !== "number" || typeof p !== "number") continue;
      jobs++;
      if (Math.round((a - p) * SECONDS_PER_DAY) <= 0) onTime++;
    }
    return onTime / jobs;
  },
  sla(actuals: Column, targets: Column, dates: Filter): number {
    let met = 0, pairs = 0;
    for (let r = 0; r < actuals.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const a = actuals[r][0];
      const t = targets[r][0];
      if (typeof a !== "number" || typeof t !== "number") continue;
      pairs++;
      if (a <= t) met++;
    }
    return met / pairs;
  },
  meanHours(starts: Column, ends: Column, dates: Filter): number {
    let totalDays = 0, pairs = 0;
    for (let r = 0; r < starts.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const s = starts[r][0];
      const e = ends[r][0];
      if (typeof s !== "number" || typeof e !== "number") continue;
      pairs++;
      totalDays += e - s;
    }
    return (totalDays / pairs) * HOURS_PER_DAY;
  },
  repeatRate(customers: Column, dates: Filter): number {
    const again = new Map<string, boolean>();
    for (let r = 0; r < customers.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const c = customers[r][0];
      if (typeof c !== "string") continue;
      const key = c.trim().toLowerCase();
      again.set(key, again.has(key));
    }
    let repeaters = 0;
    for (const v of again.values()) if (v) repeaters++;
    return repeaters / again.size;
  },
  avgTicket(amounts: Column, dates: Filter): number {
    let total = 0, jobs = 0;
    for (let r = 0; r < amounts.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const a = amounts[r][0];
      if (typeof a !== "number") continue;
      jobs++;
      total += a;
    }
    return total / jobs;
  },
  jobsPerTech(technicians: Column, dates: Filter): number {
    const seen = new Set<string>();
    let jobs = 0;
    for (let r = 0; r < technicians.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const t = technicians[r][0];
      if (typeof t !== "string") continue;
      jobs++;
      seen.add(t.trim().toLowerCase());
    }
    return jobs / seen.size;
  },
  jobsPerDay(dates: Column, period: boolean): number {
    const days = new Set<number>();
    let jobs = 0;
    for (let r = 0; r < dates.length; r++) {
      const d = dates[r][0] as number;
      if (period && !(d >= lo && d < hi)) continue;
      jobs++;
      days.add(Math.floor(d));
    }
    return jobs / days.size;
  },
  total(values: Column): number {
    let total = 0;
    for (let r = 0; r < values.length; r++) {
      const v = values[r][0];
      if (typeof v === "number") total += v;
    }
    return total;
  },
  sentiment(texts: Column, dates: Filter): number {
    let total = 0, comments = 0;
    for (let r = 0; r < texts.length; r++) {
      if (dates !== undefined) {
        const d = dates[r][0] as number;
        if (!(d >= lo && d < hi)) continue;
      }
      const t = texts[r][0];
      if (typeof t !== "string" || t.trim() === "" || OTHER_SCRIPT_LETTER.test(t)) continue;
      const { score } = analyzer.analyze(t);
      total += score / Math.sqrt(score * score + SENTIMENT_ALPHA);
      comments++;
    }
    return total / comments;
  },
};

interface Case {
  /** The formula a user would write, with the benchmark's column names. */
  formula: string;
  period: boolean;
  ours: () => unknown;
  loop: () => number;
}

/** One function's cases, over the columns it reads and the job dates. */
interface Group {
  fields: Field[];
  cases: (ranges: Column[], dates: Column) => Case[];
}

function fn(id: string): CustomFunction {
  const found = functions.get(id);
  if (!found) throw new Error(`functions.js registers no ${id}: it registers ${[...functions.keys()].join(", ")}`);
  return found;
}

const { from, to } = PERIOD;

/** A formula as a user would write it, with the benchmark's column names; an omitted argument left empty. */
function formula(id: string, ranges: string[], extra: unknown[], period: boolean): string {
  const args = [...ranges, ...extra.map((value) => (value === null ? "" : String(value)))];
  while (!period && args[args.length - 1] === "") args.pop();
  return `KPI.${id}(${[...args, ...(period ? ["dates", "from", "to"] : [])].join(", ")})`;
}

/**
 * A function over one range of values, or two paired ones, without and with the period: its id,
 * the columns it reads, any arguments between them and the period, and its plain loop.
 */
function withAndWithoutPeriod<R extends Column[]>(id: string, fields: Field[], extra: unknown[], loop: (...args: [...R, Filter]) => number): Group {
  const f = fn(id);
  const cases = (columns: Column[], dates: Column): Case[] => {
    const ranges = columns as R;
    return [
      { formula: formula(id, fields, extra, false), period: false, ours: () => f(...ranges, ...extra), loop: () => loop(...ranges, undefined) },
      { formula: formula(id, fields, extra, true), period: true, ours: () => f(...ranges, ...extra, dates, from, to), loop: () => loop(...ranges, dates) },
    ];
  };
  return { fields, cases };
}

/** A function that sums whole ranges (no period): its id, the columns it reads, any arguments after them, and its plain loop. */
function withoutPeriod(id: string, fields: Field[], extra: unknown[], loop: (...columns: Column[]) => number): Group {
  const f = fn(id);
  const cases = (columns: Column[]): Case[] => [
    { formula: formula(id, fields, extra, false), period: false, ours: () => f(...columns, ...extra), loop: () => loop(...columns) },
  ];
  return { fields, cases };
}

/** KPI.DSO's days: the log's two years. */
const DSO_DAYS = 730;

const jobsPerDay = fn("JOBSPERDAY");
const groups: Group[] = [
  withAndWithoutPeriod("NPS", ["nps"], [], plain.nps),
  withAndWithoutPeriod("CSAT", ["csat"], [null], plain.csat),
  withAndWithoutPeriod("CES", ["effort"], [null], plain.ces),
  withAndWithoutPeriod("RATE", ["booked"], [], plain.shareOfYes),
  withAndWithoutPeriod("FCR", ["fixed"], [], plain.shareOfYes),
  // scale, grace and unit left empty: Excel passes an omitted argument as null
  withAndWithoutPeriod("ONTIME", ["arrival", "promised"], [null], plain.ontime),
  withAndWithoutPeriod("SLA", ["responseHours", "responseTarget"], [], plain.sla),
  withAndWithoutPeriod("RESPONSETIME", ["requested", "responded"], [null], plain.meanHours),
  withAndWithoutPeriod("RESOLUTIONTIME", ["requested", "resolved"], [null], plain.meanHours),
  withAndWithoutPeriod("REPEATRATE", ["customer"], [], plain.repeatRate),
  withAndWithoutPeriod("AVGTICKET", ["amount"], [], plain.avgTicket),
  withAndWithoutPeriod("JOBSPERTECH", ["technician"], [], plain.jobsPerTech),
  {
    fields: [],
    cases: (_, dates) => [
      { formula: "KPI.JOBSPERDAY(dates)", period: false, ours: () => jobsPerDay(dates), loop: () => plain.jobsPerDay(dates, false) },
      { formula: "KPI.JOBSPERDAY(dates, from, to)", period: true, ours: () => jobsPerDay(dates, from, to), loop: () => plain.jobsPerDay(dates, true) },
    ],
  },
  withAndWithoutPeriod("SENTIMENT", ["comment"], [], plain.sentiment),
  withoutPeriod("LEADCOST", ["amount", "lead"], [], (spend, leads) => plain.total(spend) / plain.total(leads)),
  withoutPeriod("CONVERSION", ["won", "lead"], [], (booked, leads) => plain.total(booked) / plain.total(leads)),
  withoutPeriod("ABANDONMENT", ["lost", "lead"], [], (abandoned, calls) => plain.total(abandoned) / plain.total(calls)),
  withoutPeriod("DSO", ["unpaid", "amount"], [DSO_DAYS], (owed, revenue) => (plain.total(owed) * DSO_DAYS) / plain.total(revenue)),
];

function expectSame(what: string, ours: unknown, loop: number): void {
  if (typeof ours !== "number" || Math.abs(ours - loop) > 1e-9 * Math.max(1, Math.abs(loop))) {
    throw new Error(`${what}: the bundle gave ${ours instanceof Error ? `${ours.name} ${ours.message}` : String(ours)}, the plain loop ${loop}`);
  }
}

function attempt(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error;
  }
}

// Every case once in turn before any is timed, so each is timed in the state a workbook using all of
// them leaves the engine in (shared helpers have seen every function) rather than in one that
// depends on the order below.
console.error("Warming up every function on a small log ...");
{
  const small = jobLog(WARM_UP_ROWS);
  for (const group of groups) {
    for (const c of group.cases(group.fields.map((field) => small[field]), small.date)) expectSame(c.formula, attempt(c.ours), c.loop());
  }
}

interface Result {
  c: Case;
  oursMs: number;
  loopMs: number;
  ratios: number[];
  oursBytes: number;
  loopBytes: number;
}

console.error(`Generating ${ROWS.toLocaleString("en-US")} jobs ...`);
const log = jobLogText(ROWS);
const loadAtStart = loadavg()[0];
const results: Result[] = [];
for (const group of groups) {
  // Parsed afresh for each function, as Excel hands each call its own values.
  const columns: Column[] = group.fields.map((field) => JSON.parse(log[field]));
  const dates: Column = JSON.parse(log.date);
  for (const c of group.cases(columns, dates)) {
    expectSame(c.formula, attempt(c.ours), c.loop());
    const times = race(c.ours, c.loop, RUNS, WARM_UPS);
    const result = {
      c,
      oursMs: median(times.a),
      loopMs: median(times.b),
      ratios: times.a.map((t, i) => t / times.b[i]),
      oursBytes: allocatedBytes(c.ours),
      loopBytes: allocatedBytes(c.loop),
    };
    results.push(result);
    console.error(`${c.formula}: ${(result.oursMs / result.loopMs).toFixed(2)}× (${result.oursMs.toFixed(1)} ms, loop ${result.loopMs.toFixed(1)} ms)`);
  }
}
const loadAtEnd = loadavg()[0];

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const table = [
  "| formula | period | bundle (ms) | plain loop (ms) | bundle ÷ loop | per-run ratios | bundle allocates (MB) | loop allocates (MB) |",
  "|---|---|---|---|---|---|---|---|",
  ...results.map(({ c, oursMs, loopMs, ratios, oursBytes, loopBytes }) => {
    const ratio = oursMs / loopMs;
    const flag = ratio <= TARGET ? "" : " **over 3×**";
    return `| \`=${c.formula}\` | ${c.period ? "one quarter" : "none"} | ${oursMs.toFixed(1)} | ${loopMs.toFixed(1)} | ${ratio.toFixed(2)}×${flag} | ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}× | ${mb(oursBytes)} | ${mb(loopBytes)} |`;
  }),
];
const over = results.filter((r) => r.oursMs / r.loopMs > TARGET);
const cpu = cpus();

const count = ROWS.toLocaleString("en-US");
const KPI_HEADING = "## KPI functions: the built bundle against a plain loop";
const report = [
  `Measured on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GB, ${process.platform}; load average ${loadAtStart.toFixed(1)} when timing began and ${loadAtEnd.toFixed(1)} when it ended (other work on the machine slows both rivals of a run alike, but widens the spread).`,
  "",
  `Every function over per-job data, over ${count} cells: a one-column range of ${count} jobs (two ranges for the paired functions), plus the ${count} job dates with a period. The functions that sum whole ranges (KPI.LEADCOST, KPI.CONVERSION, KPI.ABANDONMENT, KPI.DSO) take no period; they sum two columns of ${count} cells each, made from the log: \`lead\` is 1 on every row (each a lead), \`won\` and \`lost\` 1 or 0 by whether it booked, \`unpaid\` the amount of every tenth job, and KPI.DSO's days are the log's ${DSO_DAYS}.`,
  "",
  "- **bundle**: `functions.js` from `webpack --mode production`, the file Excel loads, built by the benchmark into a temporary folder and run in the benchmark's Node process, with Excel's `CustomFunctions.associate` captured to call each function as Excel does.",
  `- **values as Excel hands them over**: the sample job log's generator (\`src/sample/sampleJobs.ts\`: blank and "n/a" answers, TRUE/FALSE flags, lost leads with no amount or times) at ${count} jobs, each column kept as the JSON text of a matrix of one-cell rows and parsed with \`JSON.parse\` for the function that reads it, so the process holds that function's arguments and not the whole log. Blank cells are \`null\`, dates and times serial numbers, omitted arguments \`null\`. The period is 2025-04-01 to 2025-06-30, one of the log's eight quarters. KPI.SLA reads each job's reply time in hours against a 4-hour target.`,
  "- **plain loop**: a for-loop in the same process doing the same counting over the same arrays, written for their types, with no coercion or input checks (names are still trimmed and lower-cased: comparing them so is part of the count). Without a period it never reads the dates. Its result is checked to equal the bundle's.",
  `- **times**: every function is first called with and without the period over a ${WARM_UP_ROWS.toLocaleString("en-US")}-job log, so each is timed in the state a workbook using all of them leaves the engine in; then, per row, ${WARM_UPS} untimed calls of each rival and ${RUNS} timed runs, interleaved (bundle, loop, bundle, ...). The columns give the medians, their ratio (target: within ${TARGET}×), and the lowest and highest ratio of run *i* of the bundle to run *i* of the loop.`,
  `- **allocates**: the bytes one call allocates, garbage included: on the JS heap, from V8's sampling heap profiler (one sample per ${SAMPLE_BYTES.toLocaleString("en-US")} bytes on average) keeping objects that collections free during the call; plus typed-array buffers, from \`process.memoryUsage().arrayBuffers\` before and after the call, starting from a collected heap (\`node --expose-gc\`).`,
  "",
  ...table,
  "",
  over.length === 0
    ? `All within ${TARGET}×.`
    : `Over ${TARGET}×: ${over.map((r) => `${r.c.formula.replace(/\(.*/, "")} ${r.c.period ? "with" : "without"} a period (${(r.oursMs / r.loopMs).toFixed(1)}×)`).join("; ")}.`,
  "",
  "Ratios near 3× land on either side of it from run to run: the per-run column shows the spread. Collections cost more the larger the heap they walk, which is why each function's columns are parsed afresh rather than the whole log kept live: an earlier version, which allocated for every cell, ran RATE at 28× the plain loop with the whole log live (about 1 GB of arrays). The functions now walk the ranges once, checking each row's shape as they read it, and keep no per-cell values; what they still allocate is the sets and maps of names and days, as the plain loop does, and the sentiment library's work.",
  "",
  "Not measured: the single-value functions (RETENTION, CHURN, LTV, LIFESPAN, PROGRESS, STATUS, ELAPSED), which take a few numbers and no range. The earlier comparison with HyperFormula evaluating the native formulas is dropped: it set one cold HyperFormula evaluation against warm medians of ours, and HyperFormula is not what Excel runs.",
  "",
  "Regenerate with `npm run bench`, which builds the add-in first and takes several minutes.",
  "",
].join("\n");
writeSection(KPI_HEADING, report);
console.log(table.join("\n"));
