import { installExcelWorkbook } from "./excelFake";
import { readJobData, SAMPLE_ROWS, topLeft } from "../src/excel/jobData";

/**
 * A workbook whose job log has `rows` rows. Ranges answer with the cells they cover, so a test can
 * see how much of the log the adapter asked Excel for.
 */
function installWorkbook(rows: number, withTable: boolean) {
  const log = Array.from({ length: rows + 1 }, (_, r) => (r === 0 ? ["Date", "Customer", "NPS"] : [46023 + r, `C${r}`, r % 11]));
  const requested: number[] = [];
  const range = (firstRow: number, rowCount: number) => {
    const self = {
      values: [] as unknown[][],
      address: `'Job log'!A${firstRow + 1}:C${firstRow + rowCount}`,
      isNullObject: false,
      load: (properties: string) => {
        if (!properties.includes("values")) return; // an address costs nothing; cells are what grow with the log
        requested.push(rowCount);
        self.values = log.slice(firstRow, firstRow + rowCount).concat(Array.from({ length: Math.max(0, firstRow + rowCount - log.length) }, () => ["", "", ""]));
      },
      getRow: () => range(firstRow, 1),
      getOffsetRange: (down: number) => range(firstRow + down, rowCount),
      getResizedRange: (more: number) => range(firstRow, rowCount + more),
    };
    return self;
  };
  const { syncs } = installExcelWorkbook({
    tables: { items: withTable ? [{ name: "Jobs", getHeaderRowRange: () => range(0, 1) }] : [], load: () => undefined },
    worksheets: {
      getActiveWorksheet: () => ({
        name: "Job log",
        load: () => undefined,
        // An empty sheet's used range is a null object, with nothing to call on it.
        getUsedRangeOrNullObject: () => (rows === 0 ? { isNullObject: true, load: () => undefined } : range(0, rows + 1)),
      }),
    },
  });
  return { syncs, requested };
}

describe("readJobData", () => {
  it.each([true, false])("reads headers and a sample only, in the same round trips for 10 and 100,000 rows (table: %p)", async (withTable) => {
    const small = installWorkbook(10, withTable);
    const smallData = await readJobData();
    const large = installWorkbook(100_000, withTable);
    const largeData = await readJobData();
    expect(large.syncs.mock.calls.length).toBe(small.syncs.mock.calls.length);
    expect(Math.max(...large.requested)).toBe(SAMPLE_ROWS);
    expect(largeData).toMatchObject({ source: { headers: ["Date", "Customer", "NPS"] } });
    expect(smallData).toMatchObject(withTable ? { source: { kind: "table", table: "Jobs" } } : { source: { kind: "range", sheet: "Job log", headerRow: 1, firstColumn: 0 } });
    expect("sample" in largeData && largeData.sample[0]).toEqual([46024, "C1", 1]);
  });
});

describe("readJobData on an empty workbook", () => {
  it("says there is no job data, in one round trip", async () => {
    const { syncs } = installWorkbook(0, false);
    expect(await readJobData()).toEqual({ problem: 'No job data found: the sheet "Job log" is empty and the workbook has no table.' });
    expect(syncs).toHaveBeenCalledTimes(1);
  });
});

describe("topLeft", () => {
  it.each([
    ["'Job log'!B3:F40", { row: 3, column: 1 }],
    ["Sheet1!$AA$10", { row: 10, column: 26 }],
    ["A1:C5", { row: 1, column: 0 }],
  ])("%s", (address, expected) => {
    expect(topLeft(address)).toEqual(expected);
  });
});
