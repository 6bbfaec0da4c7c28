import { objectiveTemplates } from "./templates";
import { trendCharts } from "./trendCharts";
import { TrendsPlan } from "./trends";

/** A plan as buildTrendsPlan makes it, for what the charts read: the KPIs and one width per column (Month, KPIs, Notes). */
const plan = (kpis: TrendsPlan["kpis"]): Pick<TrendsPlan, "kpis" | "columnWidths"> => ({ kpis, columnWidths: [10, ...kpis.map(() => 16), 40] });

describe("trendCharts", () => {
  it("runs its example", () => {
    expect(trendCharts({ kpis: ["nps"], columnWidths: [10, 16, 40] } as TrendsPlan)[0].series[0].source).toBe("B5:B17");
  });

  it("makes a chart per objective with a KPI on the sheet, in the objectives' order, stacked beside the table", () => {
    // Columns: A Month, B NPS, C On-time arrival, D Average ticket, E Notes; charts from G (F left empty), G to N.
    const charts = trendCharts(plan(["nps", "ontime", "avgTicket"]));
    expect(charts.map(({ name, title, position }) => ({ name, title, position }))).toEqual([
      { name: "KPI trend: delight", title: "Delight customers", position: { start: "G5", end: "N19" } },
      { name: "KPI trend: repeat", title: "Grow repeat business", position: { start: "G21", end: "N35" } },
      { name: "KPI trend: ontime", title: "Run on time", position: { start: "G37", end: "N51" } },
    ]);
    expect(charts[2].series).toEqual([{ name: "On-time arrival", source: "C5:C17", values: "C6:C17", axisGroup: "Primary" }]);
    expect(charts.every((chart) => chart.categories === "A6:A17")).toBe(true);
  });

  it("puts a KPI in the chart of every objective that holds it, under names that do not follow the language", () => {
    const [delight, win] = objectiveTemplates("zh-CN");
    const shared = { ...win, keyResults: [...win.keyResults, { kpi: "nps" as const, name: "NPS" }] };
    const charts = trendCharts(plan(["nps", "conversion"]), [delight, shared]);
    expect(charts.map((chart) => [chart.name, chart.title, chart.series.map((series) => series.source)])).toEqual([
      ["KPI trend: delight", delight.name, ["B5:B17"]],
      ["KPI trend: win", win.name, ["B5:B17", "C5:C17"]],
    ]);
  });

  it("puts shares on the secondary axis where they meet other values, and only there", () => {
    const axes = (kpis: TrendsPlan["kpis"]) => trendCharts(plan(kpis)).map((chart) => chart.series.map((series) => `${series.name}: ${series.axisGroup}`));
    // NPS is a score, CSAT and the first-visit fix rate are shares; all three are "Delight customers".
    expect(axes(["nps", "csat", "fcr"])).toEqual([["Net Promoter Score: Primary", "Customer satisfaction (CSAT): Secondary", "First-visit fix rate: Secondary"]]);
    expect(axes(["csat", "fcr"])).toEqual([["Customer satisfaction (CSAT): Primary", "First-visit fix rate: Primary"]]);
    // "Grow repeat business": the repeat-customer rate (a share, first) beside the average ticket (money).
    expect(axes(["repeatRate", "avgTicket"])).toEqual([["Repeat-customer rate: Secondary", "Average ticket: Primary"]]);
  });

  describe("edge cases", () => {
    it("makes no chart when no KPI is on the sheet", () => {
      expect(trendCharts(plan([]))).toEqual([]);
    });
  });
});
