import { nonNegativeArg } from "./args";
import { dateSerial, identifierKey, isBlank } from "./coerce";
import { KpiError, KpiResult } from "./errors";
import { Grid } from "./grid";
import { badArgument, badCell, expected, nothingToCount } from "./messages";
import { inPeriod, PeriodArgs, scanPeriod } from "./period";
import { DATE_PAIRS, eachFlag, eachPair, NUMBER_PAIRS } from "./ranges";

/** Field operations: yes/no rates, arrival and response times, workload. */

function shareOfYes(fn: string, flags: Grid, period: PeriodArgs): KpiResult {
  let yes = 0;
  let answers = 0;
  const error = eachFlag(fn, flags, "flags", period, (flag) => {
    answers++;
    if (flag) yes++;
  });
  if (error) return error;
  return answers === 0 ? nothingToCount(fn, "yes/no values") : yes / answers;
}

/**
 * The share of yes among yes/no values (booked, callback needed, ...).
 * @example rate([["yes"], ["no"], [true], [""]]) //=> 2 / 3
 */
export function rate(flags: Grid, period: PeriodArgs = {}): KpiResult {
  return shareOfYes("RATE", flags, period);
}

/**
 * First-contact (first-visit) resolution: the share of jobs fixed on the first visit.
 * @example fcr([[1], [1], [0], [1]]) //=> 0.75
 */
export function fcr(flags: Grid, period: PeriodArgs = {}): KpiResult {
  return shareOfYes("FCR", flags, period);
}

const SECONDS_PER_DAY = 86_400;

/**
 * On-time arrival: the share of jobs whose arrival is no later than the promised time plus a
 * grace period in minutes. Times are compared to the whole second, so 9:15 is on time for 9:00 + 15.
 * @example ontime([[0.375], [0.4]], [[0.375], [0.375]], 15) //=> 0.5 (9:00 on time, 9:36 late)
 */
export function ontime(arrivals: Grid, promised: Grid, graceMinutes?: unknown, period: PeriodArgs = {}): KpiResult {
  const grace = nonNegativeArg("ONTIME", "graceMinutes", graceMinutes, 0);
  if (grace instanceof KpiError) return grace;
  let onTime = 0;
  let jobs = 0;
  const names = { first: "arrivals", second: "promised" };
  const error = eachPair("ONTIME", arrivals, promised, names, period, DATE_PAIRS, (arrival, due) => {
    jobs++;
    if (Math.round((arrival - due) * SECONDS_PER_DAY) <= grace * 60) onTime++;
    return undefined;
  });
  if (error) return error;
  return jobs === 0 ? nothingToCount("ONTIME", "arrivals") : onTime / jobs;
}

/**
 * Service-level attainment: the share of pairs whose actual is at or under its target.
 * @example sla([[2], [5], [3]], [[4], [4], [3]]) //=> 2 / 3
 */
export function sla(actuals: Grid, targets: Grid, period: PeriodArgs = {}): KpiResult {
  let met = 0;
  let pairs = 0;
  const names = { first: "actuals", second: "targets" };
  const error = eachPair("SLA", actuals, targets, names, period, NUMBER_PAIRS, (actual, target) => {
    pairs++;
    if (actual <= target) met++;
    return undefined;
  });
  if (error) return error;
  return pairs === 0 ? nothingToCount("SLA", "pairs") : met / pairs;
}

/** Each unit a duration can be given in (English and Chinese names), per day. */
const UNITS: Record<string, number> = {
  minutes: 1440, minute: 1440, min: 1440, mins: 1440, 分钟: 1440,
  hours: 24, hour: 24, h: 24, hrs: 24, 小时: 24,
  days: 1, day: 1, d: 1, 天: 1,
};

function unitsPerDay(fn: string, unit: unknown): number | KpiError {
  if (isBlank(unit)) return UNITS.hours;
  const factor = typeof unit === "string" ? UNITS[unit.trim().toLowerCase()] : undefined;
  return factor ?? badArgument(fn, "unit", unit, expected.unit);
}

function meanDuration(fn: string, starts: Grid, ends: Grid, names: { first: string; second: string }, unit: unknown, period: PeriodArgs): KpiResult {
  const perDay = unitsPerDay(fn, unit);
  if (perDay instanceof KpiError) return perDay;
  // The plain mean of the differences, as a native AVERAGE of them would give: rounding each one
  // (to the millisecond, say) would make the result differ from other engines at rounding edges.
  let totalDays = 0;
  let count = 0;
  const error = eachPair(fn, starts, ends, names, period, DATE_PAIRS, (start, end, r, c) => {
    // A negative duration is a typing slip (closed before opened): say where, don't average it away.
    if (end < start) return badCell(fn, end, { row: r + 1, column: c + 1, range: names.second }, expected.nonNegativeDuration);
    totalDays += end - start;
    count++;
    return undefined;
  });
  if (error) return error;
  return count === 0 ? nothingToCount(fn, "pairs of times") : (totalDays / count) * perDay;
}

/**
 * Mean time from request to first response, in "minutes", "hours" (default) or "days".
 * @example responsetime([["2026-03-02 09:00"]], [["2026-03-02 11:30"]]) //=> 2.5
 */
export function responseTime(requested: Grid, responded: Grid, unit?: unknown, period: PeriodArgs = {}): KpiResult {
  return meanDuration("RESPONSETIME", requested, responded, { first: "requested", second: "responded" }, unit, period);
}

/**
 * Mean time from opening a job to resolving it, in "minutes", "hours" (default) or "days".
 * @example resolutiontime([["2026-03-02"]], [["2026-03-04"]], "days") //=> 2
 */
export function resolutionTime(opened: Grid, closed: Grid, unit?: unknown, period: PeriodArgs = {}): KpiResult {
  return meanDuration("RESOLUTIONTIME", opened, closed, { first: "opened", second: "closed" }, unit, period);
}

/**
 * Jobs per technician: jobs (rows naming a technician) ÷ distinct technicians.
 * @example jobsPerTech([["Ann"], ["ann "], ["Bo"]]) //=> 1.5
 */
export function jobsPerTech(technicians: Grid, period: PeriodArgs = {}): KpiResult {
  const range = inPeriod("JOBSPERTECH", technicians, "technicians", period);
  if (range instanceof KpiError) return range;
  const seen = new Set<string>();
  let jobs = 0;
  const error = scanPeriod("JOBSPERTECH", range, (cell) => {
    const key = identifierKey(cell);
    if (key !== undefined) {
      jobs++;
      seen.add(key);
    }
    return undefined;
  });
  if (error) return error;
  return jobs === 0 ? nothingToCount("JOBSPERTECH", "technicians") : jobs / seen.size;
}

/**
 * Jobs per working day: jobs ÷ distinct calendar days that have a job.
 * @example jobsPerDay([["2026-03-02 09:00"], ["2026-03-02 14:00"], ["2026-03-03"]]) //=> 1.5
 */
export function jobsPerDay(dates: Grid, from?: unknown, to?: unknown): KpiResult {
  const range = inPeriod("JOBSPERDAY", dates, "dates", { dates, from, to });
  if (range instanceof KpiError) return range;
  const days = new Set<number>();
  let jobs = 0;
  const error = scanPeriod("JOBSPERDAY", range, (cell, r, c) => {
    if (isBlank(cell)) return undefined;
    const serial = dateSerial(cell);
    if (serial === undefined) return badCell("JOBSPERDAY", cell, { row: r + 1, column: c + 1 }, expected.date);
    jobs++;
    days.add(Math.floor(serial));
    return undefined;
  });
  if (error) return error;
  return jobs === 0 ? nothingToCount("JOBSPERDAY", "dates") : jobs / days.size;
}
