// npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--target nps=45 --target fcr=90%]
//
// Builds the OKR sheet for a job log in a workbook, outside Excel: reads the workbook, finds the job
// table (or the first sheet's used range), plans every key result its columns allow in portable mode
// (native formulas only) and writes a copy with the OKR sheet added. The input file is never changed.
import ExcelJS from "exceljs";
import { parseArgs } from "util";
import { detectColumns } from "../src/okr/columns";
import { readTarget } from "../src/okr/drafts";
import { quarterOf, monthOf, Period, sheetTitle } from "../src/okr/periods";
import { buildPlan, DataSource, KeyResultInput, planProblems, SheetPlan } from "../src/okr/plan";
import { availableObjectives, defaultKrType, KpiKind } from "../src/okr/templates";

const SAMPLE_ROWS = 50;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the KPI code reads it: ExcelJS gives dates as Date objects and formulas as objects. */
function plain(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (value && typeof value === "object" && "result" in value) return plain(value.result as ExcelJS.CellValue);
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((part) => part.text).join("");
  return value ?? null;
}

export function parsePeriod(text: string): Period {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter) return quarterOf(Number(quarter[1]), Number(quarter[2]) * 3);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthOf(Number(month[1]), Number(month[2]));
  throw new Error(`--period "${text}" is not a quarter like 2026-Q3 or a month like 2026-07`);
}

/** The job data: the first table of the workbook, else the first sheet with its first row as headers. */
function findJobData(workbook: ExcelJS.Workbook): { source: DataSource; sample: unknown[][] } {
  for (const sheet of workbook.worksheets) {
    // ExcelJS's typings miss what a table read from a file holds: its model, with tableRef and columns.
    const table = sheet.getTables()[0] as unknown as { model: { name: string; tableRef: string; columns: { name: string }[] } } | undefined;
    if (table) {
      const { name, tableRef, columns } = table.model;
      const [first] = tableRef.split(":");
      const firstRow = Number(/\d+/.exec(first)![0]);
      const firstColumn = sheet.getCell(first).fullAddress.col;
      const sample = Array.from({ length: SAMPLE_ROWS }, (_, i) =>
        columns.map((_, c) => plain(sheet.getRow(firstRow + 1 + i).getCell(firstColumn + c).value)),
      );
      return { source: { kind: "table", table: name, headers: columns.map((c) => c.name) }, sample };
    }
  }
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(plain(v) ?? ""));
  const sample = Array.from({ length: SAMPLE_ROWS }, (_, i) => headers.map((_, c) => plain(sheet.getRow(2 + i).getCell(c + 1).value)));
  return { source: { kind: "range", sheet: sheet.name, headers, headerRow: 1, firstColumn: 0 }, sample };
}

/** Writes a plan onto a new sheet: formulas, number formats, status colours, data bar, frozen header. */
function writePlan(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const sheet = workbook.addWorksheet(plan.title, { views: [{ state: "frozen", ySplit: plan.freezeRows }] });
  const write = (topRow: number, formulas: readonly (readonly unknown[])[], formats: string[][]) =>
    formulas.forEach((row, r) =>
      row.forEach((content, c) => {
        const cell = sheet.getCell(topRow + r, c + 1);
        if (typeof content === "string" && content.startsWith("=")) cell.value = { formula: content.slice(1) };
        else if (typeof content === "string" && content.startsWith("'")) cell.value = content.slice(1); // text, as Excel stores it
        else cell.value = (content ?? null) as ExcelJS.CellValue;
        if (formats[r][c] !== "General") cell.numFmt = formats[r][c];
      }),
    );
  write(1, plan.header.formulas, plan.header.numberFormats);
  const tableTop = Number(/^A(\d+)/.exec(plan.table.address)![1]);
  write(tableTop, plan.table.formulas, plan.table.numberFormats);
  sheet.getRow(tableTop).font = { bold: true };
  sheet.getCell("A1").font = { bold: true, size: 14 };
  plan.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const columns of plan.hiddenColumns) sheet.getColumn(columns.split(":")[0]).hidden = true;
  for (const { range, rule } of plan.conditionalFormats) {
    if (rule.kind === "dataBar") {
      sheet.addConditionalFormatting({
        ref: range,
        rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: { argb: `FF${rule.color.slice(1)}` } } as ExcelJS.ConditionalFormattingRule],
      });
    } else {
      sheet.addConditionalFormatting({
        ref: range,
        rules: [
          {
            type: "cellIs",
            operator: "equal",
            priority: 1,
            formulae: [`"${rule.text}"`],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill.slice(1)}` } }, font: { color: { argb: `FF${rule.font.slice(1)}` } } },
          },
        ],
      });
    }
  }
}

export interface ExportOptions {
  period: string;
  targets?: Record<string, string>;
}

/** Reads `input`, adds the OKR sheet, writes `output`; returns the plan written. */
export async function exportOkr(input: string, output: string, options: ExportOptions): Promise<SheetPlan> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  const period = parsePeriod(options.period);
  const { source, sample } = findJobData(workbook);
  const columns = detectColumns(source.headers, sample);
  const keyResults: KeyResultInput[] = availableObjectives(columns).flatMap((objective) =>
    objective.keyResults.map((kr) => {
      const target = readTarget(kr.kpi, options.targets?.[kr.kpi] ?? "");
      if (typeof target === "object") throw new Error(`--target ${kr.kpi}: ${target.problem}`);
      return { id: `${objective.id}:${kr.kpi}`, objective: objective.name, name: kr.name, kpi: kr.kpi as KpiKind, type: defaultKrType(kr.kpi), target };
    }),
  );
  const settings = { title: sheetTitle(period), period, mode: "portable" as const, source, columns, keyResults };
  const problems = planProblems(settings);
  if (problems.length > 0) throw new Error(problems.join(" "));
  if (workbook.getWorksheet(settings.title)) throw new Error(`The workbook already has a sheet "${settings.title}".`);
  const plan = buildPlan(settings);
  writePlan(workbook, plan);
  await workbook.xlsx.writeFile(output);
  return plan;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { period: { type: "string" }, out: { type: "string" }, target: { type: "string", multiple: true } },
  });
  const [input] = positionals;
  if (!input || !values.period || !values.out) {
    throw new Error("usage: npm run okr -- <jobs.xlsx> --period 2026-Q3 --out <okr.xlsx> [--target nps=45]");
  }
  if (values.out === input) throw new Error("--out must be a new file: the job workbook is never changed");
  const targets = Object.fromEntries((values.target ?? []).map((pair) => pair.split("=") as [string, string]));
  const plan = await exportOkr(input, values.out, { period: values.period, targets });
  console.log(`Wrote "${plan.title}" (${plan.table.formulas.length - 1} rows) to ${values.out}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
