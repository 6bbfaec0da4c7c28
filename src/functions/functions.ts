/* eslint-disable @typescript-eslint/no-explicit-any --
 * Ranges are declared any[][] so Excel hands over raw cells (text, blanks, booleans) uncoerced;
 * the KPI core reads them and says which cell is wrong. */
import * as customerBase from "../kpi/customers";
import * as finance from "../kpi/finance";
import * as okr from "../kpi/okr";
import * as operations from "../kpi/operations";
import * as surveys from "../kpi/surveys";
import * as text from "../kpi/sentiment";
import { serialFromParts } from "../kpi/coerce";
import { unwrap } from "./toExcelError";

/**
 * Net Promoter Score: % promoters (9-10) minus % detractors (0-6), from -100 to 100.
 * Example: =KPI.NPS(F2:F500) or, for one quarter, =KPI.NPS(F2:F500, A2:A500, "2026-07-01", "2026-09-30").
 * @customfunction NPS
 * @helpurl https://localhost:3000/functions.html#nps
 * @param {any[][]} scores Survey answers to "how likely are you to recommend us", whole numbers 0 to 10.
 * @param {any[][]} [dates] Optional job dates, one per score, to count one period only.
 * @param {any} [from] Optional first day of the period (a date, or text like 2026-07-01).
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The NPS, from -100 to 100.
 */
export function NPS(scores: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(surveys.nps(scores, { dates, from, to }));
}

/**
 * Customer satisfaction: the share of answers in the top two boxes (4-5 on a 1-5 scale).
 * Example: =KPI.CSAT(G2:G500) or, on a 1-10 scale, =KPI.CSAT(G2:G500, 10).
 * @customfunction CSAT
 * @helpurl https://localhost:3000/functions.html#csat
 * @param {any[][]} scores Satisfaction answers, whole numbers from 1 to scale.
 * @param {any} [scale] Optional top of the scale, a whole number of 2 or more (default 5).
 * @param {any[][]} [dates] Optional job dates, one per score, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The share of satisfied answers, 0 to 1.
 */
export function CSAT(scores: any[][], scale?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(surveys.csat(scores, scale, { dates, from, to }));
}

/**
 * Customer effort score: the mean effort answer (1 = very easy), on a 1-7 scale by default.
 * Example: =KPI.CES(H2:H500)
 * @customfunction CES
 * @helpurl https://localhost:3000/functions.html#ces
 * @param {any[][]} scores Effort answers from 1 to scale.
 * @param {any} [scale] Optional top of the scale, a whole number of 2 or more (default 7).
 * @param {any[][]} [dates] Optional job dates, one per score, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The mean effort score.
 */
export function CES(scores: any[][], scale?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(surveys.ces(scores, scale, { dates, from, to }));
}

/**
 * The share of yes in a yes/no column (TRUE/FALSE, 1/0, yes/no, y/n, 是/否).
 * Example: =KPI.RATE(L2:L500) for the share of quotes booked.
 * @customfunction RATE
 * @helpurl https://localhost:3000/functions.html#rate
 * @param {any[][]} flags Yes/no values; blanks are skipped.
 * @param {any[][]} [dates] Optional job dates, one per flag, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The share of yes, 0 to 1.
 */
export function RATE(flags: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.rate(flags, { dates, from, to }));
}

/**
 * First-contact (first-visit) resolution: the share of jobs fixed on the first visit.
 * Example: =KPI.FCR(I2:I500)
 * @customfunction FCR
 * @helpurl https://localhost:3000/functions.html#fcr
 * @param {any[][]} flags Fixed on the first visit? yes/no per job; blanks are skipped.
 * @param {any[][]} [dates] Optional job dates, one per flag, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The first-visit fix rate, 0 to 1.
 */
export function FCR(flags: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.fcr(flags, { dates, from, to }));
}

/**
 * On-time arrival: the share of jobs where the technician arrived by the promised time plus a grace period.
 * Example: =KPI.ONTIME(K2:K500, J2:J500, 15)
 * @customfunction ONTIME
 * @helpurl https://localhost:3000/functions.html#ontime
 * @param {any[][]} arrivals Arrival date-times (or times of day).
 * @param {any[][]} promised Promised date-times, one per arrival.
 * @param {any} [graceMinutes] Optional minutes of grace after the promised time (default 0).
 * @param {any[][]} [dates] Optional job dates, one per arrival, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The on-time share, 0 to 1.
 */
export function ONTIME(arrivals: any[][], promised: any[][], graceMinutes?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.ontime(arrivals, promised, graceMinutes, { dates, from, to }));
}

/**
 * Service-level attainment: the share of jobs whose actual value is at or under its target.
 * Example: =KPI.SLA(M2:M500, N2:N500) with hours to resolve against the promised hours.
 * @customfunction SLA
 * @helpurl https://localhost:3000/functions.html#sla
 * @param {any[][]} actuals Actual values (hours, days, ...).
 * @param {any[][]} targets Target values, one per actual.
 * @param {any[][]} [dates] Optional job dates, one per actual, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The share within target, 0 to 1.
 */
export function SLA(actuals: any[][], targets: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.sla(actuals, targets, { dates, from, to }));
}

/**
 * Mean lead response time: from the request to the first reply, in hours unless another unit is given.
 * Example: =KPI.RESPONSETIME(O2:O500, P2:P500, "minutes")
 * @customfunction RESPONSETIME
 * @helpurl https://localhost:3000/functions.html#responsetime
 * @param {any[][]} requested When each request came in (date-times).
 * @param {any[][]} responded When each got its first reply, one per request.
 * @param {any} [unit] Optional "minutes", "hours" (default) or "days".
 * @param {any[][]} [dates] Optional job dates, one per request, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The mean response time in the unit asked for.
 */
export function RESPONSETIME(requested: any[][], responded: any[][], unit?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.responseTime(requested, responded, unit, { dates, from, to }));
}

/**
 * Mean resolution time: from opening a job to resolving it, in hours unless another unit is given.
 * Example: =KPI.RESOLUTIONTIME(A2:A500, Q2:Q500, "days")
 * @customfunction RESOLUTIONTIME
 * @helpurl https://localhost:3000/functions.html#resolutiontime
 * @param {any[][]} opened When each job was opened (date-times).
 * @param {any[][]} closed When each was resolved, one per job.
 * @param {any} [unit] Optional "minutes", "hours" (default) or "days".
 * @param {any[][]} [dates] Optional job dates, one per job, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The mean resolution time in the unit asked for.
 */
export function RESOLUTIONTIME(opened: any[][], closed: any[][], unit?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.resolutionTime(opened, closed, unit, { dates, from, to }));
}

/**
 * Customer retention: customers kept (end minus new) as a share of customers at the start.
 * Example: =KPI.RETENTION(200, 210, 30) gives 0.9.
 * @customfunction RETENTION
 * @helpurl https://localhost:3000/functions.html#retention
 * @param {any} start Customers at the start of the period.
 * @param {any} end Customers at the end of the period.
 * @param {any} newCustomers New customers won during the period.
 * @returns {number} The retention rate, 0 to 1.
 */
export function RETENTION(start: any, end: any, newCustomers: any): number {
  return unwrap(customerBase.retention(start, end, newCustomers));
}

/**
 * Customer churn: the share of start-of-period customers lost (1 - retention).
 * Example: =KPI.CHURN(200, 210, 30) gives 0.1.
 * @customfunction CHURN
 * @helpurl https://localhost:3000/functions.html#churn
 * @param {any} start Customers at the start of the period.
 * @param {any} end Customers at the end of the period.
 * @param {any} newCustomers New customers won during the period.
 * @returns {number} The churn rate, 0 to 1.
 */
export function CHURN(start: any, end: any, newCustomers: any): number {
  return unwrap(customerBase.churn(start, end, newCustomers));
}

/**
 * Customer lifetime value: average ticket x jobs per year x years x margin - acquisition cost.
 * Example: =KPI.LTV(250, 3, 4, 40%, 150) gives 1050.
 * @customfunction LTV
 * @helpurl https://localhost:3000/functions.html#ltv
 * @param {any} avgTicket Average amount per job.
 * @param {any} jobsPerYear Jobs a customer books per year.
 * @param {any} years Years a customer stays (see KPI.LIFESPAN).
 * @param {any} [margin] Optional gross margin, 0 to 1 (default 1: revenue, not profit).
 * @param {any} [acquisitionCost] Optional cost of winning the customer (default 0).
 * @returns {number} The lifetime value.
 */
export function LTV(avgTicket: any, jobsPerYear: any, years: any, margin?: any, acquisitionCost?: any): number {
  return unwrap(customerBase.ltv(avgTicket, jobsPerYear, years, margin, acquisitionCost));
}

/**
 * Expected customer lifetime in years: 1 / annual churn.
 * Example: =KPI.LIFESPAN(25%) gives 4.
 * @customfunction LIFESPAN
 * @helpurl https://localhost:3000/functions.html#lifespan
 * @param {any} annualChurn The share of customers lost per year, above 0 and up to 1.
 * @returns {number} The expected lifetime in years.
 */
export function LIFESPAN(annualChurn: any): number {
  return unwrap(customerBase.lifespan(annualChurn));
}

/**
 * Repeat-customer rate: customers with two or more jobs as a share of all customers.
 * Example: =KPI.REPEATRATE(B2:B500)
 * @customfunction REPEATRATE
 * @helpurl https://localhost:3000/functions.html#repeatrate
 * @param {any[][]} customers The customer of each job (name or number; case and spaces are ignored).
 * @param {any[][]} [dates] Optional job dates, one per job, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The repeat-customer rate, 0 to 1.
 */
export function REPEATRATE(customers: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(customerBase.repeatRate(customers, { dates, from, to }));
}

/**
 * Average ticket: the mean job amount (zero-value jobs count).
 * Example: =KPI.AVGTICKET(E2:E500)
 * @customfunction AVGTICKET
 * @helpurl https://localhost:3000/functions.html#avgticket
 * @param {any[][]} amounts The amount of each job, 0 or more.
 * @param {any[][]} [dates] Optional job dates, one per amount, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The average amount per job.
 */
export function AVGTICKET(amounts: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(finance.avgTicket(amounts, { dates, from, to }));
}

/**
 * Jobs per technician: jobs divided by the number of different technicians.
 * Example: =KPI.JOBSPERTECH(C2:C500)
 * @customfunction JOBSPERTECH
 * @helpurl https://localhost:3000/functions.html#jobspertech
 * @param {any[][]} technicians The technician of each job.
 * @param {any[][]} [dates] Optional job dates, one per job, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} Jobs per technician.
 */
export function JOBSPERTECH(technicians: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.jobsPerTech(technicians, { dates, from, to }));
}

/**
 * Jobs per working day: jobs divided by the number of different days that have a job.
 * Example: =KPI.JOBSPERDAY(A2:A500, "2026-07-01", "2026-09-30")
 * @customfunction JOBSPERDAY
 * @helpurl https://localhost:3000/functions.html#jobsperday
 * @param {any[][]} dates The date of each job.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} Jobs per working day.
 */
export function JOBSPERDAY(dates: any[][], from?: any, to?: any): number {
  return unwrap(operations.jobsPerDay(dates, from, to));
}

/**
 * Lead acquisition cost: marketing spend divided by the leads it brought.
 * Example: =KPI.LEADCOST(S2:S13, T2:T13)
 * @customfunction LEADCOST
 * @helpurl https://localhost:3000/functions.html#leadcost
 * @param {any[][]} spend A number or a range of amounts spent, summed.
 * @param {any[][]} leads A number or a range of lead counts, summed.
 * @returns {number} The cost per lead.
 */
export function LEADCOST(spend: any[][], leads: any[][]): number {
  return unwrap(finance.leadCost(spend, leads));
}

/**
 * Conversion rate: booked jobs as a share of leads (or quotes).
 * Example: =KPI.CONVERSION(18, 60) gives 0.3.
 * @customfunction CONVERSION
 * @helpurl https://localhost:3000/functions.html#conversion
 * @param {any[][]} booked A number or a range of booked counts, summed.
 * @param {any[][]} leads A number or a range of lead counts, summed.
 * @returns {number} The conversion rate, 0 to 1.
 */
export function CONVERSION(booked: any[][], leads: any[][]): number {
  return unwrap(finance.conversion(booked, leads));
}

/**
 * Call abandonment rate: calls hung up before an answer as a share of all calls.
 * Example: =KPI.ABANDONMENT(6, 120) gives 0.05.
 * @customfunction ABANDONMENT
 * @helpurl https://localhost:3000/functions.html#abandonment
 * @param {any[][]} abandoned A number or a range of abandoned-call counts, summed.
 * @param {any[][]} total A number or a range of all-call counts, summed.
 * @returns {number} The abandonment rate, 0 to 1.
 */
export function ABANDONMENT(abandoned: any[][], total: any[][]): number {
  return unwrap(finance.abandonment(abandoned, total));
}

/**
 * Days sales outstanding: how many days of revenue are still unpaid.
 * Example: =KPI.DSO(15000, 90000, 90) gives 15.
 * @customfunction DSO
 * @helpurl https://localhost:3000/functions.html#dso
 * @param {any[][]} receivables A number or a range of unpaid invoice amounts, summed.
 * @param {any[][]} revenue A number or a range of the period's invoiced amounts, summed.
 * @param {any} days Days in the period (e.g. 30, 90, 365).
 * @returns {number} Days sales outstanding.
 */
export function DSO(receivables: any[][], revenue: any[][], days: any): number {
  return unwrap(finance.dso(receivables, revenue, days));
}

/**
 * Progress of a key result from its baseline to its target (works for targets below the baseline too).
 * Example: =KPI.PROGRESS(40, 60, 50) gives 0.5.
 * @customfunction PROGRESS
 * @helpurl https://localhost:3000/functions.html#progress
 * @param {any} baseline Where the measure started.
 * @param {any} target Where it should end.
 * @param {any} current Where it is now.
 * @param {any} [cap] Optional: TRUE (default) keeps the result between 0 and 1.
 * @returns {number} The progress, 0 to 1 when capped.
 */
export function PROGRESS(baseline: any, target: any, current: any, cap?: any): number {
  return unwrap(okr.progress(baseline, target, current, cap));
}

/**
 * Status of a key result: Done, On track, At risk, Off track, Missed (the period is over) or Check target (the target contradicts the type).
 * Example: =KPI.STATUS(0.45, 0.5) gives "On track"; =KPI.STATUS(1, 0.5, , "increase", 60, 40) gives "Check target".
 * @customfunction STATUS
 * @helpurl https://localhost:3000/functions.html#status
 * @param {any} progress Progress so far, 0 to 1 (see KPI.PROGRESS).
 * @param {any} expected Progress expected by now, 0 to 1 (see KPI.ELAPSED); 1 means the period is over.
 * @param {any} [tolerance] Optional slack before a result is at risk (default 0.1).
 * @param {any} [type] Optional "increase", "decrease", "above" or "below": with increase or decrease, a target on the wrong side of the baseline reads "Check target".
 * @param {any} [baseline] Where the measure started; needed with increase and decrease.
 * @param {any} [target] Where it should end; needed with increase and decrease.
 * @returns {string} "Done", "On track", "At risk", "Off track", "Missed" or "Check target".
 */
export function STATUS(progress: any, expected: any, tolerance?: any, type?: any, baseline?: any, target?: any): string {
  return unwrap(okr.status(progress, expected, tolerance, type, baseline, target));
}

/**
 * The share of a period that has passed, counting whole days with both ends included.
 * Example: =KPI.ELAPSED("2026-07-01", "2026-09-30") during the third quarter.
 * @customfunction ELAPSED
 * @helpurl https://localhost:3000/functions.html#elapsed
 * @volatile
 * @param {any} from First day of the period.
 * @param {any} to Last day of the period.
 * @param {any} [asOf] Optional day to measure at (default today).
 * @returns {number} The elapsed share, 0 to 1.
 */
export function ELAPSED(from: any, to: any, asOf?: any): number {
  return unwrap(okr.elapsed(from, to, asOf ?? todaySerial()));
}

/**
 * Mean sentiment of customer comments, from -1 (negative) to 1 (positive). Reads English only: comments in
 * other scripts, Chinese included, are left out, and #N/A says so when no comment is in English.
 * Example: =KPI.SENTIMENT(R2:R500)
 * @customfunction SENTIMENT
 * @helpurl https://localhost:3000/functions.html#sentiment
 * @param {any[][]} texts Customer comments in English; blanks and comments in other scripts are skipped.
 * @param {any[][]} [dates] Optional job dates, one per comment, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The mean sentiment, -1 to 1.
 */
export function SENTIMENT(texts: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(text.sentiment(texts, { dates, from, to }));
}

/**
 * SLA compliance from a job log: the share of jobs resolved within their target hours, from start to end.
 * Jobs without an end (still open) or without a numeric target are skipped.
 * Example: =KPI.WITHINSLA(O2:O500, Q2:Q500, R2:R500)
 * @customfunction WITHINSLA
 * @helpurl https://localhost:3000/functions.html#withinsla
 * @param {any[][]} starts When each job was requested (date-times).
 * @param {any[][]} ends When each was resolved, one per job.
 * @param {any[][]} targetHours Each job's target, in hours above 0.
 * @param {any[][]} [dates] Optional job dates, one per job, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The share of jobs within target, 0 to 1.
 */
export function WITHINSLA(starts: any[][], ends: any[][], targetHours: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.withinSla(starts, ends, targetHours, { dates, from, to }));
}

/**
 * Mean time on site: from the technician's arrival to the job's completion, in hours unless another unit is given.
 * Both must be date-times: an arrival typed as a time of day alone is an error naming its cell.
 * Example: =KPI.TIMEONSITE(K2:K500, Q2:Q500)
 * @customfunction TIMEONSITE
 * @helpurl https://localhost:3000/functions.html#timeonsite
 * @param {any[][]} arrivals When the technician arrived (date-times).
 * @param {any[][]} completions When each job was completed, one per arrival.
 * @param {any} [unit] Optional "minutes", "hours" (default) or "days".
 * @param {any[][]} [dates] Optional job dates, one per arrival, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The mean time on site in the unit asked for.
 */
export function TIMEONSITE(arrivals: any[][], completions: any[][], unit?: any, dates?: any[][], from?: any, to?: any): number {
  return unwrap(operations.timeOnSite(arrivals, completions, unit, { dates, from, to }));
}

/**
 * Revenue: the total of the job amounts, 0 for a period with none. Read as AVGTICKET reads them: blanks and
 * text that is not a number are skipped, a number typed as text counts, a refund (below 0) or an error value is an error.
 * Example: =KPI.REVENUE(E2:E500, A2:A500, "2026-07-01", "2026-09-30")
 * @customfunction REVENUE
 * @helpurl https://localhost:3000/functions.html#revenue
 * @param {any[][]} amounts The amount of each job, 0 or more.
 * @param {any[][]} [dates] Optional job dates, one per amount, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The total amount.
 */
export function REVENUE(amounts: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(finance.revenue(amounts, { dates, from, to }));
}

/**
 * Jobs: how many jobs have a date in the period, 0 for a period with none. Blank cells are no job; a cell that is not a date is an error.
 * Example: =KPI.JOBS(A2:A500, "2026-07-01", "2026-09-30")
 * @customfunction JOBS
 * @helpurl https://localhost:3000/functions.html#jobs
 * @param {any[][]} dates The date of each job.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The number of jobs.
 */
export function JOBS(dates: any[][], from?: any, to?: any): number {
  return unwrap(operations.jobs(dates, from, to));
}

/**
 * Distinct customers: how many different customers the jobs name (0 when none).
 * Example: =KPI.CUSTOMERS(B2:B500) or, for one quarter, =KPI.CUSTOMERS(B2:B500, A2:A500, "2026-07-01", "2026-09-30").
 * @customfunction CUSTOMERS
 * @helpurl https://localhost:3000/functions.html#customers
 * @param {any[][]} customers The customer of each job (name or number; case and spaces are ignored).
 * @param {any[][]} [dates] Optional job dates, one per job, to count one period only.
 * @param {any} [from] Optional first day of the period.
 * @param {any} [to] Optional last day of the period, counted in full.
 * @returns {number} The number of different customers.
 */
export function CUSTOMERS(customers: any[][], dates?: any[][], from?: any, to?: any): number {
  return unwrap(customerBase.customerCount(customers, { dates, from, to }));
}

/**
 * Customers retained: how many customers with a job in the previous period also have one in this period.
 * Example: =KPI.RETAINED(B2:B500, A2:A500, "2026-04-01", "2026-06-30", "2026-07-01", "2026-09-30")
 * @customfunction RETAINED
 * @helpurl https://localhost:3000/functions.html#retained
 * @param {any[][]} customers The customer of each job (name or number; case and spaces are ignored).
 * @param {any[][]} dates The job dates, one per job.
 * @param {any} previousFrom First day of the previous period.
 * @param {any} previousTo Last day of the previous period, counted in full.
 * @param {any} from First day of this period.
 * @param {any} to Last day of this period, counted in full.
 * @returns {number} The number of customers retained.
 */
export function RETAINED(customers: any[][], dates: any[][], previousFrom: any, previousTo: any, from: any, to: any): number {
  return unwrap(customerBase.retained(customers, dates, previousFrom, previousTo, from, to));
}

/**
 * New customers: how many customers with a job in the period have no job dated before it.
 * Example: =KPI.NEWCUSTOMERS(B2:B500, A2:A500, "2026-07-01", "2026-09-30")
 * @customfunction NEWCUSTOMERS
 * @helpurl https://localhost:3000/functions.html#newcustomers
 * @param {any[][]} customers The customer of each job (name or number; case and spaces are ignored).
 * @param {any[][]} dates The job dates, one per job: the whole log, so earlier jobs are seen.
 * @param {any} from First day of the period.
 * @param {any} to Last day of the period, counted in full.
 * @returns {number} The number of new customers.
 */
export function NEWCUSTOMERS(customers: any[][], dates: any[][], from: any, to: any): number {
  return unwrap(customerBase.newCustomers(customers, dates, from, to));
}

/** Today in the user's time zone, as an Excel date serial. */
function todaySerial(now = new Date()): number {
  return serialFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
