import ExcelJS from "exceljs";
import { serialFromParts } from "../src/kpi/coerce";
import { Area, parseAddress } from "./address";
import { OfficeWorkbook } from "./officeModel";
import { fromFileFormula, toFileFormula } from "./futureFunctions";
import { fileProblems, readXlsxPackage } from "./xlsxPackage";
import { columnLetters } from "../src/okr/references";
import { cellKey, CellStore, ConditionalFormatState, Content, newSheetState, POINTS_PER_CHARACTER, TableState, Value } from "./store";

/**
 * An Office.js-shaped workbook over an .xlsx file (ExcelJS): what `npm run okr` runs src/excel
 * against. It computes nothing: a formula's value is the result cached in the file, if any, so the
 * adapter's writes are recalculated by whatever opens the file (Excel, LibreOffice).
 */

/** Conditional formats read from the file and left as they were: kept under this property. */
const FROM_FILE = "fromFile";

/** A JavaScript date from ExcelJS as an Excel serial: ExcelJS reads date cells as UTC instants. */
function serial(date: Date): number {
  return serialFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds() + date.getUTCMilliseconds() / 1000);
}

type ExcelValue = ExcelJS.CellValue;

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

/** What a cell holds, as content (formulas with "=") and as its cached value. */
function read(value: ExcelValue, formula: string | undefined): { content: Content; value: Value; text: boolean } {
  if (formula !== undefined) {
    const result = value && typeof value === "object" && "result" in value ? (value.result as ExcelValue) : undefined;
    const cached = result === undefined || result === null ? "" : read(result, undefined).value;
    return { content: `=${fromFileFormula(formula)}`, value: cached, text: false };
  }
  if (value === null || value === undefined) return { content: null, value: "", text: false };
  if (value instanceof Date) return { content: serial(value), value: serial(value), text: false };
  if (typeof value === "number" || typeof value === "boolean") return { content: value, value, text: false };
  if (typeof value === "string") return { content: value, value, text: true };
  if ("richText" in value) {
    const text = value.richText.map((part) => part.text).join("");
    return { content: text, value: text, text: true };
  }
  if ("error" in value) return { content: value.error, value: value.error, text: false };
  if ("text" in value) {
    return { content: String(value.text), value: String(value.text), text: true };
  }
  return { content: null, value: "", text: false };
}

class XlsxStore implements CellStore {
  constructor(readonly file: ExcelJS.Workbook) {}

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.file.getWorksheet(name);
    if (!sheet) throw new Error(`The file has no sheet "${name}"`);
    return sheet;
  }

  private cell(sheet: string, row: number, column: number) {
    const cell = this.sheet(sheet).findCell(row + 1, column + 1);
    return cell ? read(cell.value, cell.formula || undefined) : read(null, undefined);
  }

  addSheet(name: string): void {
    this.file.addWorksheet(name);
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
    const target = this.sheet(sheet);
    cells.forEach((line, r) =>
      line.forEach((content, c) => {
        if (content === undefined) return;
        const cell = target.getCell(top + r + 1, left + c + 1);
        if (typeof content === "string" && content.startsWith("=") && !text(top + r, left + c)) cell.value = fileFormula(content.slice(1), cell.address);
        else cell.value = content;
      }),
    );
  }

  usedArea(sheet: string): Area | undefined {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    this.sheet(sheet).eachRow({ includeEmpty: false }, (row, rowNumber) =>
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.value === null || cell.value === "") return;
        [top, left, bottom, right] = [Math.min(top, rowNumber - 1), Math.min(left, columnNumber - 1), Math.max(bottom, rowNumber - 1), Math.max(right, columnNumber - 1)];
      }),
    );
    return bottom < 0 ? undefined : { top, left, height: bottom - top + 1, width: right - left + 1 };
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

/**
 * Opens an .xlsx file as an Office.js-shaped workbook, the sheet it was saved on active, as Excel
 * opens it. A file another program wrote is repaired in memory first (see xlsxPackage.ts); one that
 * still cannot be read throws an Error of one sentence naming the file.
 */
export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  const bytes = await readXlsxPackage(path);
  const file = new ExcelJS.Workbook();
  try {
    await file.xlsx.load(bytes);
  } catch (error) {
    throw new Error(fileProblems.unreadable(path, (error as Error).message));
  }
  if (file.worksheets.length === 0) throw new Error(fileProblems.unreadable(path, "it has no worksheet"));
  return fromFile(file);
}

/** A new, empty workbook of the same kind (no sheet yet). */
export function createXlsxWorkbook(): XlsxWorkbook {
  return fromFile(new ExcelJS.Workbook());
}

function fromFile(file: ExcelJS.Workbook): XlsxWorkbook {
  const store = new XlsxStore(file);
  const book = new OfficeWorkbook(store);
  const fromFile = new Set<string>();
  for (const worksheet of file.worksheets) {
    const sheet = newSheetState(worksheet.name);
    sheet.protected = Boolean((worksheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    // A sheet written without <sheetViews> (minimal writers, the Open XML SDK) has views null.
    sheet.frozenRows = ((worksheet.views ?? []).find((view) => view.state === "frozen") as { ySplit?: number } | undefined)?.ySplit ?? 0;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) =>
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.numFmt && cell.numFmt !== "General") sheet.numberFormats.set(cellKey(rowNumber - 1, columnNumber - 1), cell.numFmt);
      }),
    );
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
  return { book, save: (target) => save(file, book, fromFile, target) };
}

/** Writes the workbook's layout back into ExcelJS's model, then the file. */
async function save(file: ExcelJS.Workbook, book: OfficeWorkbook, fromFile: ReadonlySet<string>, target: string): Promise<void> {
  for (const sheet of book.sheets) {
    const worksheet = file.getWorksheet(sheet.name)!;
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
  const active = book.sheets.findIndex((sheet) => sheet.name === book.activeSheet);
  if (active >= 0) file.views = [{ ...(file.views?.[0] ?? {}), activeTab: active, firstSheet: 0 } as ExcelJS.WorkbookView];
  await file.xlsx.writeFile(target);
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
    const rule = properties.get("rule") as { formula1: string; operator: string };
    const operators: Record<string, string> = { EqualTo: "equal", NotEqualTo: "notEqual", GreaterThan: "greaterThan", LessThan: "lessThan", GreaterThanOrEqual: "greaterThanOrEqual", LessThanOrEqual: "lessThanOrEqual" };
    const fill = properties.get("format.fill.color") as string | undefined;
    const font = properties.get("format.font.color") as string | undefined;
    return {
      ref,
      rules: [
        {
          type: "cellIs",
          operator: operators[rule.operator],
          priority,
          formulae: [rule.formula1.replace(/^=/, "")],
          style: { ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } } : {}), ...(font ? { font: { color: { argb: argb(font) } } } : {}) },
        },
      ],
    };
  }
  throw new Error(`Saving a ${format.type} conditional format is not modelled by this backend`);
}

const cellName = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
