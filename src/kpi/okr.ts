import { flagArg, numberArg, nonNegativeArg, optionalDateArg } from "./args";
import { isoDate } from "./coerce";
import { KpiError, KpiResult } from "./errors";
import { badArgument, expected, finiteOr, periodReversed } from "./messages";

/** Key-result arithmetic: progress toward a target, status against the calendar, time elapsed. */

/** Comparisons of shares computed in floating point (0.8 − 0.1 is 0.7000000000000001). */
const EPSILON = 1e-9;

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
  const share = finiteOr("PROGRESS", (now - from) / (to - from));
  if (share instanceof KpiError) return share;
  return capped ? Math.min(1, Math.max(0, share)) : share;
}

export type Status = "Done" | "On track" | "At risk" | "Off track";

/**
 * Status of a key result: "Done" at progress ≥ 1; "On track" within tolerance of the expected
 * progress; "At risk" within twice the tolerance; else "Off track".
 * @example status(0.45, 0.5) //=> "On track"
 */
export function status(progressValue: unknown, expectedValue: unknown, tolerance?: unknown): KpiResult<Status> {
  const done = numberArg("STATUS", "progress", progressValue);
  if (done instanceof KpiError) return done;
  const due = numberArg("STATUS", "expected", expectedValue);
  if (due instanceof KpiError) return due;
  const slack = nonNegativeArg("STATUS", "tolerance", tolerance, 0.1);
  if (slack instanceof KpiError) return slack;
  if (done >= 1 - EPSILON) return "Done";
  if (done >= due - slack - EPSILON) return "On track";
  if (done >= due - 2 * slack - EPSILON) return "At risk";
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
