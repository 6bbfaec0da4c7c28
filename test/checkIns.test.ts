import { installExcelWorkbook } from "./excelFake";
import { CHECK_IN_COLUMNS, recordCheckIn } from "../src/excel/checkIns";
import { TABLE_COLUMNS } from "../src/okr/krTable";

/** A workbook with a built OKR sheet whose KR table holds `rows`, with or without a Check-ins table. */
function installWorkbook(rows: unknown[][], checkInsExist: boolean) {
  const added: unknown[][] = [];
  const created: string[] = [];
  const checkIns = { isNullObject: !checkInsExist, name: "CheckIns", rows: { add: (_: unknown, values: unknown[][]) => added.push(...values) } };
  const sheet = {
    isNullObject: true,
    getRange: (address: string) => ({ set values(v: unknown[][]) { created.push(`${address}=${JSON.stringify(v)}`); } }),
    tables: { add: (address: string) => (created.push(`table ${address}`), checkIns) },
  };
  const { syncs } = installExcelWorkbook({
    tables: {
      getItem: (name: string) => {
        expect(name).toBe("OKR_2026_Q4");
        return { getDataBodyRange: () => ({ values: rows, load: () => undefined }) };
      },
      getItemOrNullObject: () => checkIns,
    },
    worksheets: { getItemOrNullObject: () => sheet, add: (name: string) => (created.push(`sheet ${name}`), sheet) },
  });
  return { added, created, syncs };
}

function krRow(values: Partial<Record<(typeof TABLE_COLUMNS)[number], unknown>>): unknown[] {
  return TABLE_COLUMNS.map((name) => values[name] ?? "");
}

describe("recordCheckIn", () => {
  const rows = [
    krRow({ Objective: "Delight customers", Id: "objective:delight-customers", Progress: 0.5 }),
    krRow({ Objective: "Delight customers", "Key result": "Raise NPS", Current: 42, Target: 50, Progress: 0.2, Status: "Off track", Id: "delight:nps" }),
    krRow({ Objective: "Delight customers", "Key result": "=risky name", Current: 0.9, Target: 0.85, Progress: 1, Status: "Done", Id: "delight:fcr" }),
  ];

  it("appends one row per key result with today's values, in two round trips", async () => {
    const excel = installWorkbook(rows, true);
    expect(await recordCheckIn("OKR 2026-Q4", new Date(2026, 10, 24), "Medium", "+ new van")).toBe(2);
    expect(excel.syncs).toHaveBeenCalledTimes(2);
    expect(excel.added).toEqual([
      ["=DATE(2026,11,24)", "OKR 2026-Q4", "Raise NPS", 42, 50, 0.2, "Off track", "Medium", "'+ new van"],
      ["=DATE(2026,11,24)", "OKR 2026-Q4", "'=risky name", 0.9, 0.85, 1, "Done", "Medium", "'+ new van"],
    ]);
    expect(excel.created).toEqual([]);
  });

  it("makes the Check-ins sheet and table the first time", async () => {
    const excel = installWorkbook(rows, false);
    await recordCheckIn("OKR 2026-Q4", new Date(2026, 10, 24), "High", "");
    expect(excel.created).toEqual(["sheet Check-ins", `A1:I1=${JSON.stringify([CHECK_IN_COLUMNS])}`, "table A1:I1"]);
    expect(excel.added).toHaveLength(2);
  });
});
