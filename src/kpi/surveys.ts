import { numberArg } from "./args";
import { KpiError, KpiResult } from "./errors";
import { Grid } from "./grid";
import { badArgument, expected, nothingToCount } from "./messages";
import { PeriodArgs } from "./period";
import { eachNumber, scoresBetween, wholeScores } from "./ranges";

/** Survey scores: NPS, CSAT and customer effort. */

const npsScores = wholeScores(0, 10);

/**
 * Net Promoter Score: 100 × (share of promoters, 9–10, − share of detractors, 0–6); −100..100.
 * @example nps([[10], [9], [7], [3]]) //=> 25
 */
export function nps(scores: Grid, period: PeriodArgs = {}): KpiResult {
  let promoters = 0;
  let detractors = 0;
  let answers = 0;
  const error = eachNumber("NPS", scores, "scores", period, npsScores, (score) => {
    answers++;
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  });
  if (error) return error;
  if (answers === 0) return nothingToCount("NPS", "scores");
  return (100 * (promoters - detractors)) / answers;
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
  let satisfied = 0;
  let answers = 0;
  const error = eachNumber("CSAT", scores, "scores", period, wholeScores(1, top), (score) => {
    answers++;
    if (score >= top - 1) satisfied++;
  });
  if (error) return error;
  if (answers === 0) return nothingToCount("CSAT", "scores");
  return satisfied / answers;
}

/**
 * Customer effort score: the mean of scores from 1 to scale (7 by default; lower is easier).
 * @example ces([[2], [3], [7]]) //=> 4
 */
export function ces(scores: Grid, scale?: unknown, period: PeriodArgs = {}): KpiResult {
  const top = scaleArg("CES", scale, 7);
  if (top instanceof KpiError) return top;
  let sum = 0;
  let answers = 0;
  const error = eachNumber("CES", scores, "scores", period, scoresBetween(1, top), (score) => {
    answers++;
    sum += score;
  });
  if (error) return error;
  if (answers === 0) return nothingToCount("CES", "scores");
  return sum / answers;
}
