// npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--kr nps,fcr] [--target nps=45 --target fcr=90%]
//                [--baseline previous|last-year] [--sheet "Job log"] [--header-row 3] [--map role=Header]
//
// Builds the OKR sheet for a job log in a workbook, outside Excel: the add-in's own Excel adapter
// (src/excel) runs over the workbook file, finds the job table (or the first sheet's used range),
// plans the key results asked for (default: every one its columns allow) in portable mode (native
// formulas only) and writes a copy with the OKR sheet added, or refreshed as the pane refreshes it:
// targets, owners, notes, weights and hand-made rows typed on it are kept. The input is never changed.
import { realpathSync } from "fs";
import path from "path";
import { parseArgs } from "util";
import { openXlsx } from "../backends/xlsxFile";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { readJobData } from "../src/excel/jobData";
import { ColumnMap, detectColumns, ROLES } from "../src/okr/columns";
import { textDateWarnings } from "../src/okr/textDates";
import { readTarget } from "../src/okr/drafts";
import { BaselineChoice, monthOf, Period, quarterOf, sheetTitle } from "../src/okr/periods";
import { KeyResultInput } from "../src/okr/plan";
import { availableObjectives, defaultKrType, KPIS, KpiKind } from "../src/okr/templates";

export function parsePeriod(text: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) return quarterOf(Number(quarter[1]), Number(quarter[2]) * 3);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthOf(Number(month[1]), Number(month[2]));
  throw new Error(`--period "${text}" is not a quarter like 2026-Q3 or a month like 2026-07`);
}

export interface ExportOptions {
  period: string;
  /** KPI names (as in templates: nps, fcr, avgTicket …, any case); default: every one the columns allow. */
  kpis?: readonly string[];
  targets?: Record<string, string>;
  /** "previous" (default: the previous quarter or month) or "last-year" (the same period a year before). */
  baseline?: string;
  /** The sheet holding the job log, and its header row (1-based), when detection should not guess. */
  sheet?: string;
  headerRow?: number;
  /** Columns chosen by hand, role → header (as the pane's column mapping): { technician: "Crew lead" }. */
  map?: Record<string, string>;
  /** Called with what the user should know but that does not stop the build. */
  warn?: (message: string) => void;
}

const KPI_NAMES = Object.keys(KPIS) as KpiKind[];
const BASELINES: Record<string, BaselineChoice> = { previous: "previous", "last-year": "lastYear" };

/** Names as typed on the command line: any case, spaces around ignored. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

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

/** A KPI as named on the command line, any case: "NPS" and "nps" are nps. */
function kpiNamed(name: string, option: string): KpiKind {
  const kind = KPI_NAMES.find((k) => sameName(k, name));
  if (!kind) throw new Error(`${option} "${name}" is not a KPI: use one of ${KPI_NAMES.join(", ")}`);
  return kind;
}

/** Reads `input`, adds or refreshes the OKR sheet, writes `output`; returns the sheet's name and its number of key results. */
export async function exportOkr(input: string, output: string, options: ExportOptions): Promise<{ title: string; keyResults: number }> {
  const period = parsePeriod(options.period);
  const baseline = BASELINES[options.baseline ?? "previous"];
  if (!baseline) throw new Error(`--baseline "${options.baseline}" is not previous or last-year`);
  const { book, save } = await openXlsx(input);
  const workbook = createExcelWorkbook(book.run);
  const jobData = await readJobData(book.run, { sheet: options.sheet, headerRow: options.headerRow });
  if ("problem" in jobData) throw new Error(jobData.problem);
  const columns = { ...detectColumns(jobData.source.headers, jobData.sample), ...mappedByHand(options.map ?? {}, jobData.source.headers) };
  const wanted = options.kpis?.map((name) => kpiNamed(name, "--kr"));
  for (const kpi of wanted ?? []) {
    const missing = KPIS[kpi].roles.filter((role) => columns[role] === undefined);
    if (missing.length > 0) throw new Error(`--kr ${kpi}: the job log has no ${missing.join(" or ")} column that it needs`);
  }
  const targets = new Map(Object.entries(options.targets ?? {}).map(([name, text]) => [kpiNamed(name, "--target"), text]));
  for (const kpi of targets.keys()) {
    if (wanted && !wanted.includes(kpi)) throw new Error(`--target ${kpi}: ${kpi} is not among the --kr key results`);
  }
  const keyResults: KeyResultInput[] = availableObjectives(columns).flatMap((objective) =>
    objective.keyResults
      .filter((kr) => !wanted || wanted.includes(kr.kpi))
      .map((kr) => {
        const target = readTarget(kr.kpi, targets.get(kr.kpi) ?? "");
        if (typeof target === "object") throw new Error(`--target ${kr.kpi}: ${target.problem}`);
        return { id: `${objective.id}:${kr.kpi}`, objectiveId: objective.id, objective: objective.name, name: kr.name, kpi: kr.kpi, type: defaultKrType(kr.kpi), target };
      }),
  );
  for (const kpi of targets.keys()) {
    if (!keyResults.some((kr) => kr.kpi === kpi)) throw new Error(`--target ${kpi}: the job log has no column for ${kpi}, so it is not a key result`);
  }
  for (const warning of textDateWarnings(jobData.source.headers, jobData.sample, columns)) options.warn?.(warning);
  const { source } = jobData;
  if (source.kind === "range") {
    options.warn?.(`The job log on "${source.sheet}" is a plain range: formulas read rows ${source.headerRow + 1} to ${source.lastRow}. Make it a table in Excel (Insert > Table) so every new job counts.`);
  }
  const title = sheetTitle(period);
  const built = await workbook.build({ title, period, baseline, mode: "portable", source: jobData.source, columns, keyResults });
  if (!built.ok) throw new Error(built.problem);
  await save(output);
  return { title, keyResults: built.keyResults };
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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { period: { type: "string" }, out: { type: "string" }, kr: { type: "string" }, baseline: { type: "string" }, sheet: { type: "string" }, "header-row": { type: "string" }, map: { type: "string", multiple: true }, target: { type: "string", multiple: true } },
  });
  const [input] = positionals;
  if (!input || !values.period || !values.out) {
    throw new Error("usage: npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--kr nps,fcr] [--target nps=45] [--baseline previous|last-year] [--sheet \"Job log\"] [--header-row 3] [--map technician=\"Crew lead\"]");
  }
  if (realPath(values.out) === realPath(input)) throw new Error("--out must be a new file: the job workbook is never changed");
  const pairs = (option: string, list: string[] | undefined, example: string) =>
    Object.fromEntries(
      (list ?? []).map((pair) => {
        const at = pair.indexOf("=");
        if (at < 1) throw new Error(`--${option} "${pair}" is not a pair like ${example}`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
  const targets = pairs("target", values.target, "nps=45");
  const map = pairs("map", values.map, "technician=Crew lead");
  const headerText = values["header-row"];
  const headerRow = headerText === undefined ? undefined : Number(headerText);
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) throw new Error(`--header-row "${headerText}" is not a row number like 3`);
  const kpis = values.kr?.split(",").filter((name) => name.trim() !== "");
  const warn = (message: string) => console.error(`warning: ${message}`);
  const { title, keyResults } = await exportOkr(input, values.out, { period: values.period, kpis, targets, baseline: values.baseline, sheet: values.sheet, headerRow, map, warn });
  console.log(`Wrote "${title}" (${keyResults} key results) to ${values.out}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
