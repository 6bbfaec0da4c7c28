import { HyperFormula, RawCellContent } from "hyperformula";
import type { Confidence } from "../src/excel/checkIns";
import { CHECK_IN_COLUMNS } from "../src/excel/checkIns";
import { toLiveKeyResult } from "../src/excel/liveView";
import { buildPlan, planProblems, SheetPlan } from "../src/okr/plan";
import { asText } from "../src/okr/references";
import { OkrWorkbook } from "../src/taskpane/okrWorkbook";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { registerKpiFunctions } from "./kpiPlugin";

/**
 * The demo's workbook: HyperFormula with the sample job log, implementing the same interface the
 * pane uses in Excel. It keeps each built sheet's plan so the grid can show formats and status colours.
 */

export const JOB_SHEET = "Jobs";
/** Formulas in the demo reach this far down: room to add jobs, without Excel's million rows. */
const DEMO_LAST_ROW = 10_000;
const TABLE_TOP = 9;

export interface DemoWorkbook extends OkrWorkbook {
  engine: HyperFormula;
  plans: Map<string, SheetPlan>;
  /** Sets one cell as a user typing would: numbers as numbers, everything else as typed. */
  edit(sheet: string, row: number, column: number, text: string): void;
  /** Calls back after every recalculation; returns a function that stops it. */
  onChange(listener: () => void): () => void;
}

function toText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function createDemoWorkbook(): DemoWorkbook {
  registerKpiFunctions();
  const jobs = sampleJobs();
  const engine = HyperFormula.buildFromSheets(
    { [JOB_SHEET]: [[...SAMPLE_HEADERS], ...jobs] as RawCellContent[][] },
    { licenseKey: "gpl-v3", useArrayArithmetic: true, maxRows: DEMO_LAST_ROW + 10, smartRounding: false },
  );
  const plans = new Map<string, SheetPlan>();
  const listeners = new Set<() => void>();
  engine.on("valuesUpdated", () => listeners.forEach((listener) => listener()));
  const sheetId = (name: string) => engine.getSheetId(name);

  const krRows = (title: string) => {
    const id = sheetId(title);
    if (id === undefined) return [];
    const values = engine.getSheetValues(id);
    return values.slice(TABLE_TOP).filter((row) => row.some((cell) => cell !== null && cell !== ""));
  };

  return {
    engine,
    plans,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit(sheet, row, column, text) {
      const id = sheetId(sheet);
      if (id === undefined) return;
      const number = text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : undefined;
      engine.setCellContents({ sheet: id, row, col: column }, [[number ?? (text === "" ? null : text)]]);
    },
    async readJobData() {
      const values = engine.getSheetValues(sheetId(JOB_SHEET)!);
      return {
        source: { kind: "range" as const, sheet: JOB_SHEET, headers: values[0].map(toText), headerRow: 1, firstColumn: 0, lastRow: DEMO_LAST_ROW },
        sample: values.slice(1, 51),
        tables: [],
      };
    },
    async build(settings) {
      const problems = planProblems(settings);
      if (problems.length > 0) return { ok: false as const, problem: problems.join(" ") };
      const existing = sheetId(settings.title) === undefined ? undefined : engine.getSheetSerialized(sheetId(settings.title)!).slice(TABLE_TOP - 1);
      const plan = buildPlan(settings, existing as SheetPlan["table"]["formulas"] | undefined);
      engine.batch(() => {
        if (sheetId(settings.title) === undefined) engine.addSheet(settings.title);
        const id = sheetId(settings.title)!;
        // HyperFormula, like Excel, reads a leading apostrophe as "this is text".
        engine.setSheetContent(id, [...plan.header.formulas, [], ...plan.table.formulas] as RawCellContent[][]);
      });
      plans.set(settings.title, plan);
      return { ok: true as const, sheet: settings.title, keyResults: settings.keyResults.length };
    },
    async readLive(title) {
      return krRows(title).map((row) => toLiveKeyResult(row as unknown[]));
    },
    async onCalculated(_title, listener) {
      listeners.add(listener);
      return async () => {
        listeners.delete(listener);
      };
    },
    async insertSampleData() {
      return { ok: false as const, problem: "The demo workbook already holds the sample jobs, on the Jobs sheet." };
    },
    async recordCheckIn(title, today: Date, confidence: Confidence, note) {
      if (sheetId("Check-ins") === undefined) {
        engine.addSheet("Check-ins");
        engine.setSheetContent(sheetId("Check-ins")!, [CHECK_IN_COLUMNS]);
      }
      const id = sheetId("Check-ins")!;
      const date = `=DATE(${today.getFullYear()},${today.getMonth() + 1},${today.getDate()})`;
      const rows = krRows(title)
        .map((row) => toLiveKeyResult(row as unknown[]))
        .filter((kr) => !kr.isObjective)
        .map((kr) => [date, asText(title), asText(kr.name), kr.current, kr.target, kr.progress, kr.status, confidence, asText(note)]);
      const top = engine.getSheetDimensions(id).height;
      engine.setCellContents({ sheet: id, row: top, col: 0 }, rows as RawCellContent[][]);
      return rows.length;
    },
  };
}
