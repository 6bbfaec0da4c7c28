import { tokens } from "@fluentui/react-components";

/** An icon as the grid draws it: a glyph in a colour, and a name for screen readers. */
export interface Icon {
  glyph: string;
  label: string;
  colour: string;
}

/** The icon sets the demo draws (Excel.IconSet), each from its lowest icon up; others draw nothing. */
const ICON_SETS: Record<string, Icon[]> = {
  ThreeArrows: [
    { glyph: "▼", label: "down", colour: tokens.colorPaletteRedForeground1 },
    { glyph: "►", label: "level", colour: tokens.colorPaletteMarigoldForeground1 },
    { glyph: "▲", label: "up", colour: tokens.colorPaletteGreenForeground1 },
  ],
};

/** An icon criterion as Office.js takes it (Excel.ConditionalIconCriterion). */
interface IconCriterion {
  type?: string;
  operator?: string;
  formula?: string;
}

/** Where an icon starts: values at or above (or only above) the threshold get it, unless a higher icon takes them. */
interface Bound {
  threshold: number;
  inclusive: boolean;
}

/** An icon set over its range, ready to pick each cell's icon. */
export interface IconPicker {
  /** Excel's "Show icon only": the cell's value is not drawn. */
  iconOnly: boolean;
  /** The icon of a cell's value: numbers only, as in Excel (text, blanks, booleans and errors get none). */
  pick(value: unknown): Icon | undefined;
}

/** A criterion's number when its formula is a constant ("=0", "1E-9", "=-2.5"). */
function constant(formula: string): number | undefined {
  const text = formula.trim().replace(/^=/, "").trim();
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : undefined;
}

/** Excel's PERCENTILE.INC: the value `p` percent of the way through the sorted numbers, between neighbours linearly. */
function percentile(numbers: number[], p: number): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(at);
  return below + 1 < sorted.length ? sorted[below] + (at - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
}

/** A criterion's threshold, or undefined when the demo cannot work it out (an unknown type, a percent outside 0..100). */
function threshold(criterion: IconCriterion, numbers: () => number[], evaluate: (formula: string) => unknown): number | undefined {
  const text = String(criterion.formula ?? "");
  const given = constant(text) ?? (text === "" ? undefined : evaluate(text.startsWith("=") ? text : `=${text}`));
  if (typeof given !== "number" || !Number.isFinite(given)) return undefined;
  if (criterion.type === "Number" || criterion.type === "Formula") return given;
  if ((criterion.type !== "Percent" && criterion.type !== "Percentile") || given < 0 || given > 100) return undefined;
  const values = numbers();
  if (values.length === 0) return undefined;
  // Percent: that share of the way from the range's smallest number to its largest, as Excel counts it.
  if (criterion.type === "Percent") {
    const [least, most] = values.reduce(([low, high], v) => [Math.min(low, v), Math.max(high, v)], [Infinity, -Infinity]);
    return least + ((most - least) * given) / 100;
  }
  return percentile(values, given);
}

/**
 * Picks each cell's icon as Excel does for an icon set, from its properties as Office.js set them
 * (style, criteria from the lowest icon up, reverseIconOrder, showIconOnly): the highest icon whose
 * criterion the value meets, the lowest icon's criterion ignored. Criteria of type Number, Formula,
 * Percent (of the way from the range's smallest number to its largest) and Percentile are worked out;
 * a formula that is not a constant goes to `evaluate`. Undefined when the set is not one the demo
 * draws or a criterion cannot be worked out, so such a set draws nothing rather than wrong icons.
 *
 * @param numbers the numbers in the range the set applies to (asked for only by Percent and Percentile criteria)
 * @example
 * const arrows = new Map<string, unknown>([["style", "ThreeArrows"], ["criteria", [{}, { type: "Number", operator: "GreaterThanOrEqual", formula: "=0" }, { type: "Number", operator: "GreaterThanOrEqual", formula: "=1E-9" }]]]);
 * iconPicker(arrows, () => [])?.pick(-2)?.label //=> "down"
 */
export function iconPicker(properties: ReadonlyMap<string, unknown>, numbers: () => number[], evaluate: (formula: string) => unknown = () => undefined): IconPicker | undefined {
  const icons = ICON_SETS[String(properties.get("style"))];
  const criteria = properties.get("criteria");
  if (!icons || !Array.isArray(criteria) || criteria.length !== icons.length) return undefined;
  let read: number[] | undefined;
  const rangeNumbers = () => (read ??= numbers()); // read once, however many criteria ask
  const bounds: Bound[] = [];
  for (const criterion of (criteria as IconCriterion[]).slice(1)) {
    const at = threshold(criterion, rangeNumbers, evaluate);
    if (at === undefined || (criterion.operator !== "GreaterThan" && criterion.operator !== "GreaterThanOrEqual")) return undefined;
    bounds.push({ threshold: at, inclusive: criterion.operator === "GreaterThanOrEqual" });
  }
  const ordered = properties.get("reverseIconOrder") === true ? [...icons].reverse() : icons;
  return {
    iconOnly: properties.get("showIconOnly") === true,
    pick(value) {
      if (typeof value !== "number") return undefined;
      // From the highest icon down, as Excel checks: thresholds need not rise.
      for (let i = bounds.length - 1; i >= 0; i--) {
        const { threshold, inclusive } = bounds[i];
        if (inclusive ? value >= threshold : value > threshold) return ordered[i + 1];
      }
      return ordered[0];
    },
  };
}
