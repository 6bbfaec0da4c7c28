import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { Area } from "./address";
import { registerKpiFunctions } from "./kpiPlugin";
import { registerLet } from "./letFunction";
import { registerSortBy } from "./sortByFunction";
import { OfficeWorkbook } from "./officeModel";
import { CellStore, Content, TableState, Value } from "./store";
import { resolveStructuredReferences } from "./structuredReferences";

/**
 * An Office.js-shaped workbook whose formulas HyperFormula computes, with the =KPI.* functions
 * registered and LET and SORTBY added (letFunction.ts, sortByFunction.ts): what the demo page and the end-to-end test run
 * src/excel against.
 * HyperFormula has no tables: a structured reference (Jobs[Amount]) is resolved to the table
 * column's cells when the formula is written, so rows added to a table later are not counted (Excel would).
 */
export interface HyperFormulaWorkbook {
  book: OfficeWorkbook;
  engine: HyperFormula;
}

class HyperFormulaStore implements CellStore {
  readonly engine: HyperFormula;
  tables: () => readonly TableState[] = () => [];

  constructor() {
    registerKpiFunctions();
    registerLet();
    registerSortBy();
    // Array arithmetic, as Excel 365 and LibreOffice evaluate SUMPRODUCT over comparisons; full precision;
    // text compared with its accents, as Excel does ("renée" is not "renee"), SORT included.
    this.engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false, accentSensitive: true });
  }

  private id(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined) throw new Error(`HyperFormula has no sheet "${sheet}"`);
    return id;
  }

  addSheet(name: string): void {
    this.engine.addSheet(name);
  }

  batch(run: () => void): void {
    this.engine.batch(run);
  }

  content(sheet: string, row: number, column: number): Content {
    const address = { sheet: this.id(sheet), row, col: column };
    if (this.engine.doesCellHaveFormula(address)) return this.engine.getCellFormula(address) ?? null;
    const value = this.engine.getCellValue(address);
    return value instanceof DetailedCellError ? value.value : (value as Content);
  }

  isText(sheet: string, row: number, column: number): boolean {
    const address = { sheet: this.id(sheet), row, col: column };
    return !this.engine.doesCellHaveFormula(address) && typeof this.engine.getCellValue(address) === "string";
  }

  value(sheet: string, row: number, column: number): Value {
    const value = this.engine.getCellValue({ sheet: this.id(sheet), row, col: column });
    if (value === null || value === undefined) return "";
    return value instanceof DetailedCellError ? value.value : (value as Value);
  }

  write(sheet: string, top: number, left: number, cells: readonly (readonly (Content | undefined)[])[], text: (row: number, column: number) => boolean): void {
    const id = this.id(sheet);
    const raw = (content: Content, row: number, column: number): RawCellContent => {
      if (typeof content !== "string") return content;
      // HyperFormula reads a leading apostrophe as "this is text", as Excel does.
      if (text(row, column)) return `'${content}`;
      return resolveStructuredReferences(content, this.tables());
    };
    cells.forEach((line, r) => {
      // Runs of cells to write, split where a cell is left as it is (undefined).
      let start = 0;
      while (start < line.length) {
        while (start < line.length && line[start] === undefined) start++;
        let end = start;
        while (end < line.length && line[end] !== undefined) end++;
        if (end > start) {
          const run = line.slice(start, end).map((content, i) => raw(content as Content, top + r, left + start + i));
          this.engine.setCellContents({ sheet: id, row: top + r, col: left + start }, [run]);
        }
        start = end;
      }
    });
  }

  usedArea(sheet: string): Area | undefined {
    const values = this.engine.getSheetValues(this.id(sheet));
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
      }),
    );
    return bottom < 0 ? undefined : { top, left, height: bottom - top + 1, width: right - left + 1 };
  }

  onCalculated(listener: (sheets: ReadonlySet<string>) => void): void {
    this.engine.on("valuesUpdated", (changes) => {
      const sheets = new Set<string>();
      for (const change of changes) {
        const sheet = "address" in change && change.address && "sheet" in change.address ? change.address.sheet : undefined;
        const name = sheet === undefined ? undefined : this.engine.getSheetName(sheet);
        if (name) sheets.add(name);
      }
      if (sheets.size > 0) listener(sheets);
    });
  }
}

/** An empty workbook over HyperFormula. */
export function createHyperFormulaWorkbook(): HyperFormulaWorkbook {
  const store = new HyperFormulaStore();
  const book = new OfficeWorkbook(store);
  store.tables = () => book.tables;
  return { book, engine: store.engine };
}
