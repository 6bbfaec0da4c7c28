import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { ColumnMap } from "../src/okr/columns";
import { KeyResultInput, KpiKeyResult, PlanSettings } from "../src/okr/plan";
import { columnIndex, TABLE_HEADER_ROW } from "../src/okr/sheetLayout";
import { JobData } from "../src/okr/workbook";
import { customerBase, finance, operations, surveys } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * Job-table headers holding every character that Microsoft's rules say needs the Table[[Column]] form
 * (- / . $ # ' [ ] ( ) , : ; % & + = < > ^ { } ! ? @ \ ` ~ and quotes): the formulas the adapter writes
 * must read each column, in HyperFormula and in LibreOffice, and give the KPI library's numbers.
 */

const HEADERS = {
  date: "Job date (yyyy/mm/dd) #1",
  customer: "Client's [name] & co.",
  technician: 'Tech: {crew}; "lead"',
  amount: "Amount $ + tax = total, <gross>",
  nps: "NPS 0-10 % ^ !",
  firstVisitFix: "First-visit fix? @site \\ ok ~ `",
} as const;
const ROLES = Object.keys(HEADERS) as (keyof typeof HEADERS)[];
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30

// 60 jobs over Q2 and Q3 2026, every third day, values cycling so each KPI has something to count.
const JOBS = Array.from({ length: 60 }, (_, i) => [46113 + i * 3, `Customer ${i % 13}`, ["Li", "Ana", "Bo"][i % 3], 80 + (i % 7) * 15, i % 11, i % 4 === 0 ? "No" : "Yes"]);
const column = (role: keyof typeof HEADERS) => JOBS.map((row) => [row[ROLES.indexOf(role)]]);
const inQ3 = { dates: column("date"), ...Q3 };
const EXPECTED: [KpiKeyResult["kpi"], number][] = [
  ["nps", surveys.nps(column("nps"), inQ3) as number],
  ["fcr", operations.fcr(column("firstVisitFix"), inQ3) as number],
  ["avgTicket", finance.avgTicket(column("amount"), inQ3) as number],
  ["repeatRate", customerBase.repeatRate(column("customer"), inQ3) as number],
  ["jobsPerTech", operations.jobsPerTech(column("technician"), inQ3) as number],
];
const TITLE = "OKR 2026-Q3";

async function buildOver(book: OfficeWorkbook): Promise<void> {
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Jobs");
    const address = `A1:F${JOBS.length + 1}`;
    sheet.getRange(address).values = [ROLES.map((role) => `'${HEADERS[role]}`), ...JOBS] as (string | number)[][];
    sheet.tables.add(address, true).name = "Jobs";
    await context.sync();
  });
  const workbook = createExcelWorkbook(book.run);
  const data = (await workbook.readJobData()) as JobData;
  expect(data.source).toEqual({ kind: "table", table: "Jobs", headers: ROLES.map((role) => HEADERS[role]) });
  const columns: ColumnMap = Object.fromEntries(ROLES.map((role, i) => [role, i]));
  const keyResults: KeyResultInput[] = EXPECTED.map(([kpi]) => ({ id: `o:${kpi}`, objectiveId: "o", objective: "Objective", name: kpi, kpi, type: "increase" }));
  const settings: PlanSettings = { title: TITLE, period: Q3, mode: "portable", source: data.source, columns, keyResults };
  expect(await workbook.build(settings)).toMatchObject({ ok: true });
}

/** The KR rows start below the objective row: 1-based row TABLE_HEADER_ROW + 2 onwards, in EXPECTED's order. */
const krRow = (i: number) => TABLE_HEADER_ROW + 2 + i;

describe("headers with every special character", () => {
  it("are read by every formula in HyperFormula", async () => {
    const { book } = createHyperFormulaWorkbook();
    await buildOver(book);
    EXPECTED.forEach(([kpi, value], i) => expect([kpi, book.store.value(TITLE, krRow(i) - 1, columnIndex("Current"))]).toEqual([kpi, expect.closeTo(value, 9)]));
  });
});

describeWithLibreOffice("headers with every special character in LibreOffice")("headers with every special character", () => {
  it("are read by every formula in LibreOffice", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "okr-headers-"));
    const { book, save } = createXlsxWorkbook();
    await buildOver(book);
    await save(path.join(dir, "okr.xlsx"));
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", path.join(dir, "out"), [path.join(dir, "okr.xlsx")]);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(dir, "out", "okr.xlsx"));
    const sheet = recalculated.getWorksheet(TITLE)!;
    EXPECTED.forEach(([kpi, value], i) => {
      const cell = sheet.getCell(krRow(i), columnIndex("Current") + 1).value as { result?: unknown };
      expect([kpi, cell.result]).toEqual([kpi, expect.closeTo(value, 9)]);
    });
  }, 300_000);
});
