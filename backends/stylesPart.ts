import { attribute, xmlUnescaped } from "./packageParts";

/**
 * A workbook's styles part (xl/styles.xml): the number format of each cell style, and the merge
 * of the styles of sheets written by ExcelJS into a file's own.
 *
 * The merge adds the styles of sheets written by ExcelJS to a file's own styles part, so the sheets copied
 * from the file keep their style numbers: ExcelJS numbers styles afresh on every save. Each list
 * of the new part (number formats, fonts, fills, borders, cell formats, differential formats) is
 * appended to the file's, and the new sheets' style numbers are shifted to match.
 */

/** The lists of a styles part, in the order the schema (CT_Stylesheet) gives them. */
const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
/** The first custom number format's id: lower ids are Excel's built-in formats. */
const FIRST_CUSTOM_FORMAT = 164;

/** The top-level elements of an XML fragment, each as its text. */
function childElements(inner: string): string[] {
  const children: string[] = [];
  let depth = 0;
  let start = 0;
  for (const match of inner.matchAll(/<(\/?)[\w:]+[^>]*?(\/?)>/g)) {
    const [tag, closing, selfClosing] = match;
    if (tag.startsWith("<?") || tag.startsWith("<!")) continue;
    if (depth === 0) start = match.index!;
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0) children.push(inner.slice(start, match.index! + tag.length));
  }
  return children;
}

/** A list of the styles part: its children, or undefined when the part has none. */
function section(xml: string, name: string): string[] | undefined {
  const match = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return match ? childElements(match[1] ?? "") : undefined;
}

/** The styles part with the list `name` set to `children`, added in its place if it was not there. */
function withSection(xml: string, name: string, children: readonly string[]): string {
  const element = `<${name} count="${children.length}">${children.join("")}</${name}>`;
  const existing = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`);
  if (existing.test(xml)) return xml.replace(existing, () => element);
  const later = SECTIONS.slice(SECTIONS.indexOf(name) + 1)
    .map((next) => xml.search(new RegExp(`<${next}\\b`)))
    .filter((at) => at >= 0);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf("</styleSheet>");
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

/** Excel's built-in number formats (ECMA-376 18.8.30) as Office.js names them (en-US); General (0) is not here. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/**
 * The number format of each cell style (by its index in cellXfs), undefined for General.
 * @example cellNumberFormats('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>') //=> [undefined, "0%"]
 */
export function cellNumberFormats(styles: string): (string | undefined)[] {
  const custom = new Map((section(styles, "numFmts") ?? []).map((format) => [Number(attribute(format, "numFmtId")), xmlUnescaped(attribute(format, "formatCode") ?? "")]));
  return (section(styles, "cellXfs") ?? []).map((xf) => {
    const id = Number(attribute(xf, "numFmtId") ?? 0);
    const format = custom.get(id) ?? BUILT_IN_FORMATS[id];
    return format === "General" ? undefined : format;
  });
}

const setAttribute = (tag: string, name: string, value: string | number) => tag.replace(new RegExp(`(\\s${name}=)["'][^"']*["']`), `$1"${value}"`);

/** Shifts a number attribute in every tag of `xml` matched by `tags`. */
function shifted(xml: string, tags: RegExp, name: string, shift: (n: number) => number): string {
  return xml.replace(tags, (tag) => {
    const value = attribute(tag, name);
    return value === undefined ? tag : setAttribute(tag, name, shift(Number(value)));
  });
}

export interface MergedStyles {
  /** The file's styles part with the new styles added. */
  xml: string;
  /** A worksheet or table part written against the new styles, renumbered against the merged ones. */
  renumber: (part: string) => string;
}

/** Merges `added` (ExcelJS's styles part) into `own` (the file's). */
export function mergeStyles(own: string, added: string): MergedStyles {
  const list = (xml: string, name: string) => section(xml, name) ?? [];
  // Number formats: one already in the file is reused by its id; a new one gets the next free id.
  const ownFormats = list(own, "numFmts");
  const formatIds = new Map(ownFormats.map((format) => [attribute(format, "formatCode"), Number(attribute(format, "numFmtId"))]));
  let nextId = Math.max(FIRST_CUSTOM_FORMAT - 1, ...formatIds.values()) + 1;
  const newFormats: string[] = [];
  const formatMap = new Map<number, number>();
  for (const format of list(added, "numFmts")) {
    const code = attribute(format, "formatCode");
    let id = formatIds.get(code);
    if (id === undefined) {
      id = nextId++;
      formatIds.set(code, id);
      newFormats.push(setAttribute(format, "numFmtId", id));
    }
    formatMap.set(Number(attribute(format, "numFmtId")), id);
  }
  const offsets: Record<string, number> = {};
  let xml = newFormats.length > 0 ? withSection(own, "numFmts", [...ownFormats, ...newFormats]) : own;
  for (const name of ["fonts", "fills", "borders", "dxfs"]) {
    const ownList = list(xml, name);
    offsets[name] = ownList.length;
    const addedList = list(added, name);
    if (addedList.length > 0) xml = withSection(xml, name, [...ownList, ...addedList]);
  }
  // A cell format of the new styles, pointing at the merged lists; its cell style is the file's Normal (0).
  const cellFormat = (xf: string) => {
    let tag = xf;
    const formatId = Number(attribute(tag, "numFmtId") ?? 0);
    tag = setAttribute(tag, "numFmtId", formatMap.get(formatId) ?? formatId);
    for (const [name, list] of [["fontId", "fonts"], ["fillId", "fills"], ["borderId", "borders"]]) {
      const value = attribute(tag, name);
      if (value !== undefined) tag = setAttribute(tag, name, Number(value) + offsets[list]);
    }
    return attribute(tag, "xfId") === undefined ? tag : setAttribute(tag, "xfId", 0);
  };
  if (section(xml, "cellStyleXfs") === undefined) xml = withSection(xml, "cellStyleXfs", list(added, "cellStyleXfs").slice(0, 1));
  const ownCells = list(xml, "cellXfs");
  const cellOffset = ownCells.length;
  xml = withSection(xml, "cellXfs", [...ownCells, ...list(added, "cellXfs").map(cellFormat)]);
  const renumber = (part: string) => {
    let text = shifted(part, /<(?:c|row)\b[^>]*>/g, "s", (n) => n + cellOffset);
    text = shifted(text, /<col\b[^>]*>/g, "style", (n) => n + cellOffset);
    return shifted(text, /<cfRule\b[^>]*>/g, "dxfId", (n) => n + offsets.dxfs);
  };
  return { xml, renumber };
}
