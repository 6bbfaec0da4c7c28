import ExcelJS from "exceljs";
import { createWriteStream } from "fs";
import JSZip from "jszip";
import { pipeline } from "stream/promises";
import { Area, parseAddress } from "./address";
import { chartXml, drawingAnchors, seriesNameCell } from "./chartParts";
import { ChartState, OfficeWorkbook } from "./officeModel";
import { fromFileFormula, toFileFormula } from "./futureFunctions";
import { graftCharts, GraftedSheet, graftSheets } from "./packageGraft";
import { linksOf, workbookPart, worksheetEntries } from "./packageParts";
import { SheetCells, TextTable } from "./sheetCells";
import { cellNumberFormats } from "./stylesPart";
import { readSharedStrings, readWorksheet } from "./worksheetStream";
import { fileProblems, openXlsxPackage, withoutPrefixes } from "./xlsxPackage";
import { columnLetters } from "../src/okr/references";
import { POINTS_PER_CHARACTER } from "../src/okr/sheetLayout";
import { cellKey, CellStore, ConditionalFormatState, Content, newSheetState, SheetState, TableState, Value } from "./store";

/**
 * An Office.js-shaped workbook over an .xlsx file: what `npm run okr` runs src/excel against. It
 * computes nothing: a formula's value is the result cached in the file, if any, so the adapter's
 * writes are recalculated by whatever opens the file (Excel, LibreOffice).
 *
 * Built for job logs of a million rows: the file's cells are streamed into compact storage
 * (sheetCells.ts) and ExcelJS models only what surrounds them (tables, views, formats). On saving,
 * the sheets the adapter changed or added are written by ExcelJS and grafted into the file's own
 * package (packageGraft.ts); every other part is copied as it was, still compressed. The adapter's
 * charts are written as chart parts in the sheets' drawings (chartParts.ts); the charts a file has
 * are known by name only, kept as they were unless the adapter deletes them.
 */

/** Conditional formats read from the file and left as they were: kept under this property. */
const FROM_FILE = "fromFile";

/**
 * A formula (without its =) as the file stores it, for the cell at `address`. One that uses a
 * future function (FILTER, UNIQUE) is stored as a one-cell array formula: as a plain formula,
 * LibreOffice reads a range inside LOWER or TRIM as the one cell on the formula's row (#VALUE!), where
 * Excel 365 takes the whole range; as an array formula both take the range, and Excel shows it in {}.
 */
function fileFormula(formula: string, address: string): ExcelJS.CellFormulaValue {
  const stored = toFileFormula(formula);
  return (stored === formula ? { formula } : { formula: stored, shareType: "array", ref: address }) as ExcelJS.CellFormulaValue;
}

/** A cell the adapter wrote: its content, and whether a string is text (not a formula). */
interface WrittenCell {
  content: Content;
  text: boolean;
}

const isFormula = ({ content, text }: WrittenCell) => typeof content === "string" && content.startsWith("=") && !text;

class XlsxStore implements CellStore {
  /** Each sheet's cells as the file has them, by sheet name. */
  readonly fromFile = new Map<string, SheetCells>();
  /** What the adapter wrote over them, by sheet name, then "row:column". */
  readonly written = new Map<string, Map<string, WrittenCell>>();
  /** The file's number format of each cell style, undefined for General. */
  formats: (string | undefined)[] = [];

  private cell(sheet: string, row: number, column: number): { content: Content; value: Value; text: boolean } {
    const written = this.written.get(sheet)?.get(cellKey(row, column));
    if (written) {
      const formula = isFormula(written);
      return { content: written.content, value: formula ? "" : (written.content ?? ""), text: typeof written.content === "string" && !formula };
    }
    return this.fromFile.get(sheet)?.read(row, column, fromFileFormula) ?? { content: null, value: "", text: false };
  }

  addSheet(name: string): void {
    this.written.set(name, new Map());
  }

  content(sheet: string, row: number, column: number): Content {
    return this.cell(sheet, row, column).content;
  }

  isText(sheet: string, row: number, column: number): boolean {
    return this.cell(sheet, row, column).text;
  }

  value(sheet: string, row: number, column: number): Value {
    return this.cell(sheet, row, column).value;
  }

  write(sheet: string, top: number, left: number, cells: readonly (readonly (Content | undefined)[])[], text: (row: number, column: number) => boolean): void {
    let written = this.written.get(sheet);
    if (!written) this.written.set(sheet, (written = new Map()));
    cells.forEach((line, r) =>
      line.forEach((content, c) => {
        if (content !== undefined) written.set(cellKey(top + r, left + c), { content, text: text(top + r, left + c) });
      }),
    );
  }

  numberFormat(sheet: string, row: number, column: number): string | undefined {
    const cells = this.fromFile.get(sheet);
    return cells && this.formats[cells.style(row, column)];
  }

  usedArea(sheet: string): Area | undefined {
    const fileArea = this.fromFile.get(sheet)?.usedArea();
    const written = [...(this.written.get(sheet) ?? new Map<string, WrittenCell>())];
    if (written.length === 0) return fileArea;
    // The file's area and every cell written, then, when a write emptied a cell, shrunk to the cells that hold something.
    let [top, left, bottom, right] = fileArea ? [fileArea.top, fileArea.left, fileArea.top + fileArea.height - 1, fileArea.left + fileArea.width - 1] : [Infinity, Infinity, -1, -1];
    let emptied = false;
    for (const [key, { content }] of written) {
      if (content === null || content === "") {
        emptied = true;
        continue;
      }
      const [row, column] = key.split(":").map(Number);
      [top, left, bottom, right] = [Math.min(top, row), Math.min(left, column), Math.max(bottom, row), Math.max(right, column)];
    }
    if (emptied) [top, left, bottom, right] = this.holding(sheet, top, left, bottom, right);
    return bottom < 0 ? undefined : { top, left, height: bottom - top + 1, width: right - left + 1 };
  }

  /** The corners of the cells holding something within the given ones ([∞, ∞, -1, -1] for none). */
  private holding(sheet: string, top: number, left: number, bottom: number, right: number): [number, number, number, number] {
    const found = [Infinity, Infinity, -1, -1] as [number, number, number, number];
    for (let row = top; row <= bottom; row++) {
      for (let column = left; column <= right; column++) {
        const content = this.content(sheet, row, column);
        if (content === null || content === "") continue;
        [found[0], found[1], found[2], found[3]] = [Math.min(found[0], row), Math.min(found[1], column), Math.max(found[2], row), Math.max(found[3], column)];
      }
    }
    return found;
  }

  onCalculated(): void {
    // Nothing recalculates a file.
  }
}

/** ExcelJS's view of a table read from a file (its typings miss the model). */
interface FileTable {
  name: string;
  table: { name: string; tableRef?: string; ref?: string; columns: { name: string }[]; style?: { theme?: string } };
}

export interface XlsxWorkbook {
  book: OfficeWorkbook;
  /** Writes the workbook, as the adapter left it, to an .xlsx file. */
  save: (path: string) => Promise<void>;
}

/** The file a workbook was opened from: its package, each worksheet part as ExcelJS is given it (cells left out), and its charts. */
interface Source {
  zip: JSZip;
  skeletons: Map<string, string>;
  charts: Map<ChartState, FileChart>;
}

/** A chart the package holds: its part, the chart as the workbook had it then (JSON), and whether this backend wrote it (so can write it again). */
interface FileChart {
  part: string;
  saved: string;
  ours: boolean;
}

/**
 * Opens an .xlsx file as an Office.js-shaped workbook, the sheet it was saved on active, as Excel
 * opens it. A file another program wrote is repaired in memory first (see xlsxPackage.ts); one that
 * still cannot be read throws an Error of one sentence naming the file.
 */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  const zip = await openXlsxPackage(path);
  const store = new XlsxStore();
  const source: Source = { zip, skeletons: new Map(), charts: new Map() };
  const file = new ExcelJS.Workbook();
  try {
    const texts = new TextTable();
    const sharedStrings = await workbookPart(zip, "sharedStrings");
    if (sharedStrings) await readSharedStrings(zip, sharedStrings, texts);
    const styles = await workbookPart(zip, "styles");
    if (styles) store.formats = cellNumberFormats(await zip.file(styles)!.async("string"));
    for (const { name, part } of await worksheetEntries(zip)) {
      const { cells, skeleton } = await readWorksheet(zip, part, texts);
      store.fromFile.set(name, cells);
      source.skeletons.set(part, withoutPrefixes(skeleton));
      for (const { chart, part: chartPart } of await chartsOf(zip, name, part)) source.charts.set(chart, { part: chartPart, saved: JSON.stringify(chart), ours: false });
    }
    await file.xlsx.load(await packageFor(source, new Set()));
  } catch (error) {
    throw new Error(fileProblems.unreadable(path, (error as Error).message));
  }
  if (file.worksheets.length === 0) throw new Error(fileProblems.unreadable(path, "it has no worksheet"));
  return fromFile(file, store, source);
}

/**
 * The charts a sheet's drawing holds, as the model knows them: by name (as Excel's charts collection
 * lists them), so that an adapter finds and deletes them; their content is left in the file.
 */
async function chartsOf(zip: JSZip, sheet: string, part: string): Promise<{ chart: ChartState; part: string }[]> {
  const drawing = (await linksOf(zip, part)).find((link) => link.type === "drawing" && zip.file(link.part));
  if (!drawing) return [];
  const links = await linksOf(zip, drawing.part);
  return drawingAnchors(await zip.file(drawing.part)!.async("string")).flatMap(({ chart, name }) => {
    const link = links.find((l) => l.id === chart && l.type === "chart");
    // The type is not read: a chart from the file is only ever kept or deleted.
    return link ? [{ chart: { name, sheet, type: "", source: "", seriesBy: "Columns" as const, title: "", series: [] }, part: link.part }] : [];
  });
}

/** A worksheet part without its <drawing>: ExcelJS models pictures only, and would drop or rewrite the charts' drawing (graftCharts keeps it). */
const withoutDrawing = (sheet: string) => sheet.replace(/<drawing\b[^>]*\/>/, "");

/**
 * The package for ExcelJS to load: the file's, each worksheet as its skeleton but those in `whole`
 * (by part) as they are, and the shared strings only when such a sheet may use them; no drawing.
 */
async function packageFor({ zip, skeletons }: Source, whole: ReadonlySet<string>): Promise<ArrayBuffer> {
  const sharedStrings = await workbookPart(zip, "sharedStrings");
  const model = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || (name === sharedStrings && whole.size === 0)) continue;
    const skeleton = whole.has(name) ? withoutPrefixes(await entry.async("string")) : skeletons.get(name);
    model.file(name, skeleton === undefined ? entry.async("uint8array") : withoutDrawing(skeleton));
  }
  return model.generateAsync({ type: "arraybuffer" });
}

/** A new, empty workbook of the same kind (no sheet yet). */
export function createXlsxWorkbook(): XlsxWorkbook {
  return fromFile(new ExcelJS.Workbook(), new XlsxStore(), undefined);
}

/** What saving compares to tell a changed sheet: its layout, tables and charts, as text. */
function layoutOf(book: OfficeWorkbook, sheet: SheetState): string {
  const tables = book.tables.filter((table) => table.sheet === sheet.name);
  const charts = book.charts.filter((chart) => chart.sheet === sheet.name);
  const formats = sheet.conditionalFormats.map(({ type, area }) => [type, area]);
  const touched = [sheet.numberFormats, sheet.fonts, sheet.columnWidths, sheet.hiddenColumns].map((entries) => entries.size);
  return JSON.stringify([sheet.protected, sheet.frozenRows, touched, formats, tables, charts]);
}

function fromFile(file: ExcelJS.Workbook, store: XlsxStore, source: Source | undefined): XlsxWorkbook {
  const book = new OfficeWorkbook(store);
  book.charts.push(...(source?.charts.keys() ?? []));
  const fromFile = new Set<string>();
  for (const worksheet of file.worksheets) {
    const sheet = newSheetState(worksheet.name);
    sheet.protected = Boolean((worksheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    // A sheet written without <sheetViews> (minimal writers, the Open XML SDK) has views null.
    sheet.frozenRows = ((worksheet.views ?? []).find((view) => view.state === "frozen") as { ySplit?: number } | undefined)?.ySplit ?? 0;
    const formats = (worksheet as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings ?? [];
    for (const format of formats) {
      const area = parseAddress(format.ref.split(" ")[0])?.area;
      if (area) sheet.conditionalFormats.push({ area, type: FROM_FILE, properties: new Map([[FROM_FILE, format]]) });
    }
    book.sheets.push(sheet);
    for (const { table } of Object.values((worksheet as unknown as { tables: Record<string, FileTable> }).tables ?? {})) {
      const area = parseAddress(table.tableRef ?? table.ref ?? "")?.area;
      if (!area) continue;
      book.tables.push({ name: table.name, sheet: worksheet.name, area, columns: table.columns.map((column) => column.name), style: table.style?.theme });
      fromFile.add(table.name);
    }
  }
  book.activeSheet = (file.worksheets[file.views?.[0]?.activeTab ?? 0] ?? file.worksheets[0])?.name ?? "";
  const layouts = new Map(book.sheets.map((sheet) => [sheet.name, layoutOf(book, sheet)]));
  const changedSheets = () => book.sheets.filter((sheet) => store.written.has(sheet.name) || layoutOf(book, sheet) !== layouts.get(sheet.name));
  return { book, save: (target) => save(book, store, source, fromFile, changedSheets(), target) };
}

/**
 * Writes the workbook to `target`: without a source file, all of it through ExcelJS; with one, the
 * file's package with the changed sheets, written by ExcelJS, grafted in (the source's package
 * is changed in memory as it is saved: a second save starts from the first).
 */
async function save(book: OfficeWorkbook, store: XlsxStore, source: Source | undefined, fromFile: ReadonlySet<string>, changed: SheetState[], target: string): Promise<void> {
  const file = new ExcelJS.Workbook();
  if (source) {
    const entries = await worksheetEntries(source.zip);
    const whole = new Set(entries.filter((entry) => changed.some((sheet) => sheet.name === entry.name)).map((entry) => entry.part));
    await file.xlsx.load(await packageFor(source, whole));
  }
  for (const sheet of changed) writeSheet(file, book, store, sheet, fromFile);
  const active = book.sheets.findIndex((sheet) => sheet.name === book.activeSheet);
  if (!source) {
    if (active >= 0) file.views = [{ ...(file.views?.[0] ?? {}), activeTab: active, firstSheet: 0 } as ExcelJS.WorkbookView];
    const zip = await JSZip.loadAsync(await file.xlsx.writeBuffer());
    const parts = new Map((await worksheetEntries(zip)).map((entry) => [entry.name, entry.part]));
    for (const sheet of changed) await saveCharts(zip, book, store, sheet.name, { part: parts.get(sheet.name)! }, new Map());
    await pipeline(zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" }), createWriteStream(target));
    return;
  }
  const written = await JSZip.loadAsync(await file.xlsx.writeBuffer());
  const grafted = await graftSheets(source.zip, written, { sheets: changed.map((sheet) => sheet.name), active: book.activeSheet });
  for (const sheet of changed) await saveCharts(source.zip, book, store, sheet.name, grafted.get(sheet.name)!, source.charts);
  await pipeline(source.zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" }), createWriteStream(target));
}

/**
 * Writes a saved sheet's charts into `zip` (graftCharts): the charts `known` to the package that are
 * still as they were stay, the others are written from the model; `known` is brought up to date. A
 * chart from the file that the adapter changed cannot be written (its series were never read): that throws.
 */
async function saveCharts(zip: JSZip, book: OfficeWorkbook, store: XlsxStore, sheet: string, grafted: GraftedSheet, known: Map<ChartState, FileChart>): Promise<void> {
  const kept = new Set<string>();
  const added: { chart: ChartState; xml: string }[] = [];
  for (const chart of book.charts.filter((c) => c.sheet === sheet)) {
    const inFile = known.get(chart);
    if (inFile?.saved === JSON.stringify(chart)) kept.add(inFile.part);
    else if (inFile && !inFile.ours) throw new Error(`Saving the chart "${chart.name}" of the sheet "${sheet}" as changed is not modelled by this backend: only its name was read from the file`);
    else added.push({ chart, xml: chartXml(chart, chart.series.map((series) => seriesNameCell(series, chart.seriesBy, (at, row, column) => store.value(at, row, column)))) });
  }
  for (const chart of [...known.keys()]) if (chart.sheet === sheet && !book.charts.includes(chart)) known.delete(chart);
  if (!grafted.drawing && added.length === 0) return;
  const parts = await graftCharts(zip, { ...grafted, kept, added });
  added.forEach(({ chart }, i) => known.set(chart, { part: parts[i], saved: JSON.stringify(chart), ours: true }));
}

/** Writes a changed sheet's cells and layout into ExcelJS's model, which holds the sheet as the file had it (or not at all: a new sheet). */
function writeSheet(file: ExcelJS.Workbook, book: OfficeWorkbook, store: XlsxStore, sheet: SheetState, fromFile: ReadonlySet<string>): void {
  const worksheet = file.getWorksheet(sheet.name) ?? file.addWorksheet(sheet.name);
  for (const [key, cell] of store.written.get(sheet.name) ?? []) {
    const [row, column] = key.split(":").map(Number);
    const target = worksheet.getCell(row + 1, column + 1);
    target.value = isFormula(cell) ? fileFormula((cell.content as string).slice(1), target.address) : cell.content;
  }
  const tables = (worksheet as unknown as { tables: Record<string, FileTable> }).tables ?? {};
  // Tables the adapter removed (convertToRange), then tables it made, over the cells as they are now.
  for (const name of Object.keys(tables)) {
    if (!book.tables.some((table) => table.name === name && table.sheet === sheet.name && fromFile.has(name))) worksheet.removeTable(name);
  }
  for (const table of book.tables.filter((t) => t.sheet === sheet.name && !fromFile.has(t.name))) addTable(worksheet, book, table);
  for (const [key, format] of sheet.numberFormats) {
    const [row, column] = key.split(":").map(Number);
    worksheet.getCell(row + 1, column + 1).numFmt = format;
  }
  for (const [key, font] of sheet.fonts) {
    const [row, column] = key.split(":").map(Number);
    const cell = worksheet.getCell(row + 1, column + 1);
    const { color, ...rest } = font as { color?: string };
    cell.font = { ...cell.font, ...rest, ...(color ? { color: { argb: argb(color) } } : {}) };
  }
  for (const [column, points] of sheet.columnWidths) worksheet.getColumn(column + 1).width = points / POINTS_PER_CHARACTER;
  for (const column of sheet.hiddenColumns) worksheet.getColumn(column + 1).hidden = true;
  if (sheet.frozenRows > 0) worksheet.views = [{ state: "frozen", ySplit: sheet.frozenRows }];
  // Each rule its own priority, in the order added (Excel evaluates them in priority order).
  (worksheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = sheet.conditionalFormats.map((format, i) => toFileFormat(format, i + 1));
}

function addTable(worksheet: ExcelJS.Worksheet, book: OfficeWorkbook, table: TableState): void {
  const { top, left, height, width } = table.area;
  const rows = Array.from({ length: height - 1 }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const content = book.store.content(table.sheet, top + 1 + r, left + c);
      const isFormula = typeof content === "string" && content.startsWith("=") && !book.store.isText(table.sheet, top + 1 + r, left + c);
      return isFormula ? fileFormula((content as string).slice(1), cellName(top + 1 + r, left + c)) : content;
    }),
  );
  worksheet.addTable({
    name: table.name,
    ref: worksheet.getCell(top + 1, left + 1).address,
    headerRow: true,
    style: { theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: table.columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

const argb = (colour: string) => `FF${colour.replace("#", "").toUpperCase()}`;

/** A conditional format as ExcelJS writes it. */
function toFileFormat(format: ConditionalFormatState, priority: number): unknown {
  if (format.type === FROM_FILE) return format.properties.get(FROM_FILE);
  const { area, properties } = format;
  const ref = `${cellName(area.top, area.left)}:${cellName(area.top + area.height - 1, area.left + area.width - 1)}`;
  if (format.type === "DataBar") {
    const bound = (name: string) => properties.get(name) as { type: string; formula: string } | undefined;
    const cfvo = (rule: { type: string; formula: string } | undefined, fallback: string) => (rule?.type === "Number" ? { type: "num", value: Number(rule.formula) } : { type: fallback });
    return {
      ref,
      rules: [{ type: "dataBar", priority, cfvo: [cfvo(bound("lowerBoundRule"), "min"), cfvo(bound("upperBoundRule"), "max")], color: { argb: argb(String(properties.get("positiveFormat.fillColor") ?? "#638EC6")) } }],
    };
  }
  if (format.type === "CellValue") {
    const rule = properties.get("rule") as { formula1: string; formula2?: string; operator: string };
    const operators: Record<string, string> = { Between: "between", EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan", LessThan: "lessThan", GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual" };
    const fill = properties.get("format.fill.color") as string | undefined;
    const font = properties.get("format.font.color") as string | undefined;
    return {
      ref,
      rules: [
        {
          type: "cellIs",
          operator: operators[rule.operator],
          priority,
          formulae: [rule.formula1, ...(rule.formula2 === undefined ? [] : [rule.formula2])].map((formula) => formula.replace(/^=/, "")),
          style: { ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } } : {}), ...(font ? { font: { color: { argb: argb(font) } } } : {}) },
        },
      ],
    };
  }
  if (format.type === "IconSet") return { ref, rules: [{ type: "iconSet", priority, ...fileIconSet(properties) }] };
  throw new Error(`Saving a ${format.type} conditional format is not modelled by this backend`);
}

/** Icon counts of the icon sets a file writes inside <iconSet> (Excel 2010's stars, triangles and boxes go elsewhere). */
const ICON_COUNTS: Record<string, number> = { Three: 3, Four: 4, Five: 5 };
const FILE_CRITERION_TYPES: Record<string, string> = { Number: "num", Percent: "percent", Formula: "formula", Percentile: "percentile" };

/**
 * An Office.js icon set (style "ThreeArrows", criteria from the lowest icon up) as a file's <iconSet>:
 * "3Arrows", a <cfvo> per icon. The lowest icon's criterion means nothing (Excel ignores it), so the file
 * gets the usual "percent 0". A file's threshold counts "greater than or equal" unless it says gte="0",
 * which ExcelJS cannot write: GreaterThan is refused rather than saved as something else.
 */
function fileIconSet(properties: Map<string, unknown>): { iconSet: string; reverse: boolean; showValue: boolean; cfvo: { type: string; value: string | number }[] } {
  const style = String(properties.get("style") ?? "ThreeTrafficLights1");
  const [, count, name] = /^(Three|Four|Five)(\w+)$/.exec(style) ?? [];
  if (!count || ["Stars", "Triangles", "Boxes"].includes(name)) throw new Error(`Saving the ${style} icon set is not modelled by this backend`);
  const criteria = (properties.get("criteria") ?? []) as { type?: string; operator?: string; formula?: string }[];
  if (criteria.length !== ICON_COUNTS[count]) throw new Error(`The ${style} icon set takes ${ICON_COUNTS[count]} criteria, not ${criteria.length}`);
  const cfvo = criteria.slice(1).map(({ type, operator, formula }) => {
    if (operator !== "GreaterThanOrEqual" || !type || !FILE_CRITERION_TYPES[type]) throw new Error(`Saving an icon criterion ${String(type)} ${String(operator)} is not modelled by this backend`);
    return { type: FILE_CRITERION_TYPES[type], value: String(formula).replace(/^=/, "") };
  });
  return { iconSet: `${ICON_COUNTS[count]}${name}`, reverse: properties.get("reverseIconOrder") === true, showValue: properties.get("showIconOnly") !== true, cfvo: [{ type: "percent", value: 0 }, ...cfvo] };
}

const cellName = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
