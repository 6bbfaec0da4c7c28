import { execFileSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createXlsxWorkbook, openXlsx } from "../backends/xlsxFile";
import { exportOkr } from "../scripts/okr";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { columnIndex } from "../src/okr/sheetLayout";
import { addJobTable } from "./logSheetHarness";

/** npm run okr as a bookkeeper runs it each month: choosing KRs, typing targets, refreshing its own output. */

const dir = mkdtempSync(path.join(tmpdir(), "okr-cli-"));
const jobs = path.join(dir, "jobs.xlsx");

beforeAll(async () => {
  // A small job table: dates in 2026-Q3 (46204 is 2026-07-01), NPS scores, first-visit fixes; no technician column.
  const { book, save } = createXlsxWorkbook();
  const rows = Array.from({ length: 12 }, (_, i) => [46204 + i * 7, `Customer ${i % 5}`, i % 11, i % 3 === 0 ? "Yes" : "No"]);
  await addJobTable(book, ["Job date", "Customer", "NPS", "First-visit fix"], rows);
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
    // Written beside the job log, never over it: later tests read the log as it was.
    expect(await exportOkr(jobs, out("jobs-kinds.xlsx"), options)).toEqual({ title: "OKR 2026-Q3", keyResults: 2 });
    const { book } = await openXlsx(out("jobs-kinds.xlsx"));
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

describe("npm run okr --custom", () => {
  const read = async (file: string, id: string, names: (typeof TABLE_COLUMNS)[number][]) => {
    const { book } = await openXlsx(file);
    const row = findRow(book, id);
    return Object.fromEntries(names.map((name) => [name, book.store.content("OKR 2026-Q3", row, columnIndex(name))]));
  };

  it("adds a formula key result in an objective of the user's own, going up from its baseline", async () => {
    const options = { period: "2026-Q3", kpis: ["nps"], objectives: ["Make money"], custom: ["Make money|Revenue from the accounts|='Jobs'!C2*1000|120000|100000|currency"] };
    expect(await exportOkr(jobs, out("custom.xlsx"), options)).toEqual({ title: "OKR 2026-Q3", keyResults: 2 });
    expect(await read(out("custom.xlsx"), "custom:own-make-money:revenue-from-the-accounts", ["Objective", "Key result", "KPI", "Type", "Baseline", "Target", "Current", "Objective id"])).toEqual({
      Objective: "Make money",
      "Key result": "Revenue from the accounts",
      KPI: "Custom formula (currency)",
      Type: "Increase to",
      Baseline: 100000,
      Target: 120000,
      Current: "='Jobs'!C2*1000",
      "Objective id": "objective:own:make-money",
    });
  });

  it("adds numbers typed now or later to a template's objective named in any case: a bound, a share going down", async () => {
    const custom = ["delight customers|Google rating|4.2|>=4.5", "DELIGHT|Complaints share|manual|5%|8%"];
    expect(await exportOkr(jobs, out("typed.xlsx"), { period: "2026-Q3", kpis: ["nps"], custom })).toEqual({ title: "OKR 2026-Q3", keyResults: 3 });
    const names = ["Objective", "KPI", "Type", "Baseline", "Target", "Current"] as const;
    expect(await read(out("typed.xlsx"), "custom:delight:google-rating", [...names])).toEqual({ Objective: "Delight customers", KPI: "Custom number (number)", Type: "Stay above", Baseline: null, Target: 4.5, Current: 4.2 });
    expect(await read(out("typed.xlsx"), "custom:delight:complaints-share", [...names])).toEqual({ Objective: "Delight customers", KPI: "Custom number (percent)", Type: "Decrease to", Baseline: 0.08, Target: 0.05, Current: null });
  });

  it("keeps the formula and number edited on the sheet when run again on its own output", async () => {
    const options = { period: "2026-Q3", kpis: ["nps"], custom: ["grow|Reviews|4.2|>=4.5"] };
    await exportOkr(jobs, out("custom-first.xlsx"), options);
    const typed = await openXlsx(out("custom-first.xlsx"));
    typed.book.store.write("OKR 2026-Q3", findRow(typed.book, "custom:grow:reviews"), columnIndex("Current"), [[4.6]], () => false);
    await typed.save(out("custom-edited.xlsx"));
    await exportOkr(out("custom-edited.xlsx"), out("custom-again.xlsx"), options);
    expect(await read(out("custom-again.xlsx"), "custom:grow:reviews", ["Current", "Target"])).toEqual({ Current: 4.6, Target: 4.5 });
  });

  const all = "delight (Delight customers), win (Win more work), repeat (Grow repeat business), ontime (Run on time), grow (Grow the business)";
  it.each([
    ["Nope|X|=1|5|4", `--custom "Nope|X|=1|5|4": there is no objective "Nope": use one of ${all}, or add it with --objective "Nope"`],
    ["grow|X|revenue|5|4", '--custom "grow|X|revenue|5|4": the value "revenue" is not a formula (start it with =), a number or manual'],
    ["grow|X|=SUM(C2:C9|5|4", '--custom "grow|X|=SUM(C2:C9|5|4": The value of "X" is not a formula Excel can take: "=SUM(C2:C9" has unmatched parentheses.'],
    ["grow|X|=1|lots|4", '--custom "grow|X|=1|lots|4": the target "lots" is not a number'],
    ["grow|X|=1|5|four", '--custom "grow|X|=1|5|four": the baseline "four" is not a number'],
    ["grow|X|=1|5", '--custom "grow|X|=1|5": give a baseline after the target (…|5|<baseline>), or write the target as >=5 to stay above it or <=5 to stay below it'],
    ["grow|X|=1|5|5", '--custom "grow|X|=1|5|5": the target equals the baseline, 5: write >=5 to stay above it or <=5 to stay below it'],
    ["grow|X|=1", '--custom "grow|X|=1": has 3 parts'],
    ["grow|X|=1|5|4|money", '--custom "grow|X|=1|5|4|money": "money" is not how a value can be shown: use one of number, percent, currency, hours'],
    ["grow|?!|=1|5|4", '--custom "grow|?!|=1|5|4": the key result "?!" has no letters or digits to name it by'],
    // Row 10: the objective, 11: jobs, 12: this one. G:G holds its own Current cell.
    ["grow|Share of all|=SUM(G:G)|5|4", 'The formula of "Share of all", "=SUM(G:G)", reads G:G, which is its own Current cell, G12, or is computed from it: a circular reference.'],
  ])("refuses %p with a clear message", async (custom, message) => {
    await expect(exportOkr(jobs, out("bad.xlsx"), { period: "2026-Q3", kpis: ["jobs"], custom: [custom] })).rejects.toThrow(message);
  });

  describe("edge cases", () => {
    it("refuses the same key result twice in an objective, and an objective with no name", async () => {
      await expect(exportOkr(jobs, out("bad.xlsx"), { period: "2026-Q3", custom: ["grow|Reviews|1|>=2", "Grow the business|reviews|3|>=4"] })).rejects.toThrow('--custom: "Grow the business" has the key result "reviews" twice');
      await expect(exportOkr(jobs, out("bad.xlsx"), { period: "2026-Q3", objectives: [" - "] })).rejects.toThrow('--objective " - " has no letters or digits to name it by');
    });

    it("reads --objective and repeated --custom from the command line", () => {
      const args = ["--period", "2026-Q3", "--out", out("cli-custom.xlsx"), "--kr", "nps", "--objective", "Make money", "--custom", "Make money|Revenue|=1000|1200|1000", "--custom", "grow|Reviews|4.2|>=4.5"];
      const stdout = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/okr.ts", jobs, ...args], { cwd: path.join(__dirname, ".."), encoding: "utf8" });
      expect(stdout.trim()).toBe(`Wrote "OKR 2026-Q3" (3 key results) to ${out("cli-custom.xlsx")}`);
    });
  });
});

function findRow(book: Awaited<ReturnType<typeof openXlsx>>["book"], id: string): number {
  for (let row = 0; row < 100; row++) if (book.store.content("OKR 2026-Q3", row, columnIndex("Id")) === id) return row;
  throw new Error(`no row with id ${id}`);
}
