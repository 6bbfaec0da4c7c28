import { OfficeMockObject } from "office-addin-mock";

/**
 * Excel for the adapter tests: office-addin-mock objects for what the adapter loads (so reading a
 * property before load + sync fails as in Excel), and plain recorders for the ranges it writes.
 */

export interface Write {
  address: string;
  property: string;
  value: unknown;
}

/** A range that records every property set on it, nested ones included (format.font.bold). */
function recordingRange(address: string, writes: Write[], path = ""): Record<string, unknown> {
  const target: Record<string, unknown> = {
    clear: () => writes.push({ address, property: "clear()", value: true }),
    conditionalFormats: {
      clearAll: () => writes.push({ address, property: "conditionalFormats.clearAll()", value: true }),
      add: (type: string) => {
        writes.push({ address, property: "conditionalFormats.add()", value: type });
        return recordingRange(address, writes, `conditionalFormats.${type}.`);
      },
    },
  };
  return new Proxy(target, {
    get: (object, property: string) => (property in object ? object[property] : recordingRange(address, writes, `${path}${property}.`)),
    set: (_, property: string, value) => {
      writes.push({ address, property: `${path}${property}`, value });
      return true;
    },
  });
}

export interface FakeWorkbook {
  /** The job table's name, if the workbook has it. */
  table?: string;
  /** The OKR sheet, if it exists already. */
  okrSheet?: { name: string; protected?: boolean; formulas?: unknown[][] };
}

export function installExcelFake(workbook: FakeWorkbook) {
  const writes: Write[] = [];
  const recorded = (address: string) => recordingRange(address, writes);
  const okr = workbook.okrSheet;
  const sheet = {
    protection: { protected: okr?.protected ?? false },
    used: {
      formulas: okr?.formulas ?? [[""]],
      rowIndex: 0,
      rowCount: okr?.formulas?.length ?? 1,
      columnIndex: 0,
    },
    getUsedRangeOrNullObject() {
      return this.used;
    },
    tables: {
      oldTable: { convertToRange: () => writes.push({ address: "table", property: "convertToRange()", value: true }) },
      getItemOrNullObject() {
        return this.oldTable;
      },
      add: (address: string, hasHeaders: boolean) => {
        writes.push({ address, property: "tables.add()", value: hasHeaders });
        return recorded(`table ${address}`);
      },
    },
    getRange: recorded,
    getRangeByIndexes: (row: number, column: number) => recorded(`R${row}C${column}`),
    freezePanes: { freezeRows: (rows: number) => writes.push({ address: "sheet", property: "freezeRows()", value: rows }) },
    activate: () => writes.push({ address: "sheet", property: "activate()", value: true }),
  };
  const data = {
    context: {
      workbook: {
        tables: {
          getItemOrNullObject(name: string) {
            return name === workbook.table ? this.table : this.missing;
          },
          table: {},
          missing: {},
        },
        worksheets: {
          sheet,
          missing: {},
          getItemOrNullObject(name: string) {
            return okr && name === okr.name ? this.sheet : this.missing;
          },
          add(name: string) {
            writes.push({ address: name, property: "worksheets.add()", value: name });
            return this.sheet;
          },
        },
      },
    },
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as MockedExcel;
  // Excel sets isNullObject on every *OrNullObject result at sync, without a load: set outside the mock's load checks.
  const { tables, worksheets } = excel.context.workbook;
  tables.table.isNullObject = false;
  tables.missing.isNullObject = true;
  worksheets.missing.isNullObject = true;
  worksheets.sheet.isNullObject = !okr;
  worksheets.sheet.used.isNullObject = !okr?.formulas;
  worksheets.sheet.tables.oldTable.isNullObject = !okr?.formulas;
  const syncs = jest.spyOn(excel.context, "sync");
  (globalThis as Record<string, unknown>).Excel = Object.assign(excel, EXCEL_ENUMS);
  return { writes, syncs, written: (address: string, property: string) => writes.find((w) => w.address === address && w.property === property)?.value };
}

interface NullableMock {
  isNullObject: boolean;
}
interface MockedExcel {
  context: {
    sync: () => Promise<void>;
    workbook: {
      tables: { table: NullableMock; missing: NullableMock };
      worksheets: { sheet: NullableMock & { used: NullableMock; tables: { oldTable: NullableMock } }; missing: NullableMock };
    };
  };
}

/** The enum values the adapter uses, as Office.js defines them. */
const EXCEL_ENUMS = {
  ClearApplyTo: { contents: "Contents" },
  ConditionalFormatType: { dataBar: "DataBar", cellValue: "CellValue" },
  ConditionalDataBarDirection: { leftToRight: "LeftToRight" },
  ConditionalFormatRuleType: { number: "Number" },
  ConditionalCellValueOperator: { equalTo: "EqualTo" },
};

/**
 * Excel with a hand-made workbook object model: office-addin-mock provides Excel.run and the
 * context whose sync calls are counted; `workbook` answers the adapter's calls.
 */
export function installExcelWorkbook(workbook: Record<string, unknown>) {
  const data = {
    context: { workbook: {}, sync: async () => undefined },
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as { context: { sync: () => Promise<void>; workbook: Record<string, unknown> } };
  const syncs = jest.spyOn(excel.context, "sync");
  excel.context.workbook = workbook;
  (globalThis as Record<string, unknown>).Excel = excel;
  return { syncs };
}
