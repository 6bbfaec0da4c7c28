import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { openXlsx } from "../backends/xlsxFile";
import { readXlsxPackage, withoutPrefixes } from "../backends/xlsxPackage";
import { exportOkr } from "../scripts/okr";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { renderProblem } from "../src/okr/problems";
import { SAMPLE_ROWS } from "../src/okr/sheetLayout";
import { surveys } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile, saveWithPassword } from "./soffice";

/**
 * Job workbooks as other programs write them, read the way `npm run okr` reads them. Each fixture
 * is made as its program makes it, never by our own writer: package parts shaped like openpyxl's,
 * the Open XML SDK's and a minimal exporter's, written here by hand; LibreOffice's made by
 * LibreOffice itself, from a CSV and from a flat ODS. They all hold the one job log below.
 */

const dir = mkdtempSync(path.join(tmpdir(), "okr-other-programs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADERS = ["Job date", "Customer", "Technician", "Amount", "NPS", "First-visit fix"];
type Job = [serial: number, iso: string, customer: string, technician: string, amount: number, nps: number | null, firstVisitFix: boolean];
/** Two quarters of jobs; each date as an Excel serial and as ISO text, worked out by hand. */
const JOBS: Job[] = [
  [46114, "2026-04-02", "Ann Lee", "Maria Lopez", 120.5, 9, true],
  [46156, "2026-05-14", "Bob Stone", "James Carter", 80, 6, false],
  [46193, "2026-06-20", "Cy Park", "Maria Lopez", 210, 10, true],
  [46206, "2026-07-03", "Ann Lee", "Maria Lopez", 320, 10, true],
  [46218, "2026-07-15", "Dee Ray", "James Carter", 85, 7, true],
  [46236, "2026-08-02", "Eve Moss & Co", "Wei Zhang", 640, 3, false],
  [46254, "2026-08-20", "Bob Stone", "Maria Lopez", 180, null, true],
  [46274, "2026-09-09", "Fay Hall", "Wei Zhang", 260, 9, true],
  [46295, "2026-09-30", "Gus Ode", "James Carter", 95, 10, false],
];
/** 2026-Q3 (46204..46295): scores 10, 7, 3, 9, 10 → 3 promoters, 1 detractor of 5 → NPS 40. */
const NPS_Q3 = 40;
/** 2026-Q2: scores 9, 6, 10 → 2 promoters, 1 detractor of 3. */
const NPS_Q2 = 100 / 3;

/** What the adapter reads back: dates as serials or as the text written, flags as booleans or as text. */
function rowsAs(date: "serial" | "text", flag: "boolean" | "text"): unknown[][] {
  return JOBS.map(([serial, iso, customer, technician, amount, nps, fix]) => [
    date === "serial" ? serial : iso,
    customer,
    technician,
    amount,
    nps ?? "",
    flag === "boolean" ? fix : String(fix).toUpperCase(),
  ]);
}

/** Reads the job log as scripts/okr.ts does: the file through openXlsx, the log through the adapter. */
async function readJobLog(file: string) {
  const { book } = await openXlsx(file);
  return createExcelWorkbook(book.run).readJobData();
}

function expectJobLog(data: Awaited<ReturnType<typeof readJobLog>>, source: object, rows: unknown[][]): void {
  if ("problem" in data) throw new Error(renderProblem(data.problem, "en"));
  expect(data.source).toEqual({ ...source, headers: HEADERS });
  expect(data.sample).toHaveLength(SAMPLE_ROWS);
  expect(data.sample.slice(0, JOBS.length)).toEqual(rows);
  expect(data.sample.slice(JOBS.length).flat().every((cell) => cell === "")).toBe(true);
}

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const column = (index: number) => String.fromCharCode(65 + index);

async function writeZip(name: string, parts: Record<string, string>): Promise<string> {
  const zip = new JSZip();
  for (const [part, xml] of Object.entries(parts)) zip.file(part, xml);
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const relationships = (links: [id: string, type: string, target: string][]) =>
  `<Relationships xmlns="${RELS}">${links.map(([id, type, target]) => `<Relationship Type="${R}/${type}" Target="${target}" Id="${id}"/>`).join("")}</Relationships>`;
const contentTypes = (overrides: [part: string, type: string][]) =>
  `<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${SHEET_TYPE}.${type}"/>`).join("")}</Types>`;

/**
 * As openpyxl 3.x saves a workbook with a table (its cell, worksheet, table and workbook writers):
 * inline strings, no shared strings, dates as serials styled yyyy-mm-dd, links to worksheets and
 * tables by absolute paths, a table without <tableStyleInfo>. Here the log is on the second sheet.
 * The theme part openpyxl adds is left out: nothing reads it.
 */
function openpyxlFile(): Promise<string> {
  const cell = (value: unknown, ref: string, isDate: boolean) => {
    if (value === null) return "";
    if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${isDate ? ' s="1"' : ""} t="n"><v>${value}</v></c>`;
  };
  const rows = [HEADERS, ...JOBS.map(([serial, , ...rest]) => [serial, ...rest])]
    .map((values, r) => `<row r="${r + 1}">${values.map((value, c) => cell(value, `${column(c)}${r + 1}`, r > 0 && c === 0)).join("")}</row>`)
    .join("");
  const ref = `A1:F${JOBS.length + 1}`;
  const worksheet = (dimension: string, data: string, tail = "") =>
    `<worksheet xmlns="${MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>${data}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>${tail}</worksheet>`;
  return writeZip("openpyxl.xlsx", {
    "[Content_Types].xml": contentTypes([
      ["/xl/styles.xml", "styles+xml"],
      ["/xl/worksheets/sheet1.xml", "worksheet+xml"],
      ["/xl/worksheets/sheet2.xml", "worksheet+xml"],
      ["/xl/tables/table1.xml", "table+xml"],
      ["/xl/workbook.xml", "sheet.main+xml"],
    ]),
    "_rels/.rels": relationships([["rId1", "officeDocument", "xl/workbook.xml"], ["rId3", "extended-properties", "docProps/app.xml"]]),
    "docProps/app.xml": `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion></Properties>`,
    "xl/workbook.xml":
      `<workbook xmlns="${MAIN}"><workbookPr/><workbookProtection/><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1"/></bookViews>` +
      `<sheets><sheet xmlns:r="${R}" name="Notes" sheetId="1" state="visible" r:id="rId1"/><sheet xmlns:r="${R}" name="Jobs" sheetId="2" state="visible" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="Scores">Jobs!$E$2:$E$${JOBS.length + 1}</definedName></definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`,
    "xl/_rels/workbook.xml.rels": relationships([
      ["rId1", "worksheet", "/xl/worksheets/sheet1.xml"],
      ["rId2", "worksheet", "/xl/worksheets/sheet2.xml"],
      ["rId3", "styles", "styles.xml"],
    ]),
    "xl/styles.xml":
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/><scheme val="minor"/></font></fonts>` +
      `<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/></cellStyles><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
    "xl/worksheets/sheet1.xml": worksheet("A1:A1", `<row r="1"><c r="A1" t="inlineStr"><is><t>Exported from the booking system</t></is></c></row>`),
    "xl/worksheets/sheet2.xml": worksheet(ref, rows, `<tableParts count="1"><tablePart xmlns:r="${R}" r:id="rId1"/></tableParts>`),
    "xl/worksheets/_rels/sheet2.xml.rels": relationships([["rId1", "table", "/xl/tables/table1.xml"]]),
    "xl/tables/table1.xml": `<table id="1" name="Jobs" displayName="Jobs" ref="${ref}" headerRowCount="1" xmlns="${MAIN}"><autoFilter ref="${ref}"/><tableColumns count="6">${HEADERS.map((name, i) => `<tableColumn id="${i + 1}" name="${name}"/>`).join("")}</tableColumns></table>`,
  });
}

/**
 * As programs built on Microsoft's Open XML SDK write (Power BI exports, many .NET tools): every
 * tag prefixed x:, parts named sheet.xml, sheet2.xml and table.xml, linked by absolute paths under
 * random ids, text in t="str" cells (dates too), no styles part. The table has a style.
 */
function openXmlSdkFile(): Promise<string> {
  const cell = (value: unknown, ref: string) => {
    if (value === null) return "";
    if (typeof value === "string") return `<x:c r="${ref}" t="str"><x:v>${xmlText(value)}</x:v></x:c>`;
    if (typeof value === "boolean") return `<x:c r="${ref}" t="b"><x:v>${value ? 1 : 0}</x:v></x:c>`;
    return `<x:c r="${ref}"><x:v>${value}</x:v></x:c>`;
  };
  const rows = [HEADERS, ...JOBS.map(([, iso, ...rest]) => [iso, ...rest])]
    .map((values, r) => `<x:row r="${r + 1}">${values.map((value, c) => cell(value, `${column(c)}${r + 1}`)).join("")}</x:row>`)
    .join("");
  const ref = `A1:F${JOBS.length + 1}`;
  const declaration = '<?xml version="1.0" encoding="utf-8"?>';
  return writeZip("open-xml-sdk.xlsx", {
    "[Content_Types].xml": declaration + contentTypes([
      ["/xl/workbook.xml", "sheet.main+xml"],
      ["/xl/worksheets/sheet.xml", "worksheet+xml"],
      ["/xl/worksheets/sheet2.xml", "worksheet+xml"],
      ["/xl/tables/table.xml", "table+xml"],
    ]),
    "_rels/.rels": declaration + relationships([["R5e0c4b4c2b8a4e4f", "officeDocument", "/xl/workbook.xml"]]),
    "xl/workbook.xml": `${declaration}<x:workbook xmlns:r="${R}" xmlns:x="${MAIN}"><x:sheets><x:sheet name="Jobs" sheetId="1" r:id="R9a1d0f0b3c7e4d21"/><x:sheet name="Lists" sheetId="2" r:id="Rc2f5e8a9d4b34a17"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels":
      declaration +
      relationships([
        ["R9a1d0f0b3c7e4d21", "worksheet", "/xl/worksheets/sheet.xml"],
        ["Rc2f5e8a9d4b34a17", "worksheet", "/xl/worksheets/sheet2.xml"],
      ]),
    "xl/worksheets/sheet.xml": `${declaration}<x:worksheet xmlns:r="${R}" xmlns:x="${MAIN}"><x:sheetData>${rows}</x:sheetData><x:tableParts count="1"><x:tablePart r:id="R3b7f21c6e0d94a55"/></x:tableParts></x:worksheet>`,
    "xl/worksheets/_rels/sheet.xml.rels": declaration + relationships([["R3b7f21c6e0d94a55", "table", "/xl/tables/table.xml"]]),
    "xl/worksheets/sheet2.xml": `${declaration}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="str"><x:v>Technician</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
    "xl/tables/table.xml":
      `${declaration}<x:table id="1" name="Jobs" displayName="Jobs" ref="${ref}" totalsRowShown="0" xmlns:x="${MAIN}"><x:autoFilter ref="${ref}"/><x:tableColumns count="6">` +
      `${HEADERS.map((name, i) => `<x:tableColumn id="${i + 1}" name="${name}"/>`).join("")}</x:tableColumns><x:tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></x:table>`,
  });
}

/**
 * As minimal exporters write (Google-Sheets-like web exports, streaming writers): inline strings,
 * no shared strings and no styles part, dates as ISO text. The log is a plain range at B3 on the
 * second sheet, the one the workbook was saved on; defined names include a print area and a constant.
 */
function minimalFile(): Promise<string> {
  const cell = (value: unknown, ref: string) => {
    if (value === null) return "";
    if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"><v>${value}</v></c>`;
  };
  const rows = [HEADERS, ...JOBS.map(([, iso, ...rest]) => [iso, ...rest])]
    .map((values, r) => `<row r="${r + 3}">${values.map((value, c) => cell(value, `${column(c + 1)}${r + 3}`)).join("")}</row>`)
    .join("");
  return writeZip("minimal.xlsx", {
    "[Content_Types].xml": contentTypes([
      ["/xl/workbook.xml", "sheet.main+xml"],
      ["/xl/worksheets/sheet1.xml", "worksheet+xml"],
      ["/xl/worksheets/sheet2.xml", "worksheet+xml"],
    ]),
    "_rels/.rels": relationships([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml":
      `<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="Read me" sheetId="1" r:id="rId1"/><sheet name="Job log" sheetId="2" r:id="rId2"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'Job log'!$B$3:$G$${JOBS.length + 3}</definedName><definedName name="VatRate">0.2</definedName></definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": relationships([
      ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ["rId2", "worksheet", "worksheets/sheet2.xml"],
    ]),
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Jobs are on the next sheet</t></is></c></row></sheetData></worksheet>`,
    "xl/worksheets/sheet2.xml": `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
  });
}

/** The job log as a CSV, for LibreOffice to import (and for `npm run okr` to refuse). */
function jobsCsv(): string {
  const rows = JOBS.map(([, iso, customer, technician, amount, nps, fix]) => [iso, `"${customer}"`, technician, amount, nps ?? "", String(fix).toUpperCase()]);
  return [HEADERS, ...rows].map((row) => row.join(",")).join("\n") + "\n";
}

/** The job log as a flat ODS document, LibreOffice's own format: a table named Jobs at B3 on the second sheet. */
function jobsFods(): string {
  const value = (v: unknown, isDate: boolean) => {
    if (v === null) return "<table:table-cell/>";
    if (isDate) return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${v}"><text:p>${v}</text:p></table:table-cell>`;
    if (typeof v === "boolean") return `<table:table-cell table:style-name="ce2" office:value-type="boolean" office:boolean-value="${v}"><text:p>${String(v).toUpperCase()}</text:p></table:table-cell>`;
    if (typeof v === "number") return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
    return `<table:table-cell office:value-type="string"><text:p>${xmlText(String(v))}</text:p></table:table-cell>`;
  };
  const rows = [HEADERS, ...JOBS.map(([, iso, ...rest]) => [iso, ...rest])]
    .map((values, r) => `<table:table-row><table:table-cell/>${values.map((v, c) => value(v, r > 0 && c === 0)).join("")}</table:table-row>`)
    .join("\n");
  const ns = (prefix: string, urn: string) => `xmlns:${prefix}="urn:oasis:names:tc:opendocument:xmlns:${urn}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns("office", "office:1.0")} ${ns("table", "table:1.0")} ${ns("text", "text:1.0")} ${ns("style", "style:1.0")} ${ns("number", "datastyle:1.0")} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<number:boolean-style style:name="N2"><number:boolean/></number:boolean-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Read me"><table:table-row><table:table-cell office:value-type="string"><text:p>Jobs are on the next sheet</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Job log">
<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
${rows}
</table:table>
<table:named-expressions><table:named-range table:name="Scores" table:base-cell-address="$'Job log'.$F$4" table:cell-range-address="$'Job log'.$F$4:.$F$${JOBS.length + 3}"/></table:named-expressions>
<table:database-ranges><table:database-range table:name="Jobs" table:target-range-address="$'Job log'.$B$3:.$G$${JOBS.length + 3}" table:display-filter-buttons="true"/></table:database-ranges>
</office:spreadsheet></office:body>
</office:document>
`;
}

/** The NPS key result's cells on the OKR sheet: found by its id in the hidden Id column, below the table's header row (9). */
function npsKeyResult(sheet: ExcelJS.Worksheet): { baseline: unknown; current: unknown } {
  const at = (row: number, name: (typeof TABLE_COLUMNS)[number]) => {
    const value = sheet.getCell(row, TABLE_COLUMNS.indexOf(name) + 1).value;
    if (!value || typeof value !== "object" || !("formula" in value)) return value;
    // ExcelJS reads a cached <v>0</v> as no result at all.
    return "result" in value ? value.result : 0;
  };
  const row = Array.from({ length: sheet.rowCount - 9 }, (_, i) => 10 + i).find((r) => String(at(r, "Id") ?? "").endsWith(":nps"));
  if (row === undefined) throw new Error("The OKR sheet has no NPS key result");
  return { baseline: at(row, "Baseline"), current: at(row, "Current") };
}

/** The KPI library's NPS on the same rows. */
const npsOf = (from: number, to: number) => surveys.nps(JOBS.map((job) => [job[5]]), { dates: JOBS.map((job) => [job[0]]), from, to });

describe("job workbooks shaped as other programs write them", () => {
  it("reads openpyxl's: absolute links, a table with no style, inline strings, the log on the second sheet", async () => {
    const data = await readJobLog(await openpyxlFile());
    expectJobLog(data, { kind: "table", table: "Jobs" }, rowsAs("serial", "boolean"));
    expect("tables" in data && data.tables).toEqual(["Jobs"]);
  });

  it("reads the Open XML SDK's: x:-prefixed tags, sheet.xml and table.xml, absolute links, text cells", async () => {
    const file = await openXmlSdkFile();
    expectJobLog(await readJobLog(file), { kind: "table", table: "Jobs" }, rowsAs("text", "boolean"));
    const { book } = await openXlsx(file);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Jobs", "Lists"]);
    expect(book.tables).toMatchObject([{ name: "Jobs", style: "TableStyleMedium2", columns: HEADERS }]);
  });

  it("reads a minimal exporter's: no styles, no shared strings, a range at B3 on the sheet it was saved on", async () => {
    const data = await readJobLog(await minimalFile());
    expectJobLog(data, { kind: "range", sheet: "Job log", headerRow: 3, firstColumn: 1, lastRow: 12 + 1000 /* 9 jobs below the header on row 3, and 1,000 rows of room */ }, rowsAs("text", "boolean"));
  });

  it("repairs only what ExcelJS cannot read: openpyxl's absolute links and its table, nothing else", async () => {
    const file = await openpyxlFile();
    const [original, repaired] = await Promise.all([JSZip.loadAsync(readFileSync(file)), readXlsxPackage(file).then((bytes) => JSZip.loadAsync(bytes))]);
    const text = (zip: JSZip, name: string) => zip.file(name)?.async("string");
    const changed = [];
    for (const name of Object.keys(original.files)) if ((await text(original, name)) !== (await text(repaired, name))) changed.push(name);
    expect(changed.sort()).toEqual(["xl/_rels/workbook.xml.rels", "xl/tables/table1.xml", "xl/worksheets/_rels/sheet2.xml.rels"]);
    expect(await text(repaired, "xl/worksheets/_rels/sheet2.xml.rels")).toContain('Target="../tables/table1.xml"');
    expect(await text(repaired, "xl/_rels/workbook.xml.rels")).toContain('Target="worksheets/sheet2.xml"');
    expect(await text(repaired, "xl/tables/table1.xml")).toContain(
      '</tableColumns><tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>',
    );
  });

  it("streams the Open XML SDK's worksheets as written: the OKR file carries them byte for byte, prefixes and all", async () => {
    const input = await openXmlSdkFile();
    const output = path.join(dir, "okr-sdk-bytes.xlsx");
    await exportOkr(input, output, { period: "2026-Q3" });
    const [original, built] = await Promise.all([input, output].map((file) => JSZip.loadAsync(readFileSync(file))));
    const bytes = async (zip: JSZip, part: string) => Buffer.from(await zip.file(part)!.async("uint8array"));
    // sheet.xml (Jobs) and sheet2.xml (Lists) in the SDK's file; the first is renamed sheet1.xml, as ExcelJS finds sheets by that name.
    expect((await bytes(built, "xl/worksheets/sheet1.xml")).equals(await bytes(original, "xl/worksheets/sheet.xml"))).toBe(true);
    expect((await bytes(built, "xl/worksheets/sheet2.xml")).equals(await bytes(original, "xl/worksheets/sheet2.xml"))).toBe(true);
    expect(await built.file("xl/worksheets/sheet2.xml")!.async("string")).toContain("<x:sheetData>");
  }, 30_000);

  it("the @example: withoutPrefixes", () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    expect(withoutPrefixes(`<x:worksheet xmlns:x="${main}"><x:sheetData/></x:worksheet>`)).toBe(`<worksheet xmlns="${main}"><sheetData/></worksheet>`);
  });

  it.each([
    ["openpyxl", openpyxlFile],
    ["Open XML SDK", openXmlSdkFile],
    ["minimal exporter", minimalFile],
  ])("builds the OKR sheet from the %s file, and leaves that file as it was", async (name, make) => {
    const input = await make();
    const before = readFileSync(input);
    // NPS, first-visit fix, repeat customers, average ticket, customer retention, churn and new customers,
    // jobs per technician, revenue, jobs and jobs per day.
    await expect(exportOkr(input, path.join(dir, `okr-${name}.xlsx`), { period: "2026-Q3" })).resolves.toEqual({ title: "OKR 2026-Q3", keyResults: 11 });
    expect(readFileSync(input).equals(before)).toBe(true);
  }, 30_000);
});

describe("files that are not .xlsx workbooks", () => {
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  /** A message with the file's name for {} and anything for …, as a whole-message pattern. */
  const message = (text: string, file: string) => {
    const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`^${text.split("{}").map((part) => part.split("…").map(escape).join(".+")).join(escape(file))}$`);
  };

  it.each([
    ["jobs.csv", () => write("jobs.csv", jobsCsv()), '"{}" is a text file (CSV), not an Excel workbook (.xlsx): open it in Excel or LibreOffice and save it as .xlsx.'],
    ["an empty file", () => write("empty.xlsx", ""), '"{}" is empty, not an Excel workbook (.xlsx).'],
    ["a missing file", () => path.join(dir, "missing.xlsx"), '"{}" could not be opened: there is no such file.'],
    ["a binary file", () => write("picture.xlsx", Buffer.from("89504e470d0a1a0a0000000d", "hex")), '"{}" is not an Excel workbook (.xlsx): it is not a zip package.'],
    ["a cut-off zip", () => write("cut.xlsx", Buffer.from("504b03041400", "hex")), '"{}" is not an Excel workbook (.xlsx): its zip structure is damaged (…).'],
    ["a zip of something else", () => writeZip("document.xlsx", { "word/document.xml": "<document/>" }), '"{}" is not an Excel workbook (.xlsx): the zip file holds no xl/workbook.xml part.'],
    ["a workbook part that is not XML", () => writeZip("broken.xlsx", { "xl/workbook.xml": "<workbook><sheets>" }), '"{}" could not be read as an Excel workbook (.xlsx): ….'],
    ["a workbook with no sheet", () => writeZip("no-sheet.xlsx", { "xl/workbook.xml": `<workbook xmlns="${MAIN}"><sheets/></workbook>` }), '"{}" could not be read as an Excel workbook (.xlsx): it has no worksheet.'],
  ])("says what is wrong with %s, in one sentence naming it", async (_, make, text) => {
    const file = await make();
    await expect(openXlsx(file)).rejects.toThrow(message(text, file));
  });

  it("the @example: readXlsxPackage refuses a CSV", async () => {
    const file = write("jobs.csv", jobsCsv());
    await expect(readXlsxPackage(file)).rejects.toThrow(`"${file}" is a text file (CSV), not an Excel workbook (.xlsx): `);
  });
});

const withLibreOffice = describeWithLibreOffice("the tests of LibreOffice's files");

withLibreOffice("job workbooks LibreOffice writes, and the OKR sheet in LibreOffice", () => {
  const made = path.join(dir, "libreoffice");
  const profile = recalculatingProfile(path.join(dir, "profile"));
  const recalculated: Record<string, ExcelJS.Worksheet> = {};

  beforeAll(async () => {
    mkdirSync(made, { recursive: true });
    const csv = path.join(made, "csv-jobs.csv");
    const fods = path.join(made, "ods-jobs.fods");
    writeFileSync(csv, jobsCsv());
    writeFileSync(fods, jobsFods());
    convert(profile, "xlsx", made, [csv, fods]);
    convert(profile, "xls", made, [csv]);
    convert(profile, "ods", made, [csv]);
    saveWithPassword(profile, csv, path.join(made, "encrypted.xlsx"), "secret");

    const exported = path.join(dir, "exported");
    mkdirSync(exported, { recursive: true });
    const inputs = { openpyxl: await openpyxlFile(), libreOffice: path.join(made, "ods-jobs.xlsx") };
    for (const [name, input] of Object.entries(inputs)) await exportOkr(input, path.join(exported, `${name}.xlsx`), { period: "2026-Q3", targets: { nps: "45" } });
    const out = path.join(exported, "recalculated");
    convert(profile, "xlsx", out, Object.keys(inputs).map((name) => path.join(exported, `${name}.xlsx`)));
    for (const name of Object.keys(inputs)) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(out, `${name}.xlsx`));
      recalculated[name] = workbook.getWorksheet("OKR 2026-Q3")!;
    }
  }, 300_000);

  it("reads a CSV LibreOffice saved as .xlsx: a range at A1, dates as serials, TRUE and FALSE as text", async () => {
    expectJobLog(await readJobLog(path.join(made, "csv-jobs.xlsx")), { kind: "range", sheet: "csv-jobs", headerRow: 1, firstColumn: 0, lastRow: 10 + 1000 }, rowsAs("serial", "text"));
  });

  it("hands on a file that needs no repair as it is", async () => {
    const file = path.join(made, "csv-jobs.xlsx");
    expect(Buffer.from(await readXlsxPackage(file)).equals(readFileSync(file))).toBe(true);
  });

  it("reads an ODS LibreOffice saved as .xlsx: its database range as a table with no style, on the second sheet", async () => {
    expectJobLog(await readJobLog(path.join(made, "ods-jobs.xlsx")), { kind: "table", table: "Jobs" }, rowsAs("serial", "boolean"));
  });

  it.each([
    ["encrypted.xlsx", '"{}" is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), save it and try again.'],
    ["csv-jobs.xls", '"{}" is an Excel 97-2003 file (.xls), not an .xlsx workbook: open it in Excel or LibreOffice and save it as .xlsx.'],
    ["csv-jobs.ods", '"{}" is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx): open it in LibreOffice and save it as .xlsx.'],
  ])("says what is wrong with LibreOffice's %s", async (name, message) => {
    const file = path.join(made, name);
    await expect(openXlsx(file)).rejects.toThrow(message.replace("{}", file));
  });

  it.each(["openpyxl", "libreOffice"])("the OKR sheet built from %s's file shows, recalculated, the NPS the KPI library computes", (name) => {
    const { baseline, current } = npsKeyResult(recalculated[name]);
    expect(current).toBeCloseTo(NPS_Q3, 9);
    expect(current).toBeCloseTo(npsOf(46204, 46295) as number, 9);
    expect(baseline).toBeCloseTo(NPS_Q2, 9);
    expect(baseline).toBeCloseTo(npsOf(46113, 46203) as number, 9);
  });
});
