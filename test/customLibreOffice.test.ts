import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { exportOkr } from "../scripts/okr";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { CustomKeyResult } from "../src/okr/plan";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { JobData } from "../src/okr/workbook";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * An OKR sheet with custom key results, written by src/excel into an .xlsx file and recalculated by
 * LibreOffice (a real spreadsheet engine that has never seen our code): a formula pointing at another
 * sheet's total, and numbers typed by hand, give the progress and status worked out by hand; the same
 * key results given to npm run okr as --custom give the same.
 */

const run = describeWithLibreOffice("the custom key results recalculation test");

// 2025-Q3 (2025-07-01 .. 2025-09-30) is over on any day this test runs: time elapsed is 100%.
const PERIOD = { from: 45839, to: 45930 };
const TITLE = "OKR 2025-Q3";
const own = { objectiveId: "own:money", objective: "Make money" } as const;
const KEY_RESULTS: CustomKeyResult[] = [
  // The accounts' total: ten months of 11,000 is 110,000, halfway from 100,000 to 120,000.
  { ...own, id: "custom:rev", name: "Revenue from the accounts", type: "increase", target: 120000, baseline: 100000, custom: { kind: "formula", format: "currency", formula: "='Accounts 2025'!B12" } },
  // Typed 4.2, to stay above 4.5: not there, 0.
  { ...own, id: "custom:rating", name: "Google rating", type: "above", target: 4.5, custom: { kind: "manual", format: "number", current: 4.2 } },
  // Hours spent on refunds, down from 40 to 20, now 30: halfway; it counts twice.
  { ...own, id: "custom:refunds", name: "Hours on refunds", type: "decrease", target: 20, baseline: 40, weight: 2, custom: { kind: "manual", format: "hours", current: 30 } },
];

run("custom key results in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "okr-custom-lo-"));
  let sheet: ExcelJS.Worksheet;
  let cliSheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const { book, save } = createXlsxWorkbook();
    await book.run(async (context) => {
      const jobs = context.workbook.worksheets.add("Jobs");
      jobs.getRange("A1:B3").values = [["Job date", "Amount"], [45850, 120], [45900, 80]];
      jobs.tables.add("A1:B3", true).name = "Jobs";
      const accounts = context.workbook.worksheets.add("Accounts 2025");
      accounts.getRange("A2:B11").values = Array.from({ length: 10 }, (_, i) => [`Month ${i + 1}`, 11000]);
      accounts.getRange("A12:B12").formulas = [["Total", "=SUM(B2:B11)"]];
      await context.sync();
    });
    await save(path.join(dir, "jobs.xlsx"));
    const workbook = createExcelWorkbook(book.run);
    const data = (await workbook.readJobData("Jobs")) as JobData;
    const built = await workbook.build({ title: TITLE, period: PERIOD, mode: "portable", source: data.source, columns: { date: 0, amount: 1 }, keyResults: KEY_RESULTS });
    expect(built).toEqual({ ok: true, sheet: TITLE, keyResults: 3 });
    await save(path.join(dir, "okr.xlsx"));
    // The command line's way: up from 100,000 to 120,000 and down from 40 to 20 read from the baselines.
    const custom = ["Make money|Revenue from the accounts|='Accounts 2025'!B12|120000|100000|currency", "Make money|Hours on refunds|30|20|40|hours"];
    await exportOkr(path.join(dir, "jobs.xlsx"), path.join(dir, "cli.xlsx"), { period: "2025-Q3", kpis: ["jobs"], objectives: ["Make money"], custom });
    const out = path.join(dir, "out");
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, [path.join(dir, "okr.xlsx"), path.join(dir, "cli.xlsx")]);
    const read = async (file: string) => {
      const recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(path.join(out, file));
      return recalculated.getWorksheet(TITLE)!;
    };
    [sheet, cliSheet] = [await read("okr.xlsx"), await read("cli.xlsx")];
  }, 300_000);

  /** A cell's value as LibreOffice computed it; rows: 10 the objective, 11.. its key results. */
  const result = (row: number, name: (typeof TABLE_COLUMNS)[number], from = sheet) => {
    const value = from.getCell(row, TABLE_COLUMNS.indexOf(name) + 1).value;
    if (!value || typeof value !== "object" || !("formula" in value)) return value;
    return "result" in value ? value.result : 0; // ExcelJS reads a cached <v>0</v> as no result at all
  };
  const values = (row: number, names: (typeof TABLE_COLUMNS)[number][]) => names.map((name) => result(row, name));

  it("computes each custom key result's value, progress and status as worked out by hand", () => {
    expect(values(11, ["Id", "Current", "Baseline", "Target", "Progress", "Status"])).toEqual(["custom:rev", 110000, 100000, 120000, 0.5, "Missed"]);
    expect(values(12, ["Id", "Current", "Target", "Progress", "Status"])).toEqual(["custom:rating", 4.2, 4.5, 0, "Missed"]);
    expect(values(13, ["Id", "Current", "Baseline", "Target", "Progress", "Status"])).toEqual(["custom:refunds", 30, 40, 20, 0.5, "Missed"]);
  });

  it("rolls them up by weight: (0.5 × 1 + 0 × 1 + 0.5 × 2) / 4", () => {
    expect(values(10, ["Objective", "Progress"])).toEqual(["Make money", 0.375]);
  });

  it("leaves the earlier periods and the changes blank, not errors, and formats values as chosen", () => {
    for (const row of [11, 12, 13]) expect(values(row, ["Previous period", "vs previous", "Same period last year", "vs last year"])).toEqual([null, null, null, null]);
    expect(sheet.getCell(11, TABLE_COLUMNS.indexOf("Current") + 1).numFmt).toBe("#,##0.00");
    // LibreOffice writes 0.0 "h" back as 0.0" h": the same format.
    expect(sheet.getCell(13, TABLE_COLUMNS.indexOf("Current") + 1).numFmt).toMatch(/^0\.0 ?" ?h"$/);
  });

  it("computes the key results npm run okr --custom wrote as worked out by hand", () => {
    /** A row of the CLI's sheet by its id, with the values of some columns. */
    const byId = (id: string, names: (typeof TABLE_COLUMNS)[number][]) => {
      const row = Array.from({ length: 20 }, (_, i) => 10 + i).find((r) => result(r, "Id", cliSheet) === id);
      return row === undefined ? undefined : names.map((name) => result(row, name, cliSheet));
    };
    // 110,000 is halfway from 100,000 up to 120,000; 30 hours halfway from 40 down to 20; the period is over.
    expect(byId("custom:own-make-money:revenue-from-the-accounts", ["Type", "Current", "Baseline", "Target", "Progress", "Status"])).toEqual(["Increase to", 110000, 100000, 120000, 0.5, "Missed"]);
    expect(byId("custom:own-make-money:hours-on-refunds", ["Type", "Current", "Baseline", "Target", "Progress", "Status"])).toEqual(["Decrease to", 30, 40, 20, 0.5, "Missed"]);
    // Both weigh 1: (0.5 + 0.5) / 2. Beside them, the jobs of 2025-Q3 (2025-07-12 and 2025-08-31): 2.
    expect(byId("objective:own:make-money", ["Objective", "Progress"])).toEqual(["Make money", 0.5]);
    expect(byId("grow:jobs", ["Key result", "Current"])).toEqual(["Complete more jobs", 2]);
  });
});
