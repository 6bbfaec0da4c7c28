import Sentiment from "sentiment";
import { KpiResult } from "./errors";
import { Grid } from "./grid";
import { nothingToCount } from "./messages";
import { PeriodArgs, walkPeriod } from "./period";

/**
 * Comment sentiment, scored by the `sentiment` library (AFINN-165 word list, English only,
 * with negation: "not good" scores negative). Text in other languages, Chinese included, has no
 * scored words and reads as neutral (0).
 */
const analyzer = new Sentiment();

/** VADER's normalisation: maps an unbounded word-score sum onto −1..1 (α = 15). */
const ALPHA = 15;

/** The sentiment of one comment, −1 (very negative) to 1 (very positive). */
export function textSentiment(text: string): number {
  const { score } = analyzer.analyze(text);
  return score / Math.sqrt(score * score + ALPHA);
}

/**
 * Mean sentiment of the non-blank comments, −1..1; numbers and booleans in the range are ignored.
 * @example sentiment([["Great, friendly tech"], ["Late and rude"]]) //=> about 0.17 ((0.79 − 0.46) ÷ 2)
 */
export function sentiment(texts: Grid, period: PeriodArgs = {}): KpiResult {
  return walkPeriod("SENTIMENT", texts, "texts", period, (cells) => {
    let total = 0;
    let comments = 0;
    while (cells.next()) {
      const cell = cells.value;
      if (typeof cell !== "string" || cell.trim() === "") continue;
      total += textSentiment(cell);
      comments++;
    }
    return comments === 0 ? nothingToCount("SENTIMENT", "comments") : total / comments;
  });
}
