// npm run scorecard -- <jobs.xlsx> --period 2026-Q3 --out <out.xlsx> [--mode portable|kpi]
//                      [--sheet "Job log"] [--header-row 3] [--map role=Header]
//
// Builds the technician scorecard for a job log in a workbook, outside Excel: the add-in's own Excel
// adapter (src/excel) runs over the workbook file, finds the job log as `npm run okr` does, and writes
// a copy with the sheet "Scorecard 2026-Q3" added, or refreshed as a re-run in Excel refreshes it
// (notes typed beside a technician are kept; new technicians are added). The input is never changed.
import { parseArgs } from "util";
import { buildScorecardSheet } from "../src/excel/scorecardSheet";
import { renderProblems } from "../src/okr/problems";
import { scorecardTitle } from "../src/okr/scorecard";
import { checkOutput, JOB_LOG_ARGS, jobLogOptions, JobLogOptions, openJobLog, parseMode, parsePeriod, runCommand } from "./jobLog";

export interface ScorecardOptions extends JobLogOptions {
  period: string;
  /** "portable" (default: native formulas, for any Excel or LibreOffice) or "kpi" (=KPI.* functions, for Excel with the add-in). */
  mode?: string;
}

/** Reads `input`, adds or refreshes the scorecard, writes `output` (never `input`); returns the sheet's name and its number of technicians. */
export async function exportScorecard(input: string, output: string, options: ScorecardOptions): Promise<{ title: string; technicians: number }> {
  checkOutput(input, output);
  const period = parsePeriod(options.period);
  const mode = parseMode(options.mode);
  const { book, save, jobData, columns, moneyFormat } = await openJobLog(input, options);
  const title = scorecardTitle(period);
  const built = await buildScorecardSheet(book.run, { title, period, mode, source: jobData.source, columns, moneyFormat });
  if (!built.ok) throw new Error(renderProblems(built.problems, "en"));
  await save(output);
  return { title, technicians: built.technicians };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { ...JOB_LOG_ARGS, mode: { type: "string" } } });
  const [input] = positionals;
  if (!input || !values.period || !values.out) {
    throw new Error('usage: npm run scorecard -- <jobs.xlsx> --period 2026-Q3 --out <out.xlsx> [--mode portable|kpi] [--sheet "Job log"] [--header-row 3] [--map technician="Crew lead"]');
  }
  const { title, technicians } = await exportScorecard(input, values.out, { ...jobLogOptions(values), period: values.period, mode: values.mode });
  console.log(`Wrote "${title}" (${technicians} technicians) to ${values.out}`);
}

if (require.main === module) runCommand(main);
