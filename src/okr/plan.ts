import { ColumnMap, Role } from "./columns";
import { FormulaContext, FormulaMode, kpiFormula } from "./formulas";
import { asText, sheetColumn, tableColumn } from "./references";
import { CellContent, TABLE_COLUMNS } from "./krTable";
import { columnLetter, HEADER_ADDRESS, HEADER_CELLS, objectiveRowId, TABLE_HEADER_ROW, TableColumn, tableArea } from "./sheetLayout";
import { mergeRows, Row } from "./merge";
import { KPIS, KpiKind, KrType, ValueFormat } from "./templates";

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
      /** How far down formulas reach: Excel's last row (default), so rows added later count. */
      lastRow?: number;
    };

export interface KeyResultInput {
  /** Stable across re-runs: how a re-run finds the row whose target and notes the user typed. */
  id: string;
  objective: string;
  name: string;
  kpi: KpiKind;
  type: KrType;
  target?: number;
  owner?: string;
  weight?: number;
  notes?: string;
}

export interface PlanSettings {
  title: string;
  period: { from: number; to: number };
  mode: FormulaMode;
  source: DataSource;
  columns: ColumnMap;
  keyResults: readonly KeyResultInput[];
}


export interface ConditionalFormat {
  range: string;
  rule: { kind: "dataBar"; color: string } | { kind: "textEquals"; text: string; fill: string; font: string };
}

export interface SheetPlan {
  title: string;
  /** A1 block of the header (labels and period cells), written as formulas. */
  header: { address: string; formulas: CellContent[][]; numberFormats: string[][] };
  /** The key-result table, header row included; written as formulas in one call. */
  table: { name: string; address: string; formulas: readonly Row[]; numberFormats: string[][] };
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

export const STATUS_COLOURS: Record<string, { fill: string; font: string }> = {
  Done: { fill: "#DEECF9", font: "#004578" },
  "On track": { fill: "#DFF6DD", font: "#0B6A0B" },
  "At risk": { fill: "#FFF4CE", font: "#8A5300" },
  "Off track": { fill: "#FDE7E9", font: "#A4262C" },
};

const NUMBER_FORMATS: Record<ValueFormat, string> = {
  score: "0.0",
  percent: "0.0%",
  currency: "#,##0.00",
  hours: '0.0 "h"',
  number: "0.00",
};
const DATE_FORMAT = "yyyy-mm-dd";
const SHARE_FORMAT = "0%";

const TYPE_LABELS: Record<KrType, string> = {
  increase: "Increase to",
  decrease: "Decrease to",
  above: "Stay above",
  below: "Stay below",
};

/** How each role's column is referenced in formulas. */
function columnReference(source: DataSource, columns: ColumnMap): (role: Role) => string {
  return (role) => {
    const index = columns[role];
    if (index === undefined) throw new Error(`No column is mapped to ${role}`);
    return source.kind === "table"
      ? tableColumn(source.table, source.headers[index])
      : sheetColumn(source.sheet, source.firstColumn + index, source.headerRow + 1, source.lastRow);
  };
}

function progressFormula(type: KrType, mode: FormulaMode, r: number): string {
  const [baseline, target, current] = [`${col("Baseline")}${r}`, `${col("Target")}${r}`, `${col("Current")}${r}`];
  const ifTarget = (formula: string) => `=IF(${target}="","",${formula})`;
  if (type === "above") return ifTarget(`IF(${current}>=${target},1,0)`);
  if (type === "below") return ifTarget(`IF(${current}<=${target},1,0)`);
  if (mode === "kpi") return ifTarget(`KPI.PROGRESS(${baseline},${target},${current})`);
  return ifTarget(`IF(${target}=${baseline},IF(${current}>=${target},1,0),MAX(0,MIN(1,(${current}-${baseline})/(${target}-${baseline}))))`);
}

/** The STATUS rule: Done at 1, On track within 0.1 of expected, At risk within 0.2, else Off track. */
function statusFormula(mode: FormulaMode, r: number): string {
  const [progress, expected] = [`${col("Progress")}${r}`, `${col("Expected")}${r}`];
  if (mode === "kpi") return `=IF(${progress}="","",KPI.STATUS(${progress},${expected}))`;
  const slack = 1e-9; // as KPI.STATUS: 0.8 − 0.1 is 0.7000000000000001 in floating point
  return `=IF(${progress}="","",IF(${progress}>=1-${slack},"Done",IF(${progress}>=${expected}-0.1-${slack},"On track",IF(${progress}>=${expected}-0.2-${slack},"At risk","Off track"))))`;
}

function keyResultRow(kr: KeyResultInput, r: number, settings: PlanSettings, ctx: (from: string, to: string) => FormulaContext): CellContent[] {
  const { mode } = settings;
  const cells: Record<TableColumn, CellContent> = {
    Objective: asText(kr.objective),
    "Key result": asText(kr.name),
    KPI: KPIS[kr.kpi].label,
    Type: TYPE_LABELS[kr.type],
    Baseline: kpiFormula(kr.kpi, mode, ctx(BASELINE_FROM, BASELINE_TO)),
    Target: kr.target ?? null,
    Current: kpiFormula(kr.kpi, mode, ctx(FROM, TO)),
    Progress: progressFormula(kr.type, mode, r),
    Expected: `=${ELAPSED}`,
    Status: statusFormula(mode, r),
    Owner: asText(kr.owner ?? ""),
    Weight: kr.weight ?? 1,
    Notes: asText(kr.notes ?? ""),
    Id: asText(kr.id),
  };
  return TABLE_COLUMNS.map((name) => cells[name]);
}

/** An objective's row: the weighted mean progress of its key results (those with a target). */
function objectiveRow(name: string, id: string, first: number, last: number, mode: FormulaMode, r: number): CellContent[] {
  const range = (c: TableColumn) => `${col(c)}${first}:${col(c)}${last}`;
  const cells: Partial<Record<TableColumn, CellContent>> = {
    Objective: asText(name),
    // SUMPRODUCT reads the blank progress of a KR without a target as 0; the divisor counts only those with one.
    Progress: `=IFERROR(SUMPRODUCT(${range("Progress")},${range("Weight")})/SUMIFS(${range("Weight")},${range("Progress")},">=0"),"")`,
    Expected: `=${ELAPSED}`,
    Status: statusFormula(mode, r),
    Id: asText(objectiveRowId(id)),
  };
  return TABLE_COLUMNS.map((name) => cells[name] ?? null);
}

function formatRow(kpi: KpiKind | undefined): string[] {
  const value = kpi ? NUMBER_FORMATS[KPIS[kpi].format] : "General";
  const formats: Partial<Record<TableColumn, string>> = {
    Baseline: value,
    Target: value,
    Current: value,
    Progress: SHARE_FORMAT,
    Expected: SHARE_FORMAT,
    Weight: "0.##",
  };
  return TABLE_COLUMNS.map((name) => formats[name] ?? "General");
}

/** An Excel table name from the sheet title: letters, digits and underscores, starting with a letter. */
export function tableName(title: string): string {
  const name = title.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "");
  return /^[A-Za-z]/.test(name) ? name : `OKR_${name}`;
}

/** A stable id for an objective from its name. */
function objectiveId(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "-");
}

/**
 * The sheet plan for a set of key results over a period. Key results are grouped under their
 * objective, in the order objectives first appear.
 */
export function buildPlan(settings: PlanSettings, existing?: readonly Row[]): SheetPlan {
  const reference = columnReference(settings.source, settings.columns);
  const ctx = (from: string, to: string): FormulaContext => ({ column: reference, from, to });

  const objectives = [...new Set(settings.keyResults.map((kr) => kr.objective))];
  const planned: CellContent[][] = [];
  const formats: string[][] = [TABLE_COLUMNS.map(() => "General")];
  for (const objective of objectives) {
    const krs = settings.keyResults.filter((kr) => kr.objective === objective);
    const objectiveRowNumber = TABLE_HEADER_ROW + 1 + planned.length;
    const [first, last] = [objectiveRowNumber + 1, objectiveRowNumber + krs.length];
    planned.push(objectiveRow(objective, objectiveId(objective), first, last, settings.mode, objectiveRowNumber));
    formats.push(formatRow(undefined));
    krs.forEach((kr, i) => {
      planned.push(keyResultRow(kr, first + i, settings, ctx));
      formats.push(formatRow(kr.kpi));
    });
  }
  const merged = mergeRows(planned, existing);
  for (let i = 0; i < merged.kept; i++) formats.push(formatRow(undefined));
  const rows: Row[] = [TABLE_COLUMNS.slice(), ...merged.rows];
  const lastRow = TABLE_HEADER_ROW + rows.length - 1;
  const lastColumn = col("Id");
  const status = `${col("Status")}${TABLE_HEADER_ROW + 1}:${col("Status")}${lastRow}`;

  return {
    title: settings.title,
    header: {
      address: HEADER_ADDRESS,
      formulas: [
        [asText(settings.title), null],
        ["Period from", settings.period.from],
        ["Period to", settings.period.to],
        ["Baseline from", `=${FROM}-(${TO}-${FROM}+1)`],
        ["Baseline to", `=${FROM}-1`],
        ["As of", "=TODAY()"],
        ["Elapsed", `=MAX(0,MIN(1,(INT(${AS_OF})-${FROM}+1)/(${TO}-${FROM}+1)))`],
      ],
      numberFormats: [["General", "General"], ...Array.from({ length: 5 }, () => ["General", DATE_FORMAT]), ["General", SHARE_FORMAT]],
    },
    table: {
      name: tableName(settings.title),
      address: tableArea(lastRow),
      formulas: rows,
      numberFormats: formats,
    },
    conditionalFormats: [
      { range: `${col("Progress")}${TABLE_HEADER_ROW + 1}:${col("Progress")}${lastRow}`, rule: { kind: "dataBar", color: "#0078D4" } },
      ...Object.entries(STATUS_COLOURS).map(([text, colours]) => ({ range: status, rule: { kind: "textEquals" as const, text, ...colours } })),
    ],
    freezeRows: TABLE_HEADER_ROW,
    columnWidths: TABLE_COLUMNS.map((name) => (name === "Key result" || name === "Objective" || name === "Notes" ? 28 : name === "KPI" ? 26 : 12)),
    hiddenColumns: [`${lastColumn}:${lastColumn}`],
  };
}

/** What stops a plan from being built, in words for the pane; empty when it can be built. */
export function planProblems(settings: PlanSettings): string[] {
  const problems: string[] = [];
  if (settings.columns.date === undefined) problems.push("No job-date column was found: map one to build the sheet.");
  if (settings.keyResults.length === 0) problems.push("Choose at least one key result.");
  if (!(settings.period.from <= settings.period.to)) problems.push("The period ends before it starts.");
  for (const kr of settings.keyResults) {
    const missing = KPIS[kr.kpi].roles.filter((role) => settings.columns[role] === undefined);
    if (missing.length > 0) problems.push(`"${kr.name}" needs the ${missing.join(" and ")} column${missing.length > 1 ? "s" : ""}.`);
    if (kr.weight !== undefined && !(kr.weight >= 0)) problems.push(`"${kr.name}" has a negative weight.`);
  }
  return problems;
}
