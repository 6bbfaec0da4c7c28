import { isReadable, sentiment, textSentiment } from "./sentiment";
import { column, expectKpiError, JAN_1_2026 } from "./testing";

// Worked from the AFINN-165 list the `sentiment` library ships: "great" +3, "good" +3,
// "terrible" −3, "love" +3, "rude" −2; a preceding "not" flips a word's sign.
// A comment's score s maps onto −1..1 as s / √(s² + 15).
const normalised = (score: number) => score / Math.sqrt(score * score + 15);

describe("textSentiment", () => {
  it.each([
    ["Great service", normalised(3)],
    ["not good", normalised(-3)],
    ["Terrible", normalised(-3)],
    ["great tech, love it", normalised(6)],
    ["The van arrived", 0],
    ["技师很好", 0], // no English words: neutral
  ])("%p", (text, expected) => {
    expect(textSentiment(text)).toBeCloseTo(expected, 12);
  });
});

describe("sentiment", () => {
  it("averages the non-blank comments, ignoring numbers and booleans", () => {
    expect(sentiment(column("Great service", "", 5, true, "terrible", null))).toBeCloseTo(0, 12);
    expect(sentiment(column("good", "rude"))).toBeCloseTo((normalised(3) + normalised(-2)) / 2, 12);
    // A comment of spaces is blank: it is not a neutral comment that halves the mean.
    expect(sentiment(column("good", "   "))).toBeCloseTo(normalised(3), 12);
  });

  it("filters by period", () => {
    const dates = column(JAN_1_2026, JAN_1_2026 + 60);
    expect(sentiment(column("good", "rude"), { dates, to: "2026-01-31" })).toBeCloseTo(normalised(3), 12);
  });

  it("gives #DIV/0! without comments", () => {
    expectKpiError(sentiment(column("", 4)), "DIV0");
  });
});

describe("isReadable", () => {
  it.each([
    ["Great service", true],
    ["The café was spotless", true], // é is a Latin letter
    ["👍", true], // emoji are not letters; the word list scores them
    ["5 stars!!", true],
    ["师傅很专业，准时到达，非常满意", false],
    ["迟到两个小时，态度很差", false],
    ["不满意", false],
    ["good 很好", false], // one Chinese letter is enough: the Chinese part would read neutral
    ["Отлично", false], // Cyrillic
  ])("%p → %p", (text, readable) => {
    expect(isReadable(text)).toBe(readable);
  });
});

describe("sentiment in other scripts", () => {
  it("leaves Chinese comments out of the mean instead of counting them as neutral", () => {
    // "good" +3 alone: a neutral 0 for the Chinese comment would have halved it.
    expect(sentiment(column("good", "迟到两个小时，态度很差"))).toBeCloseTo(normalised(3), 12);
    expect(sentiment(column("师傅很专业，准时到达，非常满意", "rude", "不满意"))).toBeCloseTo(normalised(-2), 12);
  });

  it("gives #N/A naming the first comment when none is in English", () => {
    const comments = column("师傅很专业，准时到达，非常满意", "迟到两个小时，态度很差", "不满意");
    expectKpiError(sentiment(comments), "NA", /^KPI\.SENTIMENT: no comment is in English: "师傅很专业，准时到达，非常满意" at row 1, column 1 /);
  });

  it("counts only the period's comments", () => {
    const dates = column(JAN_1_2026, JAN_1_2026 + 60);
    const comments = column("不满意", "good");
    expectKpiError(sentiment(comments, { dates, to: "2026-01-31" }), "NA");
    expect(sentiment(comments, { dates, from: "2026-02-01" })).toBeCloseTo(normalised(3), 12);
  });
});

describe("sentiment's messages", () => {
  it.each([
    ["dates of another size", () => sentiment(column("good", "rude"), { dates: column(JAN_1_2026) }), "VALUE", "KPI.SENTIMENT: texts has 2 cells but dates has 1; they must be the same size"],
    ["a date that is not one", () => sentiment(column("good"), { dates: column("soon") }), "VALUE", 'KPI.SENTIMENT: "soon" at row 1, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)'],
    ["nothing to count", () => sentiment(column("", 4)), "DIV0", "KPI.SENTIMENT: no comments to count"],
  ] as const)("%s", (_, run, code, message) => {
    expectKpiError(run(), code, message);
  });
});
