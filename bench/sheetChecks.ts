import { isoDate, serialFromParts } from "../src/kpi/coerce";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { columnLetters } from "../src/okr/references";
import { SCORECARD_LAYOUT, SCORECARD_MEASURES } from "../src/okr/scorecard";
import { KPIS, KpiKind } from "../src/okr/templates";
import { TRENDS_LAYOUT } from "../src/okr/trends";
import { SampleCell } from "../src/sample/sampleJobs";
import { KpiColumn, kpiValue } from "../test/kpiLibrary";
import { errorCells, SavedCell, tableBelow } from "./savedSheets";

/**
 * What LibreOffice computed on each sheet the benchmark recalculates, against the KPI library on the
 * same rows: each value a number where the library gives one (within 1e-9, relative), not a number
 * where it gives an error; on the OKR sheet and the scorecard, whose data always has something to
 * count, no error cell at all.
 */

/** The job log a sheet was built on: its headers and rows. */
export interface JobLog {
  headers: readonly string[];
  rows: readonly SampleCell[][];
}

/** First and last day, as serials. */
export interface Span {
  from: number;
  to: number;
}

/** What differs from the KPI library (empty when all is well) and how many values were compared. */
export interface Check {
  problems: string[];
  checked: number;
}

const KPI_KINDS = Object.keys(KPIS) as KpiKind[];

/** The KPI library's value of `kpi` over `rows` of the log (all of them by default) in `span`: a number or its error. */
function libraryValue(log: JobLog, kpi: KpiKind, span: Span, rows = log.rows): unknown {
  const column = (header: KpiColumn) => {
    const at = log.headers.indexOf(header);
    return rows.map((row) => [at < 0 ? null : row[at]]);
  };
  return kpiValue(kpi, column, span.from, span.to);
}

/** Compares one saved cell with the library's value, adding a problem to `check` when they differ. */
function compare(check: Check, where: string, cell: SavedCell | undefined, want: unknown): void {
  check.checked++;
  const got = Number(cell?.value);
  if (typeof want !== "number") {
    if (cell?.type === "n") check.problems.push(`${where}: LibreOffice ${cell.value}, KPI library ${String(want)}`);
    return;
  }
  if (cell?.type !== "n" || !(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) check.problems.push(`${where}: LibreOffice ${cell?.type} ${cell?.value}, KPI library ${want}`);
}

/** The OKR sheet: each key result's baseline (over `baseline`) and current value (over `current`). */
export function okrCheck(cells: ReadonlyMap<string, SavedCell>, log: JobLog, current: Span, baseline: Span): Check {
  const check: Check = { problems: errorCells(cells), checked: 0 };
  const letter = (name: (typeof TABLE_COLUMNS)[number]) => columnLetters(TABLE_COLUMNS.indexOf(name));
  for (const [address, cell] of cells) {
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const kpi = cell.value.split(":")[1] as KpiKind;
    // Key-result ids are objective:kpi; objective rows' ids start with "objective:".
    if (column !== letter("Id") || cell.type === "n" || cell.value.startsWith("objective:") || !(kpi in KPIS)) continue;
    for (const [name, span] of [["Baseline", baseline], ["Current", current]] as const) compare(check, `${kpi} ${name}`, cells.get(`${letter(name)}${row}`), libraryValue(log, kpi, span));
  }
  return check;
}

/** The scorecard: every KPI of every technician (over the jobs naming them; the sample shares none) and of the team, over `period`. */
export function scorecardCheck(cells: ReadonlyMap<string, SavedCell>, log: JobLog, period: Span): Check {
  const check: Check = { problems: errorCells(cells), checked: 0 };
  const technicianAt = log.headers.indexOf("Technician");
  for (const row of tableBelow(cells, SCORECARD_LAYOUT.headerRow)) {
    const name = row.get(SCORECARD_LAYOUT.technicianHeader)!.value;
    const rows = name === SCORECARD_LAYOUT.teamLabel ? log.rows : log.rows.filter((job) => job[technicianAt] === name);
    for (const { header } of SCORECARD_MEASURES.filter((measure) => row.has(measure.header))) {
      // Each scorecard header is its KPI's name in capitals (README's functions table): AVGTICKET is avgTicket.
      const kpi = KPI_KINDS.find((kind) => kind.toUpperCase() === header);
      if (!kpi) throw new Error(`The scorecard's column ${header} names no KPI`);
      compare(check, `${name} ${header}`, row.get(header), libraryValue(log, kpi, period, rows));
    }
  }
  return check;
}

/** The Trends sheet: every KPI of every month, over the month's days (a month with nothing to count shows the library's error). */
export function trendsCheck(cells: ReadonlyMap<string, SavedCell>, log: JobLog): Check {
  const check: Check = { problems: [], checked: 0 };
  for (const row of tableBelow(cells, TRENDS_LAYOUT.headerRow)) {
    const from = Number(row.get(TRENDS_LAYOUT.monthHeader)!.value);
    const [year, month] = isoDate(from).split("-").map(Number);
    const days = { from, to: serialFromParts(year, month + 1, 1) - 1 };
    for (const kpi of KPI_KINDS.filter((kind) => row.has(KPIS[kind].label))) compare(check, `${isoDate(from).slice(0, 7)} ${kpi}`, row.get(KPIS[kpi].label), libraryValue(log, kpi, days));
  }
  return check;
}
