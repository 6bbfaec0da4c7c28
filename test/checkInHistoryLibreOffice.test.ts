import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { worksheetEntries } from "../backends/packageParts";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { openXlsxPackage } from "../backends/xlsxPackage";
import { exportTrends } from "../scripts/trends";
import { CHECK_IN_COLUMNS } from "../src/okr/sheetLayout";
import { CHECK_INS, JOB_HEADERS, JOBS, OLDER_SHEET, Q3_BY_HAND, Q3_KEY_RESULTS, SHEET, typed } from "./checkInHistoryFixture";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The Check-in history npm run trends writes beside the Trends sheet, recalculated by LibreOffice (a
 * real spreadsheet engine that has never seen our code): each cell is the progress worked out by hand
 * from the check-in rows, names like Smith*, =1+1 and ~? matched exactly, two check-ins a day averaged,
 * a day with none blank.
 */

const run = describeWithLibreOffice("the check-in history recalculation test");

/**
 * A cell as LibreOffice left it: a formula's cached result, else its value; "" for an empty cell. ExcelJS
 * drops a cached empty text (<c t="str"><f>…</f><v></v></c>), so such a cell is looked up in the sheet's
 * XML as LibreOffice wrote it: "" only when it is exactly that, never a cached 0 taken for a blank.
 */
function shown(cell: ExcelJS.Cell, sheetXml: string): unknown {
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return value ?? "";
  if ("result" in value && value.result !== undefined) return value.result;
  const emptyText = new RegExp(`<c r="${cell.address}"[^>]*\\st="str"[^>]*><f[^>]*>[^<]*</f><v></v></c>`);
  return emptyText.test(sheetXml) ? "" : undefined;
}

const rounded = (value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value);

run("the check-in history in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "history-lo-"));
  let sheet: ExcelJS.Worksheet;
  let sheetXml = "";

  beforeAll(async () => {
    const { book, save } = createXlsxWorkbook();
    await book.run(async (context) => {
      const jobs = context.workbook.worksheets.add("Jobs");
      jobs.getRange(`A1:B${JOBS.length + 1}`).values = [JOB_HEADERS, ...JOBS];
      jobs.tables.add(`A1:B${JOBS.length + 1}`, true).name = "Jobs";
      const address = `A1:I${CHECK_INS.length + 1}`;
      const checkIns = context.workbook.worksheets.add("Check-ins");
      checkIns.getRange(address).values = [[...CHECK_IN_COLUMNS], ...CHECK_INS.map((row) => row.map(typed))];
      checkIns.tables.add(address, true).name = "CheckIns";
      await context.sync();
    });
    await save(path.join(dir, "jobs.xlsx"));
    const built = await exportTrends(path.join(dir, "jobs.xlsx"), path.join(dir, "trends.xlsx"), { period: "2026-Q3" });
    // Two OKR sheets are named in the check-ins: OKR 2026-Q3 and OKR 2026-Q2.
    expect(built.history).toBe('Built "Check-in history" for 2 OKR sheet(s).');
    const out = path.join(dir, "out");
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, [path.join(dir, "trends.xlsx")]);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(out, "trends.xlsx"));
    sheet = recalculated.getWorksheet("Check-in history")!;
    const zip = await openXlsxPackage(path.join(out, "trends.xlsx"));
    const entry = (await worksheetEntries(zip)).find((e) => e.name === "Check-in history")!;
    sheetXml = await zip.file(entry.part)!.async("string");
  }, 300_000);

  /** `rows` × `width` cells from the 1-based row `top`, column A on. */
  const cells = (top: number, rows: number, width: number) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => rounded(shown(sheet.getCell(top + r, 1 + c), sheetXml))));

  it("names the most recent OKR sheet's block and its key results, as text", () => {
    expect(cells(4, 2, 7)).toEqual([["OKR sheet", SHEET, "", "", "", "", ""], ["Date", ...Q3_KEY_RESULTS]]);
  });

  it("shows each key result's progress by day, as worked out by hand from the check-ins", () => {
    // ExcelJS reads a date-formatted serial as a Date at UTC midnight: 25569 is 1970-01-01.
    const days = cells(6, 2, 1).map(([day]) => (day as Date).getTime() / 86_400_000 + 25_569);
    expect(days).toEqual(Q3_BY_HAND.map((row) => row[0]));
    expect(cells(6, 2, 7).map((row) => row.slice(1))).toEqual(Q3_BY_HAND.map((row) => row.slice(1)));
  });

  it("shows the older OKR sheet's block below the first one's chart", () => {
    expect(cells(20, 3, 3).map((row) => row.map((cell) => (cell instanceof Date ? cell.getTime() / 86_400_000 + 25_569 : cell)))).toEqual([
      ["OKR sheet", OLDER_SHEET, ""],
      ["Date", "Smith*", ""],
      [46174, 0.9, ""],
    ]);
  });
});
