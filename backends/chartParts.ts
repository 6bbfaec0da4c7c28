import { Area, parseAddress } from "./address";
import type { ChartSeriesState, ChartState } from "./officeModel";
import { xmlEscaped, xmlUnescaped } from "./packageParts";
import { columnLetters } from "../src/okr/references";

/**
 * The XML of a line chart as an .xlsx file holds it: the chart part (xl/charts/chartN.xml, DrawingML
 * charts, ECMA-376 Part 1 §21.2) and its anchor in the sheet's drawing part (xl/drawings/drawingN.xml,
 * §20.5). Element order follows the schema's sequences (CT_ChartSpace, CT_LineChart, CT_LineSer,
 * CT_CatAx, CT_ValAx); the minimal line plot of python-pptx's analysis pages ("Line Chart: Minimal working
 * XML", docs/dev/analysis/cht-line-chart.rst) and the category/value axes of DXPlus's CategoryAxis were
 * the starting point. Ranges are written as Excel writes them in a chart: absolute, the sheet named.
 */

const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const SHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The axis ids of each value axis group: a category axis and the value axis it crosses. */
const AXES = { Primary: { category: 1, value: 2 }, Secondary: { category: 3, value: 4 } } as const;

/** Where a chart goes when the adapter never placed it, and how far it reaches when only its top-left cell was given: Excel's default chart, 5 by 3 inches, covers about 8 columns by 15 rows. */
const DEFAULT_SIZE = { columns: 8, rows: 15 } as const;

/** A range of the model ("Trends!B6:B17") as a chart's formula: "'Trends'!$B$6:$B$17". */
export function chartReference(address: string, sheet: string): string {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`The chart range "${address}" on the sheet "${sheet}" is not an A1 address`);
  const { top, left, height, width } = parsed.area;
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
  const start = cell(top, left);
  const end = cell(top + height - 1, left + width - 1);
  return `'${(parsed.sheet ?? sheet).replace(/'/g, "''")}'!${start === end ? start : `${start}:${end}`}`;
}

/**
 * The cell that names a series: the one just before its values (above a column of values, left of a
 * row), when it holds the series' name, as charts.add takes a header; undefined for a name given as text.
 */
export function seriesNameCell(series: ChartSeriesState, seriesBy: ChartState["seriesBy"], textAt: (sheet: string, row: number, column: number) => unknown): string | undefined {
  const parsed = series.values === undefined ? undefined : parseAddress(series.values);
  if (!parsed?.sheet) return undefined;
  const { top, left } = parsed.area;
  const [row, column] = seriesBy === "Columns" ? [top - 1, left] : [top, left - 1];
  if (row < 0 || column < 0 || textAt(parsed.sheet, row, column) !== series.name) return undefined;
  return chartReference(`'${parsed.sheet.replace(/'/g, "''")}'!${columnLetters(column)}${row + 1}`, parsed.sheet);
}

const val = (element: string, value: string | number) => `<c:${element} val="${value}"/>`;

/** A series' name: a reference to its header cell, with the text as the cached value, or the text itself. */
function seriesName(name: string, cell: string | undefined): string {
  const text = xmlEscaped(name);
  if (!cell) return `<c:tx><c:v>${text}</c:v></c:tx>`;
  return `<c:tx><c:strRef><c:f>${cell}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${text}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

function seriesXml(chart: ChartState, series: ChartSeriesState, index: number, nameCell: string | undefined): string {
  const marker = chart.type === "LineMarkers" ? "" : `<c:marker>${val("symbol", "none")}</c:marker>`;
  const categories = chart.categories ? `<c:cat><c:strRef><c:f>${chartReference(chart.categories, chart.sheet)}</c:f></c:strRef></c:cat>` : "";
  const values = series.values ? `<c:val><c:numRef><c:f>${chartReference(series.values, chart.sheet)}</c:f></c:numRef></c:val>` : "";
  return `<c:ser>${val("idx", index)}${val("order", index)}${seriesName(series.name, nameCell)}${marker}${categories}${values}${val("smooth", 0)}</c:ser>`;
}

/** A c:lineChart of the series on one axis group (each keeping its index among all the chart's series). */
function lineChartXml(chart: ChartState, group: keyof typeof AXES, nameCells: readonly (string | undefined)[]): string {
  const series = chart.series.flatMap((s, i) => (s.axisGroup === group ? [seriesXml(chart, s, i, nameCells[i])] : []));
  const { category, value } = AXES[group];
  return `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${series.join("")}${val("marker", 1)}${val("axId", category)}${val("axId", value)}</c:lineChart>`;
}

/** The axes of one group: the primary's shown (categories below, values left), the secondary's values on the right and its categories hidden. */
function axesXml(group: keyof typeof AXES): string {
  const { category, value } = AXES[group];
  const primary = group === "Primary";
  const scaling = `<c:scaling>${val("orientation", "minMax")}</c:scaling>`;
  const categoryAxis = `<c:catAx>${val("axId", category)}${scaling}${val("delete", primary ? 0 : 1)}${val("axPos", "b")}${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", value)}${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`;
  const gridlines = primary ? "<c:majorGridlines/>" : "";
  const valueAxis = `<c:valAx>${val("axId", value)}${scaling}${val("delete", 0)}${val("axPos", primary ? "l" : "r")}${gridlines}<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${val("crossAx", category)}${val("crosses", primary ? "autoZero" : "max")}${val("crossBetween", "between")}</c:valAx>`;
  return categoryAxis + valueAxis;
}

function titleXml(title: string): string {
  if (!title) return val("autoTitleDeleted", 1);
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlEscaped(title)}</a:t></a:r></a:p></c:rich></c:tx>${val("overlay", 0)}</c:title>${val("autoTitleDeleted", 0)}`;
}

/**
 * The chart part of a line chart of the model: a c:lineChart of the primary axis' series and, when any
 * series is on the secondary axis, a second one with axes of its own (values on the right); a legend
 * at the bottom; empty cells as gaps. `nameCells[i]` is the header cell naming series i, if any (seriesNameCell).
 * @example chartXml({ name: "Chart 1", sheet: "Trends", type: "Line", source: "Trends!B5:B17", seriesBy: "Columns", title: "", series: [{ name: "NPS", values: "Trends!B6:B17", axisGroup: "Primary" }] }, []).includes("<c:f>'Trends'!$B$6:$B$17</c:f>") //=> true
 */
export function chartXml(chart: ChartState, nameCells: readonly (string | undefined)[]): string {
  if (chart.type !== "Line" && chart.type !== "LineMarkers") throw new Error(`Saving a chart of type "${chart.type}" (the chart "${chart.name}" on the sheet "${chart.sheet}") is not modelled by this backend`);
  const both = (["Primary", "Secondary"] as const).every((group) => chart.series.some((series) => series.axisGroup === group));
  // A secondary axis only beside a primary one: with every series on one axis, Excel draws them on the primary.
  const groups = both ? (["Primary", "Secondary"] as const) : (["Primary"] as const);
  const drawn = both ? chart : { ...chart, series: chart.series.map((series) => ({ ...series, axisGroup: "Primary" as const })) };
  const plots = groups.map((group) => lineChartXml(drawn, group, nameCells)).join("");
  const axes = groups.map(axesXml).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${RELATIONSHIPS_NS}">${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title)}<c:plotArea><c:layout/>${plots}${axes}</c:plotArea>` +
    `<c:legend>${val("legendPos", "b")}${val("overlay", 0)}</c:legend>${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart></c:chartSpace>`
  );
}

/** The cells a chart covers: from its top-left cell to its bottom-right one, both included. */
export function chartCells(chart: ChartState): { from: { row: number; column: number }; to: { row: number; column: number } } {
  const cell = (address: string): Area => {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`The position "${address}" of the chart "${chart.name}" on the sheet "${chart.sheet}" is not a cell`);
    return parsed.area;
  };
  const start = chart.position ? cell(chart.position.start) : { top: 0, left: 0, height: 1, width: 1 };
  const end = chart.position?.end ? cell(chart.position.end) : { top: start.top + DEFAULT_SIZE.rows - 1, left: start.left + DEFAULT_SIZE.columns - 1, height: 1, width: 1 };
  return { from: { row: start.top, column: start.left }, to: { row: end.top + end.height - 1, column: end.left + end.width - 1 } };
}

/**
 * A chart's anchor in a sheet's drawing: a twoCellAnchor over the cells of chartCells (its bottom-right
 * corner at the start of the cell after the last covered), a graphicFrame named as the chart, pointing
 * at the chart part through the drawing's relationship `relationshipId`. It declares its own namespaces,
 * so it can join a drawing that another program wrote with other prefixes. `shapeId` must be unique in the drawing.
 * @example chartAnchor({ name: "Chart 1", sheet: "S", type: "Line", source: "S!A1:A2", seriesBy: "Columns", title: "", series: [], position: { start: "S!B2", end: "S!C3" } }, 2, "rId1").includes("<xdr:to><xdr:col>3</xdr:col>") //=> true
 */
export function chartAnchor(chart: ChartState, shapeId: number, relationshipId: string): string {
  const { from, to } = chartCells(chart);
  const corner = (tag: string, row: number, column: number) => `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}" editAs="oneCell">${corner("from", from.row, from.column)}${corner("to", to.row + 1, to.column + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscaped(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${RELATIONSHIPS_NS}" r:id="${relationshipId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A drawing part holding `anchors` (chartAnchor's). */
export function drawingXml(anchors: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${SHEET_DRAWING_NS}" xmlns:a="${DRAWING_NS}">${anchors.join("")}</xdr:wsDr>`;
}

/** An anchor of a drawing part, as written: its text, the relationship id of the chart it holds (undefined: a picture or shape), and its shape's name and id. */
export interface DrawingAnchor {
  xml: string;
  chart?: string;
  name: string;
  shapeId: number;
}

const ANCHOR = /<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;

/** The anchors of a drawing part, whatever its prefixes: the charts among them are those with a c:chart reference. */
export function drawingAnchors(drawing: string): DrawingAnchor[] {
  return [...drawing.matchAll(ANCHOR)].map(([xml]) => {
    const shape = /<(?:\w+:)?cNvPr\b[^>]*>/.exec(xml)?.[0] ?? "";
    const chart = /<(?:\w+:)?chart\b[^>]*?\s[\w]+:id=["']([^"']+)["']/.exec(xml)?.[1];
    const name = /\sname=["']([^"']*)["']/.exec(shape)?.[1] ?? "";
    return { xml, chart, name: xmlUnescaped(name), shapeId: Number(/\sid=["'](\d+)["']/.exec(shape)?.[1] ?? 0) };
  });
}

/** A drawing part with the anchors of `drop` taken out and `add` appended, its root and other content as they were. */
export function editedDrawing(drawing: string, drop: readonly DrawingAnchor[], add: readonly string[]): string {
  const kept = drop.reduce((xml, anchor) => xml.replace(anchor.xml, ""), drawing);
  return kept.replace(/<\/(?:\w+:)?wsDr>\s*$/, (end) => `${add.join("")}${end}`);
}
