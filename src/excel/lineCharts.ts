import type { TrendChart } from "../okr/trendCharts";

/**
 * Replaces an earlier build's charts (those on the sheet named with `namePrefix`; every other chart
 * stays) with line charts: the first series' column (its header naming the series) makes the chart,
 * the others are added as series, a share beside other values goes on the secondary axis, the
 * categories label the category axis. Returns how many charts it adds.
 */
export function addLineCharts(sheet: Excel.Worksheet, charts: readonly TrendChart[], earlier: readonly Excel.Chart[], namePrefix: string): number {
  for (const chart of earlier) {
    if (chart.name.startsWith(namePrefix)) chart.delete();
  }
  for (const { name, title, series, categories, position } of charts) {
    const [first, ...others] = series;
    const chart = sheet.charts.add("Line", sheet.getRange(first.source), "Columns");
    chart.name = name;
    chart.title.text = title;
    for (const added of others) chart.series.add(added.name).setValues(sheet.getRange(added.values));
    // Once every series is on the chart, so the primary axis is never left without one.
    series.forEach(({ axisGroup }, i) => {
      if (axisGroup === "Secondary") chart.series.getItemAt(i).axisGroup = axisGroup;
    });
    chart.axes.categoryAxis.setCategoryNames(sheet.getRange(categories));
    chart.setPosition(position.start, position.end);
  }
  return charts.length;
}
