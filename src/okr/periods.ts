import { dateSerial, isoDate, serialFromParts } from "../kpi/coerce";

/** The periods an OKR sheet can cover, as Excel date serials (first and last day, both included). */
export interface Period {
  label: string;
  from: number;
  to: number;
}

function lastDayOfMonth(year: number, month: number): number {
  return serialFromParts(year, month + 1, 1) - 1;
}

/** The quarter holding a calendar date: 2026-11-24 → 2026-Q4, 2026-10-01 .. 2026-12-31. */
export function quarterOf(year: number, month: number): Period {
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return { label: `${year}-Q${(first + 2) / 3}`, from: serialFromParts(year, first, 1), to: lastDayOfMonth(year, first + 2) };
}

export function monthOf(year: number, month: number): Period {
  return { label: `${year}-${String(month).padStart(2, "0")}`, from: serialFromParts(year, month, 1), to: lastDayOfMonth(year, month) };
}

/** A custom period, labelled by its dates. */
export function customPeriod(from: number, to: number): Period {
  return { label: `${isoDate(from)} to ${isoDate(to)}`, from, to };
}

/** A calendar quarter or month, told from its dates; undefined for any other range of days. */
function calendarKind(period: Period): { kind: "quarter" | "month"; year: number; month: number } | undefined {
  const [year, month] = isoDate(period.from).split("-").map(Number);
  if (period.from !== serialFromParts(year, month, 1)) return undefined;
  if (period.to === lastDayOfMonth(year, month)) return { kind: "month", year, month };
  if (month % 3 === 1 && period.to === lastDayOfMonth(year, month + 2)) return { kind: "quarter", year, month };
  return undefined;
}

/**
 * Whether a period is a calendar quarter or month; undefined for any other range of days.
 * @example periodKind(quarterOf(2026, 8)) //=> "quarter"
 */
export function periodKind(period: Period): CalendarKind | undefined {
  return calendarKind(period)?.kind;
}

/** The month `months` before year-month, across year boundaries. */
function monthsBefore(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + month - 1 - months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The same day a year earlier; 29 February becomes 28 February. */
function yearBefore(serial: number): number {
  const [year, month, day] = isoDate(serial).split("-").map(Number);
  return Math.min(serialFromParts(year - 1, month, day), lastDayOfMonth(year - 1, month));
}

/**
 * The period before, of the same kind: the previous calendar quarter or month, else as many days
 * just before. The kind comes from the dates, not the label.
 * @example previousPeriod(quarterOf(2026, 1)).label //=> "2025-Q4"
 */
export function previousPeriod(period: Period): Period {
  const calendar = calendarKind(period);
  if (calendar?.kind === "quarter") return quarterOf(...monthsBefore(calendar.year, calendar.month, 3));
  if (calendar?.kind === "month") return monthOf(...monthsBefore(calendar.year, calendar.month, 1));
  const days = period.to - period.from + 1;
  return customPeriod(period.from - days, period.from - 1);
}

/**
 * The same quarter or month a year before; for other ranges, both dates a year earlier.
 * @example samePeriodLastYear(monthOf(2026, 7)).label //=> "2025-07"
 */
export function samePeriodLastYear(period: Period): Period {
  const calendar = calendarKind(period);
  if (calendar?.kind === "quarter") return quarterOf(calendar.year - 1, calendar.month);
  if (calendar?.kind === "month") return monthOf(calendar.year - 1, calendar.month);
  return customPeriod(yearBefore(period.from), yearBefore(period.to));
}

export type BaselineChoice = "previous" | "lastYear";

/**
 * The period a sheet's baseline is measured over, with a short phrase for its header.
 * @example baselinePeriod(quarterOf(2026, 7), "lastYear").description //=> "same quarter last year (2025-Q3)"
 */
export function baselinePeriod(period: Period, choice: BaselineChoice): Period & { description: string } {
  const kind = calendarKind(period)?.kind;
  if (choice === "lastYear") {
    const baseline = samePeriodLastYear(period);
    return { ...baseline, description: kind ? `same ${kind} last year (${baseline.label})` : "same dates last year" };
  }
  const baseline = previousPeriod(period);
  const days = period.to - period.from + 1;
  return { ...baseline, description: kind ? `previous ${kind} (${baseline.label})` : `previous ${days === 1 ? "day" : `${days} days`}` };
}

/** Today's calendar date as an Excel serial (the day, no time). */
export function todaySerial(today: Date): number {
  return serialFromParts(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

/** Calendar periods of one kind: quarters or months. */
export type CalendarKind = "quarter" | "month";

const PERIOD_OF: Record<CalendarKind, { months: number; periodOf: (year: number, month: number) => Period }> = {
  quarter: { months: 3, periodOf: quarterOf },
  month: { months: 1, periodOf: monthOf },
};

/** Months since year 0 (January of year 0 is 0) of a serial's calendar month. */
function monthIndex(serial: number): number {
  const [year, month] = isoDate(serial).split("-").map(Number);
  return year * 12 + month - 1;
}

/**
 * Every quarter or month from the earliest of the first job and today to the latest of the last job and
 * today, newest first: a log reaching back years offers all of them, and jobs booked ahead add the
 * periods they fall in. Without jobs, just the period holding today. Job dates are Excel serials (a time
 * of day is ignored).
 * @example periodsOfLog("quarter", [serialFromParts(2025, 11, 3)], serialFromParts(2026, 2, 10)).map((p) => p.label) //=> ["2026-Q1", "2025-Q4"]
 */
export function periodsOfLog(kind: CalendarKind, jobDates: readonly number[], today: number): Period[] {
  const { months, periodOf } = PERIOD_OF[kind];
  // A loop, not Math.min(...dates): a whole log's dates would overflow the call stack.
  let [first, last] = [today, today];
  for (const date of jobDates) [first, last] = [Math.min(first, date), Math.max(last, date)];
  // Align both ends to the period's first month, so each step lands on the next period.
  const align = (serial: number) => monthIndex(serial) - (monthIndex(serial) % months);
  const [newest, oldest] = [align(last), align(first)];
  return Array.from({ length: (newest - oldest) / months + 1 }, (_, i) => {
    const index = newest - i * months;
    return periodOf(Math.floor(index / 12), (index % 12) + 1);
  });
}

/**
 * The period to start from among `periods` (newest first): the newest that has ended by today and holds a
 * job; else the newest holding a job (the log has no finished period yet, or only jobs to come); else the
 * one holding today, else the newest. `span`, the first and last job date of the whole log where only
 * some of its dates are known (a sample), counts every period between them as holding jobs: a log
 * with a season off (a lawn crew's winter) may then start on an empty quarter, which its baseline shows.
 * @example defaultPeriod(periodsOfLog("quarter", [serialFromParts(2026, 8, 5)], serialFromParts(2026, 11, 24)), [serialFromParts(2026, 8, 5)], serialFromParts(2026, 11, 24)).label //=> "2026-Q3"
 */
export function defaultPeriod(periods: readonly Period[], jobDates: readonly number[], today: number, span?: { min: number; max: number }): Period | undefined {
  const inSpan = (period: Period) => span !== undefined && period.from <= Math.floor(span.max) && period.to >= Math.floor(span.min);
  const hasJobs = (period: Period) => inSpan(period) || jobDates.some((date) => Math.floor(date) >= period.from && Math.floor(date) <= period.to);
  return (
    periods.find((period) => period.to < today && hasJobs(period)) ??
    periods.find(hasJobs) ??
    periods.find((period) => period.from <= today && today <= period.to) ??
    periods[0]
  );
}

/**
 * The job dates among a sample of rows: the date column's cells that read as dates (serials or ISO text),
 * blanks and other text left out.
 * @example jobDates([[46023.5, "Ann"], ["2026-01-02", "Bo"], ["", "Cy"]], 0) //=> [46023.5, 46024]
 */
export function jobDates(rows: readonly (readonly unknown[])[], dateColumn: number | undefined): number[] {
  if (dateColumn === undefined) return [];
  return rows.flatMap((row) => {
    const serial = dateSerial(row[dateColumn]);
    // 0 is Excel's "1900-01-00": a blank or a zero, not a job.
    return serial !== undefined && serial >= 1 ? [serial] : [];
  });
}

/** The sheet's name: "OKR 2026-Q4". Excel allows 31 characters and none of : \ / ? * [ ]. */
export function sheetTitle(period: Period): string {
  return `OKR ${period.label}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}
