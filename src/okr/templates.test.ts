import { availableObjectives, defaultKrType, isAvailable, objectiveTemplates, OBJECTIVES, suggestTarget } from "./templates";

describe("templates", () => {
  it("offers only key results whose columns exist, and drops empty objectives", () => {
    const objectives = availableObjectives({ date: 0, nps: 1, customer: 2 });
    expect(objectives.map((o) => [o.name, o.keyResults.map((kr) => kr.kpi)])).toEqual([
      ["Delight customers", ["nps"]],
      ["Grow repeat business", ["repeatRate", "retention", "churn", "newCustomers"]],
      // Counted from the job date alone.
      ["Grow the business", ["jobs", "jobsPerDay"]],
    ]);
  });

  it("offers comment sentiment with KPI functions only: no native formula computes it", () => {
    const columns = { date: 0, effort: 1, comment: 2, amount: 3 };
    const delight = (mode: "portable" | "kpi") => availableObjectives(columns, OBJECTIVES, mode)[0];
    expect(delight("kpi").keyResults.map((kr) => kr.kpi)).toEqual(["ces", "sentiment"]);
    expect(delight("portable").keyResults.map((kr) => kr.kpi)).toEqual(["ces"]);
    expect(availableObjectives(columns)).toEqual(availableObjectives(columns, OBJECTIVES, "portable")); // portable unless told
    expect(isAvailable("sentiment", columns, "kpi")).toBe(true);
    expect(isAvailable("sentiment", columns, "portable")).toBe(false);
  });

  it("names objectives and key results in Chinese, with the same ids and KPIs as in English", () => {
    const chinese = objectiveTemplates("zh-CN");
    const shape = (objectives: typeof OBJECTIVES) => objectives.map((o) => [o.id, o.keyResults.map((kr) => kr.kpi)]);
    expect(shape(chinese)).toEqual(shape(OBJECTIVES));
    expect(shape(OBJECTIVES)).toEqual([
      ["delight", ["nps", "csat", "fcr", "ces", "sentiment"]],
      ["win", ["conversion", "responseTime", "leadCost", "abandonment"]],
      ["repeat", ["repeatRate", "avgTicket", "retention", "churn", "newCustomers"]],
      ["ontime", ["ontime", "jobsPerTech", "resolutionTime", "sla", "timeOnSite"]],
      ["grow", ["revenue", "jobs", "jobsPerDay"]],
    ]);
    expect(chinese[0].name).toBe("让客户满意");
    expect(chinese[0].keyResults[0].name).toBe("提高 NPS 分数");
    expect(availableObjectives({ date: 0, customer: 2 }, chinese).map((o) => [o.name, o.keyResults.map((kr) => kr.name)])).toEqual([
      ["发展回头客业务", ["让更多客户再次预订", "留住上一期的客户", "减少流失的客户", "赢得新客户"]],
      ["扩大业务", ["完成更多工单", "每个工作日完成更多工单"]],
    ]);
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

  it("needs the request, the resolution and the target for SLA compliance; arrival and completion for time on site", () => {
    expect(isAvailable("sla", { date: 0, requested: 1, resolved: 2 })).toBe(false);
    expect(isAvailable("sla", { date: 0, requested: 1, resolved: 2, slaHours: 3 })).toBe(true);
    expect(isAvailable("timeOnSite", { date: 0, arrival: 1 })).toBe(false);
    expect(isAvailable("timeOnSite", { date: 0, arrival: 1, resolved: 2 })).toBe(true);
  });

  it("needs a spend column for lead cost and an abandoned flag for call abandonment", () => {
    expect(availableObjectives({ date: 0, spend: 1, abandoned: 2 }).map((o) => [o.id, o.keyResults.map((kr) => kr.kpi)])).toEqual([
      ["win", ["leadCost", "abandonment"]],
      ["grow", ["jobs", "jobsPerDay"]],
    ]);
  });

  it("defaults to decreasing for times and effort, increasing for the rest", () => {
    expect(defaultKrType("responseTime")).toBe("decrease");
    expect(defaultKrType("ces")).toBe("decrease");
    expect(defaultKrType("nps")).toBe("increase");
    expect(defaultKrType("sentiment")).toBe("increase");
  });

  it.each([
    ["fcr", 0.8, 0.88], // 10% better
    ["fcr", 0.95, 1], // a share stops at 100%
    ["nps", 40, 44],
    ["nps", -20, -18], // 10% better for a negative score is towards 0
    ["nps", 95, 100],
    ["responseTime", 4, 3.6], // lower is better
    ["avgTicket", 250, 275],
    ["sla", 0.95, 1],
    ["timeOnSite", 2, 1.8], // shorter visits free the schedule
    ["leadCost", 40, 36],
    ["abandonment", 0.1, 0.09],
    ["revenue", 120_000, 132_000],
    ["jobs", 123, 135], // a whole number of jobs: 135.3 rounded
    ["jobsPerDay", 4.5, 4.95],
    ["ces", 3, 2.7], // less effort is better
    ["sentiment", -0.5, -0.45],
    ["sentiment", 0.95, 1], // a mood cannot pass 1
  ] as const)("suggests a target for %s from a baseline of %p: %p", (kpi, baseline, target) => {
    expect(suggestTarget(kpi, baseline)).toBe(target);
  });
});
