import { buildOkrSheet } from "../src/excel/okrSheet";
import { buildPlan, PlanSettings, TABLE_COLUMNS } from "../src/okr/plan";
import { installExcelFake } from "./excelFake";

const settings: PlanSettings = {
  title: "OKR 2026-Q3",
  period: { from: 46204, to: 46295 },
  mode: "portable",
  source: { kind: "table", table: "Jobs", headers: ["Date", "Customer", "NPS"] },
  columns: { date: 0, customer: 1, nps: 2 },
  keyResults: [
    { id: "kr-nps", objective: "Delight customers", name: "Raise NPS", kpi: "nps", type: "increase", target: 50 },
    { id: "kr-repeat", objective: "Grow repeat business", name: "Bring customers back", kpi: "repeatRate", type: "increase" },
  ],
};
const at = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

describe("buildOkrSheet", () => {
  it("adds the sheet and writes the plan in two round trips", async () => {
    const excel = installExcelFake({ table: "Jobs" });
    expect(await buildOkrSheet(settings)).toEqual({ ok: true, sheet: "OKR 2026-Q3", keyResults: 2 });
    expect(excel.syncs).toHaveBeenCalledTimes(2);
    const plan = buildPlan(settings);
    expect(excel.written("OKR 2026-Q3", "worksheets.add()")).toBe("OKR 2026-Q3");
    expect(excel.written("A1:B7", "formulas")).toEqual(plan.header.formulas);
    expect(excel.written(plan.table.address, "formulas")).toEqual(plan.table.formulas);
    expect(excel.written(plan.table.address, "numberFormat")).toEqual(plan.table.numberFormats);
    expect(excel.written(plan.table.address, "tables.add()")).toBe(true);
    expect(excel.written("sheet", "freezeRows()")).toBe(9);
    expect(excel.written("N:N", "columnHidden")).toBe(true);
    // a data bar on progress and one colour rule per status
    expect(excel.writes.filter((w) => w.property === "conditionalFormats.add()").map((w) => w.value)).toEqual([
      "DataBar",
      "CellValue",
      "CellValue",
      "CellValue",
      "CellValue",
    ]);
    expect(excel.writes.filter((w) => w.property === "conditionalFormats.CellValue.cellValue.rule").map((w) => (w.value as { formula1: string }).formula1)).toEqual([
      '="Done"',
      '="On track"',
      '="At risk"',
      '="Off track"',
    ]);
  });

  it("makes the same number of round trips for 10 KRs as for 2, and never reads the job rows", async () => {
    const many = { ...settings, keyResults: Array.from({ length: 10 }, (_, i) => ({ ...settings.keyResults[0], id: `kr-${i}` })) };
    const excel = installExcelFake({ table: "Jobs", okrSheet: { name: "OKR 2026-Q3" } });
    await buildOkrSheet(many);
    expect(excel.syncs).toHaveBeenCalledTimes(3);
    const again = installExcelFake({ table: "Jobs", okrSheet: { name: "OKR 2026-Q3" } });
    await buildOkrSheet(settings);
    expect(again.syncs).toHaveBeenCalledTimes(3);
  });

  it("keeps the target typed on the sheet when built again", async () => {
    const previous = buildPlan(settings).table.formulas.map((row) => row.slice());
    previous[2][at("Target")] = 65;
    previous[2][at("Notes")] = "after the spring campaign";
    const blankAbove = Array.from({ length: 8 }, () => TABLE_COLUMNS.map(() => ""));
    const excel = installExcelFake({ table: "Jobs", okrSheet: { name: "OKR 2026-Q3", formulas: [...blankAbove, ...previous] } });
    expect(await buildOkrSheet(settings)).toMatchObject({ ok: true });
    const rows = excel.written("A9:N13", "formulas") as unknown[][];
    expect(rows[2][at("Target")]).toBe(65);
    expect(rows[2][at("Notes")]).toBe("after the spring campaign");
    expect(excel.written("table", "convertToRange()")).toBe(true);
  });

  it.each([
    ["a protected sheet", { table: "Jobs", okrSheet: { name: "OKR 2026-Q3", protected: true } }, settings, /is protected/],
    ["a missing table", { table: "Other" }, settings, /The job data \(table "Jobs"\) is no longer in the workbook/],
    ["no date column", { table: "Jobs" }, { ...settings, columns: { customer: 1, nps: 2 } }, /No job-date column/],
  ])("writes nothing for %s", async (_, workbook, input, problem) => {
    const excel = installExcelFake(workbook);
    const result = await buildOkrSheet(input);
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(problem) });
    expect(excel.writes).toEqual([]);
  });
});
