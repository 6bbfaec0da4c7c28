import { nonNegativeArg } from "./args";
import { KpiError, KpiResult } from "./errors";
import { Grid } from "./grid";
import { badArgument, expected, finiteOr, nothingToCount, partOverWhole, zeroDivisor } from "./messages";
import { PeriodArgs } from "./period";
import { nonNegative, sumOf, tallyNumbers } from "./ranges";

/** Money and funnel: average ticket, lead cost, conversion, abandonment, days sales outstanding. */

/** A number or a range whose numbers are summed, as Excel hands it to the function. */
export type Amounts = Grid | number | null | undefined;

/**
 * Average ticket: the mean job amount. Zero-value jobs count; a negative amount (a refund) is an error.
 * @example avgTicket([[120], [0], [300]]) //=> 140
 */
export function avgTicket(amounts: Grid, period: PeriodArgs = {}): KpiResult {
  const jobs = tallyNumbers("AVGTICKET", amounts, "amounts", period, nonNegative);
  if (jobs instanceof KpiError) return jobs;
  return jobs.count === 0 ? nothingToCount("AVGTICKET", "amounts") : finiteOr("AVGTICKET", jobs.total / jobs.count);
}

/**
 * Revenue: the total of the job amounts, read as AVGTICKET reads them (blanks, booleans and text that is
 * not a number skipped, numeric text counted, a refund or an error value an error naming its cell), so
 * REVENUE is AVGTICKET × the jobs with an amount. A period with no amount has earned 0, not an error.
 * @example revenue([[120], [0], ["n/a"], [300]]) //=> 420
 */
export function revenue(amounts: Grid, period: PeriodArgs = {}): KpiResult {
  const jobs = tallyNumbers("REVENUE", amounts, "amounts", period, nonNegative);
  if (jobs instanceof KpiError) return jobs;
  return finiteOr("REVENUE", jobs.total, { id: "total", name: "amounts" });
}

/** part ÷ whole of two summed amounts, with the whole never 0 and the part never above it. */
function shareOfTotal(fn: string, partName: string, part: Amounts, wholeName: string, whole: Amounts): KpiResult {
  const numerator = sumOf(fn, partName, part);
  if (numerator instanceof KpiError) return numerator;
  const denominator = sumOf(fn, wholeName, whole);
  if (denominator instanceof KpiError) return denominator;
  if (denominator === 0) return zeroDivisor(fn, wholeName);
  if (numerator > denominator) return partOverWhole(fn, partName, numerator, wholeName, denominator);
  return numerator / denominator;
}

/**
 * Lead acquisition cost: total spend ÷ total leads.
 * @example leadCost([[300], [200]], 40) //=> 12.5
 */
export function leadCost(spend: Amounts, leads: Amounts): KpiResult {
  const cost = sumOf("LEADCOST", "spend", spend);
  if (cost instanceof KpiError) return cost;
  const count = sumOf("LEADCOST", "leads", leads);
  if (count instanceof KpiError) return count;
  return count === 0 ? zeroDivisor("LEADCOST", "leads") : finiteOr("LEADCOST", cost / count);
}

/**
 * Lead-to-job conversion: booked ÷ leads.
 * @example conversion(18, 60) //=> 0.3
 */
export function conversion(booked: Amounts, leads: Amounts): KpiResult {
  return shareOfTotal("CONVERSION", "booked", booked, "leads", leads);
}

/**
 * Call abandonment: abandoned calls ÷ all calls.
 * @example abandonment(6, 120) //=> 0.05
 */
export function abandonment(abandoned: Amounts, total: Amounts): KpiResult {
  return shareOfTotal("ABANDONMENT", "abandoned", abandoned, "total", total);
}

/**
 * Days sales outstanding: receivables ÷ revenue × days in the period.
 * @example dso(15000, 90000, 90) //=> 15
 */
export function dso(receivables: Amounts, revenue: Amounts, days: unknown): KpiResult {
  const owed = sumOf("DSO", "receivables", receivables);
  if (owed instanceof KpiError) return owed;
  const sales = sumOf("DSO", "revenue", revenue);
  if (sales instanceof KpiError) return sales;
  const period = nonNegativeArg("DSO", "days", days);
  if (period instanceof KpiError) return period;
  if (period === 0) return badArgument("DSO", "days", period, expected.positiveDays);
  return sales === 0 ? zeroDivisor("DSO", "revenue") : finiteOr("DSO", (owed * period) / sales);
}
