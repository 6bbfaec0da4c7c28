import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { exportOkr } from "../scripts/okr";
import { KpiColumn, kpiOkr, kpiValue } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { defaultKrType, KpiKind, KPIS } from "../src/okr/templates";
import { Grid } from "../src/kpi/grid";

/**
 * The exported OKR workbook, recalculated by LibreOffice (a real spreadsheet engine that has never
 * seen our code), shows the numbers the KPI library computes on the same rows.
 */

const run = describeWithLibreOffice("the recalculation test");

const rows = sampleJobs();
const column = (header: KpiColumn): Grid => rows.map((row) => [row[SAMPLE_HEADERS.indexOf(header as (typeof SAMPLE_HEADERS)[number])]]);

/** The KPI library on the sample's rows, for one period. */
function expected(kpi: KpiKind, from: number, to: number): number {
  const value = kpiValue(kpi, column, from, to);
  if (typeof value !== "number") throw new Error(`${kpi}: ${String(value)}`);
  return value;
}

run("the exported OKR workbook in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "okr-lo-"));
  const exported = path.join(dir, "okr.xlsx");
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const jobs = path.join(dir, "jobs.xlsx");
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(path.join(__dirname, "..", "assets", "sample-jobs.xlsx"));
    await source.xlsx.writeFile(jobs);
    await exportOkr(jobs, exported, { period: "2026-Q3", targets: { nps: "45", fcr: "90%", responseTime: "2.5" } });
    const out = path.join(dir, "out");
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", out, [exported]);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(out, "okr.xlsx"));
    sheet = recalculated.getWorksheet("OKR 2026-Q3")!;
  }, 300_000);

  const result = (row: number, name: (typeof TABLE_COLUMNS)[number]) => {
    const value = sheet.getCell(row, TABLE_COLUMNS.indexOf(name) + 1).value;
    if (!value || typeof value !== "object" || !("formula" in value)) return value;
    // ExcelJS reads a cached <v>0</v> as no result at all.
    return "result" in value ? value.result : 0;
  };
  /** The row ids LibreOffice's copy holds in the hidden Id column, below the table's header row (9). */
  const idsOnSheet = () =>
    Array.from({ length: sheet.rowCount - 9 }, (_, i) => ({ row: 10 + i, id: String(sheet.getCell(10 + i, TABLE_COLUMNS.indexOf("Id") + 1).value ?? "") })).filter(({ id }) => id !== "");
  const close = (actual: unknown, want: number, kpi: string) => {
    expect({ kpi, type: typeof actual }).toEqual({ kpi, type: "number" });
    expect({ kpi, off: Math.abs((actual as number) - want) / Math.max(1, Math.abs(want)) <= 1e-9 }).toEqual({ kpi, off: true });
  };

  it("computes every key result's baseline, current value, progress and status as the KPI library does", () => {
    const { from, to } = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
    const [baselineFrom, baselineTo] = [46113, 46203]; // 2026-Q2, the quarter before: 2026-04-01 .. 2026-06-30
    const elapsed = kpiOkr.elapsed(from, to, new Date().toISOString().slice(0, 10)) as number;
    const krRows = idsOnSheet().filter(({ id }) => id.includes(":") && !id.startsWith("objective:"));
    // Every KR the sample allows in native formulas: the ten of the first templates, time on site (Arrival
    // to Resolved), revenue, jobs, jobs per day, effort, and customer retention, churn and new customers;
    // not comment sentiment, which needs the add-in.
    expect(krRows).toHaveLength(18);
    for (const { row, id } of krRows) {
      const kpi = id.split(":")[1] as KpiKind;
      const baseline = expected(kpi, baselineFrom, baselineTo);
      const current = expected(kpi, from, to);
      close(result(row, "Baseline"), baseline, kpi);
      close(result(row, "Current"), current, kpi);
      // The quarter before (2026-Q2, the baseline here) and the same quarter last year (2025-07-01 .. 2025-09-30), each change signed so better is positive.
      const lastYear = expected(kpi, 45839, 45930);
      const better = KPIS[kpi].higherIsBetter ? 1 : -1;
      close(result(row, "Previous period"), baseline, kpi);
      close(result(row, "Same period last year"), lastYear, kpi);
      close(result(row, "vs previous"), better * (current - baseline), kpi);
      close(result(row, "vs last year"), better * (current - lastYear), kpi);
      // The sparkline's history: 2025-Q2, 2025-Q3, 2025-Q4 and 2026-Q1, the quarters before the previous one.
      const history = [[45748, 45838], [45839, 45930], [45931, 46022], [46023, 46112]] as const;
      (["5 periods ago", "4 periods ago", "3 periods ago", "2 periods ago"] as const).forEach((name, i) => close(result(row, name), expected(kpi, history[i][0], history[i][1]), `${kpi} ${name}`));
      const target = result(row, "Target");
      if (typeof target !== "number") continue;
      const progress = kpiOkr.progress(baseline, target, current) as number;
      close(result(row, "Progress"), progress, kpi);
      expect(result(row, "Status")).toBe(kpiOkr.status(progress, elapsed, null, defaultKrType(kpi), baseline, target));
    }
  });

  it("keeps the number formats and the status colour rules", () => {
    const rowOf = (id: string) => idsOnSheet().find((row) => row.id === id)!.row;
    expect(sheet.getCell(rowOf("delight:nps"), TABLE_COLUMNS.indexOf("Current") + 1).numFmt).toBe("0.0");
    expect(sheet.getCell(rowOf("delight:fcr"), TABLE_COLUMNS.indexOf("Current") + 1).numFmt).toMatch(/^0\.0%$/);
    expect(sheet.getCell(rowOf("delight:fcr"), TABLE_COLUMNS.indexOf("Progress") + 1).numFmt).toBe("0%");
    const rules = (sheet as unknown as { conditionalFormattings: { rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings.flatMap((f) => f.rules);
    expect(rules.filter((r) => r.type === "cellIs").map((r) => r.formulae)).toEqual([
      ...['"Done"', '"On track"', '"At risk"', '"Off track"', '"Missed"', '"Check target"'].map((text) => [text]),
      // Better (between a hair above 0 and the largest number) and worse (below 0), for each of the two changes; LibreOffice spells 1E-9 out.
      ...[0, 1].flatMap(() => [["0.000000001", "9.99E+307"], ["0"]]),
    ]);
    expect(sheet.getCell(rowOf("delight:nps"), TABLE_COLUMNS.indexOf("vs previous") + 1).numFmt).toBe('"▲ "0.0;"▼ "0.0;0.0');
  });
});
