import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook, PAYLOAD_LIMIT_BYTES, typed } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";

/**
 * The backends hold src/excel to Excel's documented rules: each test breaks one on purpose and
 * expects the error Excel gives (RichApi.Error with its code), or the documented behaviour.
 */

function workbook(): OfficeWorkbook {
  const { book } = createXlsxWorkbook();
  book.addSheet("Data");
  return book;
}

const code = async (promise: Promise<unknown>) => promise.then(() => "no error", (error: { code?: string }) => error.code);

describe("the Office.js-shaped workbook", () => {
  it("throws PropertyNotLoaded for a property read before load, and before the sync after load", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([["", ""], ["", ""]]);
    });
  });

  it.each(["values", "formulas", "numberFormat"] as const)("refuses a %s array of the wrong size (InvalidArgument)", async (property) => {
    const book = workbook();
    const write = book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      range[property] = [["1", "2", "3"], ["4", "5", "6"]];
      await context.sync();
    });
    expect(await code(write)).toBe("InvalidArgument");
  });

  it("leaves a cell as it was where a 2-D write has null", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:C1");
      range.values = [[1, 2, 3]];
      range.values = [[10, null, ""]] as unknown as string[][];
      await context.sync();
    });
    expect([0, 1, 2].map((c) => book.store.value("Data", 0, c))).toEqual([10, 2, ""]);
  });

  it("estimates autofit widths from each column's longest entry, a formatted number by its format", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B2");
      range.values = [["Customer name", "Date"], ["Al", "2026-08-15"]];
      range.format.autofitColumns();
      await context.sync();
    });
    // "Customer name" is 13 characters, "yyyy-mm-dd" 10; two characters of padding each.
    expect([...book.sheets[0].columnWidths.entries()]).toEqual([[0, (15 * 48) / 8.43], [1, (12 * 48) / 8.43]]);
  });

  it("knows isNullObject only after a sync", async () => {
    const book = workbook();
    await book.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("data"); // names ignore case
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it("refuses a table that overlaps another (InvalidOperation)", async () => {
    const book = workbook();
    const add = (address: string) =>
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Data").tables.add(address, true);
        await context.sync();
      });
    await add("A1:C5");
    expect(await code(add("C5:E9"))).toBe("InvalidOperation");
    expect(await code(add("D1:E9"))).toBe("no error");
    expect(book.tables.map((table) => table.name)).toEqual(["Table1", "Table2"]);
  });

  it.each([
    ["a 32-character name", "x".repeat(32), "InvalidArgument"],
    ...[":", "\\", "/", "?", "*", "[", "]"].map((character) => [`a name with ${character}`, `Q3${character}2026`, "InvalidArgument"]),
    ["an existing name in other case", "DATA", "ItemAlreadyExists"],
    ["a blank name", "  ", "InvalidArgument"],
  ])("refuses a sheet with %s", async (_, name, expected) => {
    const book = workbook();
    const add = book.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    expect(await code(add)).toBe(expected);
    expect(book.sheets).toHaveLength(1);
  });

  it("accepts a 31-character sheet name", async () => {
    const book = workbook();
    await book.run(async (context) => {
      context.workbook.worksheets.add("x".repeat(31));
      await context.sync();
    });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["Data", "x".repeat(31)]);
  });

  it("lists the sheets in the workbook's order, each with its name", async () => {
    const book = workbook();
    const names = await book.run(async (context) => {
      context.workbook.worksheets.add("Jobs 2026");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
    expect(names).toEqual(["Data", "Jobs 2026"]);
  });

  it.each([
    ["values", (sheet: Excel.Worksheet) => void (sheet.getRange("A1").values = [[1]])],
    ["formats", (sheet: Excel.Worksheet) => void (sheet.getRange("A1").numberFormat = [["0%"]])],
    ["a table", (sheet: Excel.Worksheet) => void sheet.tables.add("A1:B2", true)],
    ["a conditional format", (sheet: Excel.Worksheet) => void sheet.getRange("A1").conditionalFormats.add("DataBar")],
    ["frozen rows", (sheet: Excel.Worksheet) => sheet.freezePanes.freezeRows(1)],
  ])("refuses %s on a protected sheet (AccessDenied)", async (_, write) => {
    const book = workbook();
    book.sheet("Data")!.protected = true;
    const attempt = book.run(async (context) => {
      write(context.workbook.worksheets.getItem("Data"));
      await context.sync();
    });
    expect(await code(attempt)).toBe("AccessDenied");
  });

  it("refuses a conditional format type Excel does not have", async () => {
    const book = workbook();
    const attempt = book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A3").conditionalFormats.add("Sparkle" as Excel.ConditionalFormatType);
      await context.sync();
    });
    expect(await code(attempt)).toBe("InvalidArgument");
  });

  it("refuses a request over 5 MB and a response over 5 MB, and counts every sync's bytes", async () => {
    const book = workbook();
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    const write = book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A60000").values = big;
      await context.sync();
    });
    expect(await code(write)).toBe("RequestPayloadSizeLimitExceeded");
    expect(book.syncs[0].requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(book.store.value("Data", 0, 0)).toBe(""); // nothing of the refused request was applied

    const half = big.slice(0, 30_000);
    for (const top of [1, 30_001]) {
      await book.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange(`A${top}:A${top + 29_999}`).values = half;
        await context.sync();
      });
    }
    const read = book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:A60000").load("values");
      await context.sync();
    });
    expect(await code(read)).toBe("ResponsePayloadSizeLimitExceeded");
    expect(book.syncs.map((s) => s.requestBytes < PAYLOAD_LIMIT_BYTES)).toEqual([false, true, true, true]);
  });

  it("fails a batch that queues commands after its last sync (they would never reach Excel)", async () => {
    const book = workbook();
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
      }),
    ).rejects.toThrow(/never reach Excel/);
  });

  it("throws ItemNotFound at the sync for getItem of a missing sheet", async () => {
    const book = workbook();
    const attempt = book.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await context.sync();
    });
    expect(await code(attempt)).toBe("ItemNotFound");
  });
});

describe("values as Excel reads typing", () => {
  it.each([
    ["2026-08-15", 46249, "yyyy-mm-dd"],
    ["2026-08-15 14:30", 46249 + 14.5 / 24, "yyyy-mm-dd hh:mm"],
    ["12.5", 12.5, undefined],
    ["45%", 0.45, "0%"],
    ["TRUE", true, undefined],
  ])("%s is %p", (text, content, format) => {
    const cell = typed(text, "test");
    if (typeof content === "number") expect(cell.content).toBeCloseTo(content, 9);
    else expect(cell.content).toBe(content);
    expect(cell.format).toBe(format);
  });

  it.each([
    ["'=SUM(A1)", "=SUM(A1)"],
    ["'12", "12"],
    ["2026-02-30", "2026-02-30"],
    ["Smith*", "Smith*"],
  ])("%s is text", (text, content) => {
    expect(typed(text, "test")).toEqual({ content, text: true });
  });

  it("stores a typed date so formulas compute with it (HyperFormula)", async () => {
    const { book } = createHyperFormulaWorkbook();
    book.addSheet("Data");
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").values = [["2026-08-15", "=A1+1"]];
      sheet.getRange("C1").values = [["'2026-08-15"]];
      await context.sync();
    });
    expect([book.store.value("Data", 0, 0), book.store.value("Data", 0, 1), book.store.value("Data", 0, 2)]).toEqual([46249, 46250, "2026-08-15"]);
    expect(book.sheet("Data")!.numberFormats.get("0:0")).toBe("yyyy-mm-dd");
  });
});
