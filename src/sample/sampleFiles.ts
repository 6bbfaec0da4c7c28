import { isoDate } from "../kpi/coerce";
import { SAMPLE_HEADERS, SampleCell } from "./sampleJobs";

/** How the sample's columns are shown: dates, date-times, money; undefined for the rest. */
const DATE_COLUMNS = new Set(["Job date"]);
const DATE_TIME_COLUMNS = new Set(["Promised", "Arrival", "Requested", "Responded", "Resolved"]);

export function sampleColumnFormats(): (string | undefined)[] {
  return SAMPLE_HEADERS.map((name) =>
    DATE_COLUMNS.has(name) ? "yyyy-mm-dd" : DATE_TIME_COLUMNS.has(name) ? "yyyy-mm-dd hh:mm" : name === "Amount" ? "#,##0.00" : undefined,
  );
}

/** A serial as ISO text to the minute: 2026-03-02 09:15. */
function isoDateTime(serial: number): string {
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  return `${isoDate(serial)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function csvField(cell: SampleCell, header: string): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number" && DATE_COLUMNS.has(header)) return isoDate(cell);
  if (typeof cell === "number" && DATE_TIME_COLUMNS.has(header)) return isoDateTime(cell);
  const text = String(cell);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sample as CSV (UTF-8, dates as ISO text, which the KPI functions read as dates too). */
export function sampleCsv(rows: readonly SampleCell[][]): string {
  const lines = [SAMPLE_HEADERS.join(","), ...rows.map((row) => row.map((cell, i) => csvField(cell, SAMPLE_HEADERS[i])).join(","))];
  return `${lines.join("\n")}\n`;
}
