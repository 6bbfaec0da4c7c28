import { slideFormula } from "exceljs/lib/utils/shared-formula";
import { Area } from "./address";
import { columnLetters } from "../src/okr/references";
import { Content, Value } from "./store";

/**
 * A sheet's cells as read from a file, column by column in typed arrays: a byte for what a cell
 * holds, a number (the value, or where its text or formula is kept) and its style. A million rows
 * of a seventeen-column job log take under 200 MB this way, where one object per cell took gigabytes.
 */

const EMPTY = 0;
const NUMBER = 1;
const TEXT = 2;
const BOOLEAN = 3;
const ERROR = 4;
const FORMULA = 5;

/** Texts, each kept once for a whole workbook: a file's shared strings, then any other text met. */
export class TextTable {
  private readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** Adds a shared string in the file's order (its index there is its index here). */
  addShared(text: string): void {
    this.texts.push(text);
  }

  get(index: number): string {
    return this.texts[index] ?? "";
  }

  /** The number of a text, adding it if new (shared strings are not looked up: a duplicate costs one entry). */
  numberOf(text: string): number {
    let number = this.numbers.get(text);
    if (number === undefined) {
      number = this.texts.push(text) - 1;
      this.numbers.set(text, number);
    }
    return number;
  }
}

/** A formula cell: its text (without =), or the shared formula it follows; its cached result. */
interface FormulaCell {
  formula: string | { shared: number; row: number; column: number };
  cached: Value;
}

interface Column {
  kinds: Uint8Array;
  numbers: Float64Array;
  /** The cell's style (its cell format's index in the styles part). */
  styles: Uint16Array;
}

export class SheetCells {
  private readonly columns: (Column | undefined)[] = [];
  private readonly formulas: FormulaCell[] = [];
  /** Shared formulas by their si: the master's formula and cell. */
  private readonly shared = new Map<number, { formula: string; row: number; column: number }>();
  private area: { top: number; left: number; bottom: number; right: number } | undefined;

  constructor(private readonly texts: TextTable) {}

  setNumber(row: number, column: number, value: number): void {
    this.put(row, column, NUMBER, value);
  }

  setBoolean(row: number, column: number, value: boolean): void {
    this.put(row, column, BOOLEAN, value ? 1 : 0);
  }

  setError(row: number, column: number, error: string): void {
    this.put(row, column, ERROR, this.texts.numberOf(error));
  }

  setText(row: number, column: number, text: string): void {
    this.put(row, column, TEXT, this.texts.numberOf(text), text === "");
  }

  setSharedString(row: number, column: number, index: number): void {
    this.put(row, column, TEXT, index, this.texts.get(index) === "");
  }

  /** A formula (without =); `shared` is a shared formula's si, for its master (with the formula) or a cell following it (without). */
  setFormula(row: number, column: number, formula: string, cached: Value, shared?: number): void {
    let text: FormulaCell["formula"] = formula;
    if (shared !== undefined) {
      const master = this.shared.get(shared);
      if (formula !== "" || !master) this.shared.set(shared, { formula, row, column });
      else text = { shared, row: master.row, column: master.column };
    }
    this.put(row, column, FORMULA, this.formulas.push({ formula: text, cached }) - 1);
  }

  /** Gives a cell the style numbered `style` in the file's styles part. */
  setStyle(row: number, column: number, style: number): void {
    this.grown(column, row).styles[row] = style;
  }

  /** The number of the cell's style in the file's styles part (0: the default). */
  style(row: number, column: number): number {
    const cells = this.columns[column];
    return cells && row < cells.styles.length ? cells.styles[row] : 0;
  }

  /** The formula (without =) of a formula cell, a shared one slid from its master to this cell. */
  private formulaAt(cell: FormulaCell, row: number, column: number): string {
    if (typeof cell.formula === "string") return cell.formula;
    const master = this.shared.get(cell.formula.shared)!;
    return slideFormula(master.formula, address(master.row, master.column), address(row, column));
  }

  private at(row: number, column: number): { kind: number; number: number } {
    const cells = this.columns[column];
    if (!cells || row >= cells.kinds.length) return { kind: EMPTY, number: 0 };
    return { kind: cells.kinds[row], number: cells.numbers[row] };
  }

  /** The cell's content as typed ("=..." for a formula), its computed value, and whether it is text. */
  read(row: number, column: number, fromFileFormula: (formula: string) => string): { content: Content; value: Value; text: boolean } {
    const { kind, number } = this.at(row, column);
    switch (kind) {
      case NUMBER:
        return { content: number, value: number, text: false };
      case TEXT: {
        const text = this.texts.get(number);
        return { content: text, value: text, text: true };
      }
      case BOOLEAN:
        return { content: number === 1, value: number === 1, text: false };
      case ERROR: {
        const error = this.texts.get(number);
        return { content: error, value: error, text: false };
      }
      case FORMULA: {
        const cell = this.formulas[number];
        return { content: `=${fromFileFormula(this.formulaAt(cell, row, column))}`, value: cell.cached, text: false };
      }
      default:
        return { content: null, value: "", text: false };
    }
  }

  /** The smallest area holding every cell that is not empty (empty text counts as empty), or undefined. */
  usedArea(): Area | undefined {
    const area = this.area;
    return area && { top: area.top, left: area.left, height: area.bottom - area.top + 1, width: area.right - area.left + 1 };
  }

  private put(row: number, column: number, kind: number, number: number, blank = false): void {
    const cells = this.grown(column, row);
    cells.kinds[row] = kind;
    cells.numbers[row] = number;
    if (blank) return;
    const area = this.area;
    if (!area) this.area = { top: row, left: column, bottom: row, right: column };
    else [area.top, area.left, area.bottom, area.right] = [Math.min(area.top, row), Math.min(area.left, column), Math.max(area.bottom, row), Math.max(area.right, column)];
  }

  /** The column, grown (doubling) to hold `row`. */
  private grown(column: number, row: number): Column {
    let cells = this.columns[column];
    if (!cells || row >= cells.kinds.length) {
      const length = Math.max(row + 1, (cells?.kinds.length ?? 0) * 2, 1024);
      const grown = { kinds: new Uint8Array(length), numbers: new Float64Array(length), styles: new Uint16Array(length) };
      if (cells) {
        grown.kinds.set(cells.kinds);
        grown.numbers.set(cells.numbers);
        grown.styles.set(cells.styles);
      }
      this.columns[column] = cells = grown;
    }
    return cells;
  }
}

const address = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
