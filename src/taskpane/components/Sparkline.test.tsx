/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { Sparkline, sparklineShape } from "./Sparkline";

// The box is 44 × 16 px with 2 px of room around: six values sit at x = 2, 10, 18, 26, 34, 42,
// the largest at y = 2 and the smallest at y = 14.
describe("sparklineShape", () => {
  it("the @example: a line through a run of values, a dot for a value alone between gaps", () => {
    expect(sparklineShape([10, 16, null, 13, null, null])).toEqual({ paths: ["M2 14L10 2"], dots: [{ x: 26, y: 8 }] });
  });

  it("draws six values as one line, smallest at the bottom, largest at the top", () => {
    // 0 → 14, 4 → 2, 1 → 11, 2 → 8, 3 → 5 (each unit 12 / 4 = 3 px).
    expect(sparklineShape([0, 4, 1, 2, 3, 4])).toEqual({ paths: ["M2 14L10 2L18 11L26 8L34 5L42 2"], dots: [] });
  });

  describe("edge cases", () => {
    it("breaks the line at each gap", () => {
      expect(sparklineShape([1, 2, null, 2, 1, null])).toEqual({ paths: ["M2 14L10 2", "M26 2L34 14"], dots: [] });
    });

    it("draws a single value as a dot across the middle", () => {
      expect(sparklineShape([null, null, null, null, null, 35.1])).toEqual({ paths: [], dots: [{ x: 42, y: 8 }] });
    });

    it("draws equal values across the middle, negatives and fractions as any number", () => {
      expect(sparklineShape([-3, -3, -3, null, null, null]).paths).toEqual(["M2 8L10 8L18 8"]);
      // -0.5 (the smallest) → 14, 0.25 (the largest) → 2, 0 → 2 + (0.25 - 0) / 0.75 × 12 = 6.
      expect(sparklineShape([-0.5, 0.25, 0, null, null, null]).paths).toEqual(["M2 14L10 2L18 6"]);
    });

    it("draws nothing without a number", () => {
      expect(sparklineShape([null, null, null, null, null, null])).toEqual({ paths: [], dots: [] });
    });
  });
});

describe("Sparkline", () => {
  it("is an image named by its label, drawn in the text's colour", async () => {
    const { container } = render(<Sparkline values={[1, 2, 3, null, 4, 5]} label="Last 6 quarters: 1, 2, 3, none, 4, 5" />);
    const image = screen.getByRole("img", { name: "Last 6 quarters: 1, 2, 3, none, 4, 5" });
    expect([...image.querySelectorAll("path")].map((path) => path.getAttribute("stroke"))).toEqual(["currentColor", "currentColor"]);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("is left out when no value is a number (blanks, errors)", () => {
    const { container } = render(<Sparkline values={[null, null, null, null, null, null]} label="nothing" />);
    expect(container.innerHTML).toBe("");
  });
});
