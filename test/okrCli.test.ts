import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";
import { exportOkr } from "../scripts/okr";
import { columnIndex } from "../src/okr/sheetLayout";

/** npm run okr as a bookkeeper runs it each month: choosing KRs, typing targets, refreshing its own output. */

const dir = mkdtempSync(path.join(tmpdir(), "okr-cli-"));
const jobs = path.join(dir, "jobs.xlsx");

beforeAll(async () => {
  // A small job table: dates in 2026-Q3 (46204 is 2026-07-01), NPS scores, first-visit fixes; no technician column.
  const { book, save } = createXlsxWorkbook();
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Jobs");
    const rows = Array.from({ length: 12 }, (_, i) => [46204 + i * 7, `Customer ${i % 5}`, i % 11, i % 3 === 0 ? "Yes" : "No"]);
    sheet.getRange("A1:D13").values = [["Job date", "Customer", "NPS", "First-visit fix"], ...rows];
    sheet.tables.add("A1:D13", true).name = "Jobs";
    await context.sync();
  });
  await save(jobs);
});

const out = (name: string) => path.join(dir, name);
const logBelowTitle = path.join(dir, "log-below-title.xlsx");

beforeAll(async () => {
  // The job log as a plain range on its second sheet, below two title lines, headers on row 4; the
  // first sheet (the active one) holds notes. "Who went" names the technician in no words detection knows.
  const { book, save } = createXlsxWorkbook();
  await book.run(async (context) => {
    context.workbook.worksheets.add("Notes").getRange("A1:B2").values = [["Owner", "Ann"], ["Phone", "555"]];
    const log = context.workbook.worksheets.add("Job log");
    log.getRange("A1").values = [["ACME Plumbing: jobs"]];
    log.getRange("A2").values = [["Exported 2026-10-01"]];
    const rows = Array.from({ length: 6 }, (_, i) => [46204 + i * 10, `Customer ${i}`, ["Li", "Ana"][i % 2]]);
    log.getRange("A4:C10").values = [["Job date", "Customer", "Who went"], ...rows];
    await context.sync();
  });
  await save(logBelowTitle);
});

describe("npm run okr's options", () => {
  it("builds only the KRs named by --kr, in any case, with targets named in any case", async () => {
    expect(await exportOkr(jobs, out("two.xlsx"), { period: "2026-Q3", kpis: ["NPS", "fcr"], targets: { Nps: "45" } })).toEqual({ title: "OKR 2026-Q3", keyResults: 2 });
  });

  it("builds jobs and jobs per day from the job date alone, a jobs target read as a count", async () => {
    const options = { period: "2026-Q3", kpis: ["jobs", "JOBSPERDAY"], targets: { jobs: "1,200" } };
    expect(await exportOkr(jobs, out("jobs.xlsx"), options)).toEqual({ title: "OKR 2026-Q3", keyResults: 2 });
    const { book } = await openXlsx(out("jobs.xlsx"));
    // Sheet row 10 (9 counted from 0): the objective "Grow the business"; rows 11 and 12: its two KRs.
    expect([9, 10, 11].map((row) => book.store.content("OKR 2026-Q3", row, columnIndex("Key result")))).toEqual([null, "Complete more jobs", "Complete more jobs per working day"]);
    expect(book.store.content("OKR 2026-Q3", 10, columnIndex("Target"))).toBe(1200);
    expect(String(book.store.content("OKR 2026-Q3", 10, columnIndex("Current")))).toMatch(/^=SUMPRODUCT\(\(Jobs\[\[Job date\]\]>=\$B\$2\)\*\(Jobs\[\[Job date\]\]<\$B\$3\+1\)\)$/);
  });

  it.each([
    [{ kpis: ["nps", "happiness"] }, '--kr "happiness" is not a KPI: use one of nps, csat'],
    [{ kpis: ["nps", "Sentiment"] }, "--kr sentiment: no native formula computes it, and the command line writes native formulas only (portable mode)"],
    [{ kpis: ["jobsPerTech"] }, "--kr jobsPerTech: the job log has no technician column that it needs"],
    [{ targets: { npx: "45" } }, '--target "npx" is not a KPI'],
    [{ kpis: ["nps"], targets: { fcr: "90%" } }, "--target fcr: fcr is not among the --kr key results"],
    [{ targets: { avgTicket: "300" } }, "--target avgTicket: the job log has no column for avgTicket"],
    [{ targets: { nps: "lots" } }, '--target nps: "lots" is not a number'],
    [{ baseline: "lastyear" }, '--baseline "lastyear" is not previous or last-year'],
  ])("refuses %p with a clear message", async (options, message) => {
    await expect(exportOkr(jobs, out("bad.xlsx"), { period: "2026-Q3", ...options })).rejects.toThrow(message);
  });

  it("measures the baseline over the same quarter last year with --baseline last-year", async () => {
    await exportOkr(jobs, out("last-year.xlsx"), { period: "2026-Q3", baseline: "last-year" });
    const { book } = await openXlsx(out("last-year.xlsx"));
    // 2025-Q3: 2025-07-01 (45839) to 2025-09-30 (45930).
    expect([1, 2].map((column) => book.store.content("OKR 2026-Q3", 3, column))).toEqual([45839, "same quarter last year (2025-Q3)"]);
    expect(book.store.content("OKR 2026-Q3", 4, 1)).toBe(45930);
  });

  it("warns, in English, that a plain range's formulas reach only so far", async () => {
    const warnings: string[] = [];
    const options = { period: "2026-Q3", sheet: "Job log", headerRow: 4, map: { technician: "who went" }, kpis: ["jobsPerTech"], warn: (message: string) => warnings.push(message) };
    await exportOkr(logBelowTitle, out("warned.xlsx"), options);
    // Jobs on rows 5 to 10, and 1,000 rows below them for jobs added later.
    expect(warnings).toEqual(['The job log on "Job log" is a plain range: formulas read rows 5 to 1,010. Make it a table in Excel (Insert > Table) so every new job counts.']);
  });

  it("reads a log on a named sheet, from a named header row, with a column mapped by hand", async () => {
    const options = { period: "2026-Q3", sheet: "Job log", headerRow: 4, map: { technician: "who went" }, kpis: ["jobsPerTech"] };
    expect(await exportOkr(logBelowTitle, out("by-hand.xlsx"), options)).toEqual({ title: "OKR 2026-Q3", keyResults: 1 });
    const { book } = await openXlsx(out("by-hand.xlsx"));
    // Row 11 holds the KR below its objective row: its formula reads 'Job log' from row 5, below the headers.
    expect(String(book.store.content("OKR 2026-Q3", 10, columnIndex("Current")))).toContain("'Job log'!$C$5:$C$");
  });

  it.each([
    [{ sheet: "Nope" }, 'The workbook has no sheet named "Nope".'],
    [{ sheet: "Job log", headerRow: 40 }, "Row 40 cannot be the header row: the data starts on row 1"],
    [{ sheet: "Job log", headerRow: 4, map: { crew: "Who went" } }, '--map "crew" is not a column role'],
    [{ sheet: "Job log", headerRow: 4, map: { technician: "Crew" } }, '--map technician: the job log has no column "Crew" (its columns: Job date, Customer, Who went)'],
  ])("refuses %p with a clear message", async (options, message) => {
    await expect(exportOkr(logBelowTitle, out("bad.xlsx"), { period: "2026-Q3", ...options })).rejects.toThrow(message);
  });

  it("refreshes its own earlier output, keeping what the user typed on the sheet", async () => {
    const first = out("first.xlsx");
    await exportOkr(jobs, first, { period: "2026-Q3" });
    // The bookkeeper types a target and a note on the NPS row of the file, as in Excel.
    const typed = await openXlsx(first);
    const row = findRow(typed.book, "delight:nps");
    typed.book.store.write("OKR 2026-Q3", row, columnIndex("Target"), [[50]], () => false);
    typed.book.store.write("OKR 2026-Q3", row, columnIndex("Notes"), [["=call back Smith*"]], () => true);
    const edited = out("edited.xlsx");
    await typed.save(edited);

    await exportOkr(edited, out("refreshed.xlsx"), { period: "2026-Q3" });
    const refreshed = (await openXlsx(out("refreshed.xlsx"))).book;
    const again = findRow(refreshed, "delight:nps");
    expect(refreshed.store.content("OKR 2026-Q3", again, columnIndex("Target"))).toBe(50);
    expect(refreshed.store.content("OKR 2026-Q3", again, columnIndex("Notes"))).toBe("=call back Smith*");
    expect(refreshed.store.isText("OKR 2026-Q3", again, columnIndex("Notes"))).toBe(true);
  });

  it("gives one line and a non-zero exit for a bad argument, never a stack trace", () => {
    const run = (args: string[]) => {
      try {
        execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/okr.ts", ...args], { cwd: path.join(__dirname, ".."), stdio: "pipe" });
        return { status: 0, stderr: "" };
      } catch (error) {
        const { status, stderr } = error as { status: number; stderr: Buffer };
        return { status, stderr: stderr.toString() };
      }
    };
    const bad = run([jobs, "--period", "2026-Q3", "--out", out("x.xlsx"), "--kr", "nope"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split("\n")).toEqual([expect.stringContaining('--kr "nope" is not a KPI')]);
  });
});

function findRow(book: Awaited<ReturnType<typeof openXlsx>>["book"], id: string): number {
  for (let row = 0; row < 100; row++) if (book.store.content("OKR 2026-Q3", row, columnIndex("Id")) === id) return row;
  throw new Error(`no row with id ${id}`);
}
