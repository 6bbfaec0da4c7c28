import type { DataSource, PlanSettings } from "./plan";
import type { Problem } from "./problems";
import type { ScorecardSettings } from "./scorecard";
import type { Confidence, LiveKeyResult } from "./sheetLayout";
import type { TrendsSettings } from "./trends";

export type { Confidence, LiveKeyResult, Problem };

/** The job log as the pane needs it: where it is, its headers and a sample of rows (never the whole table). */
export interface JobData {
  source: DataSource;
  sample: unknown[][];
  /**
   * Each column's smallest and largest number over every row (Excel's MIN and MAX: text skipped),
   * by the headers' order; undefined for a column holding an error value or no rows. The job dates'
   * span, whatever order the log is in, where the sample holds only its first rows.
   */
  spans?: (NumberSpan | undefined)[];
  /**
   * Each column's number format on the log's first row, by the headers' order, as Excel's numberFormat
   * gives it (en-US codes, whatever the user's language); none when the log has no rows. The amount
   * column's tells the currency (currencyFormat.ts).
   */
  numberFormats?: string[];
  /** Every table in the workbook, so the user can pick another. */
  tables: string[];
}

export interface NumberSpan {
  min: number;
  max: number;
}

/** A build's outcome: the sheet and its KR count, or every problem that stopped it (the plan can have several). */
export type BuildResult = { ok: true; sheet: string; keyResults: number } | { ok: false; problems: readonly Problem[] };

/**
 * A Trends build's outcome: its months, KPIs and charts and what became of the check-in history, or
 * the problem that stopped it.
 */
export type TrendsResult = { ok: true; sheet: string; months: number; kpis: number; charts: number; history: CheckInHistoryResult } | { ok: false; problems: readonly Problem[] };

/** The check-in history built with the trends: its sheet and how many OKR sheets it charts, or why it was not built (the trends are built all the same). */
export type CheckInHistoryResult = { ok: true; sheet: string; okrSheets: number } | { ok: false; problems: readonly Problem[] };

/**
 * Everything the pane asks of the workbook. src/excel implements it over Excel's JavaScript API (in
 * Excel, in the demo and in the CLI alike); the pane's tests use a fake.
 */
export interface OkrWorkbook {
  readJobData(table?: string): Promise<JobData | { problem: Problem }>;
  build(settings: PlanSettings): Promise<BuildResult>;
  /** Builds or refreshes the technician scorecard `settings.title`; notes typed on an earlier build are kept. */
  buildScorecard(settings: ScorecardSettings): Promise<{ ok: true; sheet: string; technicians: number } | { ok: false; problems: readonly Problem[] }>;
  /** Builds or refreshes the Trends sheet (each KPI by month) with a line chart per objective, and the check-in history; notes typed on an earlier build are kept. */
  buildTrends(settings: TrendsSettings): Promise<TrendsResult>;
  readLive(title: string): Promise<LiveKeyResult[]>;
  /** Calls back when the OKR sheet recalculates; resolves to a function that stops listening. */
  onCalculated(title: string, listener: () => void): Promise<() => Promise<void>>;
  recordCheckIn(title: string, today: Date, confidence: Confidence, note: string): Promise<number>;
  /** Adds the sample job log as a table on a new sheet. */
  insertSampleData(): Promise<{ ok: true } | { ok: false; problem: Problem }>;
  /** The address of the cells selected in the workbook, with their sheet ("'Accounts 2025'!B12"): a custom key result can point at them. */
  readSelectedAddress(): Promise<string>;
  /** Turns a plain-range job log into a table, so every job added later counts. */
  makeJobTable(source: Extract<DataSource, { kind: "range" }>): Promise<{ ok: true; table: string } | { ok: false; problem: Problem }>;
}
