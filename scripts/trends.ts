// npm run trends -- <jobs.xlsx> --period 2026-Q3 --out <out.xlsx> [--mode portable|kpi]
//                   [--sheet "Job log"] [--header-row 3] [--map role=Header]
//
// Builds the Trends sheet for a job log in a workbook, outside Excel: the add-in's own Excel adapter
// (src/excel) runs over the workbook file, finds the job log as `npm run okr` does, and writes a copy
// with the sheet "Trends" (each KPI the log allows, by month, over the twelve months ending with the
// period's last month) added, or refreshed as a re-run in Excel refreshes it (notes typed beside a
// month are kept), with a line chart per objective beside the table, written as chart parts of the file
// (backends/chartParts.ts) that a re-run replaces. When the workbook has check-ins (the CheckIns table
// the pane's check-ins fill), the sheet "Check-in history" is built too: each OKR sheet's progress at
// each check-in, with its chart. The input is never changed.
import { parseArgs } from "util";
import { buildTrendsSheet } from "../src/excel/trendsSheet";
import { renderProblems } from "../src/okr/problems";
import { checkOutput, JOB_LOG_ARGS, jobLogOptions, JobLogOptions, openJobLog, parseMode, parsePeriod, runCommand } from "./jobLog";

export interface TrendsOptions extends JobLogOptions {
  period: string;
  /** "portable" (default: native formulas, for any Excel or LibreOffice) or "kpi" (=KPI.* functions, for Excel with the add-in). */
  mode?: string;
}

/**
 * Reads `input`, adds or refreshes the Trends sheet, writes `output` (never `input`); returns the
 * sheet's name, its months and KPIs, and a sentence on the check-in history (built, or why not).
 */
export async function exportTrends(input: string, output: string, options: TrendsOptions): Promise<{ title: string; months: number; kpis: number; history: string }> {
  checkOutput(input, output);
  const period = parsePeriod(options.period);
  const mode = parseMode(options.mode);
  const { book, save, jobData, columns, moneyFormat } = await openJobLog(input, options);
  const built = await buildTrendsSheet(book.run, { period, mode, source: jobData.source, columns, moneyFormat });
  if (!built.ok) throw new Error(renderProblems(built.problems, "en"));
  await save(output);
  const { history } = built;
  const historySentence = history.ok ? `Built "${history.sheet}" for ${history.okrSheets} OKR sheet(s).` : renderProblems(history.problems, "en");
  return { title: built.sheet, months: built.months, kpis: built.kpis, history: historySentence };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { ...JOB_LOG_ARGS, mode: { type: "string" } } });
  const [input] = positionals;
  if (!input || !values.period || !values.out) {
    throw new Error('usage: npm run trends -- <jobs.xlsx> --period 2026-Q3 --out <out.xlsx> [--mode portable|kpi] [--sheet "Job log"] [--header-row 3] [--map nps="Score"]');
  }
  const { title, months, kpis, history } = await exportTrends(input, values.out, { ...jobLogOptions(values), period: values.period, mode: values.mode });
  console.log(`Wrote "${title}" (${kpis} KPIs over ${months} months) to ${values.out}. ${history}`);
}

if (require.main === module) runCommand(main);
