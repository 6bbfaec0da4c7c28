import { parseAddress } from "../backends/address";
import { ChartSeriesState, ChartState, OfficeWorkbook } from "../backends/officeModel";
import { cellKey } from "../backends/store";
import { formatValue } from "./format";

/** A chart's labels and series as the demo draws them, read from the cells the chart names. */
export interface ChartData {
  title: string;
  /** The category axis' labels as the cells show them (their number format applied); 1, 2, 3 ... when the chart names none. */
  labels: string[];
  /** Each series' values in the order of its cells; null where a cell holds no number (an error value, text or nothing): a gap in the line. */
  series: { name: string; values: (number | null)[]; axisGroup: ChartSeriesState["axisGroup"]; /** Its first cell's number format, for the axis' labels. */ format?: string }[];
}

/** The cells of an address (on the chart's sheet unless it names one), row by row, as values and as shown. */
function cellsOf(book: OfficeWorkbook, address: string, defaultSheet: string): { value: unknown; shown: string; format?: string }[] {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`The chart names "${address}", which is not a range`);
  const sheet = parsed.sheet ?? defaultSheet;
  const formats = book.sheet(sheet)?.numberFormats;
  const { top, left, height, width } = parsed.area;
  return Array.from({ length: height * width }, (_, i) => {
    const [row, column] = [top + Math.floor(i / width), left + (i % width)];
    const [value, format] = [book.store.value(sheet, row, column), formats?.get(cellKey(row, column))];
    return { value, shown: formatValue(value, format), format };
  });
}

/**
 * What a chart shows, from the workbook's cells as they are now: the same ranges Excel's chart reads.
 * @example chartData(book, { ...chart, categories: "Trends!A6:A7" }).labels //=> ["2025-10", "2025-11"]
 */
export function chartData(book: OfficeWorkbook, chart: ChartState): ChartData {
  const series = chart.series.map(({ name, values, axisGroup }) => {
    const cells = values === undefined ? [] : cellsOf(book, values, chart.sheet);
    return { name, axisGroup, format: cells[0]?.format, values: cells.map(({ value }) => (typeof value === "number" && Number.isFinite(value) ? value : null)) };
  });
  const length = Math.max(0, ...series.map(({ values }) => values.length));
  const labels = chart.categories === undefined ? Array.from({ length }, (_, i) => String(i + 1)) : cellsOf(book, chart.categories, chart.sheet).map(({ shown }) => shown);
  return { title: chart.title, labels, series };
}
