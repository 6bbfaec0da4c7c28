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
