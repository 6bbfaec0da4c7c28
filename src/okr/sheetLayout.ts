import { asText, columnLetters } from "./references";
import { HISTORY_COLUMNS, TABLE_COLUMNS } from "./krTable";

/**
 * Where things are on the sheets the add-in writes, and how their rows read back: one place for the
 * OKR sheet's header block and key-result table, the Check-ins table and the job-log sample size.
 */

export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** 0-based index of a KR-table column. */
export const columnIndex = (name: TableColumn): number => TABLE_COLUMNS.indexOf(name);
/** A1 letters of a KR-table column (the table starts in column A). */
export const columnLetter = (name: TableColumn): string => columnLetters(columnIndex(name));

/** Number formats of dates and of shares (progress, time elapsed) wherever the add-in writes them. */
/**
 * Office.js column widths are in points, a file's in characters of the default font (Calibri 11: a
 * default column is 8.43 characters, 64 px, 48 pt).
 */
export const POINTS_PER_CHARACTER = 48 / 8.43;

export const DATE_FORMAT = "yyyy-mm-dd";
export const SHARE_FORMAT = "0%";

/** The OKR sheet's header block: labels in A, values in B, notes in C (what the baseline is). */
export const HEADER_ADDRESS = "A1:C7";
export const HEADER_CELLS = { title: "$A$1", from: "$B$2", to: "$B$3", baselineFrom: "$B$4", baselineTo: "$B$5", asOf: "$B$6", elapsed: "$B$7" } as const;
/** 1-based row of the KR table's header row; key results start on the row below. */
export const TABLE_HEADER_ROW = 9;
/** The KR table's area from its header row down to `lastRow`: "A9:N20". */
export const tableArea = (lastRow: number): string => `A${TABLE_HEADER_ROW}:${columnLetters(TABLE_COLUMNS.length - 1)}${lastRow}`;

/** Rows a plain range's formulas reach below its data, for jobs added later: as many as it has, at least 1,000. */
const MIN_HEADROOM_ROWS = 1_000;
const MAX_ROWS = 1_048_576;

/** The last row formulas over a plain range reach, from its header row and its last row of data (1-based). */
export function rangeReach(headerRow: number, lastDataRow: number): number {
  return Math.min(MAX_ROWS, lastDataRow + Math.max(MIN_HEADROOM_ROWS, lastDataRow - headerRow));
}

/** Rows of the job log read to detect its columns: enough to tell a score from a date from a flag. */
export const SAMPLE_ROWS = 50;

/** Prefix of an objective row's id; key results have ids of their own. */
export const OBJECTIVE_ID_PREFIX = "objective:";
export const objectiveRowId = (objectiveId: string): string => `${OBJECTIVE_ID_PREFIX}${objectiveId}`;

/** A key result (or objective) row as the sheet computes it now. */
export interface LiveKeyResult {
  id: string;
  objective: string;
  name: string;
  baseline: number | string;
  current: number | string;
  target: number | string;
  progress: number | string;
  status: string;
  isObjective: boolean;
  /** The number format of its Current cell (the KPI's: a score, a share, money, hours), when read. */
  valueFormat?: string;
  /**
   * The KPI over the last six periods, oldest first, Current last: null where a period has no number
   * (blank, an error, or a column an earlier build did not have).
   */
  history?: (number | null)[];
}

/** The columns of a KR's last six periods, oldest first. */
export const LAST_SIX_COLUMNS = [...HISTORY_COLUMNS, "Previous period", "Current"] as const satisfies readonly TableColumn[];

/** A row of the KR table's computed values (Excel's `values`: "" for a blank), and its number formats, as a live key result. */
export function toLiveKeyResult(row: readonly unknown[], formats?: readonly string[]): LiveKeyResult {
  const cell = (name: TableColumn) => row[columnIndex(name)];
  const text = (name: TableColumn) => String(cell(name) ?? "");
  const id = text("Id");
  return {
    id,
    objective: text("Objective"),
    name: text("Key result") || text("Objective"),
    baseline: cell("Baseline") as number | string,
    current: cell("Current") as number | string,
    target: cell("Target") as number | string,
    progress: cell("Progress") as number | string,
    status: text("Status"),
    isObjective: id.startsWith(OBJECTIVE_ID_PREFIX),
    history: LAST_SIX_COLUMNS.map((name) => {
      const value = cell(name);
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    }),
    ...(formats ? { valueFormat: formats[columnIndex("Current")] } : {}),
  };
}

/** The Check-ins sheet and table: one row per key result per check-in. */
export const CHECK_IN_SHEET = "Check-ins";
export const CHECK_IN_TABLE = "CheckIns";
export const CHECK_IN_COLUMNS = ["Date", "Sheet", "Key result", "Current", "Target", "Progress", "Status", "Confidence", "Note"] as const;

export type Confidence = "High" | "Medium" | "Low";

/**
 * The check-in rows for an OKR sheet's live key results (objective rows and unnamed rows left out).
 * The date is a DATE formula, so Excel shows it as a date; text from the sheet or the user stays text.
 */
export function checkInRows(title: string, live: readonly LiveKeyResult[], today: Date, confidence: Confidence, note: string): { rows: (string | number)[][]; numberFormats: string[][] } {
  const date = `=DATE(${today.getFullYear()},${today.getMonth() + 1},${today.getDate()})`;
  const asCell = (value: number | string): string | number => (typeof value === "string" ? asText(value) : value);
  const checked = live.filter((kr) => !kr.isObjective && kr.name !== "");
  return {
    rows: checked.map((kr) => [date, asText(title), asText(kr.name), asCell(kr.current), asCell(kr.target), asCell(kr.progress), asText(kr.status), confidence, asText(note)]),
    // Each KR's values keep its KPI's format (a score, a share, money, hours), as on the OKR sheet.
    numberFormats: checked.map((kr) => {
      const value = kr.valueFormat ?? "General";
      return [DATE_FORMAT, "General", "General", value, value, SHARE_FORMAT, "General", "General", "General"];
    }),
  };
}
