import { execFileSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { cpus, loadavg, tmpdir } from "os";
import path from "path";
import { openXlsx } from "../backends/xlsxFile";
import { exportOkr } from "../scripts/okr";
import { exportScorecard } from "../scripts/scorecard";
import { exportTrends } from "../scripts/trends";
import { SCORECARD_MEASURES } from "../src/okr/scorecard";
import { SAMPLE_HEADERS, SAMPLE_TABLE, sampleJobs } from "../src/sample/sampleJobs";
import { convert, recalculatingProfile, soffice, SofficeTimes, timedConvert } from "../test/soffice";
import { EVERY_KR_HEADERS, EXTRA_HEADERS, withEveryKrColumn } from "./data";
import { writeJobs } from "./jobWorkbook";
import { writeSection } from "./report";
import { SavedCell, sheetCells } from "./savedSheets";
import { Check, JobLog, okrCheck, scorecardCheck, trendsCheck } from "./sheetChecks";
import { median } from "./timing";

/**
 * What the sheets of native formulas cost LibreOffice to recalculate, by the size of the job log: the
 * OKR sheet at 2,000, 20,000 and 200,000 jobs (is it linear?), and the OKR sheet, the scorecard and
 * the Trends sheet at 10,000 and 20,000 jobs (what each costs, and does it double with the rows?).
 * For each size one job workbook (the sample generator's log with the columns every key result needs)
 * is saved by the CLI's code once without a sheet of ours (opened and saved again, the baseline) and
 * once with each sheet (`exportOkr`, `exportScorecard`, `exportTrends`, portable mode). LibreOffice
 * opens each headless in a profile that recalculates every formula on load (ExcelJS writes no cached
 * results) and saves it as .xlsx; a sheet's cost is the median time with it minus the median of the
 * baseline, in CPU seconds (what a shared machine distorts least) and wall-clock seconds. The runs of
 * one size's files are interleaved, so all see the same machine state. The saved sheets are then read
 * back and compared with the KPI library on the same rows (bench/sheetChecks.ts).
 * KPI mode (=KPI.* formulas) is not measured: the KPI functions are the add-in's, which only Excel runs.
 */

const OKR_SIZES = [2_000, 20_000, 200_000];
/** The sizes every sheet is measured at: the issue's 20,000 jobs, and half that to see the growth. */
const SHEET_SIZES = [10_000, 20_000];
/**
 * Runs per file: at 10,000 and 20,000 rows one run of the four files costs over two minutes of CPU, and
 * 200,000 rows five more; two keep the whole benchmark near a quarter of an hour on two cores.
 */
const RUNS = Number(process.env.LO_BENCH_RUNS ?? 2);
/** From this size on, a run takes minutes: one, whose CPU time varies far less than the sheet's cost. */
const LARGE = 200_000;
const LARGE_RUNS = 1;
/** The sample's share of customers per job (as bench/data.ts), so repeat business looks like the sample's. */
const CUSTOMERS_PER_JOB = 0.15;
/** The last whole quarter of the generator's two years, and its baseline, the quarter before. */
const PERIOD = "2026-Q3";
const QUARTERS = { current: { from: 46204, to: 46295 }, baseline: { from: 46113, to: 46203 } }; // 2026-07-01..09-30, 2026-04-01..06-30
const OKR_SECTION = "## LibreOffice: recalculating the native OKR sheet";
const SHEETS_SECTION = "## LibreOffice: what each sheet costs to recalculate at 20,000 jobs";
/** Linear means 10× the rows costs at most this many times the time. */
const LINEAR_LIMIT = 12;
/** Twice the rows for more than this many times the cost is nearer quadratic (4×) than linear (2×). */
const DOUBLING_LIMIT = 3;
/**
 * Why the growth is what it is: what the distinct counts cost, measured on 2026-11-26 with one key
 * result's formula per workbook (too slow to measure on every run: UNIQUE alone takes minutes).
 */
export const GROWTH =
  "**Why the growth is near-linear: distinct counts sort.** The repeat-customer rate and jobs per technician count distinct names by sorting the period's names once (`SORT`) and comparing each with its neighbours (`LET`, `SEQUENCE`, `INDEX`): n log n in the period's rows. " +
    "They used `UNIQUE`, which in LibreOffice costs rows × distinct values: then the repeat-customer rate's formulas took 43.2 s of the sheet's 57.1 s of CPU at 200,000 rows, and the cost grew 18.2× from 20,000 rows. " +
    "Measured on a workbook of only 200,000 job dates and customers (a quarter: 25,113 jobs, 16,956 customers), one repeat-rate formula for the quarter, one run each, CPU seconds over the same workbook without it: `UNIQUE` **19.2 s**, sorted **0.14 s**, the same value (0.361996). " +
    "The rest of the sheet is `FILTER`, `SUMPRODUCT` and `COUNTIFS` over the whole table: linear.";

/** A sheet of ours: how the CLI builds it into a copy of the job workbook, and how its recalculated values are checked. */
interface SheetKind {
  name: string;
  /** Builds the sheet from `source` into `out`; its title and what it holds ("21 key results"). */
  build: (source: string, out: string) => Promise<{ title: string; holds: string }>;
  check: (cells: ReadonlyMap<string, SavedCell>, log: JobLog) => Check;
}

const OKR: SheetKind = {
  name: "OKR",
  build: async (source, out) => {
    const { title, keyResults } = await exportOkr(source, out, { period: PERIOD });
    return { title, holds: `${keyResults} key results` };
  },
  check: (cells, log) => okrCheck(cells, log, QUARTERS.current, QUARTERS.baseline),
};
const SCORECARD: SheetKind = {
  name: "Scorecard",
  build: async (source, out) => {
    const { title, technicians } = await exportScorecard(source, out, { period: PERIOD });
    return { title, holds: `${technicians} technicians + team × ${SCORECARD_MEASURES.length} KPIs` };
  },
  check: (cells, log) => scorecardCheck(cells, log, QUARTERS.current),
};
const TRENDS: SheetKind = {
  name: "Trends",
  build: async (source, out) => {
    const { title, months, kpis } = await exportTrends(source, out, { period: PERIOD });
    return { title, holds: `${months} months × ${kpis} KPIs` };
  },
  check: trendsCheck,
};

interface SheetMeasured {
  kind: SheetKind;
  holds: string;
  times: SofficeTimes[];
  check: Check;
}

interface Measured {
  rows: number;
  /** The baseline: the job workbook alone. */
  without: SofficeTimes[];
  sheets: SheetMeasured[];
}

const medianOf = (times: readonly SofficeTimes[]): SofficeTimes => ({ wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) });

/** A sheet's cost at one size: its median minus the baseline's. */
function costOf(m: Measured, sheet: SheetMeasured): SofficeTimes {
  const [a, b] = [medianOf(sheet.times), medianOf(m.without)];
  return { wall: a.wall - b.wall, cpu: a.cpu - b.cpu };
}

/** Seconds LibreOffice takes to open `file`, recalculate it and save it as .xlsx into `outDir`: wall-clock and CPU. */
function recalc(profile: string, outDir: string, file: string): SofficeTimes {
  rmSync(outDir, { recursive: true, force: true });
  return timedConvert(profile, "xlsx", outDir, [file]);
}

/** The baseline and a file per sheet for a log of `jobs` rows, timed `runs` times each, interleaved, and checked. */
async function measure(dir: string, profile: string, log: JobLog, kinds: readonly SheetKind[], runs: number): Promise<Measured> {
  const jobs = log.rows.length;
  const source = path.join(dir, `jobs-${jobs}-source.xlsx`);
  const without = path.join(dir, `jobs-${jobs}.xlsx`);
  await writeJobs(log.headers, log.rows, source);
  await (await openXlsx(source)).save(without);
  const files: { kind: SheetKind; file: string; title: string; holds: string }[] = [];
  for (const kind of kinds) {
    const file = path.join(dir, `${kind.name}-${jobs}.xlsx`);
    files.push({ kind, file, ...(await kind.build(source, file)) });
  }
  rmSync(source);
  // A folder per file for its saved copies: the last run's is read back.
  const out = (name: string) => path.join(dir, `out-${name}`);
  const measured: Measured = { rows: jobs, without: [], sheets: files.map(({ kind, holds }) => ({ kind, holds, times: [], check: { problems: [], checked: 0 } })) };
  for (let i = 0; i < runs; i++) {
    measured.without.push(recalc(profile, out("baseline"), without));
    files.forEach(({ kind, file }, s) => measured.sheets[s].times.push(recalc(profile, out(kind.name), file)));
  }
  for (const [s, { kind, file, title }] of files.entries()) {
    measured.sheets[s].check = kind.check(await sheetCells(path.join(out(kind.name), path.basename(file)), title), log);
  }
  return measured;
}

const seconds = (value: number) => value.toFixed(2);
const thousands = (value: number) => value.toLocaleString("en-US");
const values = (check: Check) => (check.problems.length === 0 ? `all ${check.checked} = KPI library` : `**${check.problems.length} wrong**: ${check.problems.slice(0, 3).join("; ")}`);

function libreOfficeVersion(): string {
  return execFileSync(soffice ?? "soffice", ["--version"], { encoding: "utf8" }).trim().split(" ").slice(0, 2).join(" ");
}

/** The job log of `jobs` rows the benchmark builds on: the sample generator's, with the columns every key result needs. */
function jobLog(jobs: number): JobLog {
  return { headers: EVERY_KR_HEADERS, rows: withEveryKrColumn(sampleJobs({ jobs, customers: Math.round(jobs * CUSTOMERS_PER_JOB) })) };
}

/** The OKR section: the sheet's cost at OKR_SIZES and its growth per 10× the rows. */
function okrSection(results: readonly Measured[], setup: string): string {
  const okr = results.filter((m) => OKR_SIZES.includes(m.rows)).map((m) => ({ m, sheet: m.sheets.find((s) => s.kind === OKR)! }));
  const growth = (i: number, key: keyof SofficeTimes) => {
    if (i === 0) return "";
    const ratio = costOf(okr[i].m, okr[i].sheet)[key] / costOf(okr[i - 1].m, okr[i - 1].sheet)[key];
    // Only CPU is held to the target: wall-clock time on a shared machine stretches with other work.
    return `${ratio.toFixed(1)}×${key === "cpu" && ratio > LINEAR_LIMIT ? " **over 12×**" : ""}`;
  };
  const row = ({ m, sheet }: (typeof okr)[number], i: number) => {
    const [without, withSheet, cost] = [medianOf(m.without), medianOf(sheet.times), costOf(m, sheet)];
    return `| ${thousands(m.rows)} | ${sheet.holds} | ${m.without.length} | ${seconds(without.cpu)} | ${seconds(withSheet.cpu)} | **${seconds(cost.cpu)}** | ${(cost.cpu / (m.rows / 1000)).toFixed(3)} | ${growth(i, "cpu")} | ${seconds(without.wall)} | ${seconds(withSheet.wall)} | ${seconds(cost.wall)} | ${growth(i, "wall")} | ${values(sheet.check)} |`;
  };
  return [
    setup,
    "",
    "| rows | sheet holds | runs | CPU without the sheet (s) | CPU with it (s) | CPU cost (s) | CPU cost per 1,000 rows (s) | CPU cost growth | wall without (s) | wall with (s) | wall cost (s) | wall cost growth | LibreOffice's values |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...okr.map(row),
    "",
    `Target: linear, 10× the rows for at most ${LINEAR_LIMIT}× the cost. CPU cost, 20,000 ÷ 2,000 rows: ${growth(1, "cpu")}; 200,000 ÷ 20,000: ${growth(2, "cpu")}. ` +
      "At 2,000 rows the cost is about a second, small beside the noise of starting LibreOffice, so the first ratio says little; the second is the one that tests linearity.",
    "",
    GROWTH,
    "",
    "Regenerate with `npm run bench` (this part takes a long time at 200,000 rows; `LO_BENCH_RUNS` sets the runs per file below that).",
  ].join("\n");
}

/** The sheets section: each sheet's cost at SHEET_SIZES, its ratio to the baseline and its growth from the smaller size. */
function sheetsSection(results: readonly Measured[], setup: string): string {
  const [small, large] = SHEET_SIZES.map((rows) => results.find((m) => m.rows === rows)!);
  const baseline = [medianOf(small.without), medianOf(large.without)];
  const row = (sheet: SheetMeasured, s: number) => {
    const [a, b] = [costOf(small, small.sheets[s]), costOf(large, sheet)];
    const growth = b.cpu / a.cpu;
    const withSheet = medianOf(sheet.times);
    return `| ${sheet.kind.name} | ${sheet.holds} | ${seconds(a.cpu)} | **${seconds(b.cpu)}** | ${growth.toFixed(1)}×${growth > DOUBLING_LIMIT ? " **nearer quadratic**" : ""} | ${seconds(withSheet.cpu)} | **${(withSheet.cpu / baseline[1].cpu).toFixed(2)}×** | ${seconds(b.wall)} | ${values(sheet.check)} |`;
  };
  return [
    setup,
    "",
    `| sheet | holds (at ${thousands(large.rows)} rows) | CPU cost at ${thousands(small.rows)} rows (s) | CPU cost at ${thousands(large.rows)} rows (s) | growth, 2× the rows | CPU with it at ${thousands(large.rows)} rows (s) | ÷ the job log alone | wall cost at ${thousands(large.rows)} rows (s) | LibreOffice's values at ${thousands(large.rows)} rows |`,
    "|---|---|---|---|---|---|---|---|---|",
    `| *the job log alone (baseline)* | ${EVERY_KR_HEADERS.length} columns | (${seconds(baseline[0].cpu)} in all) | (${seconds(baseline[1].cpu)} in all) | ${(baseline[1].cpu / baseline[0].cpu).toFixed(1)}× | ${seconds(baseline[1].cpu)} | 1.00× | (${seconds(baseline[1].wall)} in all) | |`,
    ...large.sheets.map(row),
    "",
    `**Cost** is CPU seconds with the sheet minus the job log alone (${small.without.length} runs each, medians); **÷ the job log alone** is the CPU time with the sheet over the baseline's, both measured in this process. ` +
      `Linear means twice the rows for about twice the cost; over ${DOUBLING_LIMIT}× is flagged as nearer quadratic (4×).`,
    "",
    "**KPI mode** (`--mode kpi`, =KPI.* formulas) is not measured: the KPI functions are the add-in's custom functions, which only Excel with the add-in runs; LibreOffice shows `#NAME?`.",
    "",
    "**The Trends sheet's charts** about double its cost here, presumably because LibreOffice evaluates the charted cells when it loads the charts and again in the recalculation on load (not confirmed). Measured on the sample's Trends file (6,000 jobs, 2 runs each): 10.7–11.7 s of CPU with its charts, 6.4–6.7 s with its drawing removed. Excel is not expected to calculate twice; it is not available here to measure.",
  ].join("\n");
}

async function main(): Promise<void> {
  if (!soffice) {
    console.log("LibreOffice is not installed: skipping the LibreOffice benchmark (apt-get install libreoffice-calc-nogui).");
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "okr-lo-bench-"));
  const profile = recalculatingProfile(path.join(dir, "profile"));
  // One untimed launch first: LibreOffice fills a new profile on its first start.
  const first = path.join(dir, "first.xlsx");
  await writeJobs(SAMPLE_HEADERS, sampleJobs({ jobs: 10 }), first);
  convert(profile, "xlsx", path.join(dir, "out"), [first]);
  const loadBefore = loadavg();
  const started = new Date();
  const results: Measured[] = [];
  for (const jobs of [...new Set([...OKR_SIZES, ...SHEET_SIZES])].sort((a, b) => a - b)) {
    const kinds = SHEET_SIZES.includes(jobs) ? [OKR, SCORECARD, TRENDS] : [OKR];
    const measured = await measure(dir, profile, jobLog(jobs), kinds, jobs >= LARGE ? LARGE_RUNS : RUNS);
    const list = (times: SofficeTimes[]) => times.map((t) => `${seconds(t.wall)}/${seconds(t.cpu)}`).join(", ");
    console.log(`${thousands(jobs)} rows (wall/CPU s): without ${list(measured.without)}; load ${loadavg()[0].toFixed(1)}`);
    for (const sheet of measured.sheets) {
      const cost = costOf(measured, sheet);
      console.log(`  ${sheet.kind.name} (${sheet.holds}): ${list(sheet.times)}; cost ${seconds(cost.wall)}/${seconds(cost.cpu)}; ${sheet.check.checked} values checked, ${sheet.check.problems.length} problems`);
      for (const problem of sheet.check.problems.slice(0, 20)) console.log(`    ${problem}`);
    }
    results.push(measured);
  }
  const loadAfter = loadavg();
  rmSync(dir, { recursive: true, force: true });

  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" / ");
  const machine = `Measured on ${started.toISOString().slice(0, 10)}: ${libreOfficeVersion()}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}); load average (1 / 5 / 15 min) ${load(loadBefore)} when timing began and ${load(loadAfter)} when it ended: the machine was shared, so wall-clock times stretch with other work, and CPU times, which it stretches much less, are the main measure.`;
  const workbooks = (sheets: string) =>
    `- **workbooks**: the sample job log's generator (\`src/sample/sampleJobs.ts\`) at each size, ${CUSTOMERS_PER_JOB} customers per job, with the columns ${EXTRA_HEADERS.map((h) => `"${h}"`).join(", ")} added (\`bench/data.ts\`) so every key result native formulas compute is on the sheet, written as the pane's Insert sample data writes it (a table \`${SAMPLE_TABLE}\` of ${EVERY_KR_HEADERS.length} columns) by the xlsx backend. ` +
    `*With*: the CLI's code adds ${sheets} for ${PERIOD} in portable mode (native formulas). *Without* (the baseline): the same job workbook opened and saved by the same backend.`;
  const time = (runs: string) =>
    "- **time**: `soffice --headless --convert-to xlsx` in a profile that recalculates every formula on load (`test/soffice.ts`): start, open, recalculate, save, quit. " +
    `CPU is user + system seconds of LibreOffice's processes (bash's \`times\`), wall is wall-clock. ${runs}, interleaved, after one untimed launch; medians. **Cost** is the median with the sheet minus the median without it, so starting LibreOffice and loading and saving the job log cancel out.`;
  const checked = "- **LibreOffice's values**: each recalculated sheet is read back from a saved copy and compared with the KPI library on the same rows (within 1e-9): every OKR key result's baseline and current value, every KPI of every technician and of the team on the scorecard, every KPI of every month on the Trends sheet.";
  writeSection(OKR_SECTION, okrSection(results, [machine, "", workbooks("the OKR sheet (`exportOkr`, every key result the columns allow, each with its baseline quarter)"), time(`${RUNS} runs of each file (${LARGE_RUNS} at ${thousands(LARGE)} rows)`), checked].join("\n")));
  writeSection(
    SHEETS_SECTION,
    sheetsSection(results, [machine, "", workbooks("one of the OKR sheet (`exportOkr`), the scorecard (`exportScorecard`) or the Trends sheet (`exportTrends`)"), time(`${RUNS} runs of each file`), checked].join("\n")),
  );
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
}
