import JSZip from "jszip";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { StringDecoder } from "string_decoder";
import { serialFromParts } from "../src/kpi/coerce";
import { partStream } from "./packageParts";
import { SheetCells, TextTable } from "./sheetCells";

/**
 * Reads a package's worksheets and shared strings as streams, so a sheet of a million rows is never
 * one string: each cell goes straight into compact storage (SheetCells), and what surrounds the
 * cells (columns, views, protection, conditional formats, table links) is kept as the sheet's
 * skeleton, a worksheet part with empty <sheetData/>, small enough for ExcelJS to model.
 */

/** Calls `each` with the part's text, chunk by chunk, decoded as UTF-8 across chunk boundaries. */
async function eachChunk(zip: JSZip, part: string, each: (text: string) => void): Promise<void> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of partStream(zip, part)) each(decoder.write(chunk as Buffer));
  each(decoder.end());
}

/** A tag's name without its prefix, if any. */
const local = (tag: { name: string }) => tag.name.slice(tag.name.indexOf(":") + 1);

/** A SAX parser fed by `eachChunk`, calling back with an error naming the part on bad XML. */
function parser(part: string): SaxesParser {
  const sax = new SaxesParser();
  sax.on("error", (error) => {
    throw new Error(`${part}: ${error.message}`);
  });
  return sax;
}

/** The text of a string item (<si> or <is>): its <t> runs, phonetic guides (<rPh>) left out. */
function textCollector(sax: SaxesParser, done: (text: string) => void, item: string): void {
  let text = "";
  let inText = false;
  let phonetic = 0;
  sax.on("opentag", (tag) => {
    if (local(tag) === item) text = "";
    else if (local(tag) === "rPh") phonetic++;
    else if (local(tag) === "t" && phonetic === 0) inText = true;
  });
  sax.on("text", (chunk) => {
    if (inText) text += chunk;
  });
  sax.on("closetag", (tag) => {
    if (local(tag) === "t") inText = false;
    else if (local(tag) === "rPh") phonetic--;
    else if (local(tag) === item) done(text);
  });
}

/** Reads the shared strings part into `texts`, in order. */
export async function readSharedStrings(zip: JSZip, part: string, texts: TextTable): Promise<void> {
  const sax = parser(part);
  textCollector(sax, (text) => texts.addShared(text), "si");
  await eachChunk(zip, part, (text) => void sax.write(text));
  sax.close();
}

/** A1 reference → 0-based row and column. */
function cellAt(reference: string): { row: number; column: number } | undefined {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(reference);
  if (!match) return undefined;
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** An ISO date or date-time (a t="d" cell) as an Excel serial. */
function isoSerial(text: string): number {
  const [, y, m, d, hh = "0", mm = "0", ss = "0"] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text) ?? [];
  return y === undefined ? NaN : serialFromParts(Number(y), Number(m), Number(d), Number(hh), Number(mm), Number(ss));
}

/** A cell being read: what its tags said so far. */
interface PendingCell {
  row: number;
  column: number;
  type: string;
  style: number;
  value?: string;
  formula?: string;
  shared?: number;
  inline?: string;
}

/** Stores a cell as read: by its type attribute t (s shared string, str, inlineStr, b, e, d, n). */
function store(cells: SheetCells, cell: PendingCell): void {
  const { row, column, type, value } = cell;
  // A style alone (a formatted empty cell) is not kept: only the formats of cells holding something are read.
  if (cell.style > 0 && (value !== undefined || cell.formula !== undefined || cell.inline !== undefined)) cells.setStyle(row, column, cell.style);
  if (cell.formula !== undefined) {
    const cached = value === undefined ? "" : type === "str" ? value : type === "b" ? value === "1" : type === "e" ? value : Number(value);
    cells.setFormula(row, column, cell.formula, cached, cell.shared);
  } else if (type === "inlineStr") cells.setText(row, column, cell.inline ?? "");
  else if (value === undefined) return;
  else if (type === "s") cells.setSharedString(row, column, Number(value));
  else if (type === "str") cells.setText(row, column, value);
  else if (type === "b") cells.setBoolean(row, column, value === "1" || value === "true");
  else if (type === "e") cells.setError(row, column, value);
  else if (type === "d") cells.setNumber(row, column, isoSerial(value));
  else if (value !== "") cells.setNumber(row, column, Number(value));
}

/**
 * Reads a worksheet part: its cells into a new SheetCells (texts numbered in `texts`, where the
 * shared strings already are), and its skeleton: the part's XML with the cells left out.
 */
export async function readWorksheet(zip: JSZip, part: string, texts: TextTable): Promise<{ cells: SheetCells; skeleton: string }> {
  const cells = new SheetCells(texts);
  const sax = parser(part);
  let row = -1;
  let column = -1;
  let cell: PendingCell | undefined;
  /** The element whose text is being collected: v, f, or t inside is. */
  let collecting: "v" | "f" | "t" | undefined;
  let inInline = false;
  sax.on("opentag", (tag: SaxesTagPlain) => {
    const attributes = tag.attributes as Record<string, string>;
    switch (local(tag)) {
      case "row":
        row = attributes.r !== undefined ? Number(attributes.r) - 1 : row + 1;
        column = -1;
        break;
      case "c": {
        const at = attributes.r !== undefined ? cellAt(attributes.r) : undefined;
        if (at) [row, column] = [at.row, at.column];
        else column++;
        cell = { row, column, type: attributes.t ?? "n", style: Number(attributes.s ?? 0) };
        break;
      }
      case "v":
        collecting = "v";
        if (cell) cell.value = "";
        break;
      case "f":
        collecting = "f";
        if (cell) {
          cell.formula = "";
          if (attributes.t === "shared" && attributes.si !== undefined) cell.shared = Number(attributes.si);
        }
        break;
      case "is":
        inInline = true;
        if (cell) cell.inline = "";
        break;
      case "t":
        if (inInline) collecting = "t";
        break;
      case "rPh":
        inInline = false; // a phonetic guide is not part of the text
        break;
    }
  });
  sax.on("text", (text) => {
    if (!cell || !collecting) return;
    if (collecting === "v") cell.value += text;
    else if (collecting === "f") cell.formula += text;
    else cell.inline += text;
  });
  sax.on("closetag", (tag) => {
    if (local(tag) === "v" || local(tag) === "f" || local(tag) === "t") collecting = undefined;
    else if (local(tag) === "is") inInline = false;
    else if (local(tag) === "c" && cell) {
      store(cells, cell);
      cell = undefined;
    }
  });
  const skeleton = new SkeletonCollector();
  await eachChunk(zip, part, (text) => {
    skeleton.push(text);
    sax.write(text);
  });
  sax.close();
  return { cells, skeleton: skeleton.xml(part) };
}

/** <sheetData> and its end tag, with the prefix the Open XML SDK gives every tag (<x:sheetData>), if any. */
const OPEN = /<([\w.-]+:)?sheetData\b[^>]*>/;
const CLOSE = /<\/(?:[\w.-]+:)?sheetData\s*>/;
/** Kept from the end of each chunk of cells, so an end tag split between chunks is still found. */
const CLOSE_TAG_ROOM = 64;

/** Keeps a worksheet's XML around its <sheetData>, from the raw text (cell text never holds a literal "<"). */
class SkeletonCollector {
  private head = "";
  private tail = "";
  private carry = "";
  private prefix = "";
  private phase: "head" | "cells" | "tail" = "head";

  push(text: string): void {
    if (this.phase === "tail") {
      this.tail += text;
      return;
    }
    this.carry += text;
    if (this.phase === "head") {
      const open = OPEN.exec(this.carry);
      if (!open) return;
      this.head = this.carry.slice(0, open.index);
      this.prefix = open[1] ?? "";
      this.carry = this.carry.slice(open.index + open[0].length);
      this.phase = "cells";
      if (open[0].endsWith("/>")) {
        this.phase = "tail";
        this.tail = this.carry;
        return;
      }
    }
    const close = CLOSE.exec(this.carry);
    if (!close) {
      this.carry = this.carry.slice(-CLOSE_TAG_ROOM);
      return;
    }
    this.phase = "tail";
    this.tail = this.carry.slice(close.index + close[0].length);
    this.carry = "";
  }

  xml(part: string): string {
    if (this.phase !== "tail") throw new Error(`${part} has no <sheetData> element: it is not a worksheet`);
    return `${this.head}<${this.prefix}sheetData/>${this.tail}`;
  }
}
