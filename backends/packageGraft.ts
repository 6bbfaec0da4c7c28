import JSZip from "jszip";
import { Readable, Transform } from "stream";
import { ChartState } from "./officeModel";
import { chartAnchor, drawingAnchors, drawingXml, editedDrawing } from "./chartParts";
import { attribute, linksOf, partHead, partStream, RELATIONSHIPS, relativeTarget, relsOf, SheetEntry, WORKBOOK, workbookPart, worksheetEntries, xmlEscaped } from "./packageParts";
import { mergeStyles } from "./stylesPart";

/**
 * Saves a workbook as the file it came from with only its changed sheets written anew: the sheets
 * ExcelJS wrote (`written`) are grafted into the file's own package (`file`), which keeps every
 * other part byte for byte, so a job log of a million rows is copied, never parsed or written again.
 * The grafted sheets' styles join the file's styles part, their strings become inline strings
 * (the file's shared strings stay as they are), and their tables get names and ids of their own.
 * Their charts are grafted after them (graftCharts): ExcelJS never sees a drawing.
 */

const TYPES = "[Content_Types].xml";
const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const RELS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const sheetType = (name: string) => `${SHEET_TYPE}.${name}+xml`;
const emptyRels = () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NAMESPACE}"></Relationships>`;

export interface Graft {
  /** Sheets to take from `written`, by name: changed ones replace the file's, new ones are added after the others. */
  sheets: readonly string[];
  /** The sheet the workbook opens on. */
  active: string;
}

/** A part name of the form `${stem}${n}.xml` that the package does not hold yet. */
function freshPart(zip: JSZip, stem: string): string {
  let n = 1;
  while (zip.file(`${stem}${n}.xml`)) n++;
  return `${stem}${n}.xml`;
}

/** [Content_Types].xml with `part` declared as `type` (a content type), or undeclared when `type` is undefined. */
function declared(types: string, part: string, type: string | undefined): string {
  const without = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`), "");
  return type === undefined ? without : without.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

const relationship = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${RELATIONSHIPS}/${type}" Target="${target}"/>`;

/** A relationship id that `rels` does not use yet. */
function freshId(rels: string): string {
  let n = 1;
  while (rels.includes(`Id="rId${n}"`)) n++;
  return `rId${n}`;
}

/** The text of each shared string item (its <si> content, which an inline string <is> holds alike). */
async function sharedStrings(zip: JSZip): Promise<string[]> {
  const part = await workbookPart(zip, "sharedStrings");
  const xml = part ? await zip.file(part)!.async("string") : "";
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((match) => match[1] ?? "");
}

/** The highest table id in the package: a new table's id must be unique in the workbook. */
async function highestTableId(zip: JSZip): Promise<number> {
  const tables = Object.keys(zip.files).filter((name) => /^xl\/tables\/[^/]+\.xml$/.test(name));
  const ids = await Promise.all(tables.map(async (name) => Number(attribute(/<table\b[^>]*>/.exec(await zip.file(name)!.async("string"))?.[0] ?? "", "id") ?? 0)));
  return Math.max(0, ...ids);
}

/** A sheet as grafted: its part in the package, and the drawing its earlier part linked to (graftCharts links it again). */
export interface GraftedSheet {
  part: string;
  drawing?: string;
}

/** Grafts the sheets named in `graft` from `written` into `file` (changed in place); returns where each went, by name. */
export async function graftSheets(file: JSZip, written: JSZip, graft: Graft): Promise<Map<string, GraftedSheet>> {
  const [fileSheets, writtenSheets] = await Promise.all([worksheetEntries(file), worksheetEntries(written)]);
  let types = await file.file(TYPES)!.async("string");
  let workbook = await file.file(WORKBOOK)!.async("string");
  let workbookRels = (await file.file(relsOf(WORKBOOK))?.async("string")) ?? `<Relationships xmlns="${RELS_NAMESPACE}"></Relationships>`;

  let renumber = (part: string) => part;
  const writtenStyles = await workbookPart(written, "styles");
  if (writtenStyles) {
    const styles = await written.file(writtenStyles)!.async("string");
    const fileStyles = await workbookPart(file, "styles");
    if (fileStyles) {
      const merged = mergeStyles(await file.file(fileStyles)!.async("string"), styles);
      file.file(fileStyles, merged.xml);
      renumber = merged.renumber;
    } else {
      file.file("xl/styles.xml", styles);
      workbookRels = workbookRels.replace("</Relationships>", `${relationship(freshId(workbookRels), "styles", "styles.xml")}</Relationships>`);
      types = declared(types, "xl/styles.xml", sheetType("styles"));
    }
  }
  const strings = await sharedStrings(written);
  const inlined = (xml: string) => xml.replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_, before, after, index) => `<c${before} t="inlineStr"${after}><is>${strings[Number(index)]}</is></c>`);

  let tableId = await highestTableId(file);
  let added = false;
  const grafted = new Map<string, GraftedSheet>();
  for (const name of graft.sheets) {
    const from = writtenSheets.find((sheet) => sheet.name === name);
    if (!from) throw new Error(`The sheet "${name}" was not saved: it is missing from what ExcelJS wrote`);
    const existing = fileSheets.find((sheet) => sheet.name === name);
    const part = existing?.part ?? freshPart(file, "xl/worksheets/sheet");
    // The sheet's old tables go: the written sheet holds every table it has now.
    const oldLinks = existing ? await linksOf(file, existing.part) : [];
    grafted.set(name, { part, drawing: oldLinks.find((link) => link.type === "drawing" && file.file(link.part))?.part });
    for (const link of oldLinks) {
      if (link.type !== "table") continue;
      file.remove(link.part);
      types = declared(types, link.part, undefined);
    }
    const rels: string[] = [];
    for (const link of await linksOf(written, from.part)) {
      if (link.type !== "table") throw new Error(`Saving the sheet "${name}" with a ${link.type} part is not modelled by this backend`);
      const table = freshPart(file, "xl/tables/table");
      const xml = (await written.file(link.part)!.async("string")).replace(/(<table\b[^>]*?\sid=")\d+"/, `$1${++tableId}"`);
      file.file(table, renumber(xml));
      types = declared(types, table, sheetType("table"));
      rels.push(relationship(link.id, "table", relativeTarget(part, table)));
    }
    if (rels.length > 0) file.file(relsOf(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NAMESPACE}">${rels.join("")}</Relationships>`);
    else file.remove(relsOf(part));
    file.file(part, renumber(inlined(await written.file(from.part)!.async("string"))));
    if (!existing) {
      const id = freshId(workbookRels);
      workbookRels = workbookRels.replace("</Relationships>", `${relationship(id, "worksheet", relativeTarget(WORKBOOK, part))}</Relationships>`);
      const sheetId = Math.max(0, ...fileSheets.map((sheet) => sheet.sheetId)) + 1;
      fileSheets.push({ name, sheetId, id, part } satisfies SheetEntry);
      workbook = workbook.replace(/<\/sheets>|<sheets\s*\/>/, (end) => `${end === "</sheets>" ? "" : "<sheets>"}<sheet name="${xmlEscaped(name)}" sheetId="${sheetId}" r:id="${id}"/></sheets>`);
      types = declared(types, part, sheetType("worksheet"));
      added = true;
    }
  }
  if (added) await withoutSheetList(file);

  workbook = withActiveTab(workbook, Math.max(0, fileSheets.findIndex((sheet) => sheet.name === graft.active)));
  for (const sheet of fileSheets) if (sheet.name !== graft.active && !graft.sheets.includes(sheet.name)) await deselect(file, sheet.part);
  workbook = withFullCalculationOnLoad(workbook);
  // The calculation chain lists formula cells by address; Excel rebuilds it, and a stale one is reported as damage.
  const chain = (await linksOf(file, WORKBOOK)).find((link) => link.type === "calcChain");
  if (chain) {
    file.remove(chain.part);
    types = declared(types, chain.part, undefined);
    workbookRels = workbookRels.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${chain.id}"[^>]*/>`), "");
  }
  if (!/\sxmlns:r=/.test(/<workbook\b[^>]*>/.exec(workbook)?.[0] ?? "")) workbook = workbook.replace(/<workbook\b/, `<workbook xmlns:r="${RELATIONSHIPS}"`);
  file.file(WORKBOOK, workbook);
  file.file(relsOf(WORKBOOK), workbookRels);
  file.file(TYPES, types);
  return grafted;
}

/** What graftCharts does to one sheet's drawing. */
export interface SheetCharts {
  /** The sheet's part in the package. */
  part: string;
  /** The drawing part the sheet had before it was grafted (GraftedSheet.drawing), if any. */
  drawing?: string;
  /** The chart parts of that drawing to keep; its other charts go, their parts with them. Pictures and shapes stay. */
  kept: ReadonlySet<string>;
  /** Charts to add, each with its chart part's XML (chartXml). */
  added: readonly { chart: ChartState; xml: string }[];
}

/**
 * Gives a grafted sheet its drawing (changed in place): the charts it no longer has taken out of its
 * earlier drawing, the added ones anchored in it (in a new drawing part when it had none), the sheet's
 * <drawing> and relationship, and [Content_Types].xml declaring each part. A drawing left empty goes.
 * Returns the chart part written for each added chart, in order.
 */
export async function graftCharts(zip: JSZip, sheet: SheetCharts): Promise<string[]> {
  let types = await zip.file(TYPES)!.async("string");
  const earlier = sheet.drawing && zip.file(sheet.drawing) ? sheet.drawing : undefined;
  const drawing = earlier ?? freshPart(zip, "xl/drawings/drawing");
  const xml = earlier ? await zip.file(earlier)!.async("string") : drawingXml([]);
  let rels = (earlier && (await zip.file(relsOf(earlier))?.async("string"))) || emptyRels();
  const links = earlier ? await linksOf(zip, earlier) : [];
  const anchors = drawingAnchors(xml);

  const dropped = anchors.filter((anchor) => anchor.chart !== undefined && !sheet.kept.has(links.find((link) => link.id === anchor.chart)?.part ?? ""));
  for (const anchor of dropped) {
    const link = links.find((l) => l.id === anchor.chart);
    rels = rels.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${anchor.chart}"[^>]*/>`), "");
    if (link) types = await withoutPart(zip, types, link.part);
  }
  let shapeId = Math.max(1, ...anchors.map((anchor) => anchor.shapeId));
  const parts: string[] = [];
  const added = sheet.added.map(({ chart, xml: chartXml }) => {
    const part = freshPart(zip, "xl/charts/chart");
    zip.file(part, chartXml);
    types = declared(types, part, CHART_TYPE);
    parts.push(part);
    const id = freshId(rels);
    rels = rels.replace("</Relationships>", `${relationship(id, "chart", relativeTarget(drawing, part))}</Relationships>`);
    return chartAnchor(chart, ++shapeId, id);
  });

  if (anchors.length - dropped.length + added.length === 0) {
    if (earlier) types = await withoutPart(zip, types, earlier);
  } else {
    zip.file(drawing, editedDrawing(xml, dropped, added));
    zip.file(relsOf(drawing), rels);
    types = declared(types, drawing, DRAWING_TYPE);
    const sheetRels = (await zip.file(relsOf(sheet.part))?.async("string")) ?? emptyRels();
    const id = freshId(sheetRels);
    zip.file(relsOf(sheet.part), sheetRels.replace("</Relationships>", `${relationship(id, "drawing", relativeTarget(sheet.part, drawing))}</Relationships>`));
    zip.file(sheet.part, withDrawing(await zip.file(sheet.part)!.async("string"), id));
  }
  zip.file(TYPES, types);
  return parts;
}

/** Removes a part, its .rels and the parts it links to (a chart's style, colours, shapes), each undeclared in `types`. */
async function withoutPart(zip: JSZip, types: string, part: string): Promise<string> {
  let left = declared(types, part, undefined);
  for (const link of await linksOf(zip, part)) left = await withoutPart(zip, left, link.part);
  zip.remove(relsOf(part));
  zip.remove(part);
  return left;
}

/**
 * A worksheet part with <drawing r:id> in its place in CT_Worksheet's sequence (ECMA-376 Part 1,
 * §18.3.1.99): before any legacy drawing, picture, objects, controls, table parts and extensions.
 */
function withDrawing(sheet: string, id: string): string {
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(sheet)!;
  const prefix = root[1] ?? "";
  const element = `<${prefix}drawing r:id="${id}"/>`;
  const after = new RegExp(`<${prefix}(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\\b|</${prefix}worksheet>`).exec(sheet)!;
  const withElement = `${sheet.slice(0, after.index)}${element}${sheet.slice(after.index)}`;
  return /\sxmlns:r=/.test(root[0]) ? withElement : withElement.replace(root[0], root[0].replace(/<(\w+:)?worksheet\b/, `$& xmlns:r="${RELATIONSHIPS}"`));
}

/**
 * docProps/app.xml lists the sheets as they were when a program last saved the file (HeadingPairs,
 * TitlesOfParts). Both are optional; a list without the new sheet would be wrong, so it goes, and
 * Excel writes a fresh one on its next save.
 */
async function withoutSheetList(zip: JSZip): Promise<void> {
  const app = (await linksOf(zip, "")).find((link) => link.type === "extended-properties");
  const xml = app && (await zip.file(app.part)?.async("string"));
  if (!app || xml === undefined) return;
  zip.file(app.part, xml.replace(/<(\w+:)?(HeadingPairs|TitlesOfParts)\b[\s\S]*?<\/\1\2>/g, ""));
}

/** workbook.xml opening on the sheet at `index`. */
function withActiveTab(workbook: string, index: number): string {
  const view = /<workbookView\b[^>]*?\/?>/.exec(workbook)?.[0];
  if (view) {
    const active = attribute(view, "activeTab") !== undefined ? view.replace(/(\sactiveTab=)["'][^"']*["']/, `$1"${index}"`) : view.replace(/<workbookView\b/, `<workbookView activeTab="${index}"`);
    return workbook.replace(view, active);
  }
  return workbook.replace(/<sheets\b/, `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets`);
}

/** workbook.xml asking for every formula to be computed on opening: the grafted ones hold no results yet. */
function withFullCalculationOnLoad(workbook: string): string {
  const calculation = /<calcPr\b[^>]*?\/?>/.exec(workbook)?.[0];
  if (calculation) return workbook.replace(calculation, calculation.replace(/\sfullCalcOnLoad=["'][^"']*["']/, "").replace(/<calcPr\b/, '<calcPr fullCalcOnLoad="1"'));
  // Its place in the schema: after the sheets and any function groups, external references and defined names.
  const after = [/<\/definedNames>/, /<definedNames\s*\/>/, /<\/externalReferences>/, /<\/functionGroups>|<functionGroups\b[^>]*\/>/, /<\/sheets>/].map((end) => end.exec(workbook)).find((match) => match);
  return after ? workbook.replace(after[0], `${after[0]}<calcPr fullCalcOnLoad="1"/>`) : workbook;
}

/**
 * How far into a worksheet part its <sheetViews> can be: they come before the cell data
 * (ECMA-376 Part 1, §18.3.1.99, CT_Worksheet's sequence), after a few short elements.
 */
const VIEWS_WITHIN_BYTES = 64 * 1024;

const SELECTED_TAB = /(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected=["'](?:1|true)["']/g;
const VIEWS_END = /<\/(?:\w+:)?sheetViews>|<(?:\w+:)?sheetData\b/;

/** The part's bytes with its sheet views' tabSelected dropped: the views are in the head, the rest passes through untouched. */
function withoutSelectedTab(source: Readable): Readable {
  let head: Buffer | undefined = Buffer.alloc(0);
  const deselected = (bytes: Buffer) => Buffer.from(bytes.toString("latin1").replace(SELECTED_TAB, "$1"), "latin1");
  return source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (!head) return done(null, chunk);
        head = Buffer.concat([head, chunk]);
        if (head.length < VIEWS_WITHIN_BYTES && !VIEWS_END.test(head.toString("latin1"))) return done();
        const edited = deselected(head);
        head = undefined;
        done(null, edited);
      },
      flush(done) {
        done(null, head && deselected(head));
      },
    }),
  );
}

/**
 * A sheet the workbook no longer opens on stops being selected: Excel opens every sheet marked
 * tabSelected as a group (edits to one go to all), so the sheet that was active must lose its mark
 * when the OKR sheet becomes the active one. Only a part that has the mark is rewritten, as a stream.
 */
async function deselect(zip: JSZip, part: string): Promise<void> {
  const head = await partHead(zip, part, VIEWS_WITHIN_BYTES);
  const end = head.search(VIEWS_END);
  if (!new RegExp(SELECTED_TAB.source).test(end < 0 ? head : head.slice(0, end))) return;
  zip.file(part, withoutSelectedTab(partStream(zip, part)));
}
