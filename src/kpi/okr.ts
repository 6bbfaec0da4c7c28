import { choiceArg, flagArg, numberArg, nonNegativeArg, optionalDateArg } from "./args";
import { isoDate } from "./coerce";
import { KpiError, KpiResult } from "./errors";
import { badArgument, expected, finiteOr, periodReversed } from "./messages";

/** Key-result arithmetic: progress toward a target, status against the calendar, time elapsed. */

/** The status rule's numbers: the OKR sheet's native Status formula is built from these too. */
export const STATUS_RULE = {
  /** How far progress may lag the expected progress and still be on track (the default). */
  tolerance: 0.1,
  /** At risk while it lags by no more than this many tolerances. */
  atRiskTolerances: 2,
  /** Slack for shares computed in floating point (0.8 − 0.1 is 0.7000000000000001). */
  epsilon: 1e-9,
} as const;

/**
 * Progress from baseline to target: (current − baseline) ÷ (target − baseline). Works for targets
 * below the baseline (response time down from 4 h to 2 h). With cap (default TRUE) it is clamped
 * to 0..1. A target equal to the baseline means "hold this level": 1 once current is at or past it.
 * @example progress(40, 60, 50) //=> 0.5
 */
export function progress(baseline: unknown, target: unknown, current: unknown, cap?: unknown): KpiResult {
  const from = numberArg("PROGRESS", "baseline", baseline);
  if (from instanceof KpiError) return from;
  const to = numberArg("PROGRESS", "target", target);
  if (to instanceof KpiError) return to;
  const now = numberArg("PROGRESS", "current", current);
  if (now instanceof KpiError) return now;
  const capped = flagArg("PROGRESS", "cap", cap, true);
  if (capped instanceof KpiError) return capped;
  if (to === from) return now >= to ? 1 : 0;
  // Checked apart: an overflowing span would make any progress read 0.
  const span = finiteOr("PROGRESS", to - from, { id: "span" });
  if (span instanceof KpiError) return span;
  const share = finiteOr("PROGRESS", (now - from) / span);
  if (share instanceof KpiError) return share;
  return capped ? Math.min(1, Math.max(0, share)) : share;
}

export type Status = "Done" | "On track" | "At risk" | "Off track" | "Missed" | "Check target";

/** What a key result aims at: move up or down to the target, or stay above or below it. */
export type KrDirection = "increase" | "decrease" | "above" | "below";
const DIRECTIONS: readonly KrDirection[] = ["increase", "decrease", "above", "below"];

/**
 * Status of a key result, the first rule that applies:
 * - "Check target" when type is "increase" and target ≤ baseline, or "decrease" and target ≥ baseline
 *   (the target contradicts the type, so progress means nothing; baseline and target are read only then);
 * - "Done" at progress ≥ 1;
 * - "Missed" once the period is over (expected ≥ 1);
 * - "On track" within tolerance of the expected progress, "At risk" within twice the tolerance, else "Off track".
 * @example status(0.45, 0.5) //=> "On track"
 * @example status(1, 0.5, null, "increase", 60, 40) //=> "Check target"
 */
export function status(
  progressValue: unknown,
  expectedValue: unknown,
  tolerance?: unknown,
  type?: unknown,
  baseline?: unknown,
  target?: unknown,
): KpiResult<Status> {
  const done = numberArg("STATUS", "progress", progressValue);
  if (done instanceof KpiError) return done;
  const due = numberArg("STATUS", "expected", expectedValue);
  if (due instanceof KpiError) return due;
  const slack = nonNegativeArg("STATUS", "tolerance", tolerance, STATUS_RULE.tolerance);
  if (slack instanceof KpiError) return slack;
  const direction = choiceArg("STATUS", "type", type, DIRECTIONS, expected.krType);
  if (direction instanceof KpiError) return direction;
  if (direction === "increase" || direction === "decrease") {
    const from = numberArg("STATUS", "baseline", baseline);
    if (from instanceof KpiError) return from;
    const to = numberArg("STATUS", "target", target);
    if (to instanceof KpiError) return to;
    if (direction === "increase" ? to <= from : to >= from) return "Check target";
  }
  const { epsilon, atRiskTolerances } = STATUS_RULE;
  if (done >= 1 - epsilon) return "Done";
  if (due >= 1 - epsilon) return "Missed";
  if (done >= due - slack - epsilon) return "On track";
  if (done >= due - atRiskTolerances * slack - epsilon) return "At risk";
  return "Off track";
}

/**
 * The share of a period (whole days, both ends included) that has passed by the end of asOf's day,
 * clamped to 0..1: on the last day it is 1, before the first day 0.
 * @example elapsed("2026-01-01", "2026-01-10", "2026-01-03") //=> 0.3
 */
export function elapsed(from: unknown, to: unknown, asOf: unknown): KpiResult {
  const first = requiredDate("from", from);
  if (first instanceof KpiError) return first;
  const last = requiredDate("to", to);
  if (last instanceof KpiError) return last;
  const today = requiredDate("asOf", asOf);
  if (today instanceof KpiError) return today;
  const start = Math.floor(first);
  const days = Math.floor(last) - start + 1;
  if (days < 1) return periodReversed("ELAPSED", isoDate(first), isoDate(last));
  const passed = Math.floor(today) - start + 1;
  return Math.min(1, Math.max(0, passed / days));
}

function requiredDate(name: string, value: unknown): number | KpiError {
  const serial = optionalDateArg("ELAPSED", name, value);
  return serial === undefined ? badArgument("ELAPSED", name, value, expected.date) : serial;
}
