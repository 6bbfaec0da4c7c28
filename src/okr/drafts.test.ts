import { readTarget, targetContradiction, toKeyResults } from "./drafts";

describe("readTarget", () => {
  it.each([
    ["fcr", "85", 0.85],
    ["fcr", "85%", 0.85],
    ["fcr", "0.85", 0.85],
    ["nps", "45", 45],
    ["nps", "-10", -10],
    ["avgTicket", "1,250.50", 1250.5],
    ["responseTime", "2", 2],
    ["nps", "  ", undefined],
  ] as const)("%s target %p reads as %p", (kpi, text, expected) => {
    expect(readTarget(kpi, text)).toBe(expected);
  });

  it("names a target that is not a number", () => {
    expect(readTarget("nps", "fifty")).toEqual({ problem: '"fifty" is not a number' });
  });
});

describe("toKeyResults", () => {
  const draft = { id: "d:nps", objectiveId: "d", objective: "Delight customers", name: "Raise NPS", kpi: "nps" as const, type: "increase" as const, target: "50", owner: "Ann", weight: "" };

  it("reads targets and weights, defaulting the weight to 1", () => {
    expect(toKeyResults([draft])).toEqual([{ id: "d:nps", objectiveId: "d", objective: "Delight customers", name: "Raise NPS", kpi: "nps", type: "increase", target: 50, owner: "Ann", weight: 1 }]);
  });

  it("says which key result has a bad value", () => {
    expect(toKeyResults([{ ...draft, weight: "-2" }])).toEqual({ problem: 'Weight of "Raise NPS": "-2" is not a number of 0 or more.' });
    expect(toKeyResults([{ ...draft, target: "lots" }])).toEqual({ problem: 'Target of "Raise NPS": "lots" is not a number.' });
  });
});

describe("targetContradiction", () => {
  it.each<[Parameters<typeof targetContradiction>[0], number | undefined, string | undefined]>([
    [{ kpi: "nps", type: "increase", target: "30" }, 35, "Check target: 30 is not above the baseline, 35."],
    [{ kpi: "nps", type: "increase", target: "35" }, 35, "Check target: 35 is not above the baseline, 35."],
    [{ kpi: "nps", type: "increase", target: "40" }, 35, undefined],
    [{ kpi: "responseTime", type: "decrease", target: "3" }, 2.5, "Check target: 3 is not below the baseline, 2.5."],
    [{ kpi: "fcr", type: "increase", target: "80%" }, 0.85, "Check target: 80% is not above the baseline, 85%."],
    [{ kpi: "fcr", type: "above", target: "80%" }, 0.85, undefined],
    [{ kpi: "nps", type: "increase", target: "" }, 35, undefined],
    [{ kpi: "nps", type: "increase", target: "30" }, undefined, undefined],
  ])("%p against %p", (draft, baseline, message) => {
    expect(targetContradiction(draft, baseline)).toBe(message);
  });
});
