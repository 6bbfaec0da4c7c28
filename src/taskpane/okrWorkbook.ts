import type { Confidence } from "../excel/checkIns";
import type { JobData } from "../excel/jobData";
import type { LiveKeyResult } from "../excel/liveView";
import type { BuildResult } from "../excel/okrSheet";
import type { PlanSettings } from "../okr/plan";

export type { BuildResult, Confidence, JobData, LiveKeyResult };

/** Everything the pane asks of the workbook: Excel in the add-in, a fake in tests, an in-browser engine in the demo. */
export interface OkrWorkbook {
  readJobData(table?: string): Promise<JobData | { problem: string }>;
  build(settings: PlanSettings): Promise<BuildResult>;
  readLive(title: string): Promise<LiveKeyResult[]>;
  /** Calls back when the OKR sheet recalculates; resolves to a function that stops listening. */
  onCalculated(title: string, listener: () => void): Promise<() => Promise<void>>;
  recordCheckIn(title: string, today: Date, confidence: Confidence, note: string): Promise<number>;
  /** Adds the sample job log as a table on a new sheet. */
  insertSampleData(): Promise<{ ok: true } | { ok: false; problem: string }>;
}
