import { seededRandom } from "../src/sample/random";

/** A deterministic job log for benchmarks: one row per job, as Excel would hand the columns over. */

export interface JobColumns {
  dates: unknown[][];
  nps: unknown[][];
  csat: unknown[][];
  customers: unknown[][];
  amounts: unknown[][];
}

const FIRST_DAY = 45_658; // 2025-01-01

export function jobLog(rows: number, seed = 42): JobColumns {
  const next = seededRandom(seed);
  const columns: JobColumns = { dates: [], nps: [], csat: [], customers: [], amounts: [] };
  for (let i = 0; i < rows; i++) {
    columns.dates.push([FIRST_DAY + Math.floor(next() * 730) + Math.floor(next() * 40) / 48]);
    // about one job in five has no survey answer
    columns.nps.push([next() < 0.2 ? "" : Math.floor(next() * 11)]);
    columns.csat.push([next() < 0.2 ? null : 1 + Math.floor(next() * 5)]);
    columns.customers.push([`Customer ${Math.floor(next() * rows * 0.15)}`]);
    columns.amounts.push([Math.round(next() * 60000) / 100]);
  }
  return columns;
}

/** The benchmark's period: 2025-04-01 .. 2025-06-30, as serials. */
export const PERIOD = { from: 45_748, to: 45_838 };
