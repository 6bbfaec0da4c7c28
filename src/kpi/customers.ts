import { nonNegativeArg, optionalDateArg, shareArg, wholeCountArg } from "./args";
import { identifierKey } from "./coerce";
import { KpiError, KpiResult } from "./errors";
import { Grid } from "./grid";
import { finiteOr, keptOutOfRange, nothingToCount, zeroDivisor } from "./messages";
import { PeriodArgs, PeriodCells, walkPeriod } from "./period";

/** Customer base: retention, churn, lifetime value, repeat business. */

/** Customers kept and at start, checked: the shared ground of retention and churn. */
function keptOfStart(fn: string, start: unknown, end: unknown, added: unknown): { kept: number; start: number } | KpiError {
  const first = wholeCountArg(fn, "start", start);
  if (first instanceof KpiError) return first;
  const last = wholeCountArg(fn, "end", end);
  if (last instanceof KpiError) return last;
  const fresh = wholeCountArg(fn, "new", added);
  if (fresh instanceof KpiError) return fresh;
  if (first === 0) return zeroDivisor(fn, "start");
  const kept = last - fresh;
  if (kept < 0 || kept > first) return keptOutOfRange(fn, last, fresh, kept, first);
  return { kept, start: first };
}

/**
 * Customer retention over a period: (customers at end − new customers) ÷ customers at start.
 * @example retention(200, 210, 30) //=> 0.9
 */
export function retention(start: unknown, end: unknown, added: unknown): KpiResult {
  const counts = keptOfStart("RETENTION", start, end, added);
  return counts instanceof KpiError ? counts : counts.kept / counts.start;
}

/**
 * Customer churn over a period: 1 − retention, computed as lost ÷ start so 0.1 stays exactly 0.1.
 * @example churn(200, 210, 30) //=> 0.1
 */
export function churn(start: unknown, end: unknown, added: unknown): KpiResult {
  const counts = keptOfStart("CHURN", start, end, added);
  return counts instanceof KpiError ? counts : (counts.start - counts.kept) / counts.start;
}

/**
 * Customer lifetime value: avgTicket × jobsPerYear × years × margin − acquisitionCost.
 * @example ltv(250, 3, 4, 0.4, 150) //=> 1050
 */
export function ltv(avgTicket: unknown, jobsPerYear: unknown, years: unknown, margin?: unknown, acquisitionCost?: unknown): KpiResult {
  const ticket = nonNegativeArg("LTV", "avgTicket", avgTicket);
  if (ticket instanceof KpiError) return ticket;
  const perYear = nonNegativeArg("LTV", "jobsPerYear", jobsPerYear);
  if (perYear instanceof KpiError) return perYear;
  const lifetime = nonNegativeArg("LTV", "years", years);
  if (lifetime instanceof KpiError) return lifetime;
  const share = shareArg("LTV", "margin", margin, 1);
  if (share instanceof KpiError) return share;
  const cost = nonNegativeArg("LTV", "acquisitionCost", acquisitionCost, 0);
  if (cost instanceof KpiError) return cost;
  return finiteOr("LTV", ticket * perYear * lifetime * share - cost);
}

/**
 * Expected customer lifetime in years: 1 ÷ annual churn.
 * @example lifespan(0.25) //=> 4
 */
export function lifespan(annualChurn: unknown): KpiResult {
  const rate = shareArg("LIFESPAN", "annualChurn", annualChurn);
  if (rate instanceof KpiError) return rate;
  if (rate === 0) return zeroDivisor("LIFESPAN", "annualChurn");
  return finiteOr("LIFESPAN", 1 / rate);
}

/**
 * Repeat-customer rate: distinct customers with two or more jobs ÷ distinct customers.
 * @example repeatRate([["Ann"], ["ann"], ["Bo"], ["Cy"]]) //=> 1 / 3
 */
export function repeatRate(customers: Grid, period: PeriodArgs = {}): KpiResult {
  return walkPeriod("REPEATRATE", customers, "customers", period, repeatRateWalk, undefined);
}

function repeatRateWalk(cells: PeriodCells): KpiResult {
  // true once a customer has been seen a second time
  const repeat = new Map<string, boolean>();
  while (cells.next()) {
    const key = identifierKey(cells.value);
    if (key !== undefined) repeat.set(key, repeat.has(key));
  }
  if (repeat.size === 0) return nothingToCount("REPEATRATE", "customers");
  let repeaters = 0;
  for (const again of repeat.values()) if (again) repeaters++;
  return repeaters / repeat.size;
}

/** Every customer the jobs in the period name, by the key repeatRate compares them with. */
function customerKeys(fn: string, customers: Grid, period: PeriodArgs): Set<string> | KpiError {
  return walkPeriod(fn, customers, "customers", period, collectKeys, undefined);
}

function collectKeys(cells: PeriodCells): Set<string> {
  const keys = new Set<string>();
  while (cells.next()) {
    const key = identifierKey(cells.value);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/**
 * Distinct customers: how many different customers the jobs name (0 when none), names compared as
 * repeatRate compares them.
 * @example customerCount([["Ann"], ["ann "], [1001], ["1001"], [""]]) //=> 2
 */
export function customerCount(customers: Grid, period: PeriodArgs = {}): KpiResult {
  const keys = customerKeys("CUSTOMERS", customers, period);
  return keys instanceof KpiError ? keys : keys.size;
}

/**
 * Customers retained: how many customers with a job from previousFrom to previousTo also have one
 * from from to to (both periods by their jobs' dates, last days counted in full).
 * @example retained([["Ann"], ["Bo"], ["ann"]], [[46023], [46023], [46054]], 46023, 46053, 46054, 46081) //=> 1
 */
export function retained(customers: Grid, dates: Grid | null | undefined, previousFrom: unknown, previousTo: unknown, from: unknown, to: unknown): KpiResult {
  const earlierFrom = optionalDateArg("RETAINED", "previousFrom", previousFrom);
  if (earlierFrom instanceof KpiError) return earlierFrom;
  const earlierTo = optionalDateArg("RETAINED", "previousTo", previousTo);
  if (earlierTo instanceof KpiError) return earlierTo;
  const before = customerKeys("RETAINED", customers, { dates, from: earlierFrom, to: earlierTo });
  if (before instanceof KpiError) return before;
  const now = customerKeys("RETAINED", customers, { dates, from, to });
  if (now instanceof KpiError) return now;
  let kept = 0;
  for (const key of before) if (now.has(key)) kept++;
  return kept;
}

/**
 * New customers: how many customers with a job from from to to have no job dated before from.
 * @example newCustomers([["Ann"], ["Bo"], ["ann"]], [[46023], [46054], [46054]], 46054, 46081) //=> 1
 */
export function newCustomers(customers: Grid, dates: Grid | null | undefined, from: unknown, to: unknown): KpiResult {
  const start = optionalDateArg("NEWCUSTOMERS", "from", from);
  if (start instanceof KpiError) return start;
  const now = customerKeys("NEWCUSTOMERS", customers, { dates, from: start, to });
  if (now instanceof KpiError) return now;
  // Without a first day, or with one before any date can be, no job is earlier.
  const firstDay = start === undefined ? 0 : Math.floor(start);
  const earlier = firstDay <= 0 ? new Set<string>() : customerKeys("NEWCUSTOMERS", customers, { dates, to: firstDay - 1 });
  if (earlier instanceof KpiError) return earlier;
  let fresh = 0;
  for (const key of now) if (!earlier.has(key)) fresh++;
  return fresh;
}
