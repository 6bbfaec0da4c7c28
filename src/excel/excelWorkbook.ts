import { OkrWorkbook } from "../taskpane/okrWorkbook";
import { recordCheckIn } from "./checkIns";
import { readJobData } from "./jobData";
import { onSheetCalculated, readLiveKeyResults } from "./liveView";
import { buildOkrSheet } from "./okrSheet";
import { insertSampleData } from "./sampleData";

/** The pane's workbook, backed by Excel. */
export const excelWorkbook: OkrWorkbook = {
  readJobData,
  build: buildOkrSheet,
  readLive: readLiveKeyResults,
  onCalculated: onSheetCalculated,
  recordCheckIn,
  insertSampleData,
};
