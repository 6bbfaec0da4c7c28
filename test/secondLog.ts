import ExcelJS from "exceljs";
import { Cell, Grid } from "../src/kpi/grid";
import { KpiColumn } from "./kpiLibrary";

/**
 * A second job log, generated apart from the sample's (src/sample/sampleJobs.ts) and shaped otherwise:
 * other headers, some of them Chinese, a plain range (no table) with a work-order number first,
 * calls, leads and visits in one list (so most columns have blanks), text where numbers go ("n/a",
 * "—"), yes/no written every way, jobs without a date, and a quarter with no rows at all (2026-Q1).
 * It carries the columns of SLA compliance, time on site, lead cost and call abandonment besides the
 * common ones. The same rows on every run (a fixed seed).
 */

export const SECOND_LOG_HEADERS = [
  "工单号",
  "Date of service",
  "客户名称",
  "Assigned tech",
  "Invoice total",
  "Call received",
  "Arrived on site",
  "完工时间",
  "SLA (h)",
  "推广费用",
  "Hung up",
  "Notes",
] as const;

export type SecondLogHeader = (typeof SECOND_LOG_HEADERS)[number];

/** Which of the second log's headers holds each column the KPI library's key results read (see kpiLibrary.ts). */
export const SECOND_LOG_COLUMNS: Partial<Record<KpiColumn, SecondLogHeader>> = {
  "Job date": "Date of service",
  Customer: "客户名称",
  Technician: "Assigned tech",
  Amount: "Invoice total",
  Requested: "Call received",
  Arrival: "Arrived on site",
  Resolved: "完工时间",
  "SLA hours": "SLA (h)",
  Spend: "推广费用",
  Abandoned: "Hung up",
};

/** 2025-04-01 to 2026-09-30 (Excel serials): six quarters, the fourth (2026-01-01 .. 2026-03-31) left empty. */
export const SECOND_LOG_SPAN = { from: 45748, to: 46295 };
export const EMPTY_QUARTER = { from: 46023, to: 46112 };

/** A seeded linear congruential generator (Numerical Recipes' constants), not the sample's mulberry32. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const FLAGS: readonly Cell[] = [true, false, false, "yes", "no", "Y", "n", 1, 0, "是", "否", "FALSE"];
const TECHS = ["Ruth Okafor", "Chen Jie", "Diego Ruiz", "陈伟"];
const MINUTE = 1 / 1440;

/** Times are typed to the minute, as people type them: they survive any round trip through a file. */
const toMinute = (serial: number) => Math.round(serial / MINUTE) * MINUTE;

/**
 * The second log's rows, in SECOND_LOG_HEADERS order: whole-day job dates, date-times to the minute,
 * null for a blank cell.
 * @example secondLog()[0].length //=> 12
 */
export function secondLog(rows = 420, seed = 12): Cell[][] {
  const next = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const log: Cell[][] = [];
  while (log.length < rows) {
    const day = SECOND_LOG_SPAN.from + Math.floor(next() * (SECOND_LOG_SPAN.to - SECOND_LOG_SPAN.from + 1));
    if (day >= EMPTY_QUARTER.from && day <= EMPTY_QUARTER.to) continue;
    // Asked for a day or more before the visit, so the clock always runs forward to the arrival.
    const requested = toMinute(day - 1 - Math.floor(next() * 3) + (8 + next() * 10) / 24);
    const visit = chance(0.7);
    const arrival = visit ? toMinute(day + (7 + next() * 10) / 24) : null;
    const target = visit ? pick([4, 8, 24, 48, 72]) : null;
    const resolved = arrival === null || chance(0.15) ? null : completion(requested, arrival, target ?? 48, next);
    log.push([
      `WO-${String(log.length + 1).padStart(4, "0")}`,
      chance(0.03) ? null : day,
      chance(0.05) ? null : chance(0.5) ? `客户${Math.floor(next() * 60)}` : pick(["Ada", "Ben", "Cleo", "Dev", "Eli"]) + ` ${Math.floor(next() * 9)}`,
      visit ? pick(TECHS) : null,
      !visit ? null : chance(0.05) ? "n/a" : Math.round(next() * 60000) / 100,
      chance(0.04) ? null : requested,
      arrival,
      resolved,
      target === null ? null : chance(0.06) ? null : chance(0.05) ? pick(["n/a", "—"]) : target,
      chance(0.35) ? null : chance(0.06) ? "n/a" : chance(0.08) ? 0 : Math.round(next() * 6000) / 100,
      chance(0.45) ? null : pick(FLAGS),
      chance(0.8) ? null : pick(["called twice", "回访", "gate code 4411", "n/a"]),
    ]);
  }
  return log;
}

/**
 * When a visit was completed: after the arrival, and now and then exactly on the SLA target or a
 * minute past it (the edge the two formula modes must read alike).
 */
function completion(requested: number, arrival: number, targetHours: number, next: () => number): number {
  const edge = next();
  const onTarget = toMinute(requested + targetHours / 24);
  if (edge < 0.08 && onTarget >= arrival) return onTarget;
  if (edge < 0.12 && onTarget >= arrival) return onTarget + MINUTE;
  return toMinute(arrival + (0.25 + next() * 5) / 24);
}

/** A column of the second log by the KPI library's name for it; a column the log lacks is all blanks. */
export function secondLogColumn(rows: readonly Cell[][], column: KpiColumn): Grid {
  const header = SECOND_LOG_COLUMNS[column];
  const index = header === undefined ? -1 : SECOND_LOG_HEADERS.indexOf(header);
  return rows.map((row) => [index < 0 ? null : row[index]]);
}

/**
 * Writes the second log to an .xlsx file with ExcelJS (a writer that is not ours), as a plain range
 * on the first sheet, the header row first: what a user's own export looks like.
 */
export async function writeSecondLog(file: string, rows: readonly Cell[][] = secondLog()): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Work orders");
  sheet.addRow([...SECOND_LOG_HEADERS]);
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? null : (cell as ExcelJS.CellValue))));
  await book.xlsx.writeFile(file);
}
