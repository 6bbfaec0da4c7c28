import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { chartAnchor, chartReference, chartXml, drawingAnchors, drawingXml, editedDrawing, seriesNameCell } from "../backends/chartParts";
import { ChartState } from "../backends/officeModel";
import { linksOf, worksheetEntries } from "../backends/packageParts";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";
import { exportTrends } from "../scripts/trends";

/**
 * The chart parts the xlsx backend writes: their XML parsed back (series ranges, axes, anchors), and
 * the saved package (every chart reached from a sheet, nothing left over) as npm run trends writes
 * it, re-runs it, and keeps what a file already had. LibreOffice's view is in xlsxChartsLibreOffice.test.ts.
 */

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["c:lineChart", "c:ser", "c:axId", "c:catAx", "c:valAx", "xdr:twoCellAnchor"].includes(name) });
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const chart = (overrides: Partial<ChartState> = {}): ChartState => ({
  name: "KPI trend: delight",
  sheet: "Trends",
  type: "Line",
  source: "Trends!B5:B17",
  seriesBy: "Columns",
  title: "Delight customers",
  series: [
    { name: "Net Promoter Score", values: "Trends!B6:B17", axisGroup: "Primary" },
    { name: "First-visit fix rate", values: "Trends!D6:D17", axisGroup: "Secondary" },
  ],
  categories: "Trends!A6:A17",
  position: { start: "Trends!V5", end: "Trends!AC19" },
  ...overrides,
});

const plotArea = (xml: string): Node => parser.parse(xml)["c:chartSpace"]["c:chart"]["c:plotArea"];

describe("chartXml", () => {
  it("writes a c:chartSpace in the chart namespace, each series' header, categories and values as absolute ranges of the sheet", () => {
    const xml = chartXml(chart(), ["'Trends'!$B$5", undefined]);
    const space = parser.parse(xml)["c:chartSpace"];
    expect(space["xmlns:c"]).toBe("http://schemas.openxmlformats.org/drawingml/2006/chart");
    const series = (plotArea(xml)["c:lineChart"] as Node[]).flatMap((plot) => plot["c:ser"] as Node[]);
    expect(series.map((s) => [s["c:idx"].val, s["c:val"]["c:numRef"]["c:f"], s["c:cat"]["c:strRef"]["c:f"]])).toEqual([
      ["0", "'Trends'!$B$6:$B$17", "'Trends'!$A$6:$A$17"],
      ["1", "'Trends'!$D$6:$D$17", "'Trends'!$A$6:$A$17"],
    ]);
    expect(series[0]["c:tx"]["c:strRef"]).toEqual({ "c:f": "'Trends'!$B$5", "c:strCache": { "c:ptCount": { val: "1" }, "c:pt": { idx: "0", "c:v": "Net Promoter Score" } } });
    expect(series[1]["c:tx"]).toEqual({ "c:v": "First-visit fix rate" });
    expect(space["c:chart"]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe("Delight customers");
  });

  it("puts secondary series in a second line chart whose axes are its own: each axis crosses the other of its pair, values on the right", () => {
    const area = plotArea(chartXml(chart(), []));
    const [primary, secondary] = area["c:lineChart"] as Node[];
    expect([primary, secondary].map((plot) => (plot["c:axId"] as Node[]).map((id) => Number(id.val)))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const axes = [...area["c:catAx"], ...area["c:valAx"]] as Node[];
    const crossing = Object.fromEntries(axes.map((axis) => [axis["c:axId"][0].val, axis["c:crossAx"].val]));
    expect(crossing).toEqual({ 1: "2", 2: "1", 3: "4", 4: "3" });
    const secondaryValues = (area["c:valAx"] as Node[]).find((axis) => axis["c:axId"][0].val === "4")!;
    expect([secondaryValues["c:axPos"].val, secondaryValues["c:crosses"].val]).toEqual(["r", "max"]);
    expect((area["c:catAx"] as Node[]).find((axis) => axis["c:axId"][0].val === "3")!["c:delete"].val).toBe("1");
  });

  it("runs its example", () => {
    const example: ChartState = { name: "Chart 1", sheet: "Trends", type: "Line", source: "Trends!B5:B17", seriesBy: "Columns", title: "", series: [{ name: "NPS", values: "Trends!B6:B17", axisGroup: "Primary" }] };
    expect(chartXml(example, []).includes("<c:f>'Trends'!$B$6:$B$17</c:f>")).toBe(true);
  });

  describe("edge cases", () => {
    it("draws every series on the primary axis when none is left on it, with one pair of axes", () => {
      const area = plotArea(chartXml(chart({ series: [{ name: "Share", values: "Trends!D6:D17", axisGroup: "Secondary" }] }), []));
      expect(area["c:lineChart"]).toHaveLength(1);
      expect([...area["c:catAx"], ...area["c:valAx"]].map((axis: Node) => axis["c:axId"][0].val)).toEqual(["1", "2"]);
    });

    it("writes a chart with no series yet as an empty line chart, its axes still paired", () => {
      const area = plotArea(chartXml(chart({ series: [] }), []));
      expect(area["c:lineChart"][0]["c:ser"]).toBeUndefined();
      expect(area["c:lineChart"][0]["c:axId"].map((id: Node) => id.val)).toEqual(["1", "2"]);
    });

    it("escapes the title and names, and drops the title element when there is none", () => {
      const xml = chartXml(chart({ title: 'R&D <"best">', series: [{ name: "a < b & c", values: "Trends!B6:B17", axisGroup: "Primary" }] }), []);
      const space = parser.parse(xml)["c:chartSpace"];
      expect(space["c:chart"]["c:title"]["c:tx"]["c:rich"]["a:p"]["a:r"]["a:t"]).toBe('R&D <"best">');
      expect(xml).toContain("<a:t>R&amp;D &lt;&quot;best&quot;></a:t>");
      expect(xml).toContain("<c:v>a &lt; b &amp; c</c:v>");
      expect(parser.parse(chartXml(chart({ title: "" }), []))["c:chartSpace"]["c:chart"]["c:autoTitleDeleted"].val).toBe("1");
    });

    it("marks points only for a LineMarkers chart, and refuses a type it does not write", () => {
      expect(chartXml(chart({ type: "Line" }), [])).toContain('<c:symbol val="none"/>');
      expect(chartXml(chart({ type: "LineMarkers" }), [])).not.toContain("<c:symbol");
      expect(() => chartXml(chart({ type: "Pie" }), [])).toThrow('Saving a chart of type "Pie" (the chart "KPI trend: delight" on the sheet "Trends") is not modelled by this backend');
    });
  });
});

describe("chartReference", () => {
  it.each([
    ["Trends!B6:B17", "Trends", "'Trends'!$B$6:$B$17"],
    ["'Check-in history'!A2", "Trends", "'Check-in history'!$A$2"],
    ["'Bob''s KPIs'!AA1:AB3", "x", "'Bob''s KPIs'!$AA$1:$AB$3"],
    ["C3", "Own sheet", "'Own sheet'!$C$3"],
  ])("%s (chart on %s) → %s", (address, sheet, expected) => {
    expect(chartReference(address, sheet)).toBe(expected);
  });

  it("names the range and the sheet when it is not an address", () => {
    expect(() => chartReference("B6:B17:C1", "Trends")).toThrow('The chart range "B6:B17:C1" on the sheet "Trends" is not an A1 address');
  });
});

describe("seriesNameCell", () => {
  const cells: Record<string, string> = { "Trends:4:1": "Net Promoter Score", "Trends:5:0": "Row name" };
  const textAt = (sheet: string, row: number, column: number) => cells[`${sheet}:${row}:${column}`] ?? "";

  it("is the cell above a column of values, or left of a row of them, when it holds the series' name", () => {
    expect(seriesNameCell({ name: "Net Promoter Score", values: "Trends!B6:B17", axisGroup: "Primary" }, "Columns", textAt)).toBe("'Trends'!$B$5");
    expect(seriesNameCell({ name: "Row name", values: "Trends!B6:M6", axisGroup: "Primary" }, "Rows", textAt)).toBe("'Trends'!$A$6");
  });

  it("is undefined for a name given as text, or values on the first row, or none", () => {
    expect(seriesNameCell({ name: "Typed in", values: "Trends!B6:B17", axisGroup: "Primary" }, "Columns", textAt)).toBeUndefined();
    expect(seriesNameCell({ name: "", values: "Trends!B1:B17", axisGroup: "Primary" }, "Columns", textAt)).toBeUndefined();
    expect(seriesNameCell({ name: "Net Promoter Score", axisGroup: "Primary" }, "Columns", textAt)).toBeUndefined();
  });
});

describe("chartAnchor and the drawing", () => {
  const anchorOf = (xml: string): Node => parser.parse(drawingXml([xml]))["xdr:wsDr"]["xdr:twoCellAnchor"][0];

  it("covers the cells from setPosition's start to its end, both included, and points at the chart's relationship", () => {
    const anchor = anchorOf(chartAnchor(chart(), 7, "rId3")); // V5 is column 21, row 4; AC19 is column 28, row 18
    expect([anchor["xdr:from"]["xdr:col"], anchor["xdr:from"]["xdr:row"], anchor["xdr:to"]["xdr:col"], anchor["xdr:to"]["xdr:row"]]).toEqual([21, 4, 29, 19]);
    const frame = anchor["xdr:graphicFrame"];
    expect(frame["xdr:nvGraphicFramePr"]["xdr:cNvPr"]).toEqual({ id: "7", name: "KPI trend: delight" });
    expect(frame["a:graphic"]["a:graphicData"]["c:chart"]["r:id"]).toBe("rId3");
  });

  it("runs its example", () => {
    const example: ChartState = { name: "Chart 1", sheet: "S", type: "Line", source: "S!A1:A2", seriesBy: "Columns", title: "", series: [], position: { start: "S!B2", end: "S!C3" } };
    expect(chartAnchor(example, 2, "rId1").includes("<xdr:to><xdr:col>3</xdr:col>")).toBe(true);
  });

  it("reads back the anchors of a drawing written with other prefixes, and edits one without touching the rest", () => {
    const picture = `<d:oneCellAnchor><d:from/><d:pic><d:nvPicPr><d:cNvPr id="4" name="Logo &amp; mark"/></d:nvPicPr></d:pic></d:oneCellAnchor>`;
    const theirs = `<d:wsDr xmlns:d="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">${picture}${chartAnchor(chart({ name: "Mine" }), 9, "rId2").replace(/xdr:/g, "d:")}</d:wsDr>`;
    const anchors = drawingAnchors(theirs);
    expect(anchors.map(({ chart: id, name, shapeId }) => ({ id, name, shapeId }))).toEqual([
      { id: undefined, name: "Logo & mark", shapeId: 4 },
      { id: "rId2", name: "Mine", shapeId: 9 },
    ]);
    const edited = editedDrawing(theirs, [anchors[1]], [chartAnchor(chart(), 10, "rId5")]);
    expect(edited.startsWith(`<d:wsDr xmlns:d="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">${picture}<xdr:twoCellAnchor`)).toBe(true);
    expect(drawingAnchors(edited).map((anchor) => anchor.chart)).toEqual([undefined, "rId5"]);
  });

  describe("edge cases", () => {
    it("places a chart never positioned at A1, and one given only its top-left cell over Excel's default 8 columns by 15 rows", () => {
      const unplaced = anchorOf(chartAnchor(chart({ position: undefined }), 2, "rId1"));
      expect([unplaced["xdr:from"]["xdr:col"], unplaced["xdr:from"]["xdr:row"], unplaced["xdr:to"]["xdr:col"], unplaced["xdr:to"]["xdr:row"]]).toEqual([0, 0, 8, 15]);
      const started = anchorOf(chartAnchor(chart({ position: { start: "Trends!C3" } }), 2, "rId1"));
      expect([started["xdr:to"]["xdr:col"], started["xdr:to"]["xdr:row"]]).toEqual([2 + 8, 2 + 15]);
    });
  });
});

/** The package's parts, and what each .rels links to: every chart and drawing must be reached from a sheet, none declared but missing. */
async function packageOf(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  const sheets = await worksheetEntries(zip);
  const drawings = new Map<string, string[]>(); // sheet name → its drawings
  const charts: string[] = [];
  for (const sheet of sheets) {
    const links = (await linksOf(zip, sheet.part)).filter((link) => link.type === "drawing");
    drawings.set(sheet.name, links.map((link) => link.part));
    for (const drawing of links) {
      const xml = await zip.file(sheet.part)!.async("string");
      expect(xml).toContain(`<drawing r:id="${drawing.id}"/>`);
      charts.push(...(await linksOf(zip, drawing.part)).filter((link) => link.type === "chart").map((link) => link.part));
    }
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const declared = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((match) => match[1]);
  return { zip, parts, drawings, charts, declared };
}

/** Every chart and drawing part is linked, and declared; every declared part exists. */
function expectNoOrphans({ parts, drawings, charts, declared }: Awaited<ReturnType<typeof packageOf>>): void {
  const linkedDrawings = [...drawings.values()].flat();
  expect(parts.filter((part) => /^xl\/charts\/chart\d+\.xml$/.test(part)).sort()).toEqual([...charts].sort());
  expect(parts.filter((part) => /^xl\/drawings\/drawing\d+\.xml$/.test(part)).sort()).toEqual([...linkedDrawings].sort());
  expect(declared.filter((part) => !parts.includes(part))).toEqual([]);
  for (const part of [...charts, ...linkedDrawings]) expect(declared).toContain(part);
}

const TREND_CHARTS = ["KPI trend: delight", "KPI trend: win", "KPI trend: repeat", "KPI trend: ontime", "KPI trend: grow"];

describe("the charts npm run trends saves", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xlsx-charts-"));
  const sample = path.join(__dirname, "..", "assets", "sample-jobs.xlsx");
  const first = path.join(dir, "trends.xlsx");

  beforeAll(async () => {
    copyFileSync(sample, path.join(dir, "sample.xlsx"));
    await exportTrends(path.join(dir, "sample.xlsx"), first, { period: "2026-Q3" });
  }, 120_000);

  it("are a chart part per objective in one drawing of the Trends sheet, each a line chart of its KPIs' columns", async () => {
    const pkg = await packageOf(first);
    expect(pkg.drawings.get("Sample jobs")).toEqual([]);
    expect(pkg.drawings.get("Trends")).toHaveLength(1);
    expectNoOrphans(pkg);
    const drawing = await pkg.zip.file(pkg.drawings.get("Trends")![0])!.async("string");
    expect(drawingAnchors(drawing).map((anchor) => anchor.name)).toEqual(TREND_CHARTS);
    // The first chart is "Delight customers": NPS (B), CSAT (C), first-visit fix (D) and CES (P) on the sample's columns; the two shares on the right-hand axis.
    const delight = await pkg.zip.file(pkg.charts[0])!.async("string");
    const plots = plotArea(delight)["c:lineChart"] as Node[];
    expect(plots.map((plot) => (plot["c:ser"] as Node[]).map((s) => [s["c:tx"]["c:strRef"]["c:strCache"]["c:pt"]["c:v"], s["c:val"]["c:numRef"]["c:f"]]))).toEqual([
      [
        ["Net Promoter Score", "'Trends'!$B$6:$B$17"],
        ["Customer effort score (CES)", "'Trends'!$P$6:$P$17"],
      ],
      [
        ["Customer satisfaction (CSAT)", "'Trends'!$C$6:$C$17"],
        ["First-visit fix rate", "'Trends'!$D$6:$D$17"],
      ],
    ]);
  });

  it("reopen in ExcelJS and in this backend, which lists the charts by name", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first);
    expect(book.getWorksheet("Trends")!.getCell("B5").value).toBe("Net Promoter Score");
    const { book: ours } = await openXlsx(first);
    expect(ours.charts.map((c) => [c.sheet, c.name])).toEqual(TREND_CHARTS.map((name) => ["Trends", name]));
  });

  it("are replaced, not added to, by a re-run on the file it wrote, and a chart or picture the user added beside them stays", async () => {
    // The user's own additions, as Excel would save them: a chart of their own in the same drawing, and a picture.
    const withOwn = path.join(dir, "with-own.xlsx");
    const pkg = await packageOf(first);
    const drawingPart = pkg.drawings.get("Trends")![0];
    const rels = `xl/drawings/_rels/${path.basename(drawingPart)}.rels`;
    pkg.zip.file("xl/charts/chart99.xml", chartXml(chart({ name: "My own", title: "Mine" }), []));
    pkg.zip.file(rels, (await pkg.zip.file(rels)!.async("string")).replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart99.xml"/></Relationships>'));
    const picture = `<xdr:oneCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="100" cy="100"/><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="50" name="Note box"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:oneCellAnchor>`;
    const drawing = await pkg.zip.file(drawingPart)!.async("string");
    pkg.zip.file(drawingPart, editedDrawing(drawing, [], [picture, chartAnchor(chart({ name: "My own" }), 51, "rId99")]));
    const types = await pkg.zip.file("[Content_Types].xml")!.async("string");
    pkg.zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/charts/chart99.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
    const ownChart = await pkg.zip.file("xl/charts/chart99.xml")!.async("string");
    writeFileSync(withOwn, await pkg.zip.generateAsync({ type: "nodebuffer" }));

    const again = path.join(dir, "again.xlsx");
    await exportTrends(withOwn, again, { period: "2026-Q2" });
    const after = await packageOf(again);
    expectNoOrphans(after);
    expect(after.drawings.get("Trends")).toHaveLength(1);
    const anchors = drawingAnchors(await after.zip.file(after.drawings.get("Trends")![0])!.async("string"));
    expect(anchors.map((anchor) => anchor.name)).toEqual(["Note box", "My own", ...TREND_CHARTS]);
    expect(new Set(anchors.map((anchor) => anchor.shapeId)).size).toBe(anchors.length);
    expect(after.charts).toHaveLength(6);
    expect(await after.zip.file("xl/charts/chart99.xml")?.async("string")).toBe(ownChart);
    // The period moved a quarter back: the months are rebuilt, the charts read the same cells.
    const { book } = await openXlsx(again);
    expect(book.charts.map((c) => c.name)).toEqual(["My own", ...TREND_CHARTS]);
  }, 120_000);

  it("leave another sheet's charts and drawing byte for byte as they were", async () => {
    // The Trends file run again for another output: its Trends sheet is rewritten, so put a chart on the job log first.
    const pkg = await packageOf(first);
    const logPart = (await worksheetEntries(pkg.zip)).find((sheet) => sheet.name === "Sample jobs")!.part;
    const drawing = drawingXml([chartAnchor(chart({ sheet: "Sample jobs", name: "Log chart", position: { start: "'Sample jobs'!T2", end: "'Sample jobs'!Z12" } }), 2, "rId1")]);
    pkg.zip.file("xl/drawings/drawing9.xml", drawing);
    pkg.zip.file("xl/drawings/_rels/drawing9.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>');
    pkg.zip.file("xl/charts/chart9.xml", chartXml(chart({ sheet: "Sample jobs", name: "Log chart" }), []));
    const logRels = `xl/worksheets/_rels/${path.basename(logPart)}.rels`;
    const rels = (await pkg.zip.file(logRels)?.async("string")) ?? '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    pkg.zip.file(logRels, rels.replace("</Relationships>", '<Relationship Id="rId77" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>'));
    const log = await pkg.zip.file(logPart)!.async("string");
    pkg.zip.file(logPart, log.replace(/<tableParts\b|<\/worksheet>/, (end) => `<drawing r:id="rId77"/>${end}`));
    const types = await pkg.zip.file("[Content_Types].xml")!.async("string");
    const chartType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    pkg.zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/charts/chart9.xml" ContentType="${chartType}"/><Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`));
    const input = path.join(dir, "log-chart.xlsx");
    writeFileSync(input, await pkg.zip.generateAsync({ type: "nodebuffer" }));

    const output = path.join(dir, "log-chart-trends.xlsx");
    await exportTrends(input, output, { period: "2026-Q3" });
    const after = await packageOf(output);
    expectNoOrphans(after);
    expect(after.drawings.get("Sample jobs")).toEqual(["xl/drawings/drawing9.xml"]);
    for (const part of ["xl/drawings/drawing9.xml", "xl/charts/chart9.xml", logPart]) {
      expect(await after.zip.file(part)!.async("string")).toBe(await pkg.zip.file(part)!.async("string"));
    }
    expect(after.charts).toHaveLength(1 + TREND_CHARTS.length);
  }, 120_000);
});

describe("charts in a new workbook", () => {
  it("are written on any sheet, several on one, with the sheet's name quoted in their ranges, and reopen by name", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xlsx-charts-new-"));
    const { book, save } = createXlsxWorkbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Check-in history");
      sheet.getRange("A1:C4").values = [
        ["Check-in", "Progress", "Target"],
        ["2026-07", 0.2, 1],
        ["2026-08", 0.5, 1],
        ["2026-09", 0.7, 1],
      ];
      for (const [column, at] of [["B", "E2"], ["C", "E20"]]) {
        const added = sheet.charts.add("Line", sheet.getRange(`${column}1:${column}4`), "Columns");
        added.axes.categoryAxis.setCategoryNames(sheet.getRange("A2:A4"));
        added.setPosition(at);
      }
      await context.sync();
    });
    const file = path.join(dir, "new.xlsx");
    await save(file);
    const pkg = await packageOf(file);
    expectNoOrphans(pkg);
    expect(pkg.charts).toHaveLength(2);
    const second = plotArea(await pkg.zip.file(pkg.charts[1])!.async("string"))["c:lineChart"][0]["c:ser"][0];
    expect([second["c:tx"]["c:strRef"]["c:f"], second["c:cat"]["c:strRef"]["c:f"], second["c:val"]["c:numRef"]["c:f"]]).toEqual(["'Check-in history'!$C$1", "'Check-in history'!$A$2:$A$4", "'Check-in history'!$C$2:$C$4"]);
    const { book: reopened } = await openXlsx(file);
    expect(reopened.charts.map((c) => c.name)).toEqual(["Chart 1", "Chart 2"]);
  });
});
