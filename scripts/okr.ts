// npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--kr nps,fcr] [--target nps=45 --target fcr=90%]
//                [--baseline previous|last-year] [--sheet "Job log"] [--header-row 3] [--map role=Header]
//                [--objective "Make money"] [--custom "Make money|Revenue|='Accounts'!B12|120000|100000|currency"]
//
// Builds the OKR sheet for a job log in a workbook, outside Excel: the add-in's own Excel adapter
// (src/excel) runs over the workbook file, finds the job table (or the used range of the sheet the file opens on; see openJobLog),
// plans the key results asked for (default: every one its columns allow) in portable mode (native
// formulas only) and writes a copy with the OKR sheet added, or refreshed as the pane refreshes it:
// targets, owners, notes, weights and hand-made rows typed on it are kept. The input is never changed.
// Key results of the user's own (--custom, see customOption.ts) go onto the sheet the pane's way.
import { parseArgs } from "util";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { readTarget, toKeyResults } from "../src/okr/drafts";
import { BaselineChoice, sheetTitle } from "../src/okr/periods";
import { KeyResultInput } from "../src/okr/plan";
import { renderProblem, renderProblems } from "../src/okr/problems";
import { availableObjectives, defaultKrType, KPIS, KpiKind, OBJECTIVES } from "../src/okr/templates";
import { customDraft, ownObjective } from "./customOption";
import { checkOutput, JOB_LOG_ARGS, jobLogOptions, JobLogOptions, openJobLog, optionPairs, parsePeriod, runCommand, sameName } from "./jobLog";

export { parsePeriod };

export interface ExportOptions extends JobLogOptions {
  period: string;
  /** KPI names (as in templates: nps, fcr, avgTicket, revenue, jobs, jobsPerDay, ces …, any case); default: every one the columns allow in portable mode. */
  kpis?: readonly string[];
  targets?: Record<string, string>;
  /** "previous" (default: the previous quarter or month) or "last-year" (the same period a year before). */
  baseline?: string;
  /** Objectives of the user's own, by name, for --custom key results to name. */
  objectives?: readonly string[];
  /** Key results of the user's own, each "<objective>|<key result>|<value>|<target>[|<baseline>[|<shown as>]]" (customOption.ts). */
  custom?: readonly string[];
}

const KPI_NAMES = Object.keys(KPIS) as KpiKind[];
const BASELINES: Record<string, BaselineChoice> = { previous: "previous", "last-year": "lastYear" };

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
  const { book, save, jobData, columns, moneyFormat } = await openJobLog(input, options);
  const workbook = createExcelWorkbook(book.run);
  const wanted = options.kpis?.map((name) => kpiNamed(name, "--kr"));
  for (const kpi of wanted ?? []) {
    if (KPIS[kpi].needsAddIn) throw new Error(`--kr ${kpi}: no native formula computes it, and the command line writes native formulas only (portable mode): build it in the pane with KPI functions`);
    const missing = KPIS[kpi].roles.filter((role) => columns[role] === undefined);
    if (missing.length > 0) throw new Error(`--kr ${kpi}: the job log has no ${missing.join(" or ")} column that it needs`);
  }
  const targets = new Map(Object.entries(options.targets ?? {}).map(([name, text]) => [kpiNamed(name, "--target"), text]));
  for (const kpi of targets.keys()) {
    if (wanted && !wanted.includes(kpi)) throw new Error(`--target ${kpi}: ${kpi} is not among the --kr key results`);
  }
  const keyResults: KeyResultInput[] = availableObjectives(columns, OBJECTIVES, "portable").flatMap((objective) =>
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
  keyResults.push(...customKeyResults(options));
  const title = sheetTitle(period);
  const built = await workbook.build({ title, period, baseline, mode: "portable", source: jobData.source, columns, keyResults, moneyFormat });
  if (!built.ok) throw new Error(renderProblems(built.problems, "en"));
  await save(output);
  return { title, keyResults: built.keyResults };
}

/** The --custom key results, each read as the pane reads its drafts; the first mistake is an error naming it. */
function customKeyResults(options: ExportOptions): KeyResultInput[] {
  const own = (options.objectives ?? []).map(ownObjective);
  const texts = options.custom ?? [];
  const drafts = texts.map((text) => customDraft(text, [...OBJECTIVES, ...own]));
  const twice = drafts.find((draft, i) => drafts.findIndex((d) => d.id === draft.id) < i);
  if (twice) throw new Error(`--custom: "${twice.objective}" has the key result "${twice.name}" twice`);
  return drafts.flatMap((draft, i) => {
    const read = toKeyResults([draft]);
    if (!("problem" in read)) return read;
    const { field, name, text, fault } = read.problem;
    if (fault) throw new Error(`--custom "${texts[i]}": ${renderProblem({ code: "notAFormula", keyResult: name, formula: text, fault }, "en")}`);
    throw new Error(`--custom "${texts[i]}": the ${field} "${text}" is not a number`);
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...JOB_LOG_ARGS,
      kr: { type: "string" },
      baseline: { type: "string" },
      target: { type: "string", multiple: true },
      objective: { type: "string", multiple: true },
      custom: { type: "string", multiple: true },
    },
  });
  const [input] = positionals;
  if (!input || !values.period || !values.out) {
    throw new Error("usage: npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--kr nps,fcr] [--target nps=45] [--baseline previous|last-year] [--sheet \"Job log\"] [--header-row 3] [--map technician=\"Crew lead\"] [--objective \"Make money\"] [--custom \"<objective>|<key result>|<=formula, a number or manual>|<target>[|<baseline>[|<shown as>]]\"]");
  }
  checkOutput(input, values.out);
  const targets = optionPairs("target", values.target, "nps=45");
  const kpis = values.kr?.split(",").filter((name) => name.trim() !== "");
  const { title, keyResults } = await exportOkr(input, values.out, { ...jobLogOptions(values), period: values.period, kpis, targets, baseline: values.baseline, objectives: values.objective, custom: values.custom });
  console.log(`Wrote "${title}" (${keyResults} key results) to ${values.out}`);
}

if (require.main === module) runCommand(main);
