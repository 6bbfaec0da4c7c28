import { iconPicker } from "../demo/iconSets";

/**
 * The icon the demo's grid draws for a value under an icon set, against icons worked out by hand from
 * Excel's rule: criteria from the lowest icon up, the highest icon whose criterion the value meets,
 * a percent that share of the way from the range's smallest number to its largest, a percentile
 * PERCENTILE.INC's, the lowest icon's criterion ignored.
 */

const criterion = (type: string, formula: string, operator = "GreaterThanOrEqual") => ({ type, operator, formula });
const arrows = (criteria: unknown[], more: [string, unknown][] = []) => new Map<string, unknown>([["style", "ThreeArrows"], ["criteria", criteria], ...more]);
/** The scorecard's change columns: down below 0, level from 0, up from a hair above 0 (src/okr/plan.ts CHANGE_THRESHOLDS). */
const SCORECARD = arrows([{}, criterion("Number", "=0"), criterion("Number", "=1E-9")]);
const NONE = () => [];
const labelOf = (properties: Map<string, unknown>, value: unknown, numbers: () => number[] = NONE, evaluate?: (formula: string) => unknown) =>
  iconPicker(properties, numbers, evaluate)?.pick(value)?.label;

describe("the demo's icon sets", () => {
  it.each([
    [-2, "down"],
    [-1e-12, "down"],
    [0, "level"],
    [1e-10, "level"],
    [1e-9, "up"],
    [40, "up"],
  ])("gives a scorecard change of %p the %s arrow", (value, label) => {
    expect(labelOf(SCORECARD, value)).toBe(label);
  });

  it("draws the arrows Excel draws: ▼ red, ► amber, ▲ green", () => {
    const picker = iconPicker(SCORECARD, NONE)!;
    expect([-1, 0, 1].map((value) => picker.pick(value)?.glyph)).toEqual(["▼", "►", "▲"]);
    expect(picker.pick(-1)?.colour).toContain("Red");
    expect(picker.pick(1)?.colour).toContain("Green");
  });

  // The range -10 .. 30: 25% of the way is -10 + 40 × 0.25 = 0, 50% is -10 + 40 × 0.5 = 10.
  const RANGE = () => [30, -10, -5, 0, 10];
  it.each([
    [-10, "down"],
    [-0.5, "down"],
    [0, "level"],
    [9.99, "level"],
    [10, "up"],
    [30, "up"],
  ])("measures percent criteria over a range with negative values: %p gets %s", (value, label) => {
    expect(labelOf(arrows([{}, criterion("Percent", "=25"), criterion("Percent", "=50")]), value, RANGE)).toBe(label);
  });

  it("meets a 'greater than' criterion only above its threshold", () => {
    const above = arrows([{}, criterion("Percent", "25", "GreaterThan"), criterion("Percent", "50", "GreaterThan")]);
    expect([0, 0.01, 10, 10.5].map((value) => labelOf(above, value, RANGE))).toEqual(["down", "level", "level", "up"]);
  });

  // PERCENTILE.INC of 10, 20, 30, 40: the 25th at position 3 × 0.25 = 0.75, 10 + 0.75 × 10 = 17.5; the 50th at 1.5, 25.
  it.each([
    [17, "down"],
    [17.5, "level"],
    [24.9, "level"],
    [25, "up"],
  ])("takes percentile criteria as PERCENTILE.INC: %p gets %s", (value, label) => {
    expect(labelOf(arrows([{}, criterion("Percentile", "=25"), criterion("Percentile", "=50")]), value, () => [40, 10, 30, 20])).toBe(label);
  });

  // Percent 25 of -10 .. 30 is 0; the 75th percentile of -10, -5, 0, 10, 30 is at position 4 × 0.75 = 3: 10.
  it("reads the range's numbers once for all its percent criteria", () => {
    const numbers = jest.fn(RANGE);
    expect(iconPicker(arrows([{}, criterion("Percent", "=25"), criterion("Percentile", "=75")]), numbers)?.pick(0)?.label).toBe("level");
    expect(numbers).toHaveBeenCalledTimes(1);
  });

  it("asks for a formula criterion's value, and for the range's numbers only when a criterion needs them", () => {
    const numbers = jest.fn(NONE);
    const formulas = arrows([{}, criterion("Formula", "=$Z$1"), criterion("Number", "=$Z$2*2")]);
    const evaluate = (formula: string) => ({ "=$Z$1": 1, "=$Z$2*2": 6 })[formula];
    expect([0, 1, 5, 6].map((value) => labelOf(formulas, value, numbers, evaluate))).toEqual(["down", "level", "level", "up"]);
    expect(numbers).not.toHaveBeenCalled();
  });

  it("checks from the highest icon down, as Excel does, so thresholds that fall leave the middle icon unused", () => {
    const falling = arrows([{}, criterion("Number", "10"), criterion("Number", "5")]);
    expect([4, 7, 12].map((value) => labelOf(falling, value))).toEqual(["down", "up", "up"]);
  });

  it("reverses the icons, and draws the icon alone, when the set says so", () => {
    const reversed = arrows(SCORECARD.get("criteria") as unknown[], [["reverseIconOrder", true], ["showIconOnly", true]]);
    expect([-2, 0, 3].map((value) => labelOf(reversed, value))).toEqual(["up", "level", "down"]);
    expect(iconPicker(reversed, NONE)?.iconOnly).toBe(true);
    expect(iconPicker(SCORECARD, NONE)?.iconOnly).toBe(false);
  });

  it("runs its example", () => {
    const example = new Map<string, unknown>([["style", "ThreeArrows"], ["criteria", [{}, { type: "Number", operator: "GreaterThanOrEqual", formula: "=0" }, { type: "Number", operator: "GreaterThanOrEqual", formula: "=1E-9" }]]]);
    expect(iconPicker(example, () => [])?.pick(-2)?.label).toBe("down");
  });

  describe("edge cases", () => {
    it.each([[""], ["text"], [true], [null], [undefined], ["#DIV/0!"]])("gives %p no icon: Excel draws icons for numbers only", (value) => {
      expect(labelOf(SCORECARD, value)).toBeUndefined();
    });

    it("treats a range whose numbers are all equal as having every percent at that number", () => {
      expect(labelOf(arrows([{}, criterion("Percent", "=33"), criterion("Percent", "=67")]), 5, () => [5, 5])).toBe("up");
    });

    it.each([
      ["an icon set it does not draw", new Map<string, unknown>([["style", "ThreeTrafficLights1"], ["criteria", SCORECARD.get("criteria")]])],
      ["too few criteria", arrows([{}, criterion("Number", "=0")])],
      ["no criteria", new Map<string, unknown>([["style", "ThreeArrows"]])],
      ["a percent above 100", arrows([{}, criterion("Percent", "=25"), criterion("Percent", "=150")])],
      ["a negative percentile", arrows([{}, criterion("Percentile", "=-1"), criterion("Percentile", "=50")])],
      ["an invalid criterion type", arrows([{}, criterion("Invalid", "=0"), criterion("Number", "=1")])],
      ["an unknown operator", arrows([{}, criterion("Number", "=0", "LessThan"), criterion("Number", "=1")])],
      ["a formula with nothing to work it out", arrows([{}, criterion("Formula", "=$Z$1"), criterion("Number", "=1")])],
      ["a formula that gives text", arrows([{}, criterion("Formula", '="a"'), criterion("Number", "=1")])],
      ["an empty formula", arrows([{}, criterion("Number", ""), criterion("Number", "=1")])],
    ])("draws nothing for %s rather than wrong icons", (_, properties) => {
      expect(iconPicker(properties, () => [1, 2, 3], (formula) => (formula === '="a"' ? "a" : undefined))).toBeUndefined();
    });

    it("draws nothing for percent criteria over a range with no numbers", () => {
      expect(iconPicker(arrows([{}, criterion("Percent", "=25"), criterion("Percent", "=50")]), NONE)).toBeUndefined();
    });
  });
});
