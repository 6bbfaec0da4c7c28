import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";
import { exportOkr } from "../scripts/okr";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { detectColumns } from "../src/okr/columns";
import { quarterOf } from "../src/okr/periods";
import { renderProblem, renderProblems } from "../src/okr/problems";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { availableObjectives, defaultKrType } from "../src/okr/templates";
import { surveys } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * `npm run okr` reads the job log as a stream and saves by grafting only the sheets it changed
 * into the input's own package. Here: the OKR sheet it grafts is the sheet ExcelJS writes for the
 * same job log held in memory; every part it did not change is copied byte for byte; a shared
 * formula reads as Excel reads it; LibreOffice opens the result and computes it.
 */

const dir = mkdtempSync(path.join(tmpdir(), "okr-streamed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = "OKR 2026-Q3";
const HEADERS = ["Job date", "Customer", "Technician", "Amount", "NPS", "First-visit fix"];
/** Thirty jobs over 2026-Q2 and 2026-Q3 (46113 is 2026-04-01, 46295 is 2026-09-30). */
const JOBS = Array.from({ length: 30 }, (_, i) => [46113 + i * 6, `Customer ${i % 7}`, ["Li", "Ana", "Tom"][i % 3], 80 + i * 10, i % 11, i % 4 !== 0]);
/** 2026-Q3 (46204..46295) and 2026-Q2 (46113..46203), worked out by hand from the job dates. */
const [Q3_FROM, Q3_TO, Q2_FROM, Q2_TO] = [46204, 46295, 46113, 46203];

/** The job log as a table on its sheet, with a notes sheet holding a formatted cell, as the same workbook in memory and in a file. */
async function jobWorkbook() {
  const workbook = createXlsxWorkbook();
  await workbook.book.run(async (context) => {
    const notes = context.workbook.worksheets.add("Notes");
    notes.getRange("A1:B1").values = [["Price list from", "2026-01-15"]];
    const sheet = context.workbook.worksheets.add("Jobs");
    sheet.getRange(`A1:F${JOBS.length + 1}`).values = [HEADERS, ...JOBS];
    sheet.tables.add(`A1:F${JOBS.length + 1}`, true).name = "Jobs";
    sheet.activate();
    await context.sync();
  });
  return workbook;
}

const jobs = path.join(dir, "jobs.xlsx");
const streamed = path.join(dir, "streamed.xlsx");
const inMemory = path.join(dir, "in-memory.xlsx");

beforeAll(async () => {
  await (await jobWorkbook()).save(jobs);
  await exportOkr(jobs, streamed, { period: "2026-Q3" });
  // The same build over the same log held in memory, every sheet written by ExcelJS: what `npm run okr` wrote before it streamed.
  const { book, save } = await jobWorkbook();
  const workbook = createExcelWorkbook(book.run);
  const data = await workbook.readJobData();
  if ("problem" in data) throw new Error(renderProblem(data.problem, "en"));
  const columns = detectColumns(data.source.headers, data.sample);
  const keyResults = availableObjectives(columns).flatMap((objective) =>
    objective.keyResults.map((kr) => ({ id: `${objective.id}:${kr.kpi}`, objectiveId: objective.id, objective: objective.name, name: kr.name, kpi: kr.kpi, type: defaultKrType(kr.kpi) })),
  );
  const built = await workbook.build({ title: TITLE, period: quarterOf(2026, 9), baseline: "previous", mode: "portable", source: data.source, columns, keyResults });
  if (!built.ok) throw new Error(renderProblems(built.problems, "en"));
  await save(inMemory);
});

/** A sheet as ExcelJS (not our reader) sees it: each cell's value, number format and font, its tables, formats and view. */
async function sheetAsExcelJsReadsIt(file: string, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name)!;
  const cells: Record<string, unknown> = {};
  sheet.eachRow((row) => row.eachCell((cell) => void (cells[cell.address] = { value: cell.value, numFmt: cell.numFmt, font: cell.font })));
  const tables = Object.values((sheet as unknown as { tables: Record<string, { table: { name: string; tableRef: string; columns: { name: string }[] } }> }).tables).map(
    ({ table }) => [table.name, table.tableRef, table.columns.map((column) => column.name)],
  );
  const widths = sheet.columns.map((column) => [column.width, column.hidden]);
  // A data bar's x14 id is a GUID ExcelJS draws afresh on each save.
  const formats = JSON.parse(JSON.stringify((sheet as unknown as { conditionalFormattings: unknown }).conditionalFormattings, (key, value) => (key === "x14Id" ? undefined : value)));
  return { cells, tables, widths, views: sheet.views, formats };
}

describe("npm run okr on a streamed job log", () => {
  it("writes the OKR sheet ExcelJS writes for the same log in memory: formulas, formats, table, rules, view", async () => {
    const [fromStream, fromMemory] = await Promise.all([sheetAsExcelJsReadsIt(streamed, TITLE), sheetAsExcelJsReadsIt(inMemory, TITLE)]);
    expect(Object.keys(fromStream.cells).length).toBeGreaterThan(100);
    expect(fromStream).toEqual(fromMemory);
  });

  it("gives the header the period and the previous quarter as its baseline, as dates", async () => {
    const { cells } = await sheetAsExcelJsReadsIt(streamed, TITLE);
    const date = (address: string) => [(cells[address] as { value: unknown }).value, (cells[address] as { numFmt: string }).numFmt];
    expect([date("B2"), date("B3"), date("B4"), date("B5")]).toEqual([Q3_FROM, Q3_TO, Q2_FROM, Q2_TO].map((serial) => [new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000), "yyyy-mm-dd"]));
  });

  it("copies every part it did not change byte for byte, and the sheets it copied read as before", async () => {
    const [input, output] = await Promise.all([jobs, streamed].map(async (file) => JSZip.loadAsync(readFileSync(file))));
    const rewritten = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"];
    const parts = Object.keys(input.files).filter((name) => !input.files[name].dir && !rewritten.includes(name));
    expect(parts).toEqual(expect.arrayContaining(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/tables/table1.xml", "xl/sharedStrings.xml"]));
    for (const part of parts) expect([part, Buffer.from(await output.file(part)!.async("uint8array"))]).toEqual([part, Buffer.from(await input.file(part)!.async("uint8array"))]);
    for (const sheet of ["Jobs", "Notes"]) expect(await sheetAsExcelJsReadsIt(streamed, sheet)).toEqual(await sheetAsExcelJsReadsIt(jobs, sheet));
  });

  it("drops the file's stale list of sheets from docProps/app.xml and keeps its other properties", async () => {
    const app = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file("docProps/app.xml")!.async("string");
    const [before, after] = await Promise.all([app(jobs), app(streamed)]);
    // What the input's app.xml says, worked out from the workbook built above: two sheets, Notes and Jobs.
    expect(before).toMatch(/<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Notes<\/vt:lpstr><vt:lpstr>Jobs<\/vt:lpstr><\/vt:vector><\/TitlesOfParts>/);
    expect(after).not.toMatch(/HeadingPairs|TitlesOfParts/);
    expect(after).toBe(before.replace(/<HeadingPairs>.*<\/HeadingPairs><TitlesOfParts>.*<\/TitlesOfParts>/, ""));
    expect(after).toContain("<Application>Microsoft Excel</Application>");
  });

  it("leaves the job log unselected, so Excel does not open it and the OKR sheet as a group", async () => {
    const selected = async (file: string) => {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort();
      const marked = await Promise.all(sheets.map(async (part) => /<sheetView\b[^>]*\stabSelected="1"/.test(await zip.file(part)!.async("string"))));
      return sheets.filter((_, i) => marked[i]);
    };
    // The job log's view marked selected, as Excel and LibreOffice write the sheet a workbook was saved on.
    const zip = await JSZip.loadAsync(readFileSync(jobs));
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", sheet.replace("<sheetFormatPr", '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr'));
    const selectedJobs = path.join(dir, "selected-jobs.xlsx");
    writeFileSync(selectedJobs, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const output = path.join(dir, "selected-okr.xlsx");
    await exportOkr(selectedJobs, output, { period: "2026-Q3" });

    expect(await selected(selectedJobs)).toEqual(["xl/worksheets/sheet2.xml"]);
    expect(await selected(output)).not.toContain("xl/worksheets/sheet2.xml");
    // Nothing else of the job log changes.
    const [before, after] = await Promise.all([selectedJobs, output].map((file) => sheetAsExcelJsReadsIt(file, "Jobs")));
    expect({ ...after, views: undefined }).toEqual({ ...before, views: undefined });
  });

  it("refreshes its own output in place: one OKR sheet, one table of its own, table ids unique", async () => {
    const refreshed = path.join(dir, "refreshed.xlsx");
    await exportOkr(streamed, refreshed, { period: "2026-Q3" });
    const zip = await JSZip.loadAsync(readFileSync(refreshed));
    const tables = await Promise.all(Object.keys(zip.files).filter((name) => /^xl\/tables\/.+\.xml$/.test(name)).map((name) => zip.file(name)!.async("string")));
    const ids = tables.map((xml) => /<table\b[^>]*\sid="(\d+)"/.exec(xml)?.[1]);
    expect(tables.map((xml) => /\sname="([^"]*)"/.exec(xml)?.[1]).sort()).toEqual(["Jobs", "OKR_2026_Q3"]);
    expect(new Set(ids).size).toBe(2);
    expect(await sheetAsExcelJsReadsIt(refreshed, TITLE)).toEqual(await sheetAsExcelJsReadsIt(streamed, TITLE));
  });
});

describe("cells as the file stores them", () => {
  it("reads shared formulas, inline and rich text, phonetic guides left out, as Excel shows them", async () => {
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = new JSZip();
    zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`);
    zip.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file("xl/workbook.xml", `<workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${relationships}/styles" Target="styles.xml"/></Relationships>`,
    );
    zip.file("xl/sharedStrings.xml", `<sst xmlns="${main}"><si><r><t>Ann</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Lee</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>`);
    zip.file(
      "xl/styles.xml",
      `<styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0 &quot;h&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    );
    zip.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${main}"><sheetData>` +
        `<row r="2"><c r="A2" s="1"><v>46204</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2+$A$2</f><v>3</v></c><c r="C2" t="s"><v>0</v></c></row>` +
        `<row r="3"><c r="A3" s="2"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>5</v></c><c r="C3" t="s"><v>1</v></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><t>x &amp; y</t></is></c><c r="B4"><f t="shared" si="0"/><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="b"><v>1</v></c></row>` +
        `</sheetData></worksheet>`,
    );
    const file = path.join(dir, "cells.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const { store } = (await openXlsx(file)).book;
    const column = (c: number) => [1, 2, 3].map((row) => store.content("Data", row, c));
    expect(column(1)).toEqual(["=A2*2+$A$2", "=A3*2+$A$2", "=A4*2+$A$2"]);
    expect([1, 2, 3].map((row) => store.value("Data", row, 1))).toEqual([3, 5, 0]);
    // Built-in format 14 as Office.js names it in en-US, a custom one as the file writes it.
    expect([1, 2, 3].map((row) => store.numberFormat?.("Data", row, 0))).toEqual(["m/d/yyyy", '0.0 "h"', undefined]);
    expect(column(2)).toEqual(["Ann Lee", "東京", "#N/A"]);
    expect([store.content("Data", 3, 0), store.isText("Data", 3, 0), store.content("Data", 3, 3)]).toEqual(["x & y", true, true]);
    expect(store.usedArea("Data")).toEqual({ top: 1, left: 0, height: 3, width: 4 });
  });

  it("gives Range.numberFormat the file's formats, and General where a format is cleared", async () => {
    const { book } = await openXlsx(jobs);
    const read = () =>
      book.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Notes").getRange("A1:B1");
        range.load("numberFormat");
        await context.sync();
        return range.numberFormat;
      });
    expect(await read()).toEqual([["General", "yyyy-mm-dd"]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("B1").clear("Formats");
      await context.sync();
    });
    expect(await read()).toEqual([["General", "General"]]);
  });
});

const withLibreOffice = describeWithLibreOffice("the test that LibreOffice opens a grafted workbook");

withLibreOffice("a grafted workbook in LibreOffice", () => {
  it("opens, keeps the job log, and computes the OKR sheet's NPS as the KPI library does", async () => {
    const out = path.join(dir, "recalculated");
    mkdirSync(out, { recursive: true });
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, [streamed]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "streamed.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Notes", "Jobs", TITLE]);
    expect(workbook.getWorksheet("Jobs")!.getCell(`D${JOBS.length + 1}`).value).toBe(JOBS[JOBS.length - 1][3]);
    const okr = workbook.getWorksheet(TITLE)!;
    const at = (row: number, name: (typeof TABLE_COLUMNS)[number]) => okr.getCell(row, TABLE_COLUMNS.indexOf(name) + 1).value;
    const row = Array.from({ length: okr.rowCount }, (_, i) => i + 1).find((r) => String(at(r, "Id") ?? "").endsWith(":nps"))!;
    const result = (value: unknown) => (value && typeof value === "object" && "result" in value ? value.result : value);
    const nps = (from: number, to: number) => surveys.nps(JOBS.map((job) => [job[4]]), { dates: JOBS.map((job) => [job[0]]), from, to });
    expect(result(at(row, "Current"))).toBeCloseTo(nps(Q3_FROM, Q3_TO) as number, 9);
    expect(result(at(row, "Baseline"))).toBeCloseTo(nps(Q2_FROM, Q2_TO) as number, 9);
  }, 300_000);
});
