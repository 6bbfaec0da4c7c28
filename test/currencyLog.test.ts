import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { openJobLog } from "../scripts/jobLog";
import { exportOkr } from "../scripts/okr";
import { currencyOfFormat } from "../src/okr/currencyFormat";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * Job logs whose amounts LibreOffice formats as money (a currency style in a flat ODS, saved by
 * LibreOffice as .xlsx, so the number formats are LibreOffice's own), read and built on by `npm run okr`.
 */

const dir = mkdtempSync(path.join(tmpdir(), "okr-currency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOBS: [iso: string, amount: number][] = [
  ["2026-07-03", 120.5],
  ["2026-08-15", 80],
  ["2026-09-20", 210],
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
  const rows = JOBS.map(
    ([iso, value]) =>
      `<table:table-row><table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso}"><text:p>${iso}</text:p></table:table-cell>` +
      `<table:table-cell table:style-name="ce2" ${amount(value)}><text:p>${value}</text:p></table:table-cell></table:table-row>`,
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
<table:table-row><table:table-cell office:value-type="string"><text:p>Job date</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Amount</text:p></table:table-cell></table:table-row>
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
