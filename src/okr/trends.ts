import { isBlank, isoDate, serialFromParts } from "../kpi/coerce";
import { ColumnMap } from "./columns";
import { FormulaContext, FormulaMode, kpiFormula } from "./formulas";
import { CellContent } from "./krTable";
import { columnReference, DataSource, valueNumberFormat } from "./plan";
import type { Problem } from "./problems";
import { asText, columnLetters } from "./references";
import { isAvailable, KPIS, KpiKind } from "./templates";

/**
 * The Trends sheet as plain data: a row per month (the twelve ending with the chosen period's last
 * month, oldest first), a column per KPI the log's columns allow with a live formula over that month,
 * and the Notes column the user types in. src/excel writes it in one call per block; tests read it without Office.
 */

/** Where things are on the Trends sheet. */
export const TRENDS_LAYOUT = {
  title: "Trends",
  headerAddress: "A1:A3",
  /** 1-based row of the column headers; months start on the row below. */
  headerRow: 5,
  monthHeader: "Month",
  notesHeader: "Notes",
  /** How many months the sheet shows, the chosen period's last month the latest. */
  months: 12,
  /** A month start shown as its month: the cell holds the first day, a real date. */
  monthFormat: "yyyy-mm",
} as const;

export const TRENDS_NOTE =
  "Each row counts the jobs dated from the first to the last day of its month. A cell shows an error (#DIV/0!) when the month has nothing to count.";
export const KEPT_NOTES_NOTE = "Months below the latest are outside the twelve shown; they stay because their notes do.";

export interface TrendsSettings {
  /** The chosen period: the sheet's latest month is the month of its last day. */
  period: { from: number; to: number };
  mode: FormulaMode;
  source: DataSource;
  columns: ColumnMap;
  /** How money is written: the job log's own currency format (currencyFormat.ts logMoneyFormat); without one, the add-in's. */
  moneyFormat?: string;
}

export interface TrendsPlan {
  title: string;
  header: { address: string; formulas: CellContent[][] };
  /** Column headers and a row per month: written as formulas in one call. */
  table: { address: string; formulas: CellContent[][]; numberFormats: string[][] };
  /** The KPIs shown, left to right from column B. */
  kpis: KpiKind[];
  /** First days of the months shown, oldest first: the twelve, then earlier months kept for their notes. */
  months: number[];
  freezeRows: number;
  /** In characters, from column A. */
  columnWidths: number[];
}

/** The KPIs the log's columns allow and the mode's formulas compute, in the order the KPI list gives them. */
export function trendKpis(columns: ColumnMap, mode: FormulaMode): KpiKind[] {
  return (Object.keys(KPIS) as KpiKind[]).filter((kpi) => isAvailable(kpi, columns, mode));
}

/**
 * The first days of the twelve months ending with the month holding `lastDay`, oldest first.
 * @example trendMonths(46295).map(isoDate).slice(0, 2) //=> ["2025-10-01", "2025-11-01"]
 */
export function trendMonths(lastDay: number): number[] {
  const [year, month] = isoDate(lastDay).split("-").map(Number);
  // serialFromParts takes months past 12 or below 1 as the years around, as DATE does.
  return Array.from({ length: TRENDS_LAYOUT.months }, (_, i) => serialFromParts(year, month - TRENDS_LAYOUT.months + 1 + i, 1));
}

/** What stops the Trends sheet from being built, as problems the pane words; empty when it can be built. */
export function trendsProblems(settings: TrendsSettings): Problem[] {
  if (settings.columns.date === undefined) return [{ code: "noTrendsDateColumn" }];
  if (!(settings.period.from <= settings.period.to)) return [{ code: "periodReversed" }];
  return [];
}

/**
 * Notes typed on an earlier build, by the first day of their month (rows read as typed, the header row
 * first). A row whose Month cell is not a date serial keeps nothing: it is not one of ours.
 */
function readOldNotes(existing: readonly (readonly CellContent[])[] | undefined): Map<number, CellContent> {
  const notes = new Map<number, CellContent>();
  if (!existing || existing.length < 2) return notes;
  const headers = existing[0].map((cell) => String(cell ?? ""));
  const [monthAt, notesAt] = [headers.indexOf(TRENDS_LAYOUT.monthHeader), headers.indexOf(TRENDS_LAYOUT.notesHeader)];
  if (monthAt < 0 || notesAt < 0) return notes;
  for (const row of existing.slice(1)) {
    const [month, note] = [row[monthAt], row[notesAt] ?? null];
    if (typeof month === "number" && !isBlank(note)) notes.set(month, note);
  }
  return notes;
}

/**
 * The Trends sheet for the twelve months ending with the period's last month. On a re-run (`existing`:
 * the sheet's rows from the header row down, read as typed) the notes typed beside a month are kept by
 * month; a month no longer among the twelve keeps its row, below them, while it has notes.
 */
export function buildTrendsPlan(settings: TrendsSettings, existing?: readonly (readonly CellContent[])[]): TrendsPlan {
  const kpis = trendKpis(settings.columns, settings.mode);
  const column = columnReference(settings.source, settings.columns);
  const notes = readOldNotes(existing);
  const shown = trendMonths(settings.period.to);
  const kept = [...notes.keys()].filter((month) => !shown.includes(month)).sort((a, b) => a - b);
  const months = [...shown, ...kept];
  const first = TRENDS_LAYOUT.headerRow + 1;

  const monthRow = (month: number, i: number): CellContent[] => {
    const start = `$A${first + i}`;
    // The month's last day, counted in full by the formulas: EOMONTH is native in Excel, LibreOffice and HyperFormula.
    // Retention and churn compare with the month before: EDATE is as native.
    const ctx: FormulaContext = { column, from: start, to: `EOMONTH(${start},0)`, before: { from: `EDATE(${start},-1)`, to: `${start}-1` } };
    return [month, ...kpis.map((kpi) => kpiFormula(kpi, settings.mode, ctx)), notes.get(month) ?? null];
  };
  const headers = [TRENDS_LAYOUT.monthHeader, ...kpis.map((kpi) => KPIS[kpi].label), TRENDS_LAYOUT.notesHeader];
  const formats = [TRENDS_LAYOUT.monthFormat, ...kpis.map((kpi) => valueNumberFormat(KPIS[kpi].format, settings.moneyFormat)), "General"];
  const lastLetter = columnLetters(headers.length - 1);

  return {
    title: TRENDS_LAYOUT.title,
    header: {
      address: TRENDS_LAYOUT.headerAddress,
      formulas: [[TRENDS_LAYOUT.title], [TRENDS_NOTE], [kept.length > 0 ? KEPT_NOTES_NOTE : null]],
    },
    table: {
      address: `A${TRENDS_LAYOUT.headerRow}:${lastLetter}${TRENDS_LAYOUT.headerRow + months.length}`,
      formulas: [headers.map(asText), ...months.map(monthRow)],
      numberFormats: [headers.map(() => "General"), ...months.map(() => formats)],
    },
    kpis,
    months,
    freezeRows: TRENDS_LAYOUT.headerRow,
    columnWidths: headers.map((_, i) => (i === 0 ? 10 : i === headers.length - 1 ? 40 : 16)),
  };
}
