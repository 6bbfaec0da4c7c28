import { nonNegativeArg } from "./args";
import { dateSerial, identifierKey, isBlank, isErrorValue, numericValue } from "./coerce";
import { KpiError, KpiResult } from "./errors";
import { AlignedGrid, Grid, rectangular } from "./grid";
import { badArgument, badCell, expected, nothingToCount } from "./messages";
import { PeriodArgs, PeriodCells, walkPeriod } from "./period";
import { DATE_PAIRS, NUMBER_PAIRS, PairNames, Pairs, tallyFlags, walkPairs } from "./ranges";

/** Field operations: yes/no rates, arrival, response and on-site times, SLA compliance, workload. */

function shareOfYes(fn: string, flags: Grid, period: PeriodArgs): KpiResult {
  const tally = tallyFlags(fn, flags, "flags", period);
  if (tally instanceof KpiError) return tally;
  return tally.answers === 0 ? nothingToCount(fn, "flags") : tally.yes / tally.answers;
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
  const names = { first: "arrivals", second: "promised" };
  return walkPairs("ONTIME", arrivals, promised, names, period, DATE_PAIRS, onTimeWalk, grace);
}

function onTimeWalk(pairs: Pairs, graceMinutes: number): KpiResult {
  let onTime = 0;
  let jobs = 0;
  while (pairs.next()) {
    jobs++;
    // first: the arrival, second: the promised time
    if (Math.round((pairs.first - pairs.second) * SECONDS_PER_DAY) <= graceMinutes * 60) onTime++;
  }
  return jobs === 0 ? nothingToCount("ONTIME", "arrivals") : onTime / jobs;
}

/**
 * Service-level attainment: the share of pairs whose actual is at or under its target.
 * @example sla([[2], [5], [3]], [[4], [4], [3]]) //=> 2 / 3
 */
export function sla(actuals: Grid, targets: Grid, period: PeriodArgs = {}): KpiResult {
  const names = { first: "actuals", second: "targets" };
  return walkPairs("SLA", actuals, targets, names, period, NUMBER_PAIRS, slaWalk, undefined);
}

function slaWalk(pairs: Pairs): KpiResult {
  let met = 0;
  let count = 0;
  while (pairs.next()) {
    count++;
    if (pairs.first <= pairs.second) met++;
  }
  return count === 0 ? nothingToCount("SLA", "pairs") : met / count;
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

/**
 * The mean of end − start over the pairs, in the unit asked for. With `dateTimes`, a cell below 1 (a
 * time of day with no day) is an error naming it: paired with a date-time it would count whole days.
 */
function meanDuration(fn: string, starts: Grid, ends: Grid, names: PairNames, unit: unknown, period: PeriodArgs, dateTimes = false): KpiResult {
  const perDay = unitsPerDay(fn, unit);
  if (perDay instanceof KpiError) return perDay;
  // The plain mean of the differences, as a native AVERAGE of them would give: rounding each one
  // (to the millisecond, say) would make the result differ from other engines at rounding edges.
  return walkPairs(fn, starts, ends, names, period, DATE_PAIRS, meanDurationWalk, { fn, endsName: names.second, perDay, dateTimes });
}

/** What meanDuration's walk needs from its call. */
interface DurationJob {
  fn: string;
  endsName: string;
  perDay: number;
  dateTimes: boolean;
}

function meanDurationWalk(pairs: Pairs, job: DurationJob): KpiResult {
  let totalDays = 0;
  let count = 0;
  while (pairs.next()) {
    const start = pairs.first;
    const end = pairs.second;
    if (job.dateTimes && (start < 1 || end < 1)) {
      const { row, column } = pairs.cells;
      return start < 1
        ? badCell(job.fn, start, { row: row + 1, column: column + 1 }, expected.dateTime)
        : badCell(job.fn, end, pairs.cells.partnerPosition(), expected.dateTime);
    }
    // A negative duration is a typing slip (closed before opened): say where, don't average it away.
    if (end < start) return badCell(job.fn, end, { row: pairs.cells.row + 1, column: pairs.cells.column + 1, range: job.endsName }, expected.nonNegativeDuration);
    totalDays += end - start;
    count++;
  }
  return count === 0 ? nothingToCount(job.fn, "timePairs") : (totalDays / count) * job.perDay;
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
 * Mean time on site: from the technician's arrival to the job's completion, in "minutes", "hours"
 * (default) or "days". Both must be date-times: an arrival typed as a time of day alone is an error
 * naming its cell, as it has no day to pair with the completion's.
 * @example timeOnSite([["2026-03-02 09:00"]], [["2026-03-02 10:30"]]) //=> 1.5
 */
export function timeOnSite(arrivals: Grid, completions: Grid, unit?: unknown, period: PeriodArgs = {}): KpiResult {
  return meanDuration("TIMEONSITE", arrivals, completions, { first: "arrivals", second: "completions" }, unit, period, true);
}

/**
 * SLA compliance from a job log: the share of jobs resolved within their target, the hours from
 * start to end (to the whole second) at or under the target hours. Only jobs with a start, an end and
 * a target count: an open job (no end) has not met or missed it yet, and a target that is text (n/a)
 * or blank is no target. An end before its start, or a target of 0 or less, is an error naming the cell.
 * @example withinSla([["2026-03-02 09:00"], ["2026-03-02 09:00"]], [["2026-03-02 13:00"], ["2026-03-03 09:00"]], [[4], [8]]) //=> 0.5
 */
export function withinSla(starts: Grid, ends: Grid, targetHours: Grid, period: PeriodArgs = {}): KpiResult {
  const fn = "WITHINSLA";
  const cells = rectangular(fn, "starts", starts);
  if (cells instanceof KpiError) return cells;
  // The targets, laid out as the starts, are read by the position of each pair the walk yields.
  const targets = AlignedGrid.of(fn, cells, "starts", targetHours, "targetHours");
  if (targets instanceof KpiError) return targets;
  return walkPairs(fn, cells, ends, { first: "starts", second: "ends" }, period, DATE_PAIRS, withinSlaWalk, targets);
}

const SECONDS_PER_HOUR = 3_600;

function withinSlaWalk(pairs: Pairs, targets: AlignedGrid): KpiResult {
  let met = 0;
  let jobs = 0;
  while (pairs.next()) {
    const { row, column } = pairs.cells;
    const cell = targets.cells[row][column];
    if (isBlank(cell)) continue;
    const target = numericValue(cell);
    if (target === undefined && !isErrorValue(cell)) continue;
    if (target === undefined || !(target > 0)) return badCell("WITHINSLA", cell, targets.positionOf(row, column), expected.positiveHours);
    if (pairs.second < pairs.first) {
      return badCell("WITHINSLA", pairs.second, pairs.cells.partnerPosition(), expected.nonNegativeDuration);
    }
    jobs++;
    // Whole seconds, then hours: a native ROUND(…*86400,0)/3600 gives the same double, so both modes agree on the edge.
    if (Math.round((pairs.second - pairs.first) * SECONDS_PER_DAY) / SECONDS_PER_HOUR <= target) met++;
  }
  return jobs === 0 ? nothingToCount("WITHINSLA", "timePairs") : met / jobs;
}

/**
 * Jobs per technician: jobs (rows naming a technician) ÷ distinct technicians.
 * @example jobsPerTech([["Ann"], ["ann "], ["Bo"]]) //=> 1.5
 */
export function jobsPerTech(technicians: Grid, period: PeriodArgs = {}): KpiResult {
  return walkPeriod("JOBSPERTECH", technicians, "technicians", period, jobsPerTechWalk, undefined);
}

function jobsPerTechWalk(cells: PeriodCells): KpiResult {
  const seen = new Set<string>();
  let jobs = 0;
  while (cells.next()) {
    const key = identifierKey(cells.value);
    if (key === undefined) continue;
    jobs++;
    seen.add(key);
  }
  return jobs === 0 ? nothingToCount("JOBSPERTECH", "technicians") : jobs / seen.size;
}

/**
 * Jobs: the rows whose date is in the period (every dated row without from and to). Blanks are no job;
 * a cell that is not a date is an error naming it, as in JOBSPERDAY. A period with no job has 0.
 * @example jobs([["2026-03-02 09:00"], ["2026-03-02 14:00"], [""], ["2026-03-03"]]) //=> 3
 */
export function jobs(dates: Grid, from?: unknown, to?: unknown): KpiResult {
  return walkPeriod("JOBS", dates, "dates", { dates, from, to }, jobsWalk, undefined);
}

/** The period's walk keeps only the cells whose date is in it: each one is a job. */
function jobsWalk(cells: PeriodCells): KpiResult {
  let count = 0;
  while (cells.next()) count++;
  return count;
}

/**
 * Jobs per working day: jobs ÷ distinct calendar days that have a job.
 * @example jobsPerDay([["2026-03-02 09:00"], ["2026-03-02 14:00"], ["2026-03-03"]]) //=> 1.5
 */
export function jobsPerDay(dates: Grid, from?: unknown, to?: unknown): KpiResult {
  return walkPeriod("JOBSPERDAY", dates, "dates", { dates, from, to }, jobsPerDayWalk, undefined);
}

function jobsPerDayWalk(cells: PeriodCells): KpiResult {
  const days = new Set<number>();
  let jobs = 0;
  while (cells.next()) {
    const cell = cells.value;
    if (isBlank(cell)) continue;
    const serial = dateSerial(cell);
    if (serial === undefined) return badCell("JOBSPERDAY", cell, { row: cells.row + 1, column: cells.column + 1 }, expected.date);
    jobs++;
    days.add(Math.floor(serial));
  }
  return jobs === 0 ? nothingToCount("JOBSPERDAY", "dates") : jobs / days.size;
}
