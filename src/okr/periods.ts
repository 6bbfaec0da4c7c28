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

/** The current quarter and the `count` − 1 before it, newest first. */
export function recentQuarters(today: Date, count: number): Period[] {
  const periods: Period[] = [];
  let [year, month] = [today.getFullYear(), today.getMonth() + 1];
  for (let i = 0; i < count; i++) {
    periods.push(quarterOf(year, month));
    month -= 3;
    if (month < 1) [year, month] = [year - 1, month + 12];
  }
  return periods;
}

/** The current month and the `count` − 1 before it, newest first. */
export function recentMonths(today: Date, count: number): Period[] {
  const periods: Period[] = [];
  let [year, month] = [today.getFullYear(), today.getMonth() + 1];
  for (let i = 0; i < count; i++) {
    periods.push(monthOf(year, month));
    month -= 1;
    if (month < 1) [year, month] = [year - 1, 12];
  }
  return periods;
}

/** The sheet's name: "OKR 2026-Q4". Excel allows 31 characters and none of : \ / ? * [ ]. */
export function sheetTitle(period: Period): string {
  return `OKR ${period.label}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}
