import { ColumnMap, Role } from "./columns";
import { FormulaContext, FormulaMode, kpiFormula, previousPeriodBounds } from "./formulas";
import { asText, sheetColumn, tableColumn } from "./references";
import { CellContent, HIDDEN_FROM, HISTORY_COLUMNS, TABLE_COLUMNS } from "./krTable";
import { columnIndex, columnLetter, DATE_FORMAT, HEADER_ADDRESS, HEADER_CELLS, objectiveRowId, OBJECTIVE_ID_PREFIX, SHARE_FORMAT, TABLE_HEADER_ROW, TableColumn, tableArea } from "./sheetLayout";
import { CUSTOM_USER_COLUMNS, KnownRow, mergeRows, OldRow, Row, USER_COLUMNS } from "./merge";
import { isoDate } from "../kpi/coerce";
import { BaselineChoice, baselinePeriod, Period, previousPeriod, samePeriodLastYear } from "./periods";
import { STATUS_COLOURS, statusFormula, StatusCells } from "./status";
import { isAvailable, KPIS, KpiKind, KrType, ValueFormat } from "./templates";
import type { Problem } from "./problems";
import { CustomMeasure, customFromLabel, customLabel, formulaFault } from "./customKeyResults";

/**
 * The OKR sheet as plain data: every value, formula, number format, table and conditional-format
 * rule. src/excel writes it in a few bulk calls; tests read it without Office.
 */

/** Where the job log is: an Excel table (structured references, so new rows count) or a sheet's used range. */
export type DataSource =
  | { kind: "table"; table: string; headers: readonly string[] }
  | {
      kind: "range";
      sheet: string;
      headers: readonly string[];
      headerRow: number;
      firstColumn: number;
      /**
       * How far down formulas reach (see rangeReach): never the sheet's last row, which Excel on the web
       * refuses to pass to a custom function (#CALC!) and which native formulas would scan on every recalculation.
       */
      lastRow: number;
    };

interface KeyResultBase {
  /** Stable across re-runs: how a re-run finds the row whose target and notes the user typed. */
  id: string;
  /** The objective's id, stable when the objective is renamed: its row rolls up the KRs that carry it. */
  objectiveId: string;
  objective: string;
  name: string;
  type: KrType;
  target?: number;
  owner?: string;
  weight?: number;
  notes?: string;
}

/** A key result measured by a KPI over the job log. */
export interface KpiKeyResult extends KeyResultBase {
  kpi: KpiKind;
  custom?: undefined;
}

/** A key result of the user's own: a formula or a typed number, against a baseline the user types. */
export interface CustomKeyResult extends KeyResultBase {
  kpi?: undefined;
  custom: CustomMeasure;
  baseline?: number;
}

export type KeyResultInput = KpiKeyResult | CustomKeyResult;

export interface PlanSettings {
  title: string;
  period: { from: number; to: number };
  /** What the baseline is measured over: the previous period of the same kind (default) or the same period last year. */
  baseline?: BaselineChoice;
  mode: FormulaMode;
  source: DataSource;
  columns: ColumnMap;
  keyResults: readonly KeyResultInput[];
  /** How money is written: the job log's own currency format (currencyFormat.ts moneyFormat); without one, NUMBER_FORMATS.currency. */
  moneyFormat?: string;
}


export interface ConditionalFormat {
  range: string;
  rule:
    | { kind: "dataBar"; color: string }
    | { kind: "textEquals"; text: string; fill: string; font: string }
    | { kind: "compare"; operator: "Between" | "LessThan"; formula1: string; formula2?: string; fill: string; font: string };
}

export interface SheetPlan {
  title: string;
  /** A1 block of the header (labels and period cells), written as formulas. */
  header: { address: string; formulas: CellContent[][]; numberFormats: string[][] };
  /** The key-result table, header row included; written as formulas in one call (null: leave the cell as it is). */
  table: { name: string; address: string; formulas: readonly Row[]; numberFormats: (string | null)[][] };
  conditionalFormats: ConditionalFormat[];
  freezeRows: number;
  columnWidths: number[];
  /** Columns hidden from the user (the stable ids). */
  hiddenColumns: string[];
}


export { TABLE_COLUMNS };
export type { CellContent };
const col = columnLetter;
const { from: FROM, to: TO, baselineFrom: BASELINE_FROM, baselineTo: BASELINE_TO, asOf: AS_OF, elapsed: ELAPSED } = HEADER_CELLS;

/** How each kind of KPI value is shown, wherever the add-in writes one. */
export const NUMBER_FORMATS: Record<ValueFormat, string> = {
  score: "0.0",
  percent: "0.0%",
  currency: "#,##0.00",
  hours: '0.0 "h"',
  number: "0.00",
  count: "0",
};

/**
 * How a KPI's values are shown on a sheet: money in the job log's own currency format when it has one
 * (currencyFormat.ts logMoneyFormat), everything else, and money without one, in NUMBER_FORMATS.
 * @example valueNumberFormat("currency", "[$€-407] #,##0.00") //=> "[$€-407] #,##0.00"
 */
export function valueNumberFormat(format: ValueFormat, moneyFormat: string | undefined): string {
  return format === "currency" && moneyFormat ? moneyFormat : NUMBER_FORMATS[format];
}

const TYPE_LABELS: Record<KrType, string> = {
  increase: "Increase to",
  decrease: "Decrease to",
  above: "Stay above",
  below: "Stay below",
};

/**
 * A change's number format: ▲ when the KPI got better, ▼ when it got worse (the change is signed by
 * the KPI's direction, so a shorter response time is ▲), the size in the KPI's own format.
 */
const changeFormat = (format: string): string => `"▲ "${format};"▼ "${format};${format}`;

/** Where a change (signed by the KPI's direction) counts as better, and below which as worse: the OKR sheet's and the scorecard's. */
export const CHANGE_THRESHOLDS = { betterFrom: "=1E-9", worseBelow: "=0" } as const;

/**
 * Rules that colour a change: better green, worse red. A blank change is "" (text), which a
 * "greater than 0" rule would colour (Excel ranks text above every number), so better is "between
 * a hair above 0 and the largest number", which text is not.
 */
const CHANGE_RULES = [
  { operator: "Between", formula1: CHANGE_THRESHOLDS.betterFrom, formula2: "=9.99E+307", ...STATUS_COLOURS["On track"] },
  { operator: "LessThan", formula1: CHANGE_THRESHOLDS.worseBelow, ...STATUS_COLOURS["Off track"] },
] as const;

/**
 * A period's first or last day as DATE(y,m,d): the comparison formulas name their periods in words a reader can check.
 * @example dateFormula(46204) //=> "DATE(2026,7,1)"
 */
export function dateFormula(serial: number): string {
  const [year, month, day] = isoDate(serial).split("-").map(Number);
  return `DATE(${year},${month},${day})`;
}

/** The cells of row r a Status formula reads. */
function ownRow(r: number): StatusCells {
  return { progress: `${col("Progress")}${r}`, expected: `${col("Expected")}${r}`, baseline: `${col("Baseline")}${r}`, target: `${col("Target")}${r}` };
}

/** How each role's column is referenced in formulas. */
export function columnReference(source: DataSource, columns: ColumnMap): (role: Role) => string {
  return (role) => {
    const index = columns[role];
    if (index === undefined) throw new Error(`No column is mapped to ${role}`);
    return source.kind === "table"
      ? tableColumn(source.table, source.headers[index])
      : sheetColumn(source.sheet, source.firstColumn + index, source.headerRow + 1, source.lastRow);
  };
}

/**
 * A key result's Progress. A KPI's Current and Baseline are always computed; a custom key result's are
 * typed or the user's formula, so its progress also waits for them (a blank is no 0 to measure from).
 */
function progressFormula(type: KrType, mode: FormulaMode, r: number, custom: boolean): string {
  const [baseline, target, current] = [`${col("Baseline")}${r}`, `${col("Target")}${r}`, `${col("Current")}${r}`];
  const needed = !custom ? [target] : type === "above" || type === "below" ? [target, current] : [target, current, baseline];
  const blank = needed.length === 1 ? `${target}=""` : `OR(${needed.map((cell) => `${cell}=""`).join(",")})`;
  const ifTarget = (formula: string) => `=IF(${blank},"",${formula})`;
  if (type === "above") return ifTarget(`IF(${current}>=${target},1,0)`);
  if (type === "below") return ifTarget(`IF(${current}<=${target},1,0)`);
  if (mode === "kpi") return ifTarget(`KPI.PROGRESS(${baseline},${target},${current})`);
  return ifTarget(`IF(${target}=${baseline},IF(${current}>=${target},1,0),MAX(0,MIN(1,(${current}-${baseline})/(${target}-${baseline}))))`);
}

/** The periods each key result is compared with: the one before, and the same one a year before; and its history. */
interface Comparisons {
  previous: Period;
  lastYear: Period;
  /** The period the header's baseline cells hold as built: one of the two above. */
  baseline: Period;
  /** The periods before `previous`, oldest first, one per history column. */
  history: Period[];
}

type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** The history columns' periods: the ones before `previous`, oldest first. */
function historyPeriods(previous: Period): Period[] {
  const periods = [previousPeriod(previous)];
  while (periods.length < HISTORY_COLUMNS.length) periods.unshift(previousPeriod(periods[0]));
  return periods;
}

/** Each history column's cell from its period. */
function historyCells(cell: (period: Period) => CellContent, history: readonly Period[]): Record<HistoryColumn, CellContent> {
  return Object.fromEntries(HISTORY_COLUMNS.map((name, i) => [name, cell(history[i])])) as Record<HistoryColumn, CellContent>;
}

/** The KPI's change from `earlier` to Current, positive when it got better; blank when either is not a number. */
function changeFormula(kpi: KpiKind, earlier: TableColumn, r: number): string {
  const [current, before] = [`${col("Current")}${r}`, `${col(earlier)}${r}`];
  return KPIS[kpi].higherIsBetter ? `=IFERROR(${current}-${before},"")` : `=IFERROR(${before}-${current},"")`;
}

/** The formula context over a period and, for retention and churn, the period before it. */
type PeriodContext = (from: string, to: string, before: FormulaContext["before"]) => FormulaContext;

/** The cells that say what a key result measures and how it compares with earlier periods. */
type MeasureCells = Pick<Record<TableColumn, CellContent>, "KPI" | "Baseline" | "Current" | "Previous period" | "vs previous" | "Same period last year" | "vs last year" | HistoryColumn>;

const isSamePeriod = (a: Period, b: Period) => a.from === b.from && a.to === b.to;

/**
 * A comparison column's formula (`own`) when its period is the baseline's: the row's Baseline cell while
 * the header's baseline cells hold that very period, else `own`. Baseline then computes the same KPI over
 * the same rows, the same period and the same period before it (previousPeriodBounds works out on the
 * sheet what previousPeriod works out here), so the column costs a comparison instead of a KPI. Checked
 * on the sheet, not only at build time: the user may type other baseline dates, and the column keeps its own period.
 */
function orBaseline(period: Period, baseline: Period, r: number, own: string): string {
  if (!isSamePeriod(period, baseline)) return own;
  return `=IF(AND(${BASELINE_FROM}=${dateFormula(period.from)},${BASELINE_TO}=${dateFormula(period.to)}),${col("Baseline")}${r},${own.slice(1)})`;
}

function kpiCells(kpi: KpiKind, r: number, mode: FormulaMode, ctx: PeriodContext, compared: Comparisons): MeasureCells {
  // A comparison column names its periods, and the one before, as dates.
  const over = (period: Period) => {
    const before = previousPeriod(period);
    return kpiFormula(kpi, mode, ctx(dateFormula(period.from), dateFormula(period.to), { from: dateFormula(before.from), to: dateFormula(before.to) }));
  };
  const compare = (period: Period) => orBaseline(period, compared.baseline, r, over(period));
  // A quarter's "4 periods ago" is its same period last year: both name the same dates, so one refers to the other.
  const history = (period: Period) => (isSamePeriod(period, compared.lastYear) ? `=${col("Same period last year")}${r}` : over(period));
  // The header's periods: the period before is worked out from the cells, so it follows when the user changes them.
  const overCells = (from: string, to: string) => kpiFormula(kpi, mode, ctx(from, to, previousPeriodBounds(from, to)));
  return {
    KPI: KPIS[kpi].label,
    Baseline: overCells(BASELINE_FROM, BASELINE_TO),
    Current: overCells(FROM, TO),
    "Previous period": compare(compared.previous),
    "vs previous": changeFormula(kpi, "Previous period", r),
    "Same period last year": compare(compared.lastYear),
    "vs last year": changeFormula(kpi, "Same period last year", r),
    ...historyCells(history, compared.history),
  };
}

/**
 * A custom key result's cells: the formula the user gave (checked by planProblems, written only as
 * given) or the number typed, the baseline typed; no earlier periods to compare with, so those stay
 * blank. Previous period is no reference to Baseline either: that is the user's number, not a measure of the period before.
 */
function customCells(kr: CustomKeyResult): MeasureCells {
  const { custom } = kr;
  return {
    KPI: customLabel(custom),
    Baseline: kr.baseline ?? null,
    Current: custom.kind === "formula" ? custom.formula.trim() : (custom.current ?? null),
    "Previous period": null,
    "vs previous": null,
    "Same period last year": null,
    "vs last year": null,
    ...(Object.fromEntries(HISTORY_COLUMNS.map((name) => [name, null])) as Record<HistoryColumn, null>),
  };
}

function keyResultRow(kr: KeyResultInput, r: number, settings: PlanSettings, ctx: PeriodContext, compared: Comparisons): CellContent[] {
  const { mode } = settings;
  const [progress, weight] = [`${col("Progress")}${r}`, `${col("Weight")}${r}`];
  const measure = kr.custom ? customCells(kr) : kpiCells(kr.kpi, r, mode, ctx, compared);
  const cells: Record<TableColumn, CellContent> = {
    Objective: asText(kr.objective),
    "Key result": asText(kr.name),
    Type: TYPE_LABELS[kr.type],
    Target: kr.target ?? null,
    ...measure,
    Progress: progressFormula(kr.type, mode, r, kr.custom !== undefined),
    Expected: `=${ELAPSED}`,
    Status: statusFormula(mode, kr.type, ownRow(r)),
    Owner: asText(kr.owner ?? ""),
    Weight: kr.weight ?? 1,
    Notes: asText(kr.notes ?? ""),
    Id: asText(kr.id),
    "Objective id": asText(objectiveRowId(kr.objectiveId)),
    // What the objective row sums: it cannot read the Progress column it sits in (a circular reference).
    "Weighted progress": `=IF(OR(${progress}="",${weight}=""),"",${progress}*${weight})`,
  };
  return TABLE_COLUMNS.map((name) => cells[name]);
}

/**
 * An objective's row: the weighted mean progress of the key results that carry its id (those with a
 * progress), found by id over the whole table, so sorting or moving rows never changes what it sums.
 * The ids are compared with =, which matches exactly (no wildcards), ignoring case as Excel does.
 */
function objectiveRow(name: string, rowId: string, body: { first: number; last: number }, mode: FormulaMode, r: number): CellContent[] {
  const range = (c: TableColumn) => `$${col(c)}$${body.first}:$${col(c)}$${body.last}`;
  const mine = `(${range("Objective id")}=$${col("Id")}${r})`;
  const weighted = range("Weighted progress");
  const cells: Partial<Record<TableColumn, CellContent>> = {
    Objective: asText(name),
    Progress: `=IFERROR(SUMPRODUCT(${mine}*1,${weighted})/SUMPRODUCT(${mine}*(${weighted}<>""),${range("Weight")}),"")`,
    Expected: `=${ELAPSED}`,
    Status: statusFormula(mode, undefined, ownRow(r)),
    Id: asText(rowId),
  };
  return TABLE_COLUMNS.map((name) => cells[name] ?? null);
}

function formatRow(format: ValueFormat | undefined, moneyFormat: string | undefined): string[] {
  const value = format ? valueNumberFormat(format, moneyFormat) : "General";
  const change = format ? changeFormat(value) : "General";
  const formats: Partial<Record<TableColumn, string>> = {
    Baseline: value,
    Target: value,
    Current: value,
    "Previous period": value,
    "vs previous": change,
    "Same period last year": value,
    "vs last year": change,
    Progress: SHARE_FORMAT,
    Expected: SHARE_FORMAT,
    Weight: "0.##",
    ...Object.fromEntries(HISTORY_COLUMNS.map((name) => [name, value])),
  };
  return TABLE_COLUMNS.map((name) => formats[name] ?? "General");
}

/** An Excel table name from the sheet title: letters, digits and underscores, starting with a letter. */
export function tableName(title: string): string {
  const name = title.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return /^[A-Za-z]/.test(name) ? name : `OKR_${name}`;
}

/** A row the plan can write: its cells, made once the sheet row it lands on is known. */
interface PlannedRow extends KnownRow {
  /** How its values read; none for an objective's row. */
  format?: ValueFormat;
  /** Columns whose value on the sheet wins over the plan's. */
  keep: readonly TableColumn[];
  cells: (r: number, body: { first: number; last: number }) => CellContent[];
}

const KPI_BY_LABEL = new Map(Object.entries(KPIS).map(([kind, { label }]) => [label, kind as KpiKind]));
const TYPE_BY_LABEL = new Map(Object.entries(TYPE_LABELS).map(([type, label]) => [label, type as KrType]));

/**
 * The sheet plan for a set of key results over a period. Key results are grouped under their
 * objective, in the order objectives first appear. On a re-run (`existing`: the KR table on the sheet
 * now, read as formulas, text that looks like a formula kept as text with a leading apostrophe), the
 * rows stay in the user's order, keep what the user typed, and every formula is made for the row it is on.
 */
export function buildPlan(settings: PlanSettings, existing?: readonly Row[]): SheetPlan {
  const reference = columnReference(settings.source, settings.columns);
  const ctx: PeriodContext = (from, to, before) => ({ column: reference, from, to, before });
  const period = { label: "", ...settings.period };
  const previous = previousPeriod(period);
  const baseline = baselinePeriod(period, settings.baseline ?? "previous");
  const compared: Comparisons = { previous, lastYear: samePeriodLastYear(period), baseline, history: historyPeriods(previous) };
  const krRow = (kr: KeyResultInput, keep: readonly TableColumn[]): PlannedRow => ({
    id: kr.id,
    objectiveId: objectiveRowId(kr.objectiveId),
    format: kr.custom ? kr.custom.format : KPIS[kr.kpi].format,
    keep,
    cells: (r) => keyResultRow(kr, r, settings, ctx, compared),
  });
  const objectiveOf = (name: string, rowId: string, keep: readonly TableColumn[]): PlannedRow => ({
    id: rowId,
    keep,
    cells: (r, body) => objectiveRow(name, rowId, body, settings.mode, r),
  });

  const planned: PlannedRow[] = [];
  for (const objectiveId of new Set(settings.keyResults.map((kr) => kr.objectiveId))) {
    const krs = settings.keyResults.filter((kr) => kr.objectiveId === objectiveId);
    planned.push(objectiveOf(krs[0].objective, objectiveRowId(objectiveId), []));
    for (const kr of krs) planned.push(krRow(kr, kr.custom ? CUSTOM_USER_COLUMNS : USER_COLUMNS));
  }

  // A row the plan no longer has (a KR unticked, an objective left empty) is rebuilt from its own cells when it can be.
  const recover = (old: OldRow): PlannedRow | undefined => {
    const id = String(old.Id ?? "");
    if (id.startsWith(OBJECTIVE_ID_PREFIX)) return objectiveOf(String(old.Objective ?? ""), id, ["Objective"]);
    const type = TYPE_BY_LABEL.get(String(old.Type));
    if (!type) return undefined;
    const objectiveId = String(old["Objective id"] ?? "").slice(OBJECTIVE_ID_PREFIX.length);
    const named = { id, objectiveId, objective: "", name: "", type };
    const itsOwn = ["Objective", "Key result", "Objective id"] as const;
    // A custom key result's value and baseline are kept from its cells (the formula below is never
    // written): only its formulas are made again, for the row it is on.
    const custom = customFromLabel(old.KPI);
    if (custom) {
      const measure: CustomMeasure = custom.kind === "formula" ? { kind: "formula", format: custom.format, formula: "" } : { kind: "manual", format: custom.format };
      return krRow({ ...named, custom: measure }, [...CUSTOM_USER_COLUMNS, ...itsOwn]);
    }
    const kpi = KPI_BY_LABEL.get(String(old.KPI));
    // A row the mode cannot compute (sentiment on a sheet rebuilt with native formulas) stays as the user left it.
    if (!kpi || !isAvailable(kpi, settings.columns, settings.mode)) return undefined;
    return krRow({ ...named, kpi }, [...USER_COLUMNS, ...itsOwn]);
  };

  const slots = mergeRows(planned, existing, recover);
  const first = TABLE_HEADER_ROW + 1;
  const lastRow = TABLE_HEADER_ROW + slots.length;
  const body = { first, last: Math.max(first, lastRow) };
  const rows: Row[] = [TABLE_COLUMNS.slice()];
  const formats: (string | null)[][] = [TABLE_COLUMNS.map(() => "General")];
  const untouched = TABLE_COLUMNS.map(() => null);
  slots.forEach((slot, i) => {
    if (slot.kind === "blank") {
      rows.push(untouched);
      formats.push(untouched);
    } else if (slot.kind === "verbatim") {
      rows.push(TABLE_COLUMNS.map((name) => slot.old[name]));
      formats.push(untouched);
    } else {
      const cells = slot.row.cells(first + i, body);
      for (const name of slot.old ? slot.row.keep : []) cells[columnIndex(name)] = slot.old![name];
      rows.push(cells);
      formats.push(formatRow(slot.row.format, settings.moneyFormat));
    }
  });
  const lastColumn = col(TABLE_COLUMNS[TABLE_COLUMNS.length - 1]);
  const status = `${col("Status")}${first}:${col("Status")}${lastRow}`;
  const changes = (["vs previous", "vs last year"] as const).map((name) => `${col(name)}${first}:${col(name)}${lastRow}`);

  return {
    title: settings.title,
    header: {
      address: HEADER_ADDRESS,
      formulas: [
        [asText(settings.title), null, null],
        ["Period from", settings.period.from, null],
        ["Period to", settings.period.to, null],
        ["Baseline from", baseline.from, asText(baseline.description)],
        ["Baseline to", baseline.to, null],
        ["As of", "=TODAY()", null],
        ["Elapsed", `=MAX(0,MIN(1,(INT(${AS_OF})-${FROM}+1)/(${TO}-${FROM}+1)))`, null],
      ],
      numberFormats: [["General", "General", "General"], ...Array.from({ length: 5 }, () => ["General", DATE_FORMAT, "General"]), ["General", SHARE_FORMAT, "General"]],
    },
    table: {
      name: tableName(settings.title),
      address: tableArea(lastRow),
      formulas: rows,
      numberFormats: formats,
    },
    conditionalFormats: [
      { range: `${col("Progress")}${first}:${col("Progress")}${lastRow}`, rule: { kind: "dataBar", color: "#0078D4" } },
      ...Object.entries(STATUS_COLOURS).map(([text, colours]) => ({ range: status, rule: { kind: "textEquals" as const, text, ...colours } })),
      ...changes.flatMap((range) => CHANGE_RULES.map((rule) => ({ range, rule: { kind: "compare" as const, ...rule } }))),
    ],
    freezeRows: TABLE_HEADER_ROW,
    columnWidths: TABLE_COLUMNS.map((name) => (name === "Key result" || name === "Objective" || name === "Notes" ? 28 : name === "KPI" ? 26 : name === "Same period last year" ? 14 : 12)),
    hiddenColumns: [`${col(HIDDEN_FROM)}:${lastColumn}`],
  };
}

/** What stops a plan from being built, as problems the pane words; empty when it can be built. */
export function planProblems(settings: PlanSettings): Problem[] {
  const problems: Problem[] = [];
  if (settings.columns.date === undefined) problems.push({ code: "noDateColumn" });
  if (settings.keyResults.length === 0) problems.push({ code: "noKeyResults" });
  if (!(settings.period.from <= settings.period.to)) problems.push({ code: "periodReversed" });
  for (const kr of settings.keyResults) {
    const roles = kr.custom ? [] : KPIS[kr.kpi].roles.filter((role) => settings.columns[role] === undefined);
    if (roles.length > 0) problems.push({ code: "missingColumns", keyResult: kr.name, roles });
    if (kr.custom?.kind === "formula") {
      const fault = formulaFault(kr.custom.formula);
      if (fault) problems.push({ code: "notAFormula", keyResult: kr.name, formula: kr.custom.formula, fault });
    }
    if (kr.weight !== undefined && !(kr.weight >= 0)) problems.push({ code: "negativeWeight", keyResult: kr.name });
    if (settings.mode === "portable" && !kr.custom && KPIS[kr.kpi].needsAddIn) problems.push({ code: "needsKpiFunctions", keyResult: kr.name });
  }
  return problems;
}
