import { KpiError, KpiErrorCode } from "./errors";
import { Grid } from "./grid";

/** Test helpers: a column of cells, and assertions on error values. */

export function column(...cells: unknown[]): Grid {
  return cells.map((cell) => [cell]);
}

/** A range as some hosts hand it, beyond what the Grid type admits: null rows, rows of other lengths. */
export function hostRange(rows: unknown[]): Grid {
  return rows as unknown as Grid;
}

export function expectKpiError(result: unknown, code: KpiErrorCode, message?: string | RegExp): void {
  expect(result).toBeInstanceOf(KpiError);
  const error = result as KpiError;
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
}

/** Excel serials worked out by hand: 2026-01-01 is 46023 (2025-01-01 is 45658, plus 365 days). */
export const JAN_1_2026 = 46023;
/** 2026-03-02: 31 days of January and 28 of February after 2026-01-01, plus one. */
export const MAR_2_2026 = JAN_1_2026 + 31 + 28 + 1;
export const HOUR = 1 / 24;
export const MINUTE = 1 / 1440;
