import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { openJobLog } from "../scripts/jobLog";
import { exportOkr } from "../scripts/okr";
import { exportScorecard } from "../scripts/scorecard";
import { exportTrends } from "../scripts/trends";
import { currencyOfFormat } from "../src/okr/currencyFormat";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { SCORECARD_LAYOUT } from "../src/okr/scorecard";
import { TRENDS_LAYOUT } from "../src/okr/trends";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * Job logs whose amounts LibreOffice formats as money (a currency style in a flat ODS, saved by
 * LibreOffice as .xlsx, so the number formats are LibreOffice's own), read and built on by `npm run okr`,
 * `npm run scorecard` and `npm run trends`.
 */

const dir = mkdtempSync(path.join(tmpdir(), "okr-currency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOBS: [iso: string, amount: number, technician: string][] = [
  ["2026-07-03", 120.5, "Ann"],
  ["2026-08-15", 80, "Bob"],
  ["2026-09-20", 210, "Ann"],
];

/** A currency style as LibreOffice writes one: the sign before or after the amount, in a language and country. */
interface Money {
  language: string;
  country: string;
  code: string;
  sign: string;
  signFirst: boolean;
}

const ns = (prefix: string, urn: string) => `xmlns:${prefix}="urn:oasis:names:tc:opendocument:xmlns:${urn}"`;

/** A job log of dates and amounts on one sheet, the amounts in `money`'s currency style (or a plain number style). */
function jobsFods(money: Money | undefined): string {
  const sign = money ? `<number:currency-symbol number:language="${money.language}" number:country="${money.country}">${money.sign}</number:currency-symbol>` : "";
  const digits = '<number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>';
  const style = !money
    ? `<number:number-style style:name="N2">${digits}</number:number-style>`
    : `<number:currency-style style:name="N2" number:language="${money.language}" number:country="${money.country}">${money.signFirst ? sign + digits : `${digits}<number:text> </number:text>${sign}`}</number:currency-style>`;
  const amount = (value: number) =>
    money ? `office:value-type="currency" office:currency="${money.code}" office:value="${value}"` : `office:value-type="float" office:value="${value}"`;
  const text = (value: string) => `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
  const rows = JOBS.map(
    ([iso, value, technician]) =>
      `<table:table-row><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso}"><text:p>${iso}</text:p></table:table-cell>` +
      `<table:table-cell table:style-name="ce2" ${amount(value)}><text:p>${value}</text:p></table:table-cell>${text(technician)}</table:table-row>`,
  ).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${ns("office", "office:1.0")} ${ns("table", "table:1.0")} ${ns("text", "text:1.0")} ${ns("style", "style:1.0")} ${ns("number", "datastyle:1.0")} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
${style}
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Job log">
<table:table-row>${["Job date", "Amount", "Technician"].map(text).join("")}</table:table-row>
${rows}
</table:table>
</office:spreadsheet></office:body>
</office:document>
`;
}

/** Each log, and the currency its amounts are in, by hand: the yen and the yuan share ¥, and LibreOffice names the locale beside it. */
const LOGS: Record<string, { money?: Money; currency: string | undefined }> = {
  euro: { money: { language: "de", country: "DE", code: "EUR", sign: "€", signFirst: false }, currency: "EUR" },
  yen: { money: { language: "ja", country: "JP", code: "JPY", sign: "¥", signFirst: true }, currency: "JPY" },
  yuan: { money: { language: "zh", country: "CN", code: "CNY", sign: "¥", signFirst: true }, currency: "CNY" },
  dollar: { money: { language: "en", country: "US", code: "USD", sign: "$", signFirst: true }, currency: "USD" },
  plain: { currency: undefined },
};

/** A cell's number format as ExcelJS reads it from a file. */
async function cellFormat(file: string, sheet: string, find: (sheet: ExcelJS.Worksheet) => [row: number, column: number]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const worksheet = workbook.getWorksheet(sheet)!;
  return worksheet.getCell(...find(worksheet)).numFmt;
}

/** The average ticket's Current cell on the OKR sheet: its row found by its id in the hidden Id column, below the header row (9). */
function averageTicketCurrent(sheet: ExcelJS.Worksheet): [number, number] {
  const id = TABLE_COLUMNS.indexOf("Id") + 1;
  const row = Array.from({ length: sheet.rowCount - 9 }, (_, i) => 10 + i).find((r) => String(sheet.getCell(r, id).value ?? "").endsWith(":avgTicket"));
  if (row === undefined) throw new Error("The OKR sheet has no average-ticket key result");
  return [row, TABLE_COLUMNS.indexOf("Current") + 1];
}

const withLibreOffice = describeWithLibreOffice("the tests of money formatted by LibreOffice");

withLibreOffice("job logs with money formatted by LibreOffice", () => {
  const made = path.join(dir, "made");

  beforeAll(() => {
    mkdirSync(made, { recursive: true });
    const sources = Object.entries(LOGS).map(([name, { money }]) => {
      const file = path.join(made, `${name}.fods`);
      writeFileSync(file, jobsFods(money));
      return file;
    });
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", made, sources);
  }, 300_000);

  it.each(Object.entries(LOGS))("reads the currency of the %s log's amounts", async (name, { currency }) => {
    const { jobData, columns } = await openJobLog(path.join(made, `${name}.xlsx`), {});
    expect(columns.amount).toBe(1);
    expect(currencyOfFormat(jobData.numberFormats![1], "en")).toBe(currency);
  });

  it.each(Object.entries(LOGS))("writes the %s log's money on the OKR sheet in the log's own format", async (name, { currency }) => {
    const input = path.join(made, `${name}.xlsx`);
    const output = path.join(dir, `okr-${name}.xlsx`);
    await exportOkr(input, output, { period: "2026-Q3", kpis: ["avgTicket"] });
    const written = await cellFormat(output, "OKR 2026-Q3", averageTicketCurrent);
    // The log's own, as LibreOffice wrote it, read back by ExcelJS; without a currency, the add-in's.
    const logs = await cellFormat(input, "Job log", () => [2, 2]);
    expect(written).toBe(currency ? logs : "#,##0.00");
  });
});

/** The money on the scorecard and the Trends sheet, found by their headers: each cell, where it is, and what it should hold. */
interface MoneyCell {
  where: string;
  cell: ExcelJS.Cell;
  /** Worked out by hand from JOBS; undefined where only the format is checked (changes, months without jobs). */
  value?: number;
}

/** Cells under `headerRow` in the columns headed by one of `headers`, down to the first row whose column A is blank. */
function cellsUnder(sheet: ExcelJS.Worksheet, headerRow: number, headers: readonly string[]): { header: string; label: string; row: number; cell: ExcelJS.Cell }[] {
  const columns = headers.map((header) => {
    const at = (sheet.getRow(headerRow).values as unknown[]).findIndex((value) => value === header);
    if (at < 1) throw new Error(`${sheet.name} has no column ${header}`);
    return { header, at };
  });
  const found = [];
  for (let row = headerRow + 1; sheet.getCell(row, 1).value !== null; row++) {
    const label = sheet.getCell(row, 1).text;
    for (const { header, at } of columns) found.push({ header, label, row, cell: sheet.getCell(row, at) });
  }
  return found;
}

/** Q3 by hand: Ann's jobs are 120.50 and 210, Bob's 80; one job in each month from July to September. */
const SCORECARD_VALUES: Record<string, Record<string, number>> = {
  REVENUE: { Ann: 330.5, Bob: 80, [SCORECARD_LAYOUT.teamLabel]: 410.5 },
  AVGTICKET: { Ann: 165.25, Bob: 80, [SCORECARD_LAYOUT.teamLabel]: 410.5 / 3 },
};
/** The Trends sheet's months are 2025-10 to 2026-09 on rows 6 to 17: July to September 2026 on rows 15 to 17. */
const MONTH_VALUES: Record<number, number> = { 15: 120.5, 16: 80, 17: 210 };

function moneyCells(book: ExcelJS.Workbook): MoneyCell[] {
  const scorecard = cellsUnder(book.getWorksheet("Scorecard 2026-Q3")!, SCORECARD_LAYOUT.headerRow, ["REVENUE", "REVENUE vs previous", "AVGTICKET", "AVGTICKET vs previous"]);
  const trends = cellsUnder(book.getWorksheet(TRENDS_LAYOUT.title)!, TRENDS_LAYOUT.headerRow, ["Revenue", "Average ticket"]);
  return [
    ...scorecard.map(({ header, label, cell }) => ({ where: `scorecard ${header} ${label}`, cell, value: SCORECARD_VALUES[header]?.[label] })),
    ...trends.map(({ header, row, cell }) => ({ where: `trends ${header} row ${row}`, cell, value: MONTH_VALUES[row] })),
  ];
}

/** A formula cell's result as a file holds it (ExcelJS: { formula, result }). */
const resultOf = (cell: ExcelJS.Cell): unknown => (typeof cell.value === "object" && cell.value !== null && "result" in cell.value ? cell.value.result : cell.value);

withLibreOffice("scorecard and trends of job logs with money formatted by LibreOffice", () => {
  const made = path.join(dir, "sheets");
  const recalculated = path.join(made, "recalculated");
  const built = (name: string) => path.join(made, `${name}-sheets.xlsx`);

  beforeAll(async () => {
    mkdirSync(made, { recursive: true });
    const sources = Object.entries(LOGS).map(([name, { money }]) => {
      const file = path.join(made, `${name}.fods`);
      writeFileSync(file, jobsFods(money));
      return file;
    });
    const profile = recalculatingProfile(path.join(dir, "sheets-profile"));
    convert(profile, "xlsx", made, sources);
    for (const name of Object.keys(LOGS)) {
      const withScorecard = path.join(made, `${name}-scorecard.xlsx`);
      await exportScorecard(path.join(made, `${name}.xlsx`), withScorecard, { period: "2026-Q3" });
      // The scorecard's file opens on the scorecard: the log, no table, is still found on its own sheet.
      await exportTrends(withScorecard, built(name), { period: "2026-Q3" });
    }
    // LibreOffice opens what the CLIs wrote, recalculates every formula and saves it again.
    convert(profile, "xlsx", recalculated, Object.keys(LOGS).map(built));
  }, 300_000);

  it.each(Object.entries(LOGS))("writes the %s log's money on both sheets in the log's own format, and only money", async (name, { money }) => {
    const logs = await cellFormat(path.join(made, `${name}.xlsx`), "Job log", () => [2, 2]);
    const format = money ? logs : "#,##0.00";
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(built(name));
    const cells = moneyCells(book);
    // Ann, Bob and the team on the scorecard; twelve months on the Trends sheet.
    expect(cells).toHaveLength(4 * 3 + 2 * 12);
    for (const { where, cell } of cells) expect([where, cell.numFmt]).toEqual([where, where.includes(" vs previous ") ? `${format};${format};${format}` : format]);
    // Jobs are counted, not money: the add-in's whole numbers.
    expect(book.getWorksheet("Scorecard 2026-Q3")!.getCell(SCORECARD_LAYOUT.headerRow + 1, 2).numFmt).toBe("0");
  });

  it.each(Object.entries(LOGS))("keeps the %s log's currency when LibreOffice recalculates and saves the sheets, with the amounts worked out by hand", async (name, { currency }) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(recalculated, `${name}-sheets.xlsx`));
    const cells = moneyCells(book);
    expect(cells).toHaveLength(4 * 3 + 2 * 12);
    // LibreOffice may spell a format its own way; the currency it shows must stay the log's (the plain log's: none).
    for (const { where, cell } of cells) expect([where, currencyOfFormat(cell.numFmt, "en")]).toEqual([where, currency]);
    const valued = cells.filter((cell) => cell.value !== undefined);
    expect(valued).toHaveLength(6 + 6);
    for (const { where, cell, value } of valued) expect([where, resultOf(cell)]).toEqual([where, expect.closeTo(value!, 9)]);
  });
});
