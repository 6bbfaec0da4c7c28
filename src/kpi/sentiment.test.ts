import { sentiment, textSentiment } from "./sentiment";
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
  });

  it("filters by period", () => {
    const dates = column(JAN_1_2026, JAN_1_2026 + 60);
    expect(sentiment(column("good", "rude"), { dates, to: "2026-01-31" })).toBeCloseTo(normalised(3), 12);
  });

  it("gives #DIV/0! without comments", () => {
    expectKpiError(sentiment(column("", 4)), "DIV0");
  });
});
