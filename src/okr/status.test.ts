import { STATUS_COLOURS, statusFormula } from "./status";

// What each formula computes is checked in a formula engine by test/statusFormula.test.ts.
const cells = { progress: "H11", expected: "I11", baseline: "E11", target: "F11" };

describe("statusFormula", () => {
  it.each([
    ["increase", '=IF(H11="","",KPI.STATUS(H11,I11,,"increase",E11,F11))'],
    ["decrease", '=IF(H11="","",KPI.STATUS(H11,I11,,"decrease",E11,F11))'],
    ["above", '=IF(H11="","",KPI.STATUS(H11,I11))'],
    ["below", '=IF(H11="","",KPI.STATUS(H11,I11))'],
    [undefined, '=IF(H11="","",KPI.STATUS(H11,I11))'],
  ] as const)("calls KPI.STATUS for %p, with baseline and target only where they can contradict it", (type, formula) => {
    expect(statusFormula("kpi", type, cells)).toBe(formula);
  });

  it("spells the rule out in native functions in portable mode", () => {
    const rule =
      'IF(H11>=1-1e-9,"Done",IF(I11>=1-1e-9,"Missed",IF(H11>=I11-0.1-1e-9,"On track",IF(H11>=I11-0.2-1e-9,"At risk","Off track"))))';
    expect(statusFormula("portable", "above", cells)).toBe(`=IF(H11="","",${rule})`);
    expect(statusFormula("portable", "increase", cells)).toBe(`=IF(H11="","",IF(F11<=E11,"Check target",${rule}))`);
    expect(statusFormula("portable", "decrease", cells)).toBe(`=IF(H11="","",IF(F11>=E11,"Check target",${rule}))`);
  });
});

/** WCAG 2 contrast ratio of two #RRGGBB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe("STATUS_COLOURS", () => {
  it("colours every label KPI.STATUS returns", () => {
    expect(Object.keys(STATUS_COLOURS).sort()).toEqual(["At risk", "Check target", "Done", "Missed", "Off track", "On track"]);
  });

  it("keeps every label readable (WCAG AA, 4.5:1) and every fill distinct", () => {
    expect(contrast("#FFFFFF", "#000000")).toBeCloseTo(21, 6); // the formula, checked at its ends
    for (const [label, { fill, font }] of Object.entries(STATUS_COLOURS)) expect({ label, readable: contrast(fill, font) >= 4.5 }).toEqual({ label, readable: true });
    const fills = Object.values(STATUS_COLOURS).map((c) => c.fill.toUpperCase());
    expect(new Set(fills).size).toBe(fills.length);
  });
});
