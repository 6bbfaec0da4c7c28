// What the command-line builders (npm run okr, npm run scorecard) share: the period, the job log
// found in a workbook file as the pane finds it (--sheet, --header-row, --map), the rule that the
// input is never written, and one line on stderr with a non-zero exit for any mistake.
import { realpathSync } from "fs";
import path from "path";
import { openXlsx, XlsxWorkbook } from "../backends/xlsxFile";
import { JobLogChoice, readJobData } from "../src/excel/jobData";
import { CHECK_IN_HISTORY_LAYOUT } from "../src/okr/checkInHistory";
import { ColumnMap, detectColumns, ROLES } from "../src/okr/columns";
import { logMoneyFormat } from "../src/okr/currencyFormat";
import type { FormulaMode } from "../src/okr/formulas";
import { monthOf, Period, quarterOf } from "../src/okr/periods";
import { renderProblem } from "../src/okr/problems";
import { SCORECARD_TITLE_PREFIX } from "../src/okr/scorecard";
import { CHECK_IN_SHEET } from "../src/okr/sheetLayout";
import { TRENDS_LAYOUT } from "../src/okr/trends";
import { textDateWarnings } from "../src/okr/textDates";
import type { JobData } from "../src/okr/workbook";

/**
 * A period as typed on the command line: a quarter or a month.
 * @example parsePeriod("2026-Q3").label //=> "2026-Q3"
 */
export function parsePeriod(text: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) return quarterOf(Number(quarter[1]), Number(quarter[2]) * 3);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthOf(Number(month[1]), Number(month[2]));
  throw new Error(`--period "${text}" is not a quarter like 2026-Q3 or a month like 2026-07`);
}

const MODES: readonly FormulaMode[] = ["portable", "kpi"];

/**
 * The formulas asked for with --mode: "portable" (the default: native formulas, for any Excel or
 * LibreOffice) or "kpi" (=KPI.* functions, for Excel with the add-in).
 * @example parseMode(undefined) //=> "portable"
 */
export function parseMode(text: string | undefined): FormulaMode {
  const mode = MODES.find((m) => m === (text ?? "portable"));
  if (!mode) throw new Error(`--mode "${text}" is not portable or kpi`);
  return mode;
}

/** Where the job log is and how its columns are read, when detection should not guess. */
export interface JobLogOptions {
  /** The sheet holding the job log, and its header row (1-based). */
  sheet?: string;
  headerRow?: number;
  /** Columns chosen by hand, role → header (as the pane's column mapping): { technician: "Crew lead" }. */
  map?: Record<string, string>;
  /** Called with what the user should know but that does not stop the build. */
  warn?: (message: string) => void;
}

/** Names as typed on the command line: any case, spaces around ignored. */
export const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** --map role=Header pairs as column indexes, or the first that names no role or no header. */
function mappedByHand(map: Record<string, string>, headers: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  for (const [name, header] of Object.entries(map)) {
    const role = ROLES.find((r) => sameName(r, name));
    if (!role) throw new Error(`--map "${name}" is not a column role: use one of ${ROLES.join(", ")}`);
    const index = headers.findIndex((h) => sameName(h, header));
    if (index < 0) throw new Error(`--map ${role}: the job log has no column "${header}" (its columns: ${headers.join(", ")})`);
    columns[role] = index;
  }
  return columns;
}

/**
 * Opens a workbook file and finds its job log as the pane does (the job table, or the used range of
 * the sheet the file opens on, unless the add-in built that sheet: then the first sheet it did not build), its columns detected and then mapped by hand, and the format its money is written in
 * (the amount column's, when it shows a currency); warns of text dates and of a plain range.
 */
export async function openJobLog(input: string, options: JobLogOptions): Promise<XlsxWorkbook & { jobData: JobData; columns: ColumnMap; moneyFormat: string | undefined }> {
  const file = await openXlsx(input);
  const choice: JobLogChoice = { sheet: options.sheet, headerRow: options.headerRow };
  let jobData = await readJobData(file.book.run, choice);
  // A file one of the CLIs wrote opens on the sheet it built: a log that is no table is then on another
  // sheet, the first the add-in did not build (an OKR sheet is told by its table: noJobLog).
  const tried = "problem" in jobData ? (jobData.problem.code === "noJobLog" ? jobData.problem.sheet : undefined) : jobData.source.kind === "range" ? jobData.source.sheet : undefined;
  if (!choice.sheet && tried !== undefined && ("problem" in jobData || isBuiltSheet(tried))) {
    const sheet = (await sheetNames(file)).find((name) => name !== tried && !isBuiltSheet(name));
    if (sheet) jobData = await readJobData(file.book.run, { ...choice, sheet });
  }
  if ("problem" in jobData) throw new Error(renderProblem(jobData.problem, "en"));
  const columns = { ...detectColumns(jobData.source.headers, jobData.sample), ...mappedByHand(options.map ?? {}, jobData.source.headers) };
  for (const warning of textDateWarnings(jobData.source.headers, jobData.sample, columns)) options.warn?.(renderProblem(warning, "en"));
  const { source } = jobData;
  if (source.kind === "range") {
    options.warn?.(renderProblem({ code: "plainRange", sheet: source.sheet, firstRow: source.headerRow + 1, lastRow: source.lastRow }, "en"));
  }
  return { ...file, jobData, columns, moneyFormat: logMoneyFormat(jobData.numberFormats, columns) };
}

/** A sheet the add-in builds from the log (not an OKR sheet: its table keeps it from being read as a log). */
function isBuiltSheet(name: string): boolean {
  return [TRENDS_LAYOUT.title, CHECK_IN_HISTORY_LAYOUT.title, CHECK_IN_SHEET].includes(name) || name.startsWith(SCORECARD_TITLE_PREFIX);
}

async function sheetNames({ book }: XlsxWorkbook): Promise<string[]> {
  return book.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return sheets.items.map((sheet) => sheet.name);
  });
}

/** The file a path names, following links, so two spellings of one file compare equal (the file may not exist yet). */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
  }
}

/** Refuses an output that is the input under any spelling: the job workbook is never changed. */
export function checkOutput(input: string, output: string): void {
  if (realPath(output) === realPath(input)) throw new Error("--out must be a new file: the job workbook is never changed");
}

/** --option key=value pairs as an object, or an error naming the first that is not a pair. */
export function optionPairs(option: string, list: readonly string[] | undefined, example: string): Record<string, string> {
  return Object.fromEntries(
    (list ?? []).map((pair) => {
      const at = pair.indexOf("=");
      if (at < 1) throw new Error(`--${option} "${pair}" is not a pair like ${example}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/** The options every builder reads the job log with, as parseArgs declares them. */
export const JOB_LOG_ARGS = { period: { type: "string" }, out: { type: "string" }, sheet: { type: "string" }, "header-row": { type: "string" }, map: { type: "string", multiple: true } } as const;

/** --sheet, --header-row and --map as typed, checked, plus a warn that prints to stderr. */
export function jobLogOptions(values: { sheet?: string; "header-row"?: string; map?: string[] }): JobLogOptions {
  const headerText = values["header-row"];
  const headerRow = headerText === undefined ? undefined : Number(headerText);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new Error(`--header-row "${headerText}" is not a row number like 3`);
  const map = optionPairs("map", values.map, "technician=Crew lead");
  return { sheet: values.sheet, headerRow, map, warn: (message) => console.error(`warning: ${message}`) };
}

/** Runs a command-line entry point: any mistake is one line on stderr and exit status 1, never a stack trace. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
