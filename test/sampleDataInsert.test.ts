import { installExcelWorkbook } from "./excelFake";
import { insertSampleData, SAMPLE_SHEET } from "../src/excel/sampleData";
import { SAMPLE_HEADERS } from "../src/sample/sampleJobs";

function installWorkbook(sheetExists: boolean, jobsTableExists: boolean) {
  const writes: Record<string, unknown> = {};
  const range = (address: string) => ({
    set values(v: unknown[][]) { writes[`${address}.values`] = v; },
    set numberFormat(v: unknown[][]) { writes[`${address}.numberFormat`] = v; },
    format: { autofitColumns: () => undefined },
  });
  const sheet = {
    getRange: range,
    tables: { add: (address: string) => { const table = { name: "" }; writes[`table ${address}`] = table; return table; } },
    freezePanes: { freezeRows: (n: number) => (writes.freezeRows = n) },
    activate: () => undefined,
  };
  const { syncs } = installExcelWorkbook({
    worksheets: { getItemOrNullObject: () => ({ isNullObject: !sheetExists }), add: (name: string) => ((writes.added = name), sheet) },
    tables: { getItemOrNullObject: () => ({ isNullObject: !jobsTableExists }) },
  });
  return { writes, syncs };
}

describe("insertSampleData", () => {
  it("adds the sample as a table named Jobs on a new sheet, in two round trips", async () => {
    const { writes, syncs } = installWorkbook(false, false);
    expect(await insertSampleData()).toEqual({ ok: true });
    expect(syncs).toHaveBeenCalledTimes(2);
    expect(writes.added).toBe(SAMPLE_SHEET);
    const values = writes["A1:Q6001.values"] as unknown[][];
    expect(values[0]).toEqual([...SAMPLE_HEADERS]);
    expect(values).toHaveLength(6001);
    expect(values.flat().includes(null)).toBe(false); // blanks are written as empty cells
    expect(writes["table A1:Q6001"]).toEqual({ name: "Jobs" });
    expect((writes["A1:Q6001.numberFormat"] as string[][])[1][0]).toBe("yyyy-mm-dd");
  });

  it("names the table SampleJobs when the workbook already has a Jobs table", async () => {
    const { writes } = installWorkbook(false, true);
    await insertSampleData();
    expect(writes["table A1:Q6001"]).toEqual({ name: "SampleJobs" });
  });

  it("leaves an existing sheet of that name alone", async () => {
    const { writes } = installWorkbook(true, false);
    expect(await insertSampleData()).toEqual({ ok: false, problem: 'The workbook already has a sheet named "Sample jobs".' });
    expect(writes).toEqual({});
  });
});
