import { columnLetters } from "./references";
import { KpiKind, KPIS, OBJECTIVES, ObjectiveTemplate } from "./templates";
import { TRENDS_LAYOUT, TrendsPlan } from "./trends";

/**
 * The Trends sheet's charts as plain data: a line chart per objective, its KPIs' columns as series
 * over the twelve months shown, stacked beside the table. src/excel adds them; tests read them without Office.
 */

export const TREND_CHART_LAYOUT = {
  /** Every chart the Trends build makes is named with this prefix: a re-run replaces those, and only those. */
  namePrefix: "KPI trend: ",
  /** Empty columns between the table's last column (Notes) and the charts. */
  gapColumns: 1,
  widthColumns: 8,
  heightRows: 15,
  /** Empty rows between one chart and the next. */
  gapRows: 1,
} as const;

export interface TrendSeries {
  /** The KPI's label, as its column header shows it. */
  name: string;
  /** The header cell and the twelve months below it ("B5:B17"): what charts.add reads, the header naming the series. */
  source: string;
  /** The twelve months' values alone ("B6:B17"): what a series added afterwards reads. */
  values: string;
  /** "Secondary" (a scale of its own, on the right) for a share in a chart that also has other values, so a 0–100% line is not flattened against a score or money. */
  axisGroup: "Primary" | "Secondary";
}

export interface TrendChart {
  /** Stable across builds and languages: the prefix and the objective's id. */
  name: string;
  /** The objective's name. */
  title: string;
  series: TrendSeries[];
  /** The months, the category axis' labels ("A6:A17"). */
  categories: string;
  /** The cells the chart covers, top-left and bottom-right. */
  position: { start: string; end: string };
}

/**
 * A chart per objective with a KPI on the sheet, in the objectives' order: each of its KPIs on the
 * sheet is a series (a KPI in several objectives is in each of their charts); where shares meet other
 * values, the shares take the secondary axis. Only the twelve months
 * shown are charted, never the older months kept below them for their notes.
 * @example trendCharts({ kpis: ["nps"], columnWidths: [10, 16, 40] } as TrendsPlan)[0].series[0].source //=> "B5:B17"
 */
export function trendCharts(plan: Pick<TrendsPlan, "kpis" | "columnWidths">, objectives: readonly ObjectiveTemplate[] = OBJECTIVES): TrendChart[] {
  const { headerRow, months } = TRENDS_LAYOUT;
  const lastMonthRow = headerRow + months;
  const { gapColumns, widthColumns, heightRows, gapRows, namePrefix } = TREND_CHART_LAYOUT;
  // The table runs from column A to its Notes column; the charts start past it and the gap.
  const left = plan.columnWidths.length + gapColumns;
  const [firstLetter, lastLetter] = [columnLetters(left), columnLetters(left + widthColumns - 1)];

  const charted = objectives
    .map((objective) => ({ objective, kpis: plan.kpis.flatMap((kpi, i) => (objective.keyResults.some((kr) => kr.kpi === kpi) ? [{ kpi, column: columnLetters(i + 1) }] : [])) }))
    .filter(({ kpis }) => kpis.length > 0);
  return charted.map(({ objective, kpis }, i) => {
    const top = headerRow + i * (heightRows + gapRows);
    const isShare = (kpi: KpiKind) => KPIS[kpi].format === "percent";
    const mixed = kpis.some(({ kpi }) => isShare(kpi)) && kpis.some(({ kpi }) => !isShare(kpi));
    return {
      name: `${namePrefix}${objective.id}`,
      title: objective.name,
      series: kpis.map(({ kpi, column }) => ({
        name: KPIS[kpi].label,
        source: `${column}${headerRow}:${column}${lastMonthRow}`,
        values: `${column}${headerRow + 1}:${column}${lastMonthRow}`,
        axisGroup: mixed && isShare(kpi) ? ("Secondary" as const) : ("Primary" as const),
      })),
      categories: `A${headerRow + 1}:A${lastMonthRow}`,
      position: { start: `${firstLetter}${top}`, end: `${lastLetter}${top + heightRows - 1}` },
    };
  });
}
