import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { Value } from "../backends/store";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";
import { JobLogOptions } from "../scripts/jobLog";
import { readJobData } from "../src/excel/jobData";
import { Grid } from "../src/kpi/grid";
import { ColumnMap, detectColumns } from "../src/okr/columns";
import { DataSource } from "../src/okr/plan";
import { columnLetters } from "../src/okr/references";
import { JobData } from "../src/okr/workbook";
import { SAMPLE_HEADERS, SampleCell } from "../src/sample/sampleJobs";
import { KpiColumn } from "./kpiLibrary";
import { convert, recalculatingProfile } from "./soffice";

/**
 * What the tests of the sheets built from a job log (the scorecard, the Trends sheet, the OKR sheet) share, as
 * sheetSectionHarness.tsx is for the pane's sections: a log written as the table "Jobs", the CLI's
 * safety rules, and the built sheets recalculated by LibreOffice.
 */

/** Writes `rows` below `headers` from A1 of a new sheet "Jobs", as the table "Jobs". */
export async function addJobTable(book: OfficeWorkbook, headers: readonly string[], rows: readonly (readonly Value[])[]): Promise<void> {
  await book.run(async (context) => {
    const address = `A1:${columnLetters(headers.length - 1)}${rows.length + 1}`;
    const sheet = context.workbook.worksheets.add("Jobs");
    sheet.getRange(address).values = [[...headers], ...rows.map((row) => [...row])];
    sheet.tables.add(address, true).name = "Jobs";
    await context.sync();
  });
}

/** A HyperFormula workbook holding the job table "Jobs": every formula written to it computes. */
export async function hyperFormulaLog(headers: readonly string[], rows: readonly (readonly Value[])[]): Promise<OfficeWorkbook> {
  const { book } = createHyperFormulaWorkbook();
  await addJobTable(book, headers, rows);
  return book;
}

/** The table "Jobs" as the pane reads it: where it is, and its columns as detection finds them. */
export async function readLog(book: OfficeWorkbook): Promise<{ source: DataSource; columns: ColumnMap }> {
  const data = (await readJobData(book.run, { table: "Jobs" })) as JobData;
  return { source: data.source, columns: detectColumns(data.source.headers, data.sample) };
}

/** An npm run command that adds a sheet to a copy of a job workbook, and what its safety tests need of it. */
export interface SheetCommand {
  /** As the user types it, for the tests' title: "npm run trends". */
  name: string;
  run: (input: string, output: string, options: JobLogOptions & { period: string; mode?: string }) => Promise<unknown>;
  headers: readonly string[];
  jobs: readonly (readonly Value[])[];
  /** Options it refuses beyond a bad --period and --mode, each with its message. */
  moreRefusals?: [JobLogOptions & { period: string; mode?: string }, string][];
  /** A run for 2026-Q3: what it answers, and a row of its sheet (0-based) with what its first cell holds and where its notes go. */
  rerun: { answer: unknown; sheet: string; row: number; first: unknown; notes: number; note: string };
}

/** The safety rules every sheet command keeps, as npm run okr does: the input is never written, bad options are named, notes survive a refresh. */
export function describeSafetyRules(command: SheetCommand): void {
  describe(`${command.name}'s safety rules`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sheet-cli-"));
    const jobs = path.join(dir, "jobs.xlsx");

    beforeAll(async () => {
      const { book, save } = createXlsxWorkbook();
      await addJobTable(book, command.headers, command.jobs);
      await save(jobs);
    });

    it.each([
      ["the input itself", () => jobs],
      ["another spelling of it", () => path.join(dir, ".", "..", path.basename(dir), "jobs.xlsx")],
      ["a link to it", () => {
        const link = path.join(dir, "link.xlsx");
        symlinkSync(jobs, link);
        return link;
      }],
    ])("refuses to write over %s, and leaves it as it was", async (_, output) => {
      const before = readFileSync(jobs);
      await expect(command.run(jobs, output(), { period: "2026-Q3" })).rejects.toThrow("--out must be a new file: the job workbook is never changed");
      expect(readFileSync(jobs).equals(before)).toBe(true);
    });

    it.each([
      [{ period: "2026-Q5" }, '--period "2026-Q5" is not a quarter like 2026-Q3 or a month like 2026-07'],
      [{ period: "2026-Q3", mode: "native" }, '--mode "native" is not portable or kpi'],
      ...(command.moreRefusals ?? []),
    ])("refuses %p with a clear message", async (options, message) => {
      await expect(command.run(jobs, path.join(dir, "bad.xlsx"), options)).rejects.toThrow(message);
    });

    it("refreshes its own earlier output, keeping the notes typed on it", async () => {
      const { answer, sheet, row, first, notes, note } = command.rerun;
      const firstRun = path.join(dir, "first.xlsx");
      expect(await command.run(jobs, firstRun, { period: "2026-Q3" })).toEqual(answer);
      const typed = await openXlsx(firstRun);
      typed.book.store.write(sheet, row, notes, [[note]], () => true);
      const edited = path.join(dir, "edited.xlsx");
      await typed.save(edited);
      await command.run(edited, path.join(dir, "again.xlsx"), { period: "2026-Q3" });
      const again = (await openXlsx(path.join(dir, "again.xlsx"))).book;
      expect([again.store.content(sheet, row, 0), again.store.content(sheet, row, notes), again.store.isText(sheet, row, notes)]).toEqual([first, note, true]);
    });
  });
}

/** The two logs the LibreOffice tests build from: the sample workbook in assets/, and another the test generates. */
export type LogName = "sample" | "other";

/**
 * Builds a sheet (`build` writes it from a job workbook into a new one) from the sample log and from
 * `other`, recalculates both files in LibreOffice, and returns the sheet `sheet` of each, as ExcelJS reads it back.
 */
export async function recalculatedByLibreOffice(
  other: readonly SampleCell[][],
  build: (log: LogName, input: string, output: string) => Promise<unknown>,
  sheet: string,
): Promise<Record<LogName, ExcelJS.Worksheet>> {
  const dir = mkdtempSync(path.join(tmpdir(), "sheet-lo-"));
  const logs: LogName[] = ["sample", "other"];
  copyFileSync(path.join(__dirname, "..", "assets", "sample-jobs.xlsx"), path.join(dir, "sample.xlsx"));
  const { book, save } = createXlsxWorkbook();
  // Text that starts with = is typed with an apostrophe, as in Excel, so it stays text.
  await addJobTable(book, SAMPLE_HEADERS, other.map((row) => row.map((cell) => (typeof cell === "string" && cell.startsWith("=") ? `'${cell}` : (cell ?? "")))));
  await save(path.join(dir, "other.xlsx"));
  for (const log of logs) await build(log, path.join(dir, `${log}.xlsx`), path.join(dir, `${log}-built.xlsx`));
  const out = path.join(dir, "out");
  convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, logs.map((log) => path.join(dir, `${log}-built.xlsx`)));
  const sheets: Partial<Record<LogName, ExcelJS.Worksheet>> = {};
  for (const log of logs) {
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(out, `${log}-built.xlsx`));
    sheets[log] = recalculated.getWorksheet(sheet)!;
  }
  return sheets as Record<LogName, ExcelJS.Worksheet>;
}

/** A cell's value as LibreOffice computed it: a formula's cached result, else what the cell holds. */
export function cellResult(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (!value || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return value;
  return "result" in value ? value.result : 0; // ExcelJS reads a cached <v>0</v> as no result at all
}

/** The columns of log rows in the sample's layout, as the KPI library takes them: one value a row. */
export const sampleColumns =
  (rows: readonly SampleCell[][]) =>
  (header: KpiColumn): Grid =>
    rows.map((row) => [row[SAMPLE_HEADERS.indexOf(header as (typeof SAMPLE_HEADERS)[number])]]);

/** Expects `actual`, at `where`, to be a number within 1e-9 of `want` (relative above 1): both named on failure. */
export function expectNumberNear(where: string, actual: unknown, want: number): void {
  expect({ where, type: typeof actual }).toEqual({ where, type: "number" });
  expect({ where, off: Math.abs((actual as number) - want) / Math.max(1, Math.abs(want)) <= 1e-9 }).toEqual({ where, off: true });
}
