import { dateSerial } from "../src/kpi/coerce";
import { Area, formatAddress, MAX_COLUMNS, MAX_ROWS, overlaps, parseAddress } from "./address";
import { POINTS_PER_CHARACTER } from "../src/okr/sheetLayout";
import { cellKey, CellStore, ConditionalFormatState, Content, newSheetState, SheetState, TableState, Value } from "./store";

/**
 * The subset of Excel's JavaScript API that src/excel uses, over any CellStore, with Excel's rules:
 * commands are queued and run at `context.sync()`; a property read before load + sync throws
 * PropertyNotLoaded; `*OrNullObject` results know `isNullObject` only after a sync; 2-D arrays must
 * match the range; null in a 2-D write leaves that cell alone; tables never overlap; sheet and table
 * names follow Excel's rules; protected sheets refuse writes; conditional formats are only of Excel's
 * types; each sync's request and response are measured and refused over 5 MB. Sources, from Microsoft's
 * Office Add-ins documentation: "Load the properties" and "PropertyNotLoaded" (Excel JavaScript object
 * model), "Blank and null values in Excel add-ins", "*OrNullObject methods", "Resource limits and
 * performance optimization" (5 MB payload in Excel on the web), Excel.ConditionalFormatType, and
 * "Excel specifications and limits" (31-character sheet names, 32,767 characters a cell, 8,192 a formula).
 * Charts (line charts only) as "Work with charts using the Excel JavaScript API" and the ChartCollection,
 * Chart, ChartSeries and ChartAxis references describe them: charts.add(type, sourceData, seriesBy),
 * series.add(name) then setValues(range), setPosition(startCell, endCell) covering the cells from one to
 * the other, getItemOrNullObject(name) giving the first chart of that name.
 */

export class OfficeJsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const MAX_SHEET_NAME = 31;
const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA = 8_192;
/** Excel's widest column, in characters. */
const MAX_COLUMN_CHARACTERS = 255;
/** Excel.ConditionalFormatType. */
const CONDITIONAL_FORMAT_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];
/** The properties this model stores for each conditional format type (others throw: not modelled). */
const CONDITIONAL_FORMAT_PROPERTIES: Record<string, { object: string; paths: string[] }> = {
  DataBar: { object: "dataBar", paths: ["barDirection", "positiveFormat.fillColor", "positiveFormat.borderColor", "positiveFormat.gradientFill", "lowerBoundRule", "upperBoundRule", "showDataBarOnly"] },
  CellValue: { object: "cellValue", paths: ["rule", "format.fill.color", "format.font.color", "format.font.bold"] },
  IconSet: { object: "iconSet", paths: ["style", "criteria", "showIconOnly", "reverseIconOrder"] },
};
/** Bytes a command costs beyond its payload: the object path and method name Office.js sends. */
const COMMAND_OVERHEAD_BYTES = 64;

const bytesOf = (payload: unknown): number => (payload === undefined ? 0 : JSON.stringify(payload).length);

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

/**
 * A queued command. "write" commands only write, so consecutive ones run as one engine batch (one
 * recalculation); "read" commands (loads, and writes that look at the cells first) run on their own.
 */
type Command = { kind: "write" | "read"; bytes: number; run: () => number | void };

/**
 * A chart as the adapter made it, ranges as sheet-qualified addresses (as Range.address gives them),
 * so that a backend can draw or write it from the same cells Excel would.
 */
export interface ChartState {
  name: string;
  /** The sheet the chart is on. */
  sheet: string;
  /** An Excel.ChartType. */
  type: string;
  /** The range given to charts.add. */
  source: string;
  seriesBy: "Columns" | "Rows";
  title: string;
  /** The cells the chart covers (Chart.setPosition); undefined until it is placed. */
  position?: { start: string; end?: string };
  /** What charts.add made of the source, then the series added (ChartSeriesCollection.add, ChartSeries.setValues), each on the value axis it is drawn against. */
  series: ChartSeriesState[];
  /** The category axis' labels (ChartAxis.setCategoryNames); undefined: 1, 2, 3 ... */
  categories?: string;
}

export interface ChartSeriesState {
  name: string;
  /** undefined until ChartSeries.setValues. */
  values?: string;
  /** Excel.ChartAxisGroup: a secondary value axis is drawn on the right, with its own scale. */
  axisGroup: "Primary" | "Secondary";
}

/** Everything in the workbook besides cell contents; the cells live in the store. */
export class OfficeWorkbook {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  /** Every sheet's charts, in the order they were added. */
  readonly charts: ChartState[] = [];
  activeSheet = "";
  /** The cells selected on the active sheet, as an A1 address: no one selects here, so tests and the demo set it. */
  selection = "A1";
  /** One record per context.sync(), in order. */
  readonly syncs: SyncRecord[] = [];
  readonly calculatedHandlers = new Set<{ sheet: string; handler: (args: unknown) => Promise<unknown> }>();

  constructor(readonly store: CellStore & { batch?: (run: () => void) => void }) {
    store.onCalculated((sheets) => {
      for (const { sheet, handler } of this.calculatedHandlers) {
        if (sheets.has(sheet)) void handler({ type: "WorksheetCalculated", worksheetId: sheet, source: "Local" });
      }
    });
  }

  /** Excel.run over this workbook: the adapter's ExcelRun. Commands left unsynced at the end are a bug, and throw. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, existing?: OfficeExtension.ClientRequestContext): Promise<T> => {
    const context = existing instanceof RequestContext ? existing : new RequestContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending() > 0) throw new Error(`${context.pending()} command(s) were queued after the last context.sync() and would never reach Excel`);
    return result;
  };

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableState | undefined {
    return this.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  }

  /** Adds a sheet after checking Excel's naming rules. */
  addSheet(name: string): SheetState {
    const problem = sheetNameProblem(name, this.sheets);
    if (problem) throw new OfficeJsError(problem.code, problem.message);
    const sheet = newSheetState(name);
    this.sheets.push(sheet);
    this.store.addSheet(name);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }
}

/** Excel's rules for a new sheet's name, or undefined when it is allowed. */
export function sheetNameProblem(name: string, sheets: readonly SheetState[]): { code: string; message: string } | undefined {
  if (name.trim() === "" || name.length > MAX_SHEET_NAME) return { code: "InvalidArgument", message: `A sheet name has 1 to ${MAX_SHEET_NAME} characters: "${name}"` };
  if (/[:\\/?*[\]]/.test(name)) return { code: "InvalidArgument", message: `A sheet name cannot contain : \\ / ? * [ or ]: "${name}"` };
  if (name.startsWith("'") || name.endsWith("'")) return { code: "InvalidArgument", message: `A sheet name cannot start or end with an apostrophe: "${name}"` };
  if (name.toLowerCase() === "history") return { code: "InvalidArgument", message: `"History" is reserved by Excel` };
  if (sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) return { code: "ItemAlreadyExists", message: `A sheet named "${name}" already exists` };
  return undefined;
}

/** Excel's rules for a table name, or undefined when it is allowed. */
export function tableNameProblem(name: string, tables: readonly TableState[], self?: TableState): string | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) return `"${name}" is not a valid table name: start with a letter or underscore, then letters, digits, periods or underscores`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) return `"${name}" reads as a cell reference`;
  if (tables.some((table) => table !== self && table.name.toLowerCase() === name.toLowerCase())) return `A table named "${name}" already exists`;
  return undefined;
}

/**
 * How Excel reads a value written through Range.values, as if typed: "=..." a formula, "'..." text,
 * numbers, TRUE/FALSE, ISO dates and times (given a date format), percentages.
 */
export function typed(input: unknown, where: string): { content: Content; text: boolean; format?: string } {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new OfficeJsError("InvalidArgument", `${where}: ${input} is not a number Excel can hold`);
    return { content: input, text: false };
  }
  if (typeof input === "boolean") return { content: input, text: false };
  if (typeof input !== "string") throw new OfficeJsError("InvalidArgument", `${where}: ${JSON.stringify(input)} is not a number, text or boolean`);
  if (input.length > MAX_CELL_TEXT) throw new OfficeJsError("InvalidArgument", `${where}: text of ${input.length} characters; a cell holds at most ${MAX_CELL_TEXT}`);
  if (input === "") return { content: null, text: false };
  if (input.startsWith("=") && input.length > 1) {
    if (input.length > MAX_FORMULA) throw new OfficeJsError("InvalidArgument", `${where}: a formula of ${input.length} characters; Excel allows ${MAX_FORMULA}`);
    return { content: input, text: false };
  }
  if (input.startsWith("'")) return { content: input.slice(1), text: true };
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { content: Number(trimmed), text: false };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) return { content: Number(trimmed.slice(0, -1)) / 100, text: false, format: "0%" };
  if (/^(true|false)$/i.test(trimmed)) return { content: trimmed.toLowerCase() === "true", text: false };
  const date = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(trimmed) ? dateSerial(trimmed) : undefined;
  if (date !== undefined) return { content: date, text: false, format: trimmed.length > 10 ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  return { content: input, text: true };
}

class RequestContext {
  private commands: Command[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly book: OfficeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  pending(): number {
    return this.commands.length;
  }

  queue(kind: Command["kind"], payload: unknown, run: Command["run"]): void {
    this.commands.push({ kind, bytes: COMMAND_OVERHEAD_BYTES + bytesOf(payload), run });
  }

  async sync(): Promise<void> {
    const commands = this.commands;
    this.commands = [];
    const requestBytes = commands.reduce((sum, command) => sum + command.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0 };
    this.book.syncs.push(record);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeJsError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES}`);
    }
    // Consecutive writes run as one batch, so an engine recalculates once; reads see every write before them.
    let writes: Command[] = [];
    const flush = () => {
      const batch = writes;
      writes = [];
      if (batch.length === 0) return;
      const all = () => batch.forEach((command) => command.run());
      if (this.book.store.batch) this.book.store.batch(all);
      else all();
    };
    for (const command of commands) {
      if (command.kind === "write") {
        writes.push(command);
        continue;
      }
      flush();
      record.responseBytes += Number(command.run() ?? 0);
    }
    flush();
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeJsError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT_BYTES}`);
    }
    await Promise.resolve();
  }
}

/** A proxy for an Excel object: properties are readable once loaded and synced. */
abstract class ClientObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(protected readonly ctx: RequestContext) {}

  get context(): RequestContext {
    return this.ctx;
  }

  protected loaded<T>(name: string): T {
    if (!this.loadedValues.has(name)) {
      throw new OfficeJsError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as T;
  }

  /** Sets a property's value as a sync would (for collections' items). */
  protected setLoaded(name: string, value: unknown): void {
    this.loadedValues.set(name, value);
  }

  load(select?: string | string[] | { select?: string }): this {
    const text = typeof select === "object" && !Array.isArray(select) ? (select.select ?? "") : select;
    const names = (Array.isArray(text) ? text : (text ?? "").split(",")).map((name) => name.trim()).filter((name) => name !== "");
    this.ctx.queue("read", names, () => {
      let bytes = 0;
      // Loading a null object's properties is allowed (the documented pattern loads, syncs, then checks
      // isNullObject); they stay unloaded, so reading one still throws.
      if (this.isAbsent()) return 0;
      for (const name of names) {
        const value = this.read(name);
        this.loadedValues.set(name, value);
        bytes += bytesOf(value);
      }
      return bytes;
    });
    return this;
  }

  /** A property's current value in the workbook, at sync time. */
  protected abstract read(name: string): unknown;

  /** Whether this is a null object (only `*OrNullObject` results can be). */
  protected isAbsent(): boolean {
    return false;
  }
}

/** An object that may be a null object (`*OrNullObject`): `isNullObject` is set at the next sync. */
abstract class NullableObject extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    if (nullable) ctx.queue("read", undefined, () => this.setLoaded("isNullObject", !this.exists()));
  }

  get isNullObject(): boolean {
    return this.nullable ? this.loaded<boolean>("isNullObject") : false;
  }

  protected isAbsent(): boolean {
    return this.nullable && !this.exists();
  }

  protected abstract exists(): boolean;
}

const unknownProperty = (type: string, name: string) => new OfficeJsError("InvalidArgument", `The property '${name}' of ${type} is not part of what this backend models`);

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly functions: FunctionsProxy;

  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.functions = new FunctionsProxy(ctx);
  }

  /** The cells selected on the active sheet (OfficeWorkbook.selection). */
  getSelectedRange(): RangeProxy {
    return this.worksheets.getActiveWorksheet().getRange(this.ctx.book.selection);
  }
}

/** Error values as Range.values gives them (Value holds them as text). */
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/**
 * Excel.Functions (ExcelApi 1.2): worksheet functions evaluated without a formula on the sheet. MIN
 * and MAX, over ranges, as Excel computes them there: numbers only (text and booleans in a reference
 * are skipped), 0 when there is none, and the first error value met as the result's error.
 */
class FunctionsProxy {
  constructor(private readonly ctx: RequestContext) {}

  min(...ranges: RangeProxy[]): FunctionResultProxy {
    return new FunctionResultProxy(this.ctx, ranges, (a, b) => (b < a ? b : a));
  }

  max(...ranges: RangeProxy[]): FunctionResultProxy {
    return new FunctionResultProxy(this.ctx, ranges, (a, b) => (b > a ? b : a));
  }
}

/** Excel.FunctionResult: `value`, or `error` ("#N/A"...) when the function met one. */
class FunctionResultProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly ranges: readonly RangeProxy[],
    private readonly pick: (a: number, b: number) => number,
  ) {
    super(ctx);
  }

  private result(): { value: number | null; error: string | null } {
    let value: number | undefined;
    for (const range of this.ranges) {
      const sheet = range.worksheet.resolve().name;
      const { top, left, height, width } = range.area();
      for (let r = top; r < top + height; r++) {
        for (let c = left; c < left + width; c++) {
          const cell = this.ctx.book.store.value(sheet, r, c);
          if (typeof cell === "string" && ERROR_VALUES.has(cell) && !this.ctx.book.store.isText(sheet, r, c)) return { value: null, error: cell };
          if (typeof cell === "number") value = value === undefined ? cell : this.pick(value, cell);
        }
      }
    }
    return { value: value ?? 0, error: null };
  }

  get value(): number | null {
    return this.loaded("value");
  }

  get error(): string | null {
    return this.loaded("error");
  }

  protected read(name: string): unknown {
    if (name !== "value" && name !== "error") throw unknownProperty("FunctionResult", name);
    return this.result()[name];
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private get book() {
    return this.ctx.book;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.book.sheet(name), false, `the sheet "${name}"`);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.book.sheet(name), true, `the sheet "${name}"`);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.book.sheet(this.book.activeSheet), false, "the active sheet");
  }

  add(name: string): WorksheetProxy {
    this.ctx.queue("write", name, () => void this.book.addSheet(name));
    return new WorksheetProxy(this.ctx, () => this.book.sheet(name), false, `the sheet "${name}"`);
  }

  protected read(name: string): unknown {
    if (name === "items/name" || name === "items") {
      const sheets = this.book.sheets.map((sheet) => sheet.name);
      this.setLoaded(
        "items",
        sheets.map((sheetName) => {
          const proxy = new WorksheetProxy(this.ctx, () => this.book.sheet(sheetName), false, `the sheet "${sheetName}"`);
          proxy.setName(sheetName);
          return proxy;
        }),
      );
      return sheets;
    }
    throw unknownProperty("WorksheetCollection", name);
  }

  /** The sheets in the workbook's order, once `items` is loaded. */
  get items(): WorksheetProxy[] {
    return this.loaded("items");
  }
}

class WorksheetProxy extends NullableObject {
  readonly protection: ProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: { freezeRows: (count: number) => void };
  readonly onCalculated: { add: (handler: (args: unknown) => Promise<unknown>) => { context: RequestContext; remove: () => void } };

  constructor(
    ctx: RequestContext,
    private readonly locate: () => SheetState | undefined,
    nullable: boolean,
    private readonly description: string,
  ) {
    super(ctx, nullable);
    this.protection = new ProtectionProxy(ctx, () => this.resolve());
    this.tables = new TableCollectionProxy(ctx, () => this.resolve());
    this.charts = new ChartCollectionProxy(ctx, this);
    this.freezePanes = {
      freezeRows: (count) => ctx.queue("write", count, () => void (this.writable().frozenRows = count)),
    };
    this.onCalculated = {
      add: (handler) => {
        const registration = { sheet: "", handler };
        ctx.queue("write", undefined, () => {
          registration.sheet = this.resolve().name;
          ctx.book.calculatedHandlers.add(registration);
        });
        return { context: ctx, remove: () => ctx.queue("write", undefined, () => void ctx.book.calculatedHandlers.delete(registration)) };
      },
    };
  }

  resolve(): SheetState {
    const sheet = this.locate();
    if (!sheet) throw new OfficeJsError("ItemNotFound", `${this.description} does not exist`);
    return sheet;
  }

  writable(): SheetState {
    const sheet = this.resolve();
    if (sheet.protected) throw new OfficeJsError("AccessDenied", `The sheet "${sheet.name}" is protected`);
    return sheet;
  }

  protected exists(): boolean {
    return this.locate() !== undefined;
  }

  /** The name, as if loaded: a collection's items come back with theirs. */
  setName(name: string): void {
    this.setLoaded("name", name);
  }

  protected read(name: string): unknown {
    if (name === "name") return this.resolve().name;
    throw unknownProperty("Worksheet", name);
  }

  get name(): string {
    return this.loaded("name");
  }

  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.ctx, this, () => {
      const parsed = parseAddress(address);
      if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== this.resolve().name.toLowerCase())) {
        throw new OfficeJsError("InvalidArgument", `"${address}" is not an address on ${this.description}`);
      }
      return parsed.area;
    });
  }

  getRangeByIndexes(top: number, left: number, height: number, width: number): RangeProxy {
    return new RangeProxy(this.ctx, this, () => checkedArea({ top, left, height, width }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    // Formats alone never widen the used range here: only values do (valuesOnly = true in Excel).
    void valuesOnly;
    const used = () => this.ctx.book.store.usedArea(this.resolve().name);
    return new RangeProxy(this.ctx, this, () => {
      const area = used();
      if (!area) throw new OfficeJsError("ItemNotFound", `${this.description} is empty`);
      return area;
    }, () => used() !== undefined);
  }

  activate(): void {
    this.ctx.queue("write", undefined, () => void (this.ctx.book.activeSheet = this.resolve().name));
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }

  protected read(name: string): unknown {
    if (name === "protected") return this.sheet().protected;
    throw unknownProperty("WorksheetProtection", name);
  }

  get protected(): boolean {
    return this.loaded("protected");
  }
}

function checkedArea(area: Area): Area {
  const { top, left, height, width } = area;
  if (![top, left, height, width].every(Number.isInteger) || top < 0 || left < 0 || height < 1 || width < 1 || top + height > MAX_ROWS || left + width > MAX_COLUMNS) {
    throw new OfficeJsError("InvalidArgument", `The range (row ${top}, column ${left}, ${height} × ${width}) is outside the sheet`);
  }
  return area;
}

type Grid = readonly (readonly unknown[])[];

class RangeProxy extends NullableObject {
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    ctx: RequestContext,
    readonly worksheet: WorksheetProxy,
    private readonly locate: () => Area,
    private readonly present?: () => boolean,
  ) {
    super(ctx, present !== undefined);
    this.format = new RangeFormatProxy(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, this);
  }

  area(): Area {
    if (this.present && !this.present()) throw new OfficeJsError("ItemNotFound", "The range is a null object");
    return this.locate();
  }

  protected exists(): boolean {
    return this.present ? this.present() : true;
  }

  private cells<T>(each: (row: number, column: number) => T): T[][] {
    const { top, left, height, width } = this.area();
    return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => each(top + r, left + c)));
  }

  protected read(name: string): unknown {
    const sheet = this.worksheet.resolve();
    const { store } = this.ctx.book;
    const area = this.area();
    switch (name) {
      case "address":
        return formatAddress(sheet.name, area);
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return area.height;
      case "columnCount":
        return area.width;
      case "values":
        return this.cells((row, column) => store.value(sheet.name, row, column));
      case "formulas":
        return this.cells((row, column) => store.content(sheet.name, row, column) ?? "");
      case "numberFormat":
        return this.cells((row, column) => numberFormat(this.ctx.book, sheet, row, column));
      default:
        throw unknownProperty("Range", name);
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get values(): Value[][] {
    return this.loaded("values");
  }
  set values(values: Value[][]) {
    this.writeContents("values", values);
  }
  get formulas(): Value[][] {
    return this.loaded("formulas");
  }
  set formulas(formulas: Value[][]) {
    this.writeContents("formulas", formulas);
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.ctx.queue("write", formats, () => {
      const sheet = this.worksheet.writable();
      const area = this.area();
      checkShape(formats, area, "numberFormat");
      formats.forEach((row, r) =>
        row.forEach((format, c) => {
          if (format === null) return;
          if (typeof format !== "string") throw new OfficeJsError("InvalidArgument", `numberFormat: ${JSON.stringify(format)} is not a format`);
          const key = cellKey(area.top + r, area.left + c);
          if (format === "" || format === "General") resetNumberFormat(this.ctx.book, sheet, area.top + r, area.left + c);
          else sheet.numberFormats.set(key, format);
        }),
      );
    });
  }
  set columnHidden(hidden: boolean) {
    this.ctx.queue("write", hidden, () => {
      const sheet = this.worksheet.writable();
      const { left, width } = this.area();
      for (let column = left; column < left + width; column++) {
        if (hidden) sheet.hiddenColumns.add(column);
        else sheet.hiddenColumns.delete(column);
      }
    });
  }

  /** Values or formulas, as typed: a 2-D array of the range's size; null leaves a cell as it is. */
  private writeContents(property: string, grid: Grid): void {
    this.ctx.queue("write", grid, () => {
      const sheet = this.worksheet.writable();
      const area = this.area();
      checkShape(grid, area, property);
      writeTyped(this.ctx.book, sheet, area, grid, property);
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.ctx.queue("write", applyTo, () => {
      const sheet = this.worksheet.writable();
      const area = this.area();
      if (applyTo !== "Formats") {
        this.ctx.book.store.write(sheet.name, area.top, area.left, Array.from({ length: area.height }, () => Array.from({ length: area.width }, () => null)), () => false);
      }
      if (applyTo !== "Contents") {
        for (let r = area.top; r < area.top + area.height; r++) {
          for (let c = area.left; c < area.left + area.width; c++) {
            resetNumberFormat(this.ctx.book, sheet, r, c);
            sheet.fonts.delete(cellKey(r, c));
          }
        }
      }
    });
  }

  getRow(index: number): RangeProxy {
    return this.derived((area) => ({ ...area, top: area.top + index, height: 1 }), index < 0);
  }

  getColumn(index: number): RangeProxy {
    return this.derived((area) => ({ ...area, left: area.left + index, width: 1 }), index < 0);
  }

  getLastRow(): RangeProxy {
    return this.derived((area) => ({ ...area, top: area.top + area.height - 1, height: 1 }), false);
  }

  getOffsetRange(rows: number, columns: number): RangeProxy {
    return this.derived((area) => ({ ...area, top: area.top + rows, left: area.left + columns }), false);
  }

  getResizedRange(rows: number, columns: number): RangeProxy {
    return this.derived((area) => ({ ...area, height: area.height + rows, width: area.width + columns }), false);
  }

  private derived(change: (area: Area) => Area, invalid: boolean): RangeProxy {
    return new RangeProxy(this.ctx, this.worksheet, () => {
      if (invalid) throw new OfficeJsError("InvalidArgument", "The index is out of range");
      return checkedArea(change(this.area()));
    });
  }
}

/** A cell's number format: the one set on it here, else the one it has in the store's file (if any), else General. */
function numberFormat(book: OfficeWorkbook, sheet: SheetState, row: number, column: number): string {
  return sheet.numberFormats.get(cellKey(row, column)) ?? book.store.numberFormat?.(sheet.name, row, column) ?? "General";
}

/** Sets a cell's number format back to General, over any it has in the store's file. */
function resetNumberFormat(book: OfficeWorkbook, sheet: SheetState, row: number, column: number): void {
  if (book.store.numberFormat?.(sheet.name, row, column) !== undefined) sheet.numberFormats.set(cellKey(row, column), "General");
  else sheet.numberFormats.delete(cellKey(row, column));
}

function checkShape(grid: Grid, area: Area, property: string): void {
  const fits = Array.isArray(grid) && grid.length === area.height && grid.every((row) => Array.isArray(row) && row.length === area.width);
  if (!fits) {
    const shape = Array.isArray(grid) ? `${grid.length} × ${Array.isArray(grid[0]) ? grid[0].length : "?"}` : typeof grid;
    throw new OfficeJsError("InvalidArgument", `${property}: a ${shape} array for a range of ${area.height} × ${area.width}: the sizes must match`);
  }
}

/** Writes a grid as typed into an area (shape already checked), number formats for dates and percentages included. */
function writeTyped(book: OfficeWorkbook, sheet: SheetState, area: Area, grid: Grid, property: string): void {
  const text = new Set<string>();
  const contents = grid.map((row, r) =>
    row.map((input, c) => {
      if (input === null) return undefined;
      const cell = typed(input, `${property} at row ${r + 1}, column ${c + 1}`);
      const key = cellKey(area.top + r, area.left + c);
      if (cell.text) text.add(key);
      if (cell.format && numberFormat(book, sheet, area.top + r, area.left + c) === "General") sheet.numberFormats.set(key, cell.format);
      return cell.content;
    }),
  );
  book.store.write(sheet.name, area.top, area.left, contents, (row, column) => text.has(cellKey(row, column)));
}

class RangeFormatProxy {
  readonly font: Record<string, unknown>;

  constructor(
    private readonly ctx: RequestContext,
    private readonly range: RangeProxy,
  ) {
    const fontProperty = (name: string) => ({
      set: (value: unknown) =>
        ctx.queue("write", value, () => {
          const sheet = range.worksheet.writable();
          const area = range.area();
          for (let r = area.top; r < area.top + area.height; r++) {
            for (let c = area.left; c < area.left + area.width; c++) {
              const key = cellKey(r, c);
              sheet.fonts.set(key, { ...sheet.fonts.get(key), [name]: value });
            }
          }
        }),
    });
    this.font = Object.defineProperties({}, { bold: fontProperty("bold"), size: fontProperty("size"), color: fontProperty("color") });
  }

  set columnWidth(points: number) {
    this.ctx.queue("write", points, () => {
      const sheet = this.range.worksheet.writable();
      const { left, width } = this.range.area();
      for (let column = left; column < left + width; column++) sheet.columnWidths.set(column, points);
    });
  }

  /**
   * Real widths depend on fonts and screens; this estimates them from the longest entry in each
   * column (its text, or its number format for a formatted number), as a file needs some width.
   */
  autofitColumns(): void {
    // It looks at the cells, so it runs on its own, after the writes queued before it.
    this.ctx.queue("read", undefined, () => {
      const sheet = this.range.worksheet.writable();
      const store = this.ctx.book.store;
      const { top, left, height, width } = this.range.area();
      for (let column = left; column < left + width; column++) {
        let longest = 0;
        for (let row = top; row < top + height; row++) {
          const content = store.content(sheet.name, row, column);
          const format = numberFormat(this.ctx.book, sheet, row, column);
          const shown = typeof content === "number" && format !== "General" ? format : String(content ?? "");
          longest = Math.max(longest, shown.length);
        }
        sheet.columnWidths.set(column, Math.min(MAX_COLUMN_CHARACTERS, longest + 2) * POINTS_PER_CHARACTER);
      }
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(
    private readonly ctx: RequestContext,
    private readonly range: RangeProxy,
  ) {}

  add(type: string): Record<string, unknown> {
    const state: ConditionalFormatState = { area: { top: 0, left: 0, height: 0, width: 0 }, type, properties: new Map() };
    this.ctx.queue("write", type, () => {
      if (!CONDITIONAL_FORMAT_TYPES.includes(type)) throw new OfficeJsError("InvalidArgument", `"${type}" is not a conditional format type (Excel.ConditionalFormatType)`);
      const sheet = this.range.worksheet.writable();
      state.area = this.range.area();
      sheet.conditionalFormats.push(state);
    });
    const modelled = CONDITIONAL_FORMAT_PROPERTIES[type];
    return { [modelled?.object ?? "unmodelled"]: recorder(this.ctx, state, modelled?.paths ?? [], "") };
  }

  clearAll(): void {
    this.ctx.queue("write", undefined, () => {
      const sheet = this.range.worksheet.writable();
      const area = this.range.area();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !overlaps(format.area, area));
    });
  }
}

/** Records property sets on a conditional format's rule objects (dataBar.positiveFormat.fillColor ...). */
function recorder(ctx: RequestContext, state: ConditionalFormatState, paths: readonly string[], prefix: string): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_, name) => (typeof name === "string" ? recorder(ctx, state, paths, `${prefix}${name}.`) : undefined),
      set: (_, name, value) => {
        const path = `${prefix}${String(name)}`;
        if (!paths.includes(path)) throw new Error(`${state.type} conditional format: ${path} is not modelled by this backend`);
        ctx.queue("write", value, () => void state.properties.set(path, value));
        return true;
      },
    },
  );
}

class TableCollectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly sheet?: () => SheetState,
  ) {
    super(ctx);
  }

  private find(name: string): TableState | undefined {
    const table = this.ctx.book.table(name);
    return table && (!this.sheet || table.sheet === this.sheet().name) ? table : undefined;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name), false, name);
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.find(name), true, name);
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableState | undefined;
    this.ctx.queue("read", { address, hasHeaders }, () => {
      const { book } = this.ctx;
      const parsed = parseAddress(address);
      const sheet = this.sheet ? this.sheet() : parsed?.sheet !== undefined ? book.sheet(parsed.sheet) : undefined;
      if (!parsed || !sheet) throw new OfficeJsError("InvalidArgument", `"${address}" is not a range a table can be made of`);
      if (sheet.protected) throw new OfficeJsError("AccessDenied", `The sheet "${sheet.name}" is protected`);
      if (!hasHeaders) throw new Error("tables.add without headers (Excel inserts a header row) is not modelled by this backend");
      const area = { ...parsed.area, height: Math.max(parsed.area.height, 2) }; // a header-only table gets one empty row, as in Excel
      const other = book.tables.find((table) => table.sheet === sheet.name && overlaps(table.area, area));
      if (other) throw new OfficeJsError("InvalidOperation", `A table can't overlap another table ("${other.name}")`);
      let number = book.tables.length + 1;
      while (book.table(`Table${number}`)) number++;
      created = { name: `Table${number}`, sheet: sheet.name, area, columns: tableColumns(book, sheet.name, area) };
      book.store.write(sheet.name, area.top, area.left, [created.columns], () => true);
      book.tables.push(created);
    });
    return new TableProxy(this.ctx, () => created, false, address);
  }

  protected read(name: string): unknown {
    if (name === "items/name" || name === "items") {
      const tables = this.ctx.book.tables.filter((table) => !this.sheet || table.sheet === this.sheet().name);
      this.setLoaded(
        "items",
        tables.map((table) => {
          const proxy = new TableProxy(this.ctx, () => this.ctx.book.tables.find((t) => t === table), false, table.name);
          proxy.setName(table.name);
          return proxy;
        }),
      );
      return tables.map((table) => table.name);
    }
    throw unknownProperty("TableCollection", name);
  }

  get items(): TableProxy[] {
    return this.loaded("items");
  }
}

/** A new table's column names: its header cells as unique, non-blank text, as Excel makes them. */
function tableColumns(book: OfficeWorkbook, sheet: string, { top, left, width }: Area): string[] {
  const seen = new Set<string>();
  return Array.from({ length: width }, (_, c) => {
    const value = String(book.store.value(sheet, top, left + c));
    let name = value === "" ? `Column${c + 1}` : value;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${value || "Column"}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

class TableProxy extends NullableObject {
  readonly rows: { add: (index?: number | null, values?: unknown[][]) => void };

  constructor(
    ctx: RequestContext,
    private readonly locate: () => TableState | undefined,
    nullable: boolean,
    private readonly description: string,
  ) {
    super(ctx, nullable);
    this.rows = { add: (index, values) => this.addRows(index, values) };
  }

  setName(name: string): void {
    this.setLoaded("name", name);
  }

  private resolve(): TableState {
    const table = this.locate();
    if (!table) throw new OfficeJsError("ItemNotFound", `The table "${this.description}" does not exist`);
    return table;
  }

  protected exists(): boolean {
    return this.locate() !== undefined;
  }

  protected read(name: string): unknown {
    if (name === "name") return this.resolve().name;
    throw unknownProperty("Table", name);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(name: string) {
    this.ctx.queue("write", name, () => {
      const table = this.resolve();
      const problem = tableNameProblem(name, this.ctx.book.tables, table);
      if (problem) throw new OfficeJsError("InvalidArgument", problem);
      table.name = name;
    });
  }

  set style(style: string) {
    this.ctx.queue("write", style, () => void (this.resolve().style = style));
  }

  convertToRange(): void {
    this.ctx.queue("write", undefined, () => {
      const table = this.resolve();
      this.ctx.book.tables.splice(this.ctx.book.tables.indexOf(table), 1);
    });
  }

  private range(part: (area: Area) => Area): RangeProxy {
    const sheet = new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(this.resolve().sheet), false, `the sheet of table "${this.description}"`);
    return new RangeProxy(this.ctx, sheet, () => part(this.resolve().area));
  }

  getRange(): RangeProxy {
    return this.range((area) => area);
  }

  getHeaderRowRange(): RangeProxy {
    return this.range((area) => ({ ...area, height: 1 }));
  }

  getDataBodyRange(): RangeProxy {
    return this.range((area) => ({ ...area, top: area.top + 1, height: area.height - 1 }));
  }

  /** Appends rows at the end (the only place the adapter adds them); the empty row of a new table is filled first. */
  private addRows(index: number | null | undefined, values: unknown[][] | undefined): void {
    this.ctx.queue("read", values, () => {
      const table = this.resolve();
      const sheet = this.ctx.book.sheet(table.sheet)!;
      if (sheet.protected) throw new OfficeJsError("AccessDenied", `The sheet "${sheet.name}" is protected`);
      if (index !== undefined && index !== null) throw new Error("rows.add at an index is not modelled by this backend");
      const rows = values ?? [Array.from({ length: table.area.width }, () => "")];
      const { store } = this.ctx.book;
      const lastRow = table.area.top + table.area.height - 1;
      const lastIsEmpty = table.area.height === 2 && Array.from({ length: table.area.width }, (_, c) => store.content(table.sheet, lastRow, table.area.left + c)).every((cell) => cell === null);
      const top = lastIsEmpty ? lastRow : lastRow + 1;
      const area = { top, left: table.area.left, height: rows.length, width: table.area.width };
      checkShape(rows, area, "rows.add");
      const below = checkedArea(area);
      for (let r = below.top; r < below.top + below.height && !lastIsEmpty; r++) {
        for (let c = below.left; c < below.left + below.width; c++) {
          if (store.content(table.sheet, r, c) !== null) throw new Error("rows.add over cells that are not empty (Excel shifts them down) is not modelled by this backend");
        }
      }
      writeTyped(this.ctx.book, sheet, area, rows, "rows.add");
      table.area = { ...table.area, height: top + rows.length - table.area.top };
    });
  }
}

/** The chart types this model draws and stores (Excel.ChartType has many more: they throw, not modelled). */
const MODELLED_CHART_TYPES = ["Line", "LineMarkers"];
/** Excel.ChartSeriesBy. */
const SERIES_BY = ["Auto", "Columns", "Rows"];

/**
 * The series charts.add makes of a range: a series per column (or row); when the first row (or
 * column) is all text, it names the series and the values start after it, else they are "Series1" ...
 * "Auto" plots by columns when the range has at least as many rows as columns: the data with more
 * entries goes along the category axis, as Excel decides on a new chart.
 */
function seriesOf(book: OfficeWorkbook, sheet: string, area: Area, seriesBy: string): Pick<ChartState, "seriesBy" | "series"> {
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && area.height >= area.width);
  const [count, length] = byColumns ? [area.width, area.height] : [area.height, area.width];
  const cell = (series: number, at: number) => (byColumns ? { row: area.top + at, column: area.left + series } : { row: area.top + series, column: area.left + at });
  const isText = (series: number) => {
    const { row, column } = cell(series, 0);
    return typeof book.store.value(sheet, row, column) === "string" && book.store.value(sheet, row, column) !== "";
  };
  const named = length > 1 && Array.from({ length: count }, (_, i) => i).every(isText);
  const first = named ? 1 : 0;
  const series = Array.from({ length: count }, (_, i) => {
    const start = cell(i, first);
    const values = byColumns ? { top: start.row, left: start.column, height: length - first, width: 1 } : { top: start.row, left: start.column, height: 1, width: length - first };
    const header = cell(i, 0);
    return { name: named ? String(book.store.value(sheet, header.row, header.column)) : `Series${i + 1}`, values: formatAddress(sheet, values), axisGroup: "Primary" as const };
  });
  return { seriesBy: byColumns ? "Columns" : "Rows", series };
}

/** Worksheet.charts (ExcelApi 1.1; getItemOrNullObject 1.4): add, find by name, list. */
class ChartCollectionProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly worksheet: WorksheetProxy,
  ) {
    super(ctx);
  }

  private onSheet(): ChartState[] {
    const name = this.worksheet.resolve().name;
    return this.ctx.book.charts.filter((chart) => chart.sheet === name);
  }

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: ChartState | undefined;
    // It reads the source's first cells (the series' names), so it runs after the writes queued before it.
    this.ctx.queue("read", { type, seriesBy }, () => {
      if (!MODELLED_CHART_TYPES.includes(type)) throw new Error(`charts.add of type "${type}" is not modelled by this backend`);
      if (!SERIES_BY.includes(seriesBy)) throw new OfficeJsError("InvalidArgument", `"${seriesBy}" is not an Excel.ChartSeriesBy`);
      const sheet = this.worksheet.writable();
      const dataSheet = sourceData.worksheet.resolve().name;
      const taken = new Set(this.onSheet().map((chart) => chart.name));
      let number = 1;
      while (taken.has(`Chart ${number}`)) number++;
      created = { name: `Chart ${number}`, sheet: sheet.name, type, source: formatAddress(dataSheet, sourceData.area()), title: "", ...seriesOf(this.ctx.book, dataSheet, sourceData.area(), seriesBy) };
      this.ctx.book.charts.push(created);
    });
    return new ChartProxy(this.ctx, () => (created && this.ctx.book.charts.includes(created) ? created : undefined), false, "the new chart");
  }

  /** The first chart of that name on the sheet (Excel: "If there are multiple charts with the same name, the first one will be returned"). */
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.ctx, () => this.onSheet().find((chart) => chart.name === name), true, `the chart "${name}"`);
  }

  protected read(name: string): unknown {
    if (name !== "items/name" && name !== "items") throw unknownProperty("ChartCollection", name);
    const charts = this.onSheet();
    this.setLoaded(
      "items",
      charts.map((chart) => {
        const proxy = new ChartProxy(this.ctx, () => (this.ctx.book.charts.includes(chart) ? chart : undefined), false, `the chart "${chart.name}"`);
        proxy.setName(chart.name);
        return proxy;
      }),
    );
    return charts.map((chart) => chart.name);
  }

  get items(): ChartProxy[] {
    return this.loaded("items");
  }
}

/** Excel.Chart: its name, title, position, series and category labels; delete. */
class ChartProxy extends NullableObject {
  readonly title: { text: string };
  readonly series: { add: (name?: string) => ChartSeriesProxy; getItemAt: (index: number) => ChartSeriesProxy };
  readonly axes: { categoryAxis: { setCategoryNames: (sourceData: RangeProxy) => void } };

  constructor(
    ctx: RequestContext,
    private readonly locate: () => ChartState | undefined,
    nullable: boolean,
    private readonly description: string,
  ) {
    super(ctx, nullable);
    const write = (payload: unknown, change: (chart: ChartState) => void) => ctx.queue("write", payload, () => change(this.writable()));
    this.title = Object.defineProperty({ text: "" }, "text", { set: (text: string) => write(text, (chart) => void (chart.title = text)) });
    this.series = {
      add: (name) => {
        const series: ChartSeriesState = { name: name ?? "", axisGroup: "Primary" };
        write(name, (chart) => {
          series.name ||= `Series${chart.series.length + 1}`;
          chart.series.push(series);
        });
        return new ChartSeriesProxy(write, () => series);
      },
      getItemAt: (index) =>
        new ChartSeriesProxy(write, (chart) => {
          if (!(index >= 0 && index < chart.series.length)) throw new OfficeJsError("ItemNotFound", `The chart "${chart.name}" has no series at index ${index}`);
          return chart.series[index];
        }),
    };
    this.axes = {
      categoryAxis: { setCategoryNames: (range) => write(undefined, (chart) => void (chart.categories = formatAddress(range.worksheet.resolve().name, range.area()))) },
    };
  }

  setName(name: string): void {
    this.setLoaded("name", name);
  }

  private resolve(): ChartState {
    const chart = this.locate();
    if (!chart) throw new OfficeJsError("ItemNotFound", `${this.description} does not exist`);
    return chart;
  }

  /** The chart, when its sheet takes changes: a protected sheet refuses them. */
  private writable(): ChartState {
    const chart = this.resolve();
    if (this.ctx.book.sheet(chart.sheet)?.protected) throw new OfficeJsError("AccessDenied", `The sheet "${chart.sheet}" is protected`);
    return chart;
  }

  protected exists(): boolean {
    return this.locate() !== undefined;
  }

  protected read(name: string): unknown {
    if (name === "name") return this.resolve().name;
    throw unknownProperty("Chart", name);
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(name: string) {
    this.ctx.queue("write", name, () => void (this.writable().name = name));
  }

  /** Places the chart over the cells from `startCell` to `endCell` (Chart.setPosition): addresses on the chart's sheet. */
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue("write", { startCell, endCell }, () => {
      const chart = this.writable();
      const cell = (address: string) => {
        const parsed = parseAddress(address);
        if (!parsed || (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== chart.sheet.toLowerCase())) throw new OfficeJsError("InvalidArgument", `"${address}" is not a cell on the sheet "${chart.sheet}"`);
        return formatAddress(chart.sheet, parsed.area);
      };
      chart.position = { start: cell(startCell), end: endCell === undefined ? undefined : cell(endCell) };
    });
  }

  delete(): void {
    this.ctx.queue("write", undefined, () => {
      const chart = this.writable();
      this.ctx.book.charts.splice(this.ctx.book.charts.indexOf(chart), 1);
    });
  }
}

/** Excel.ChartSeries: its values and its value axis. Changes are queued on its chart (`write`), found at sync time. */
class ChartSeriesProxy {
  constructor(
    private readonly write: (payload: unknown, change: (chart: ChartState) => void) => void,
    private readonly locate: (chart: ChartState) => ChartSeriesState,
  ) {}

  setValues(sourceData: RangeProxy): void {
    this.write(undefined, (chart) => void (this.locate(chart).values = formatAddress(sourceData.worksheet.resolve().name, sourceData.area())));
  }

  set axisGroup(group: "Primary" | "Secondary") {
    this.write(group, (chart) => {
      if (group !== "Primary" && group !== "Secondary") throw new OfficeJsError("InvalidArgument", `"${String(group)}" is not an Excel.ChartAxisGroup`);
      this.locate(chart).axisGroup = group;
    });
  }
}
