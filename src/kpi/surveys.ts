import { numberArg } from "./args";
import { KpiError, KpiResult } from "./errors";
import { Grid } from "./grid";
import { badArgument, expected, finiteOr, nothingToCount } from "./messages";
import { PeriodArgs } from "./period";
import { scoresBetween, tallyNumbers, wholeScores } from "./ranges";

/** Survey scores: NPS, CSAT and customer effort. */

const npsScores = wholeScores(0, 10);

/**
 * Net Promoter Score: 100 × (share of promoters, 9–10, − share of detractors, 0–6); −100..100.
 * @example nps([[10], [9], [7], [3]]) //=> 25
 */
export function nps(scores: Grid, period: PeriodArgs = {}): KpiResult {
  // promoters score 9 or more, detractors 6 or less
  const answers = tallyNumbers("NPS", scores, "scores", period, npsScores, { atLeast: 9, atMost: 6 });
  if (answers instanceof KpiError) return answers;
  if (answers.count === 0) return nothingToCount("NPS", "scores");
  return (100 * (answers.atLeast - answers.atMost)) / answers.count;
}

function scaleArg(fn: string, value: unknown, fallback: number): number | KpiError {
  const scale = numberArg(fn, "scale", value, fallback);
  if (scale instanceof KpiError || (Number.isInteger(scale) && scale >= 2)) return scale;
  return badArgument(fn, "scale", scale, expected.scale);
}

/**
 * Customer satisfaction: the share of whole scores 1..scale in the top two boxes (≥ scale − 1).
 * @example csat([[5], [4], [3], [1]]) //=> 0.5
 */
export function csat(scores: Grid, scale?: unknown, period: PeriodArgs = {}): KpiResult {
  const top = scaleArg("CSAT", scale, 5);
  if (top instanceof KpiError) return top;
  const answers = tallyNumbers("CSAT", scores, "scores", period, wholeScores(1, top), { atLeast: top - 1 });
  if (answers instanceof KpiError) return answers;
  return answers.count === 0 ? nothingToCount("CSAT", "scores") : answers.atLeast / answers.count;
}

/**
 * Customer effort score: the mean of scores from 1 to scale (7 by default; lower is easier).
 * @example ces([[2], [3], [7]]) //=> 4
 */
export function ces(scores: Grid, scale?: unknown, period: PeriodArgs = {}): KpiResult {
  const top = scaleArg("CES", scale, 7);
  if (top instanceof KpiError) return top;
  const answers = tallyNumbers("CES", scores, "scores", period, scoresBetween(1, top));
  if (answers instanceof KpiError) return answers;
  // A scale up to 1E+308 is allowed, so the total can overflow.
  return answers.count === 0 ? nothingToCount("CES", "scores") : finiteOr("CES", answers.total / answers.count);
}
