import JSZip from "jszip";
import path from "path";
import { Readable } from "stream";

/**
 * Where things are in an .xlsx package, read from its relationships as Excel reads them: the
 * worksheets in workbook order, and the parts a part links to. Parts are small XML documents
 * here (workbook.xml, .rels files), never worksheets, so they are read as strings.
 */

export const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKBOOK = "xl/workbook.xml";

/** A link from a .rels file: its id, its type's last word (worksheet, table, styles...), the part it names. */
export interface Link {
  id: string;
  type: string;
  part: string;
}

export const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}=["']([^"']*)["']`).exec(tag)?.[1];

/** The .rels file of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export const relsOf = (part: string): string => path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

/** A link's target as Excel writes it: relative to the folder of the part that links. */
export const relativeTarget = (owner: string, part: string): string => path.posix.relative(path.posix.join("/", path.posix.dirname(owner)), path.posix.join("/", part));

/** The links of `owner` (a part) to other parts of the package; external links left out. */
export async function linksOf(zip: JSZip, owner: string): Promise<Link[]> {
  const xml = await zip.file(relsOf(owner))?.async("string");
  return [...(xml ?? "").matchAll(/<Relationship\b[^>]*>/g)].flatMap(([tag]) => {
    const target = attribute(tag, "Target");
    if (target === undefined || attribute(tag, "TargetMode") === "External") return [];
    const part = target.startsWith("/") ? path.posix.normalize(target.slice(1)) : path.posix.join(path.posix.dirname(owner), target);
    return [{ id: attribute(tag, "Id") ?? "", type: attribute(tag, "Type")?.split("/").pop() ?? "", part }];
  });
}

/** A worksheet as workbook.xml lists it. */
export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The relationship id linking the workbook to the sheet's part. */
  id: string;
  part: string;
}

/** Text as an XML attribute value holds it, in double quotes. */
export const xmlEscaped = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Text from XML with its five entities read. */
export const xmlUnescaped = (text: string): string => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The package's worksheets in workbook order (chart sheets and missing parts left out). */
export async function worksheetEntries(zip: JSZip): Promise<SheetEntry[]> {
  const workbook = (await zip.file(WORKBOOK)?.async("string")) ?? "";
  const links = await linksOf(zip, WORKBOOK);
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].flatMap(([tag]) => {
    const id = /\s[\w]+:id=["']([^"']*)["']/.exec(tag)?.[1];
    const link = links.find((l) => l.id === id && l.type === "worksheet" && zip.file(l.part));
    return link && id ? [{ name: xmlUnescaped(attribute(tag, "name") ?? ""), sheetId: Number(attribute(tag, "sheetId")), id, part: link.part }] : [];
  });
}

/** The part the workbook links to with a relationship of `type` (styles, sharedStrings...), if the package holds it. */
export async function workbookPart(zip: JSZip, type: string): Promise<string | undefined> {
  return (await linksOf(zip, WORKBOOK)).find((link) => link.type === type && zip.file(link.part))?.part;
}

/** A part's bytes as a stream that can be read with for await (JSZip's own stream is an old-style one). */
export function partStream(zip: JSZip, part: string): Readable {
  return new Readable().wrap(zip.file(part)!.nodeStream("nodebuffer"));
}

/** The first `length` bytes of a part as text: a worksheet's megabytes are not inflated to look at its start. */
export async function partHead(zip: JSZip, part: string, length: number): Promise<string> {
  let head = Buffer.alloc(0);
  for await (const chunk of partStream(zip, part)) {
    head = Buffer.concat([head, chunk as Buffer]);
    if (head.length >= length) break;
  }
  return head.subarray(0, length).toString("utf8");
}
