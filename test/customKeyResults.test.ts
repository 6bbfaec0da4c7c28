import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { detectColumns } from "../src/okr/columns";
import { GOOGLE_RATING, revenueFromAccounts } from "../src/okr/customKeyResultFixtures";
import { KeyResultInput, PlanSettings } from "../src/okr/plan";
import { CHECK_IN_COLUMNS, CHECK_IN_SHEET, columnIndex, TableColumn } from "../src/okr/sheetLayout";
import { JobData, OkrWorkbook } from "../src/okr/workbook";

/**
 * Custom key results written by src/excel into a HyperFormula workbook that computes every formula:
 * a formula pointing at another sheet's cell and a number the user types, with progress, status, the
 * objective's roll-up, check-ins and the live view worked out by hand; and a re-run after the user
 * edited them on the sheet.
 */

// 2025-Q3 (2025-07-01 .. 2025-09-30) is over on any day this test runs: time elapsed is 100%.
const PERIOD = { from: 45839, to: 45930 };
const TITLE = "OKR 2025-Q3";
const REVENUE = revenueFromAccounts("='Accounts 2025'!B12");

async function workbookWithAccounts(): Promise<{ book: OfficeWorkbook; workbook: OkrWorkbook; data: JobData }> {
  const { book } = createHyperFormulaWorkbook();
  const workbook = createExcelWorkbook(book.run);
  expect(await workbook.insertSampleData()).toEqual({ ok: true });
  await book.run(async (context) => {
    const accounts = context.workbook.worksheets.add("Accounts 2025");
    accounts.getRange("A12:B12").values = [["Revenue Q3", 110000]];
    await context.sync();
  });
  return { book, workbook, data: (await workbook.readJobData()) as JobData };
}

const settings = (data: JobData, keyResults: KeyResultInput[]): PlanSettings => ({
  title: TITLE,
  period: PERIOD,
  mode: "portable",
  source: data.source,
  columns: detectColumns(data.source.headers, data.sample),
  keyResults,
});

/** The KR row's computed value, 1-based sheet row (10: the objective, 11 and 12 its key results). */
const cell = (book: OfficeWorkbook, row: number, name: TableColumn) => book.store.value(TITLE, row - 1, columnIndex(name));
const formulaOf = async (book: OfficeWorkbook, address: string) =>
  book.run(async (context) => {
    const range = context.workbook.worksheets.getItem(TITLE).getRange(address);
    range.load("formulas");
    await context.sync();
    return range.formulas[0][0];
  });
const setCell = (book: OfficeWorkbook, address: string, content: string | number) =>
  book.run(async (context) => {
    context.workbook.worksheets.getItem(TITLE).getRange(address).formulas = [[content]];
    await context.sync();
  });

describe("custom key results written by src/excel", () => {
  it("compute progress and status from the user's formula and number, and roll up into the user's objective", async () => {
    const { book, workbook, data } = await workbookWithAccounts();
    expect(await workbook.build(settings(data, [REVENUE, GOOGLE_RATING]))).toEqual({ ok: true, sheet: TITLE, keyResults: 2 });
    // Revenue: (110,000 − 100,000) / (120,000 − 100,000) = 0.5 of the way, with the period over: Missed.
    expect([cell(book, 11, "Current"), cell(book, 11, "Baseline"), cell(book, 11, "Progress"), cell(book, 11, "Status")]).toEqual([110000, 100000, 0.5, "Missed"]);
    // Rating: 4.2 is not above 4.5: 0, Missed.
    expect([cell(book, 12, "Current"), cell(book, 12, "Progress"), cell(book, 12, "Status")]).toEqual([4.2, 0, "Missed"]);
    // No earlier periods to compare with: blank ("" as Excel reads an empty cell), not an error.
    for (const name of ["Previous period", "vs previous", "Same period last year", "vs last year"] as const) expect([name, cell(book, 11, name)]).toEqual([name, ""]);
    // The objective: (0.5 × 1 + 0 × 1) / 2.
    expect([cell(book, 10, "Objective"), cell(book, 10, "Progress")]).toEqual(["Make money", 0.25]);
    expect(book.sheet(TITLE)!.numberFormats.get(`10:${columnIndex("Current")}`)).toBe("#,##0.00");

    const live = await workbook.readLive(TITLE);
    expect(live.map((kr) => [kr.name, kr.current, kr.progress, kr.status])).toEqual([
      ["Make money", "", 0.25, "Missed"],
      ["Revenue from the accounts", 110000, 0.5, "Missed"],
      ["Google rating", 4.2, 0, "Missed"],
    ]);

    expect(await workbook.recordCheckIn(TITLE, new Date(2025, 9, 1), "Medium", "")).toBe(2);
    const checkIn = (row: number, name: (typeof CHECK_IN_COLUMNS)[number]) => book.store.value(CHECK_IN_SHEET, row, CHECK_IN_COLUMNS.indexOf(name));
    expect([1, 2].map((row) => [checkIn(row, "Key result"), checkIn(row, "Current"), checkIn(row, "Progress"), checkIn(row, "Status")])).toEqual([
      ["Revenue from the accounts", 110000, 0.5, "Missed"],
      ["Google rating", 4.2, 0, "Missed"],
    ]);
  });

  it("follow the accounts sheet and the number typed, and a re-run keeps the formula and numbers edited on the sheet", async () => {
    const { book, workbook, data } = await workbookWithAccounts();
    await workbook.build(settings(data, [REVENUE, GOOGLE_RATING]));
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Accounts 2025").getRange("B13").values = [[125000]];
      await context.sync();
    });
    await setCell(book, "G11", "='Accounts 2025'!B13"); // the user pointed the formula at another cell
    await setCell(book, "E11", 105000); // and corrected the baseline
    await setCell(book, "G12", 4.6); // this month's rating
    // Revenue: 125,000 passes 120,000: Done (capped at 1). Rating: 4.6 ≥ 4.5: Done.
    expect([cell(book, 11, "Progress"), cell(book, 11, "Status"), cell(book, 12, "Progress"), cell(book, 12, "Status")]).toEqual([1, "Done", 1, "Done"]);

    // Built again from the pane's first values, and with the rating dropped from the pane: nothing the user did is lost.
    expect(await workbook.build(settings(data, [REVENUE]))).toMatchObject({ ok: true });
    expect(await formulaOf(book, "G11")).toBe("='Accounts 2025'!B13");
    expect([cell(book, 11, "Baseline"), cell(book, 11, "Progress"), cell(book, 12, "Key result"), cell(book, 12, "Current"), cell(book, 12, "Status")]).toEqual([105000, 1, "Google rating", 4.6, "Done"]);
    expect(cell(book, 10, "Progress")).toBe(1);
  });

  it("point at the cells selected in Excel: their address with the sheet, as a formula reads it", async () => {
    const { book } = createHyperFormulaWorkbook();
    await book.run(async (context) => {
      context.workbook.worksheets.add("Jobs");
      context.workbook.worksheets.add("Accounts 2025").activate();
      await context.sync();
    });
    book.selection = "B12";
    expect(await createExcelWorkbook(book.run).readSelectedAddress()).toBe("'Accounts 2025'!B12");
    book.selection = "C2:C90";
    expect(await createExcelWorkbook(book.run).readSelectedAddress()).toBe("'Accounts 2025'!C2:C90");
  });

  it("refuse a formula that is none, writing nothing", async () => {
    const { book, workbook, data } = await workbookWithAccounts();
    const result = await workbook.build(settings(data, [revenueFromAccounts("Accounts B12")]));
    expect(result).toEqual({ ok: false, problems: [{ code: "notAFormula", keyResult: "Revenue from the accounts", formula: "Accounts B12", fault: "noEquals" }] });
    expect(book.sheet(TITLE)).toBeUndefined();
  });
});
