import { mkdtempSync, readFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { FormulaContext, kpiFormula } from "../src/okr/formulas";
import { columnLetters } from "../src/okr/references";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The native repeat rate and jobs per technician count distinct names by sorting them and comparing
 * each with its neighbours (formulas.ts); jobs per day counts distinct days the same way. Logs small
 * enough to count by hand, in HyperFormula (the demo's engine) and LibreOffice: runs at either end of
 * the sorted order, one row, none, names a sort cannot tell apart, which formulas.ts documents as one
 * name, and jobs at several times of one day, the period's last day among them.
 */

const FROM = 46204; // 2026-07-01
const TO = 46295; // 2026-09-30

interface Case {
  what: string;
  customers: (string | null)[];
  technicians: (string | null)[];
  /** Each row's job date, in days (and a time of day) after FROM. */
  days: number[];
  /** Worked out by hand: 1 − customers on one row ÷ customers; rows naming a technician ÷ technicians. */
  repeatRate: number | "#DIV/0!";
  jobsPerTech: number | "#DIV/0!";
  /** Rows dated in the period, and those ÷ the distinct days among them. */
  jobs: number;
  jobsPerDay: number | "#DIV/0!";
}

const CASES: Case[] = [
  // a ×2, m, z ×2: 3 customers, 1 once. w, x ×2, y, z: 4 technicians over 5 rows.
  // Days 0 (18:00 and 06:00), 91 (the last, at 21:36 and 02:24) and 40: 5 jobs on 3 days, runs at both ends.
  { what: "runs at both ends of the sorted order", customers: ["z", "a", "m", "a", "z"], technicians: ["z", "y", "x", "x", "w"], days: [0.75, 91.9, 40.5, 0.25, 91.1], repeatRate: 1 - 1 / 3, jobsPerTech: 5 / 4, jobs: 5, jobsPerDay: 5 / 3 },
  { what: "one row", customers: ["a"], technicians: ["t"], days: [0.5], repeatRate: 0, jobsPerTech: 1, jobs: 1, jobsPerDay: 1 },
  // 08:00 and 17:00 on day 10: two jobs on one day.
  { what: "one customer on two rows, any case and spaces", customers: ["a", " A "], technicians: ["t", "u"], days: [10 + 8 / 24, 10 + 17 / 24], repeatRate: 1, jobsPerTech: 1, jobs: 2, jobsPerDay: 2 },
  { what: "nobody named in the period", customers: [null, "  "], technicians: [null, "  "], days: [0, 1], repeatRate: "#DIV/0!", jobsPerTech: "#DIV/0!", jobs: 2, jobsPerDay: 1 },
  // The day before the period and the day after it.
  { what: "no job in the period", customers: ["a", "b"], technicians: ["t", "u"], days: [-1, 92], repeatRate: "#DIV/0!", jobsPerTech: "#DIV/0!", jobs: 0, jobsPerDay: "#DIV/0!" },
  // Full-width ａ sorts as a; a soft hyphen is ignored by sorting: a, ａ, a is one customer on 3 rows, b one on 1.
  { what: "names a sort cannot tell apart, interleaved, are one", customers: ["a", "\uff41", "a", "b"], technicians: ["ab", "a\u00adb", "ab", "x"], days: [5, 5.5, 6, 7], repeatRate: 1 - 1 / 2, jobsPerTech: 4 / 2, jobs: 4, jobsPerDay: 4 / 3 },
];

const rowsOf = (c: Case) => Math.max(c.customers.length, c.technicians.length);
const LAST = Math.max(...CASES.map(rowsOf)) + 1;

/** Case k's job date, customer and technician are columns 3k+1 .. 3k+3 of Jobs (A is left empty). */
function contextOf(k: number): FormulaContext {
  const letter = { date: 1, customer: 2, technician: 3 } as Record<string, number>;
  return {
    column: (role) => {
      const column = columnLetters(3 * k + letter[role]);
      return `Jobs!$${column}$2:$${column}$${LAST}`;
    },
    from: "$A$1",
    to: "$B$1",
  };
}

/** Every case's jobs on Jobs; on OKR the period in A1:B1, and per case a row with its repeat rate, jobs per technician, jobs and jobs per day in C to F. */
async function writeSheets(book: OfficeWorkbook): Promise<void> {
  book.addSheet("Jobs");
  book.addSheet("OKR");
  await book.run(async (context) => {
    const jobs = context.workbook.worksheets.getItem("Jobs");
    CASES.forEach((c, k) => {
      const first = columnLetters(3 * k + 1);
      const rows = Array.from({ length: LAST - 1 }, (_, i) => (i < rowsOf(c) ? [FROM + c.days[i], c.customers[i] ?? "", c.technicians[i] ?? ""] : ["", "", ""]));
      jobs.getRange(`${first}1:${columnLetters(3 * k + 3)}${LAST}`).values = [["Job date", "Customer", "Technician"], ...rows];
    });
    const okr = context.workbook.worksheets.getItem("OKR");
    okr.getRange("A1:B1").values = [[FROM, TO]];
    okr.getRange(`C1:F${CASES.length}`).formulas = CASES.map((_, k) => (["repeatRate", "jobsPerTech", "jobs", "jobsPerDay"] as const).map((kpi) => kpiFormula(kpi, "portable", contextOf(k))));
    await context.sync();
  });
}

function expectValue(got: unknown, want: number | "#DIV/0!"): void {
  if (typeof want === "number") expect(got).toBeCloseTo(want, 12);
  else expect(got).toBe(want);
}

describe("distinct names by sorting, in HyperFormula, as the demo runs it", () => {
  it.each(CASES.map((c, k) => [c.what, k] as const))("%s", async (_, k) => {
    const { book, engine } = createHyperFormulaWorkbook();
    await writeSheets(book);
    const okr = engine.getSheetId("OKR")!;
    const value = (col: number) => {
      const cell = engine.getCellValue({ sheet: okr, row: k, col });
      return typeof cell === "object" && cell !== null && "value" in cell ? cell.value : cell;
    };
    expectValue(value(2), CASES[k].repeatRate);
    expectValue(value(3), CASES[k].jobsPerTech);
    expectValue(value(4), CASES[k].jobs);
    expectValue(value(5), CASES[k].jobsPerDay);
    engine.destroy();
  });
});

describeWithLibreOffice("the sorted distinct-count test in LibreOffice")("distinct names by sorting, in LibreOffice, from the xlsx file the CLI writes", () => {
  let result: (address: string) => unknown;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sorted-runs-"));
    const { book, save } = createXlsxWorkbook();
    await writeSheets(book);
    await save(path.join(dir, "runs.xlsx"));
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", path.join(dir, "out"), [path.join(dir, "runs.xlsx")]);
    // Read from the XML of OKR, the second sheet: ExcelJS drops an array formula's result when it is 0.
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "out", "runs.xlsx")));
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    result = (address) => {
      const cell = new RegExp(`<c r="${address}"([^>]*)>(.*?)</c>`, "s").exec(xml);
      const value = /<v>(.*?)<\/v>/s.exec(cell?.[2] ?? "")?.[1];
      return /t="e"/.test(cell?.[1] ?? "") ? value : Number(value);
    };
  }, 300_000);

  it.each(CASES.map((c, k) => [c.what, k] as const))("%s", (_, k) => {
    expectValue(result(`C${k + 1}`), CASES[k].repeatRate);
    expectValue(result(`D${k + 1}`), CASES[k].jobsPerTech);
    expectValue(result(`E${k + 1}`), CASES[k].jobs);
    expectValue(result(`F${k + 1}`), CASES[k].jobsPerDay);
  });
});
