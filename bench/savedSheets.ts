import { readFileSync } from "fs";
import JSZip from "jszip";
import { columnLetters } from "../src/okr/references";

/** A cell as LibreOffice saved it: its type attribute (n, s, str, e, b) and its value text. */
export interface SavedCell {
  type: string;
  value: string;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/**
 * The cells of one sheet of a saved .xlsx, by address, read straight from the package: loading the
 * whole workbook (200,000 job rows) to read a few hundred cells would cost more than the benchmark.
 */
export async function sheetCells(file: string, sheetName: string): Promise<Map<string, SavedCell>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = (name: string) => zip.file(name)!.async("string");
  const workbook = await text("xl/workbook.xml");
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`${file} has no sheet "${sheetName}"`);
  const shared = zip.file("xl/sharedStrings.xml")
    ? [...(await text("xl/sharedStrings.xml")).matchAll(/<si>(.*?)<\/si>/gs)].map(([, si]) => unescapeXml([...si.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map(([, t]) => t).join("")))
    : [];
  const cells = new Map<string, SavedCell>();
  const xml = await text(`xl/${target.replace(/^\/?xl\//, "")}`);
  for (const [, address, attributes, inner] of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const type = /t="([^"]+)"/.exec(attributes)?.[1] ?? "n";
    const raw = unescapeXml(/<v>(.*?)<\/v>/s.exec(inner ?? "")?.[1] ?? "");
    cells.set(address, { type, value: type === "s" ? shared[Number(raw)] : raw });
  }
  return cells;
}

/** The error cells among `cells`, as "B7 is #DIV/0!". */
export function errorCells(cells: ReadonlyMap<string, SavedCell>): string[] {
  return [...cells].filter(([, cell]) => cell.type === "e").map(([address, cell]) => `${address} is ${cell.value}`);
}

/** A saved table's row: its cells by column header. */
export type SavedRow = Map<string, SavedCell | undefined>;

/**
 * The table whose headers are on row `headerRow` (1-based, from column A to the first blank), a row per
 * sheet row below it down to the first whose column A is empty.
 */
export function tableBelow(cells: ReadonlyMap<string, SavedCell>, headerRow: number): SavedRow[] {
  const headers: string[] = [];
  for (let c = 0; cells.get(`${columnLetters(c)}${headerRow}`)?.value; c++) headers.push(cells.get(`${columnLetters(c)}${headerRow}`)!.value);
  const rows: SavedRow[] = [];
  for (let r = headerRow + 1; cells.get(`A${r}`)?.value; r++) rows.push(new Map(headers.map((header, c) => [header, cells.get(`${columnLetters(c)}${r}`)])));
  return rows;
}
