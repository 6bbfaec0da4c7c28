import type { OkrWorkbook } from "../okr/workbook";
import { recordCheckIn } from "./checkIns";
import { readJobData } from "./jobData";
import { onSheetCalculated, readLiveKeyResults } from "./liveView";
import { buildOkrSheet } from "./okrSheet";
import { ExcelRun } from "./run";
import { makeJobTable } from "./rangeToTable";
import { insertSampleData } from "./sampleData";
import { buildScorecardSheet } from "./scorecardSheet";
import { buildTrendsSheet } from "./trendsSheet";
import { readSelectedAddress } from "./selection";

/** The pane's workbook over Excel's JavaScript API: Excel itself, or an Office.js-shaped backend. */
export function createExcelWorkbook(run: ExcelRun): OkrWorkbook {
  return {
    readJobData: (table) => readJobData(run, { table }),
    build: (settings) => buildOkrSheet(run, settings),
    buildScorecard: (settings) => buildScorecardSheet(run, settings),
    buildTrends: (settings) => buildTrendsSheet(run, settings),
    readLive: (title) => readLiveKeyResults(run, title),
    onCalculated: (title, listener) => onSheetCalculated(run, title, listener),
    recordCheckIn: (title, today, confidence, note) => recordCheckIn(run, title, today, confidence, note),
    insertSampleData: () => insertSampleData(run),
    makeJobTable: (source) => makeJobTable(run, source),
    readSelectedAddress: () => readSelectedAddress(run),
  };
}

/** Excel.run itself, for the add-in running in Excel. */
export const officeRun: ExcelRun = (batch, context) => (context ? Excel.run(context, batch) : Excel.run(batch));
