import { availableObjectives, defaultKrType, isAvailable, objectiveTemplates, OBJECTIVES, suggestTarget } from "./templates";

describe("templates", () => {
  it("offers only key results whose columns exist, and drops empty objectives", () => {
    const objectives = availableObjectives({ date: 0, nps: 1, customer: 2 });
    expect(objectives.map((o) => [o.name, o.keyResults.map((kr) => kr.kpi)])).toEqual([
      ["Delight customers", ["nps"]],
      ["Grow repeat business", ["repeatRate"]],
    ]);
  });

  it("names objectives and key results in Chinese, with the same ids and KPIs as in English", () => {
    const chinese = objectiveTemplates("zh-CN");
    const shape = (objectives: typeof OBJECTIVES) => objectives.map((o) => [o.id, o.keyResults.map((kr) => kr.kpi)]);
    expect(shape(chinese)).toEqual(shape(OBJECTIVES));
    expect(shape(OBJECTIVES)).toEqual([
      ["delight", ["nps", "csat", "fcr"]],
      ["win", ["conversion", "responseTime"]],
      ["repeat", ["repeatRate", "avgTicket"]],
      ["ontime", ["ontime", "jobsPerTech", "resolutionTime"]],
    ]);
    expect(chinese[0].name).toBe("让客户满意");
    expect(chinese[0].keyResults[0].name).toBe("提高 NPS 分数");
    expect(availableObjectives({ date: 0, customer: 2 }, chinese).map((o) => [o.name, o.keyResults.map((kr) => kr.name)])).toEqual([["发展回头客业务", ["让更多客户再次预订"]]]);
  });

  it("needs a job date for every key result", () => {
    expect(isAvailable("nps", { nps: 1 })).toBe(false);
    expect(availableObjectives({ nps: 1, customer: 2 })).toEqual([]);
  });

  it("needs both times for on-time arrival", () => {
    expect(isAvailable("ontime", { date: 0, arrival: 1 })).toBe(false);
    expect(isAvailable("ontime", { date: 0, arrival: 1, promised: 2 })).toBe(true);
  });

  it("times resolution from the customer's request, so it needs the requested and resolved times", () => {
    expect(isAvailable("resolutionTime", { date: 0, resolved: 1 })).toBe(false);
    expect(isAvailable("resolutionTime", { date: 0, requested: 1, resolved: 2 })).toBe(true);
  });

  it("defaults to decreasing for times, increasing for the rest", () => {
    expect(defaultKrType("responseTime")).toBe("decrease");
    expect(defaultKrType("nps")).toBe("increase");
  });

  it.each([
    ["fcr", 0.8, 0.88], // 10% better
    ["fcr", 0.95, 1], // a share stops at 100%
    ["nps", 40, 44],
    ["nps", -20, -18], // 10% better for a negative score is towards 0
    ["nps", 95, 100],
    ["responseTime", 4, 3.6], // lower is better
    ["avgTicket", 250, 275],
  ] as const)("suggests a target for %s from a baseline of %p: %p", (kpi, baseline, target) => {
    expect(suggestTarget(kpi, baseline)).toBe(target);
  });
});
