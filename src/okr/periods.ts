import { isoDate, serialFromParts } from "../kpi/coerce";

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

/** The period holding today and the `count` − 1 before it, newest first, stepping back `months` at a time. */
function recent(today: Date, count: number, months: number, periodOf: (year: number, month: number) => Period): Period[] {
  const first = today.getFullYear() * 12 + today.getMonth(); // months since year 0, January = 0
  return Array.from({ length: count }, (_, i) => {
    const month = first - i * months;
    return periodOf(Math.floor(month / 12), (month % 12) + 1);
  });
}

export function recentQuarters(today: Date, count: number): Period[] {
  return recent(today, count, 3, quarterOf);
}

export function recentMonths(today: Date, count: number): Period[] {
  return recent(today, count, 1, monthOf);
}

/** The sheet's name: "OKR 2026-Q4". Excel allows 31 characters and none of : \ / ? * [ ]. */
export function sheetTitle(period: Period): string {
  return `OKR ${period.label}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}
