import { readFile } from "fs/promises";
import JSZip from "jszip";
import path from "path";
import { attribute, partHead, relativeTarget, relsOf } from "./packageParts";

/**
 * An .xlsx file's bytes as ExcelJS can read them. Excel follows a package's relationships and XML
 * namespaces; ExcelJS finds parts by their usual names (xl/worksheets/sheet1.xml, a table linked as
 * ../tables/table1.xml) and tags by their literal names. So what other programs write is repaired
 * in memory first: openpyxl's absolute targets and style-less tables, the Open XML SDK's `x:` tags
 * and sheet.xml names, LibreOffice's style-less tables. The file on disk is never changed.
 */

/** What the user is told, one sentence each, when a file is not a workbook that can be read. */
export const fileProblems = {
  cannotOpen: (file: string, reason: string) => `"${file}" could not be opened: ${reason}.`,
  empty: (file: string) => `"${file}" is empty, not an Excel workbook (.xlsx).`,
  encrypted: (file: string) => `"${file}" is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), save it and try again.`,
  oldExcel: (file: string) => `"${file}" is an Excel 97-2003 file (.xls), not an .xlsx workbook: open it in Excel or LibreOffice and save it as .xlsx.`,
  text: (file: string) => `"${file}" is a text file (CSV), not an Excel workbook (.xlsx): open it in Excel or LibreOffice and save it as .xlsx.`,
  openDocument: (file: string) => `"${file}" is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx): open it in LibreOffice and save it as .xlsx.`,
  notXlsx: (file: string, reason: string) => `"${file}" is not an Excel workbook (.xlsx): ${reason}.`,
  unreadable: (file: string, reason: string) => `"${file}" could not be read as an Excel workbook (.xlsx): ${reason}.`,
};

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PACKAGE = "http://schemas.openxmlformats.org/package/2006/";
/** Namespaces ExcelJS expects as the default one: its parsers compare tag names without prefixes. */
const UNPREFIXED = [MAIN, `${PACKAGE}relationships`, `${PACKAGE}content-types`];

/** The names ExcelJS finds worksheets and tables by, and the name to give one that has another. */
const USUAL_NAMES: Record<string, { pattern: RegExp; name: (n: number) => string }> = {
  worksheet: { pattern: /^xl\/worksheets\/sheet\d+\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml` },
  table: { pattern: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
};

/** A table with no style is shown plain; this says so explicitly, as ExcelJS needs to save it. */
const PLAIN_TABLE_STYLE = '<tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>';

/**
 * The bytes of the .xlsx file `file`, repaired where ExcelJS could not read them; throws an Error
 * of one sentence when the file is not an .xlsx workbook (a CSV, an .xls, an encrypted file...).
 * @example await readXlsxPackage("jobs.csv") //=> throws '"jobs.csv" is a text file (CSV), not an Excel workbook (.xlsx): ...'
 */
export async function readXlsxPackage(file: string): Promise<ArrayBuffer> {
  const { zip, repaired, bytes } = await loadPackage(file, true);
  return repaired ? zip.generateAsync({ type: "arraybuffer" }) : new Uint8Array(bytes).buffer;
}

/**
 * The .xlsx file `file` as a zip package, repaired where needed but for the worksheets' prefixed
 * tags: a worksheet is streamed, and the tags of its skeleton unprefixed (withoutPrefixes), so a
 * million-row sheet is never decoded into one string. Parts are read only when asked for; throws
 * as readXlsxPackage does.
 * @example (await openXlsxPackage("jobs.xlsx")).file("xl/workbook.xml") !== null //=> true
 */
export async function openXlsxPackage(file: string): Promise<JSZip> {
  return (await loadPackage(file, false)).zip;
}

async function loadPackage(file: string, worksheetTags: boolean): Promise<{ zip: JSZip; repaired: boolean; bytes: Buffer }> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(fileProblems.cannotOpen(file, error.code === "ENOENT" ? "there is no such file" : error.message));
  });
  const kind = notAPackage(bytes);
  if (kind) throw new Error(kind(file));
  const zip = await JSZip.loadAsync(bytes).catch((error: Error) => {
    throw new Error(fileProblems.notXlsx(file, `its zip structure is damaged (${error.message})`));
  });
  const repaired = await repair(zip, worksheetTags);
  if (!zip.file("xl/workbook.xml")) {
    const mimetype = await zip.file("mimetype")?.async("string");
    throw new Error(mimetype?.includes("opendocument.spreadsheet") ? fileProblems.openDocument(file) : fileProblems.notXlsx(file, "the zip file holds no xl/workbook.xml part"));
  }
  return { zip, repaired, bytes };
}

/** Why bytes are not a zip package, told from their first bytes, or undefined when they are one. */
function notAPackage(bytes: Buffer): ((file: string) => string) | undefined {
  if (bytes.length === 0) return fileProblems.empty;
  if (bytes.subarray(0, 2).toString("latin1") === "PK") return undefined;
  // An OLE compound file: an encrypted .xlsx is one holding an EncryptionInfo stream, else it is an .xls.
  if (bytes.subarray(0, 8).equals(Buffer.from("d0cf11e0a1b11ae1", "hex"))) {
    return bytes.includes(Buffer.from("EncryptionInfo", "utf16le")) ? fileProblems.encrypted : fileProblems.oldExcel;
  }
  if (!bytes.subarray(0, 4096).includes(0)) return fileProblems.text;
  return (file) => fileProblems.notXlsx(file, "it is not a zip package");
}

/** Repairs the package in place (worksheets' tags too, or not); says whether anything was changed. */
async function repair(zip: JSZip, worksheetTags: boolean): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name))) {
    // The root tag tells; a worksheet's megabytes are decoded only when it has to change.
    const root = PREFIXED_ROOT.exec(await partHead(zip, name, 2048));
    if (!root || (root[1] === "worksheet" && !worksheetTags)) continue;
    const xml = await zip.file(name)!.async("string");
    const fixed = withoutPrefixes(xml);
    if (fixed === xml) continue;
    zip.file(name, fixed);
    changed = true;
  }
  changed = (await relinkParts(zip)) || changed;
  for (const name of Object.keys(zip.files).filter((name) => USUAL_NAMES.table.pattern.test(name))) {
    const xml = await zip.file(name)!.async("string");
    if (/<tableStyleInfo\b/.test(xml)) continue;
    // Its place in the schema: right after the columns.
    zip.file(name, xml.replace("</tableColumns>", `</tableColumns>${PLAIN_TABLE_STYLE}`));
    changed = true;
  }
  return changed;
}

/** A document whose first element has a prefix, `<?xml ...?><x:worksheet`: its local name. */
const PREFIXED_ROOT = /^(?:\uFEFF)?(?:\s*<[?!][^>]*>)*\s*<[A-Za-z_]\w*:([\w.-]+)/;

/**
 * `<x:worksheet xmlns:x="…/main">…</x:worksheet>` as `<worksheet xmlns="…/main">…</worksheet>`.
 * @example withoutPrefixes('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>') //=> '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
 */
export function withoutPrefixes(xml: string): string {
  const root = /<([A-Za-z_]\w*):[\w.-]+([^>]*)>/.exec(xml);
  if (!root) return xml;
  const [, prefix, attributes] = root;
  const namespace = new RegExp(`\\sxmlns:${prefix}="([^"]*)"`).exec(attributes)?.[1];
  if (!namespace || !UNPREFIXED.includes(namespace) || /\sxmlns=/.test(attributes)) return xml;
  return xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1").replace(new RegExp(`xmlns:${prefix}=`, "g"), "xmlns=");
}

/** A link from a .rels file to a part of the package. */
interface Link {
  tag: string;
  /** The relationship type's last word: worksheet, table, styles... */
  type: string;
  part: string;
}

/** The part a .rels file belongs to: xl/_rels/workbook.xml.rels → xl/workbook.xml; _rels/.rels → "" (the package). */
const ownerOf = (rels: string) => rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");

/** The links a .rels file holds to parts in the zip (external links and missing parts left out). */
async function readLinks(zip: JSZip, rels: string): Promise<{ rels: string; xml: string; links: Link[] }> {
  const owner = ownerOf(rels);
  const xml = await zip.file(rels)!.async("string");
  const links = [...xml.matchAll(/<Relationship\b[^>]*>/g)].flatMap(([tag]) => {
    const target = attribute(tag, "Target");
    if (target === undefined || attribute(tag, "TargetMode") === "External") return [];
    const part = target.startsWith("/") ? path.posix.normalize(target.slice(1)) : path.posix.join(path.posix.dirname(owner), target);
    return zip.file(part) ? [{ tag, type: attribute(tag, "Type")?.split("/").pop() ?? "", part }] : [];
  });
  return { rels, xml, links };
}

/** New names for the worksheets and tables ExcelJS would not find under theirs (the SDK's sheet.xml). */
function usualNames(zip: JSZip, links: readonly Link[]): Map<string, string> {
  const renames = new Map<string, string>();
  const taken = (name: string) => zip.file(name) !== null || [...renames.values()].includes(name);
  for (const { type, part } of links) {
    const usual = USUAL_NAMES[type];
    if (!usual || usual.pattern.test(part) || renames.has(part)) continue;
    let n = 1;
    while (taken(usual.name(n))) n++;
    renames.set(part, usual.name(n));
  }
  return renames;
}

/**
 * Gives worksheets and tables the names ExcelJS looks for, and writes every link to a part
 * relative to the part linking to it, where openpyxl and the SDK write "/xl/tables/table1.xml".
 */
async function relinkParts(zip: JSZip): Promise<boolean> {
  const files = await Promise.all(Object.keys(zip.files).filter((name) => /(^|\/)_rels\/[^/]*\.rels$/.test(name)).map((rels) => readLinks(zip, rels)));
  const renames = usualNames(zip, files.flatMap((file) => file.links));
  const renamed = (part: string) => renames.get(part) ?? part;
  let changed = false;
  for (const { rels, xml, links } of files) {
    const owner = renamed(ownerOf(rels));
    let fixed = xml;
    for (const { tag, part } of links) {
      const target = relativeTarget(owner, renamed(part));
      if (target !== attribute(tag, "Target")) fixed = fixed.replace(tag, tag.replace(/(\sTarget=)["'][^"']*["']/, `$1"${target}"`));
    }
    const name = owner === ownerOf(rels) ? rels : relsOf(owner);
    if (fixed === xml && name === rels) continue;
    zip.remove(rels);
    zip.file(name, fixed);
    changed = true;
  }
  let types = await zip.file("[Content_Types].xml")?.async("string");
  for (const [from, to] of renames) {
    zip.file(to, await zip.file(from)!.async("uint8array"));
    zip.remove(from);
    types = types?.replace(`PartName="/${from}"`, `PartName="/${to}"`);
  }
  if (types !== undefined && renames.size > 0) zip.file("[Content_Types].xml", types);
  return changed || renames.size > 0;
}
