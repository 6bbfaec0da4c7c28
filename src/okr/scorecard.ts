import { isBlank, isoDate } from "../kpi/coerce";
import { ColumnMap, Role } from "./columns";
import { FormulaContext, FormulaMode, kpiFormula, kpiFormulaOver, namesTechnician } from "./formulas";
import { CellContent } from "./krTable";
import { CHANGE_THRESHOLDS, columnReference, DataSource, dateFormula, valueNumberFormat } from "./plan";
import { Period, previousPeriod } from "./periods";
import type { Problem } from "./problems";
import { asText, columnLetters } from "./references";
import { DATE_FORMAT } from "./sheetLayout";
import { STATUS_COLOURS } from "./status";
import { technicianKey, technicianNames } from "./technicianNames";
import { KPIS, KpiKind, ValueFormat } from "./templates";

/**
 * The technician scorecard as plain data: a row per technician with a job in the period, a column
 * per KPI the log's columns allow (each with its change from the previous period and its rank), the
 * team's value in the last row, and the Notes column the user types in. src/excel writes it in one
 * call per block; tests read it without Office.
 */

/** A column of the scorecard: a KPI, how it reads, and its formula for the team and for one technician. */
export interface ScorecardMeasure {
  /** As the README's functions table names the KPI. */
  header: string;
  /** Columns it is computed from, besides the job date and the technician. */
  roles: readonly Role[];
  higherIsBetter: boolean;
  /** How its values read: the sheet's number format follows from it and the log's money format. */
  format: ValueFormat;
  team: (ctx: FormulaContext, mode: FormulaMode) => string;
  /** Over the rows `rows` (a mask over the log) selects: one technician's jobs. */
  technician: (ctx: FormulaContext, mode: FormulaMode, rows: string) => string;
}

const kpiMeasure = (header: string, kpi: KpiKind): ScorecardMeasure => ({
  header,
  roles: KPIS[kpi].roles,
  higherIsBetter: KPIS[kpi].higherIsBetter,
  format: KPIS[kpi].format,
  team: (ctx, mode) => kpiFormula(kpi, mode, ctx),
  technician: (ctx, mode, rows) => kpiFormulaOver(kpi, mode, ctx, rows),
});

/**
 * Every KPI a scorecard can show, left to right. Repeat visits are left out: a job log records no
 * link from a return visit to the job it repeats, and "not fixed on the first visit" is FCR already.
 * So are customer retention, churn and new customers: a customer belongs to the business, not to
 * the technician who happened to do the job, so a technician's retention would count customers kept
 * by colleagues as lost to them.
 */
export const SCORECARD_MEASURES: readonly ScorecardMeasure[] = [
  kpiMeasure("JOBS", "jobs"),
  kpiMeasure("REVENUE", "revenue"),
  kpiMeasure("AVGTICKET", "avgTicket"),
  kpiMeasure("NPS", "nps"),
  kpiMeasure("CSAT", "csat"),
  kpiMeasure("FCR", "fcr"),
  kpiMeasure("ONTIME", "ontime"),
  kpiMeasure("RESPONSETIME", "responseTime"),
];

/** Where things are on the scorecard sheet. */
export const SCORECARD_LAYOUT = {
  headerAddress: "A1:B5",
  from: "$B$2",
  to: "$B$3",
  /** 1-based row of the column headers; technicians start on the row below. */
  headerRow: 7,
  technicianHeader: "Technician",
  notesHeader: "Notes",
  /** The last row's label: the team's value, each job once. */
  teamLabel: "Team (all jobs)",
  rankSuffix: " rank",
  changeSuffix: " vs previous",
} as const;

/** Each KPI's columns, left to right: its value, its change from the previous period, its rank. */
const MEASURE_COLUMNS = ["value", "change", "rank"] as const;

export const SHARED_JOBS_NOTE =
  "A job shared by several technicians (names separated by , ; / & or 、) counts in full for each of them; the team row counts it once.";
export const BLANKS_NOTE = "A technician's cell is blank when there is nothing to count; the team row shows any error in the data.";

/** How every scorecard sheet's name starts. */
export const SCORECARD_TITLE_PREFIX = "Scorecard ";

/** The sheet's name: "Scorecard 2026-Q3". Excel allows 31 characters and none of : \ / ? * [ ]. */
export function scorecardTitle(period: Period): string {
  return `${SCORECARD_TITLE_PREFIX}${period.label}`.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}

export interface ScorecardSettings {
  title: string;
  period: { from: number; to: number };
  mode: FormulaMode;
  source: DataSource;
  columns: ColumnMap;
  /** How money is written: the job log's own currency format (currencyFormat.ts logMoneyFormat); without one, the add-in's. */
  moneyFormat?: string;
}

/** A top or bottom rule: cells of `range` equal to `formula` (the column's best or worst) are coloured. */
export interface ScorecardHighlight {
  range: string;
  formula: string;
  fill: string;
  font: string;
}

/**
 * An icon set on a change column (Excel's three arrows): up (green) from `betterFrom`, down (red) below
 * `worseBelow`, sideways between; a blank change (text) gets none. The change is signed by the KPI's
 * direction, so up is better, as ▲ on the OKR sheet: a shorter response time points up.
 */
export interface ChangeIcons {
  range: string;
  betterFrom: string;
  worseBelow: string;
}

export interface ScorecardPlan {
  title: string;
  header: { address: string; formulas: CellContent[][]; numberFormats: string[][] };
  /** Column headers, a row per technician, the team row: written as formulas in one call. */
  table: { address: string; formulas: CellContent[][]; numberFormats: string[][] };
  highlights: ScorecardHighlight[];
  changeIcons: ChangeIcons[];
  freezeRows: number;
  /** In characters, from column A. */
  columnWidths: number[];
  technicians: number;
}

/** The measures the log's columns allow (the job date and technician always needed). */
export function availableMeasures(columns: ColumnMap): ScorecardMeasure[] {
  return SCORECARD_MEASURES.filter((measure) => measure.roles.every((role) => columns[role] !== undefined));
}

/**
 * The technicians named on a job in the period, each once, spelled as first seen, in alphabetical
 * order. Dates count as the sheet's formulas count them: numbers (serials) only, the last day in full.
 * @example techniciansInPeriod(["Ann & Bob", "ann", "Cy"], [46204, 46205, 46100], { from: 46204, to: 46295 }) //=> ["Ann", "Bob"]
 */
export function techniciansInPeriod(technicians: readonly unknown[], dates: readonly unknown[], period: { from: number; to: number }): string[] {
  const found = new Map<string, string>();
  technicians.forEach((cell, i) => {
    const date = dates[i];
    if (typeof date !== "number" || date < period.from || date >= period.to + 1) return;
    for (const name of technicianNames(cell)) if (!found.has(technicianKey(name))) found.set(technicianKey(name), name);
  });
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, name]) => name);
}

/** What stops a scorecard from being built, as problems the pane words; empty when it can be built. */
export function scorecardProblems(settings: ScorecardSettings, technicians: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (settings.columns.date === undefined) problems.push({ code: "noScorecardColumn", role: "date" });
  if (settings.columns.technician === undefined) problems.push({ code: "noScorecardColumn", role: "technician" });
  if (!(settings.period.from <= settings.period.to)) problems.push({ code: "periodReversed" });
  else if (problems.length === 0 && technicians.length === 0) {
    problems.push({ code: "noOneToScore", from: isoDate(settings.period.from), to: isoDate(settings.period.to) });
  }
  return problems;
}

/** A row the user has on the sheet now: the name in its first column and the notes typed beside it. */
interface OldRow {
  name: string;
  notes: CellContent;
}

/** Text read back as typed (asTyped's leading apostrophe dropped): the name the cell shows. */
function shownText(cell: CellContent): string {
  const text = String(cell ?? "");
  return text.startsWith("'") && asText(text.slice(1)) === text ? text.slice(1) : text;
}

/** The rows below the headers of an earlier scorecard (read as typed, its header row first). */
function readOldRows(existing: readonly (readonly CellContent[])[] | undefined): OldRow[] {
  if (!existing || existing.length < 2) return [];
  const headers = existing[0].map((cell) => String(cell ?? ""));
  const [nameAt, notesAt] = [headers.indexOf(SCORECARD_LAYOUT.technicianHeader), headers.indexOf(SCORECARD_LAYOUT.notesHeader)];
  if (nameAt < 0) return [];
  return existing
    .slice(1)
    .map((row) => ({ name: shownText(row[nameAt] ?? null), notes: notesAt < 0 ? null : (row[notesAt] ?? null) }))
    .filter((row) => row.name.trim() !== "");
}

/**
 * The technicians' rows in order, with their notes: the user's order and notes from an earlier build
 * (a technician no longer found keeps their row while it has notes), then new technicians.
 */
function arrangeRows(technicians: readonly string[], old: readonly OldRow[]): OldRow[] {
  const found = new Map(technicians.map((name) => [technicianKey(name), name]));
  const teamKey = technicianKey(SCORECARD_LAYOUT.teamLabel);
  const placed = new Set<string>([teamKey]);
  const rows: OldRow[] = [];
  for (const { name, notes } of old) {
    const key = technicianKey(name);
    if (placed.has(key) || (!found.has(key) && isBlank(notes))) continue;
    placed.add(key);
    rows.push({ name: found.get(key) ?? name, notes });
  }
  for (const name of technicians) if (!placed.has(technicianKey(name))) rows.push({ name, notes: null });
  return rows;
}

/** The rank of row r's value in its column among the technicians: 1 for the best, ties sharing a rank; blank without a value. */
function rankFormula(letters: string, r: number, rows: { first: number; last: number }, higherIsBetter: boolean): string {
  const column = `${letters}$${rows.first}:${letters}$${rows.last}`;
  return `=IF(ISNUMBER(${letters}${r}),1+SUMPRODUCT(ISNUMBER(${column})*(${column}${higherIsBetter ? ">" : "<"}${letters}${r})),"")`;
}

/** A KPI's change from `previous` (a formula without its =) to the value in `value`, positive when better; blank when either is not a number. */
function changeFormula(value: string, previous: string, higherIsBetter: boolean): string {
  return higherIsBetter ? `=IFERROR(${value}-${previous},"")` : `=IFERROR(${previous}-${value},"")`;
}

/** A change's size in the KPI's own format, without a sign: its icon says better or worse. */
const changeFormat = (format: string): string => `${format};${format};${format}`;

/**
 * The scorecard for the technicians found in the period. On a re-run (`existing`: the sheet's rows from
 * the header row down, read as typed), the notes typed beside each technician are kept by name, rows
 * stay in the user's order, and new technicians are added at the end.
 */
export function buildScorecardPlan(settings: ScorecardSettings, technicians: readonly string[], existing?: readonly (readonly CellContent[])[]): ScorecardPlan {
  const { mode } = settings;
  const measures = availableMeasures(settings.columns);
  const ctx: FormulaContext = { column: columnReference(settings.source, settings.columns), from: SCORECARD_LAYOUT.from, to: SCORECARD_LAYOUT.to };
  const previous = previousPeriod({ label: "", ...settings.period });
  const before: FormulaContext = { ...ctx, from: dateFormula(previous.from), to: dateFormula(previous.to) };
  const technician = ctx.column("technician");
  const oldRows = readOldRows(existing);
  const rows = arrangeRows(technicians, oldRows);
  const first = SCORECARD_LAYOUT.headerRow + 1;
  const span = { first, last: first + rows.length - 1 };
  const teamRow = span.last + 1;
  const letters = (measure: number, column: (typeof MEASURE_COLUMNS)[number] = "value") => columnLetters(1 + MEASURE_COLUMNS.length * measure + MEASURE_COLUMNS.indexOf(column));
  const notesLetter = columnLetters(1 + MEASURE_COLUMNS.length * measures.length);

  const headers = [
    SCORECARD_LAYOUT.technicianHeader,
    ...measures.flatMap((m) => [m.header, `${m.header}${SCORECARD_LAYOUT.changeSuffix}`, `${m.header}${SCORECARD_LAYOUT.rankSuffix}`]),
    SCORECARD_LAYOUT.notesHeader,
  ];
  const technicianRow = ({ name, notes }: OldRow, i: number): CellContent[] => {
    const r = first + i;
    const mine = namesTechnician(technician, `$A${r}`);
    return [
      asText(name),
      ...measures.flatMap((m, k) => [
        `=IFERROR(${m.technician(ctx, mode, mine).slice(1)},"")`,
        changeFormula(`${letters(k)}${r}`, m.technician(before, mode, mine).slice(1), m.higherIsBetter),
        rankFormula(letters(k), r, span, m.higherIsBetter),
      ]),
      notes,
    ];
  };
  const teamNotes = oldRows.find((row) => technicianKey(row.name) === technicianKey(SCORECARD_LAYOUT.teamLabel))?.notes ?? null;
  const team: CellContent[] = [
    SCORECARD_LAYOUT.teamLabel,
    ...measures.flatMap((m, k) => [m.team(ctx, mode), changeFormula(`${letters(k)}${teamRow}`, m.team(before, mode).slice(1), m.higherIsBetter), null]),
    teamNotes,
  ];
  const valueFormats = [
    "General",
    ...measures.flatMap((m) => {
      const format = valueNumberFormat(m.format, settings.moneyFormat);
      return [format, changeFormat(format), "0"];
    }),
    "General",
  ];

  return {
    title: settings.title,
    header: {
      address: SCORECARD_LAYOUT.headerAddress,
      formulas: [[asText(settings.title), null], ["Period from", settings.period.from], ["Period to", settings.period.to], [SHARED_JOBS_NOTE, null], [BLANKS_NOTE, null]],
      numberFormats: [["General", "General"], ["General", DATE_FORMAT], ["General", DATE_FORMAT], ["General", "General"], ["General", "General"]],
    },
    table: {
      address: `A${SCORECARD_LAYOUT.headerRow}:${notesLetter}${teamRow}`,
      formulas: [headers, ...rows.map(technicianRow), team],
      numberFormats: [headers.map(() => "General"), ...rows.map(() => valueFormats), valueFormats],
    },
    highlights: measures.flatMap((m, k) => {
      const column = letters(k);
      const range = `${column}${span.first}:${column}${span.last}`;
      const absolute = `$${column}$${span.first}:$${column}$${span.last}`;
      const [best, worst] = m.higherIsBetter ? ["MAX", "MIN"] : ["MIN", "MAX"];
      return [
        { range, formula: `=${best}(${absolute})`, ...STATUS_COLOURS["On track"] },
        { range, formula: `=${worst}(${absolute})`, ...STATUS_COLOURS["Off track"] },
      ];
    }),
    changeIcons: measures.map((_, k) => ({ range: `${letters(k, "change")}${span.first}:${letters(k, "change")}${teamRow}`, ...CHANGE_THRESHOLDS })),
    freezeRows: SCORECARD_LAYOUT.headerRow,
    columnWidths: headers.map((header, i) => (i === 0 ? 24 : i === headers.length - 1 ? 40 : header.endsWith(SCORECARD_LAYOUT.rankSuffix) ? 7 : 13)),
    technicians: rows.length,
  };
}
