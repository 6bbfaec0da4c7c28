import { CustomDraft, customTargetContradiction, readTarget, readValue, shownValue, targetContradiction, toKeyResults, understoodTarget } from "./drafts";

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
    // Chinese input methods type full-width signs.
    ["fcr", "85％", 0.85],
    ["avgTicket", "1，250", 1250],
    // A share's "1" is 100%: only numbers above 1 read as percentages.
    ["fcr", "1", 1],
    // A % sign always divides by 100, even under 1.
    ["fcr", "0.5%", 0.005],
    ["nps", "50%", 0.5],
  ] as const)("%s target %p reads as %p", (kpi, text, expected) => {
    expect(readTarget(kpi, text)).toBe(expected);
  });

  it("names a target that is not a number", () => {
    expect(readTarget("nps", "fifty")).toEqual({ problem: '"fifty" is not a number' });
    expect(readTarget("fcr", " % ")).toEqual({ problem: '" % " is not a number' });
  });
});

describe("toKeyResults", () => {
  const draft = { id: "d:nps", objectiveId: "d", objective: "Delight customers", name: "Raise NPS", kpi: "nps" as const, type: "increase" as const, target: "50", owner: "Ann", weight: "" };

  it("reads targets and weights, defaulting the weight to 1", () => {
    expect(toKeyResults([draft])).toEqual([{ id: "d:nps", objectiveId: "d", objective: "Delight customers", name: "Raise NPS", kpi: "nps", type: "increase", target: 50, owner: "Ann", weight: 1 }]);
  });

  it("says which key result has a bad value", () => {
    expect(toKeyResults([{ ...draft, weight: "-2" }])).toEqual({ problem: { field: "weight", name: "Raise NPS", text: "-2" } });
    expect(toKeyResults([{ ...draft, target: "lots" }])).toEqual({ problem: { field: "target", name: "Raise NPS", text: "lots" } });
    expect(toKeyResults([{ ...draft, weight: "heavy" }])).toEqual({ problem: { field: "weight", name: "Raise NPS", text: "heavy" } });
  });

  it("keeps a weight of 0 and a blank target, and stops at the first bad draft", () => {
    const [first, second] = toKeyResults([{ ...draft, weight: "0", target: " " }, { ...draft, weight: "  " }]) as { weight: number; target: number | undefined }[];
    expect([first.weight, first.target]).toEqual([0, undefined]);
    expect(second.weight).toBe(1); // spaces are a blank weight, not 0
    expect(toKeyResults([draft, { ...draft, name: "Second", weight: "-1" }, { ...draft, name: "Third", target: "x" }])).toEqual({
      problem: { field: "weight", name: "Second", text: "-1" },
    });
  });
});

describe("targetContradiction", () => {
  it.each<[Parameters<typeof targetContradiction>[0], number | undefined, ReturnType<typeof targetContradiction>]>([
    [{ kpi: "nps", type: "increase", target: "30" }, 35, "notAbove"],
    [{ kpi: "nps", type: "increase", target: "35" }, 35, "notAbove"],
    [{ kpi: "nps", type: "increase", target: "40" }, 35, undefined],
    [{ kpi: "nps", type: "increase", target: " 30 " }, 35, "notAbove"],
    [{ kpi: "responseTime", type: "decrease", target: "3" }, 2.5, "notBelow"],
    [{ kpi: "responseTime", type: "decrease", target: " 2.5 " }, 2.5, "notBelow"],
    [{ kpi: "responseTime", type: "decrease", target: "2" }, 2.5, undefined],
    [{ kpi: "responseTime", type: "below", target: "3" }, 2.5, undefined],
    [{ kpi: "avgTicket", type: "increase", target: "300" }, 312.456, "notAbove"],
    [{ kpi: "csat", type: "increase", target: "80" }, 0.8512, "notAbove"],
    [{ kpi: "fcr", type: "increase", target: "80%" }, 0.85, "notAbove"],
    [{ kpi: "fcr", type: "above", target: "80%" }, 0.85, undefined],
    [{ kpi: "nps", type: "increase", target: "" }, 35, undefined],
    [{ kpi: "nps", type: "increase", target: "30" }, undefined, undefined],
  ])("%p against %p", (draft, baseline, message) => {
    expect(targetContradiction(draft, baseline)).toBe(message);
  });
});

describe("shownValue", () => {
  it.each([
    ["nps", 35.08, "en", "35.1"],
    ["nps", 35.08, "zh-CN", "35.1"],
    ["nps", -18, "en", "-18"],
    ["fcr", 0.852, "en", "85.2%"],
    ["fcr", 0.852, "zh-CN", "85.2%"],
    ["fcr", 1, "en", "100%"],
    ["avgTicket", 1250.456, "en", "1,250.46"],
    ["avgTicket", 1250.456, "zh-CN", "1,250.46"],
    ["responseTime", 3.6, "en", "3.6"],
  ] as const)("%s %p in %s reads %p", (kpi, value, locale, text) => {
    expect(shownValue(kpi, value, locale)).toBe(text);
  });

  // Money in the job log's currency, as CLDR writes it in each language: the yen has no minor unit, and a
  // Chinese reader sees the dollar as US$ and the yen as JP¥, since ¥ alone is the yuan.
  it.each([
    [1250.456, "en", "USD", "$1,250.46"],
    [1250.456, "zh-CN", "USD", "US$1,250.46"],
    [1250.456, "en", "EUR", "€1,250.46"],
    [1250.456, "en", "JPY", "¥1,250"],
    [1250.456, "zh-CN", "JPY", "JP¥1,250"],
    [1250.456, "zh-CN", "CNY", "¥1,250.46"],
    [1250.456, "en", "CNY", "CN¥1,250.46"],
    [-80, "en", "GBP", "-£80.00"],
    [1234.5, "en", "EUR", "€1,234.50"],
  ] as const)("money %p in %s as %s reads %p", (value, locale, currency, text) => {
    expect(shownValue("avgTicket", value, locale, currency)).toBe(text);
  });

  it("shows a currency only on money", () => {
    expect(shownValue("nps", 35.08, "en", "USD")).toBe("35.1");
    expect(shownValue("fcr", 0.852, "en", "USD")).toBe("85.2%");
  });

  it("reads back as the value it shows", () => {
    expect(readTarget("avgTicket", shownValue("avgTicket", 1250.5, "zh-CN"))).toBe(1250.5);
    expect(readTarget("fcr", shownValue("fcr", 0.852, "zh-CN"))).toBeCloseTo(0.852, 12);
  });
});

describe("understoodTarget", () => {
  it.each([
    // A share's three spellings of 90%.
    ["fcr", "90%", "en", "90%"],
    ["fcr", "90", "en", "90%"],
    ["fcr", "0.9", "en", "90%"],
    ["csat", "87.5", "zh-CN", "87.5%"],
    ["fcr", "90％", "zh-CN", "90%"],
    // The ambiguous ones, shown so the user sees which reading was taken.
    ["fcr", "1", "en", "100%"],
    ["fcr", "0.5", "en", "50%"],
    ["fcr", "0.5%", "en", "0.5%"],
    // A percent sign on a KPI that is not a share divides it too: say so.
    ["nps", "50%", "en", "0.5"],
  ] as const)("%s target %p is understood as %p (%s)", (kpi, text, locale, understood) => {
    expect(understoodTarget(kpi, text, locale)).toBe(understood);
  });

  describe("edge cases", () => {
    it.each([
      ["nps", "45"],
      ["avgTicket", "1,250"],
      ["fcr", ""],
      ["fcr", "  "],
      ["fcr", "lots"],
      ["fcr", "%"],
    ] as const)("says nothing for %s target %p", (kpi, text) => {
      expect(understoodTarget(kpi, text, "en")).toBeUndefined();
    });
  });
});

describe("toKeyResults for custom key results", () => {
  const formula: CustomDraft = {
    id: "custom:rev",
    objectiveId: "own:money",
    objective: "Make money",
    name: "Revenue",
    type: "increase",
    target: "120,000",
    owner: "",
    weight: "2",
    custom: { kind: "formula", format: "currency", formula: " ='Accounts'!B12", current: "99", baseline: "100000" },
  };
  const manual: CustomDraft = { ...formula, id: "custom:share", name: "Share of 5-star reviews", target: "80", custom: { kind: "manual", format: "percent", formula: "=ignored(", current: "72%", baseline: "" } };

  it("reads a formula as given (trimmed), and the baseline and target as numbers of its format", () => {
    expect(toKeyResults([formula])).toEqual([
      { id: "custom:rev", objectiveId: "own:money", objective: "Make money", name: "Revenue", type: "increase", target: 120000, owner: "", weight: 2, baseline: 100000, custom: { kind: "formula", format: "currency", formula: "='Accounts'!B12" } },
    ]);
  });

  it("reads a typed number as its format reads it: a share's 80 is 80%, and ignores the formula field", () => {
    expect(toKeyResults([manual])).toEqual([expect.objectContaining({ target: 0.8, baseline: undefined, custom: { kind: "manual", format: "percent", current: 0.72 } })]);
  });

  it.each([
    [{ ...formula, custom: { ...formula.custom, formula: "Accounts B12" } }, { field: "formula", name: "Revenue", text: "Accounts B12", fault: "noEquals" }],
    [{ ...formula, custom: { ...formula.custom, formula: "=SUM(A1" } }, { field: "formula", name: "Revenue", text: "=SUM(A1", fault: "parentheses" }],
    [{ ...formula, custom: { ...formula.custom, baseline: "last year" } }, { field: "baseline", name: "Revenue", text: "last year" }],
    [{ ...manual, custom: { ...manual.custom, current: "=A1" } }, { field: "current", name: "Share of 5-star reviews", text: "=A1" }],
    [{ ...manual, target: "most" }, { field: "target", name: "Share of 5-star reviews", text: "most" }],
  ])("names the field and the text that cannot be used %#", (draft, problem) => {
    expect(toKeyResults([draft as CustomDraft])).toEqual({ problem });
  });

  describe("edge cases", () => {
    it("leaves a blank value and baseline blank", () => {
      const [built] = toKeyResults([{ ...manual, custom: { ...manual.custom, current: " ", baseline: "" } }]) as { custom: unknown; baseline: unknown }[];
      expect(built).toMatchObject({ custom: { kind: "manual", format: "percent", current: undefined }, baseline: undefined });
    });
  });
});

describe("readValue", () => {
  it("reads as readTarget does, by format", () => {
    expect(readValue("percent", "12")).toBe(0.12);
    expect(readValue("hours", "12")).toBe(12);
    expect(readValue("currency", "1,250.50")).toBe(1250.5);
    expect(readValue("number", "")).toBeUndefined();
  });
});

describe("customTargetContradiction", () => {
  const fields = { kind: "manual", format: "number", formula: "", current: "" } as const;
  it.each<[string, string, string, CustomDraft["custom"]["format"], ReturnType<typeof customTargetContradiction>]>([
    ["increase", "90", "100", "number", "notAbove"],
    ["increase", "100", "100", "number", "notAbove"],
    ["increase", "120,000", "100000", "currency", undefined],
    ["decrease", "45", "40", "hours", "notBelow"],
    ["decrease", "20", "40", "hours", undefined],
    // A share reads 80 and 0.85 alike: 80% is not above 85%.
    ["increase", "80", "0.85", "percent", "notAbove"],
    ["above", "90", "100", "number", undefined],
    ["below", "110", "100", "number", undefined],
  ])("%s to %p from a baseline of %p (%s): %p", (type, target, baseline, format, expected) => {
    expect(customTargetContradiction({ type: type as CustomDraft["type"], target, custom: { ...fields, format, baseline } })).toBe(expected);
  });

  describe("edge cases", () => {
    it.each([
      ["", "100"],
      ["90", ""],
      ["lots", "100"],
      ["90", "lots"],
    ])("says nothing for target %p and baseline %p: no two numbers to compare", (target, baseline) => {
      expect(customTargetContradiction({ type: "increase", target, custom: { ...fields, baseline } })).toBeUndefined();
    });

    it("runs the JSDoc example", () => {
      expect(customTargetContradiction({ type: "decrease", target: "45", custom: { ...fields, format: "hours", baseline: "40" } })).toBe("notBelow");
    });
  });
});
