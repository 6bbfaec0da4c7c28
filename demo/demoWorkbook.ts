import { createHyperFormulaWorkbook, HyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { renderProblem } from "../src/okr/problems";
import type { OkrWorkbook } from "../src/okr/workbook";

/**
 * The demo's workbook: the add-in's own Excel adapter (src/excel) over an Office.js-shaped workbook
 * that HyperFormula computes. The sample job log is inserted by the adapter, as the pane's
 * "Insert sample data" does in Excel; the grid's edits are Range.values writes, read as Excel reads typing.
 */
export interface DemoWorkbook {
  book: OfficeWorkbook;
  engine: HyperFormulaWorkbook["engine"];
  /** What the pane talks to. */
  okr: OkrWorkbook;
  /** Sets one cell as a user typing would (numbers, dates like 2026-08-15 14:30, formulas, text). */
  edit(sheet: string, row: number, column: number, text: string): Promise<void>;
  /** Calls back after every recalculation; returns a function that stops it. */
  onChange(listener: () => void): () => void;
}

export async function createDemoWorkbook(): Promise<DemoWorkbook> {
  const { book, engine } = createHyperFormulaWorkbook();
  const okr = createExcelWorkbook(book.run);
  const inserted = await okr.insertSampleData();
  if (!inserted.ok) throw new Error(renderProblem(inserted.problem, "en"));
  return {
    book,
    engine,
    okr,
    edit: (sheet, row, column, text) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, column, 1, 1).values = [[text]];
        await context.sync();
      }),
    onChange(listener) {
      engine.on("valuesUpdated", listener);
      return () => engine.off("valuesUpdated", listener);
    },
  };
}
