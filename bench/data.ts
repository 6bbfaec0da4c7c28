import { serialFromParts } from "../src/kpi/coerce";
import { seededRandom } from "../src/sample/random";
import { SAMPLE_HEADERS, SampleCell, sampleJobs } from "../src/sample/sampleJobs";

/**
 * The benchmarks' job log: the sample job log's generator (two years of jobs and lost leads, blank
 * and "n/a" answers, late arrivals) scaled up, each column handed over as Excel hands a one-column
 * range to a custom function: a matrix of plain JSON values, here made by a JSON round trip (so
 * no array or number keeps a shape the generator gave it). Blank cells are null.
 */

/** A one-column range as a custom function receives it. */
export type Column = unknown[][];

export interface JobLog {
  rows: number;
  date: Column;
  customer: Column;
  technician: Column;
  amount: Column;
  nps: Column;
  csat: Column;
  effort: Column;
  fixed: Column;
  promised: Column;
  arrival: Column;
  requested: Column;
  responded: Column;
  resolved: Column;
  booked: Column;
  comment: Column;
  /** Hours from request to first reply, to the hundredth: the actuals of KPI.SLA. */
  responseHours: Column;
  /** The reply-within target of each job in hours: the targets of KPI.SLA. */
  responseTarget: Column;
  /** 1 on every row, each a lead (booked or not): the leads of KPI.LEADCOST and KPI.CONVERSION. */
  lead: Column;
  /** 1 for a booked lead, 0 for a lost one: the booked of KPI.CONVERSION. */
  won: Column;
  /** 1 for a lost lead, 0 for a booked one: the abandoned of KPI.ABANDONMENT, as if each lead were a call. */
  lost: Column;
  /** The amount of every tenth job, else 0: still owed, the receivables of KPI.DSO. */
  unpaid: Column;
}

/** The sample's share of customers per job, so repeat business looks like the sample's. */
const CUSTOMERS_PER_JOB = 0.15;
/** KPI.SLA's target: a reply within four hours. */
const RESPONSE_TARGET_HOURS = 4;
/** One job in this many is still unpaid. */
const UNPAID_EVERY = 10;

const SOURCE_COLUMNS = {
  date: "Job date",
  customer: "Customer",
  technician: "Technician",
  amount: "Amount",
  nps: "NPS",
  csat: "CSAT",
  effort: "Effort",
  fixed: "First-visit fix",
  promised: "Promised",
  arrival: "Arrival",
  requested: "Requested",
  responded: "Responded",
  resolved: "Resolved",
  booked: "Booked",
  comment: "Comment",
} as const;

/** A column of the job log. */
export type Field = Exclude<keyof JobLog, "rows">;

/** A column as the JSON text Excel would send: a matrix of one-cell rows. */
function asJson(values: readonly SampleCell[]): string {
  return JSON.stringify(values.map((value) => [value]));
}

/**
 * The job log of `rows` jobs, the same on every run, as JSON text per column: parse a column with
 * JSON.parse when a function needs it, as each call gets its values afresh from Excel. Text keeps
 * the process's heap as small as a call's: a heap full of other arrays makes every collection slower.
 */
export function jobLogText(rows: number, seed = 42): Record<Field, string> {
  const jobs = sampleJobs({ seed, jobs: rows, customers: Math.round(rows * CUSTOMERS_PER_JOB) });
  const column = (header: (typeof SAMPLE_HEADERS)[number]): SampleCell[] => {
    const index = SAMPLE_HEADERS.indexOf(header);
    return jobs.map((job) => job[index]);
  };
  const requested = column("Requested") as number[];
  const responded = column("Responded") as number[];
  const text = {} as Record<Field, string>;
  for (const [field, header] of Object.entries(SOURCE_COLUMNS)) text[field as keyof typeof SOURCE_COLUMNS] = asJson(column(header));
  text.responseHours = asJson(requested.map((start, r) => Math.round((responded[r] - start) * 2400) / 100));
  text.responseTarget = asJson(requested.map(() => RESPONSE_TARGET_HOURS));
  const booked = column("Booked");
  text.lead = asJson(booked.map(() => 1));
  text.won = asJson(booked.map((yes) => (yes ? 1 : 0)));
  text.lost = asJson(booked.map((yes) => (yes ? 0 : 1)));
  const amounts = column("Amount");
  text.unpaid = asJson(amounts.map((amount, r) => (r % UNPAID_EVERY === 0 ? amount : 0)));
  return text;
}

/** The whole job log of `rows` jobs, every column parsed. */
export function jobLog(rows: number, seed = 42): JobLog {
  const text = jobLogText(rows, seed);
  const log = { rows } as JobLog;
  for (const field of Object.keys(text) as Field[]) log[field] = JSON.parse(text[field]);
  return log;
}

/** The benchmarks' period, one quarter of the log's two years: 2025-04-01 to 2025-06-30, as serials. */
export const PERIOD = { from: serialFromParts(2025, 4, 1), to: serialFromParts(2025, 6, 30) };

/**
 * The columns the sample lacks that SLA compliance, lead cost and call abandonment read, headed as the
 * KPI library's tests name them (test/kpiLibrary.ts): with them, every key result native formulas compute is on the OKR sheet.
 */
export const EXTRA_HEADERS = ["SLA hours", "Spend", "Abandoned"] as const;

/** The sample's columns, then EXTRA_HEADERS. */
export const EVERY_KR_HEADERS = [...SAMPLE_HEADERS, ...EXTRA_HEADERS] as const;

/** Resolution targets in hours: the sample's jobs take one to six days from request to completion, so some miss each. */
const SLA_TARGETS = [48, 72, 96, 120];
/** Marketing spend per lead by where it came from, before a ±20% spread: referrals and repeat customers cost nothing. */
const SPEND_PER_LEAD: Record<string, number> = { Google: 30, Yelp: 22, Facebook: 15 };
/** The share of lost leads whose caller hung up before anyone answered. */
const ABANDONED_SHARE = 0.6;

/**
 * The sample generator's `rows` (in SAMPLE_HEADERS order) with EXTRA_HEADERS' cells appended, the same on
 * every run: an SLA target on every visit (blank on a lost lead, which has no completion), each lead's
 * marketing spend, and whether the call was abandoned (only lost leads ever are).
 * @example withEveryKrColumn([[46204, "Customer 001", null, "AC repair", null, null, null, null, null, null, null, 46200.4, 46200.5, null, "Referral", false, null]])[0].slice(17, 19) //=> [null, 0]
 */
export function withEveryKrColumn(rows: readonly SampleCell[][], seed = 7): SampleCell[][] {
  const next = seededRandom(seed);
  const at = (header: (typeof SAMPLE_HEADERS)[number]) => SAMPLE_HEADERS.indexOf(header);
  return rows.map((row) => {
    const booked = row[at("Booked")] === true;
    const spend = SPEND_PER_LEAD[String(row[at("Lead source")])] ?? 0;
    const target = booked ? SLA_TARGETS[Math.floor(next() * SLA_TARGETS.length)] : null;
    const abandoned = !booked && next() < ABANDONED_SHARE;
    return [...row, target, Math.round(spend * (0.8 + next() * 0.4) * 100) / 100, abandoned];
  });
}
