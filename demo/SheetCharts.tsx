import { makeStyles, tokens } from "@fluentui/react-components";
import { CategoryScale, Chart, Colors, Legend, LinearScale, LineController, LineElement, PointElement, Title } from "chart.js";
import { useEffect, useRef } from "react";
import { OfficeWorkbook } from "../backends/officeModel";
import { ChartData, chartData } from "./chartData";
import { formatValue } from "./format";

// Only what a line chart needs, so the bundle carries no other chart type.
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Colors);

/** Chart.js's value axes, by Excel's axis group. */
const AXES = { Primary: "y", Secondary: "y2" } as const;

const useStyles = makeStyles({
  strip: { display: "flex", gap: tokens.spacingHorizontalM, overflowX: "auto", flexShrink: 0, paddingTop: tokens.spacingVerticalS },
  figure: { margin: 0, flexShrink: 0, width: "440px", height: "260px", position: "relative", border: `1px solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground1 },
});

/**
 * The charts on a sheet, drawn by Chart.js from the cells each chart names (as Excel draws its own):
 * under the grid, redrawn when what they show changes (the grid renders again at each recalculation).
 */
export function SheetCharts({ book, sheet }: { book: OfficeWorkbook; sheet: string }) {
  const styles = useStyles();
  const charts = book.charts.filter((chart) => chart.sheet === sheet);
  if (charts.length === 0) return null;
  return (
    <div className={styles.strip} role="group" aria-label={`Charts on ${sheet}`}>
      {charts.map((chart) => (
        <figure key={chart.name} className={styles.figure} data-chart={chart.name}>
          <LineChart data={chartData(book, chart)} />
        </figure>
      ))}
    </div>
  );
}

/**
 * One line chart on a canvas; text and grid lines take the page's text colour when drawn, so it reads
 * in light and dark (a theme switched later shows at the next change of its values).
 */
function LineChart({ data }: { data: ChartData }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<"line"> | undefined>(undefined);
  const latest = useRef(data);
  latest.current = data;
  // What the chart shows, as text: redrawn when it changes.
  const shown = JSON.stringify(data);

  useEffect(() => {
    chart.current = new Chart(canvas.current!, {
      type: "line",
      data: { labels: [], datasets: [] },
      // No animation: the chart shows the values at once, as Excel's does.
      options: { animation: false, maintainAspectRatio: false, spanGaps: false, plugins: { title: { display: true } } },
    });
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    const drawn = chart.current;
    if (!drawn) return;
    const { title, labels, series } = latest.current;
    const colour = getComputedStyle(canvas.current!).color;
    const faint = colour.replace(/^rgb\((.*)\)$/, "rgba($1, 0.15)");
    drawn.data = { labels, datasets: series.map(({ name, values, axisGroup }) => ({ label: name, data: values, yAxisID: AXES[axisGroup] })) };
    drawn.options.color = colour;
    drawn.options.plugins!.title = { ...drawn.options.plugins!.title, text: title, color: colour };
    // Each value axis labelled as its first series' cells are formatted (a share as a percentage); the secondary on the right, when a series uses it.
    const axis = (group: "Primary" | "Secondary") => {
      const format = series.find((s) => s.axisGroup === group)?.format;
      return {
        display: group === "Primary" || series.some((s) => s.axisGroup === group),
        position: group === "Primary" ? ("left" as const) : ("right" as const),
        ticks: { color: colour, callback: (value: number | string) => (typeof value === "number" ? formatValue(value, format) : value) },
        grid: { color: faint, drawOnChartArea: group === "Primary" },
      };
    };
    drawn.options.scales = { x: { ticks: { color: colour }, grid: { color: faint } }, [AXES.Primary]: axis("Primary"), [AXES.Secondary]: axis("Secondary") };
    drawn.update();
  }, [shown]);

  return <canvas ref={canvas} role="img" aria-label={`${data.title}: line chart of ${data.series.map((series) => series.name).join(", ")}`} />;
}
