import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { repeatRate } from "../src/kpi/customers";
import { Cell, Grid } from "../src/kpi/grid";
import { jobsPerTech } from "../src/kpi/operations";
import { Role } from "../src/okr/columns";
import { FormulaContext, kpiFormula } from "../src/okr/formulas";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The native repeat-customer rate and jobs per technician compare names exactly, as the KPI library
 * does (trimmed, any case, 1001 = "1001"), on names that COUNTIFS would read as patterns or operators,
 * in HyperFormula (the demo's engine) and LibreOffice.
 */

const FROM = 46204; // 2026-07-01
const TO = 46295; // 2026-09-30
const ERROR = { error: "#N/A" }; // an error cell names nobody in KPI.*

/** [job date, customer, technician] as the cells hold them; typed as text unless a number or blank. */
const JOBS: [number | null, Cell, Cell][] = [
  [FROM, "Smith*", "Tom*"],
  [FROM + 1, "smith*", "tom*"],
  [FROM + 2, "SMITH*", "T?m"],
  [FROM + 3, "Jo?", "<n/a>"],
  [FROM + 4, "<n/a>", "=x"],
  [FROM + 5, "~x", "~x"],
  [FROM + 6, "=x", "+x"],
  [FROM + 7, "+x", "@x"],
  [FROM + 8, "@x", null],
  [FROM + 9, null, "   "],
  [FROM + 10, "   ", " Uma"],
  [FROM + 11, " Ann ", "uma "],
  [FROM + 12, "ann", 7],
  [FROM + 13, 1001, "7"],
  [FROM + 14, "1001", "Tom*"],
  [FROM + 15, "Renée", "x"],
  [FROM + 16, "Renee", "Tom"],
  [FROM + 17, "x", ERROR],
  [FROM + 18, "Joe", "@x"],
  [TO, ERROR, "Jo?"],
  [FROM - 1, "Jo?", "Jo?"], // before the period
  [TO + 1, "<n/a>", "Tom"], // after it
  [null, "Joe", "Tom"], // no date: in no period
];
// Customers in the period: smith* ×3, ann ×2, 1001 ×2 repeat; jo?, <n/a>, ~x, =x, +x, @x, renée, renee, x, joe once.
const REPEAT_RATE = 3 / 13;
// Technicians: 17 rows name one of tom*, t?m, <n/a>, =x, ~x, +x, @x, uma, 7, x, tom, jo?.
const JOBS_PER_TECH = 17 / 12;

const column = (c: number): Grid => JOBS.map((row) => [row[c]]);
const period = { dates: column(0), from: FROM, to: TO };

/** What a user types for a cell: text after an apostrophe, so "=x" and "1001" stay text; an error as a formula. */
const typed = (cell: Cell) => (cell === null ? "" : cell === ERROR ? "=NA()" : typeof cell === "string" ? `'${cell}` : (cell as number));

const LAST = JOBS.length + 1;
const LETTERS: Partial<Record<Role, string>> = { date: "A", customer: "B", technician: "C" };
const ctx: FormulaContext = { column: (role) => `Jobs!$${LETTERS[role]}$2:$${LETTERS[role]}$${LAST}`, from: "$A$1", to: "$B$1" };

/** The job log on Jobs, the period in OKR!A1:B1, the portable repeat rate in C1 and jobs per technician in D1. */
async function writeSheets(book: OfficeWorkbook): Promise<void> {
  book.addSheet("Jobs");
  book.addSheet("OKR");
  await book.run(async (context) => {
    context.workbook.worksheets.getItem("Jobs").getRange(`A1:C${LAST}`).values = [["Job date", "Customer", "Technician"], ...JOBS.map((row) => row.map(typed))];
    context.workbook.worksheets.getItem("OKR").getRange("A1:D1").formulas = [[FROM, TO, kpiFormula("repeatRate", "portable", ctx), kpiFormula("jobsPerTech", "portable", ctx)]];
    await context.sync();
  });
}

it("the KPI library gives the numbers worked out by hand", () => {
  expect(repeatRate(column(1), period)).toBeCloseTo(REPEAT_RATE, 12);
  expect(jobsPerTech(column(2), period)).toBeCloseTo(JOBS_PER_TECH, 12);
});

describe("in HyperFormula, as the demo runs it", () => {
  it("repeat rate and jobs per technician are the KPI library's", async () => {
    const { book, engine } = createHyperFormulaWorkbook();
    await writeSheets(book);
    const okr = engine.getSheetId("OKR")!;
    expect(engine.getCellValue({ sheet: okr, row: 0, col: 2 })).toBeCloseTo(repeatRate(column(1), period) as number, 12);
    expect(engine.getCellValue({ sheet: okr, row: 0, col: 3 })).toBeCloseTo(jobsPerTech(column(2), period) as number, 12);
    engine.destroy();
  });
});

describeWithLibreOffice("the exact-names test in LibreOffice")("in LibreOffice, from the xlsx file the CLI writes", () => {
  it(
    "repeat rate and jobs per technician are the KPI library's",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "exact-names-"));
      const { book, save } = createXlsxWorkbook();
      await writeSheets(book);
      await save(path.join(dir, "names.xlsx"));
      convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", path.join(dir, "out"), [path.join(dir, "names.xlsx")]);
      const recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(path.join(dir, "out", "names.xlsx"));
      const result = (address: string) => (recalculated.getWorksheet("OKR")!.getCell(address).value as { result?: unknown }).result;
      expect(result("C1")).toBeCloseTo(repeatRate(column(1), period) as number, 12);
      expect(result("D1")).toBeCloseTo(jobsPerTech(column(2), period) as number, 12);
    },
    300_000,
  );
});
