import { mkdtempSync, readFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { isoDate, serialFromParts } from "../src/kpi/coerce";
import { KpiError } from "../src/kpi/errors";
import { Cell, Grid } from "../src/kpi/grid";
import { FormulaContext, FormulaMode, kpiFormula, previousPeriodBounds } from "../src/okr/formulas";
import { customPeriod, monthOf, Period, previousPeriod, quarterOf } from "../src/okr/periods";
import { columnLetters } from "../src/okr/references";
import { KpiKind } from "../src/okr/templates";
import { kpiValue } from "./kpiLibrary";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * Customer retention, churn and new customers from the job log (formulas.ts customersAcross): the
 * native formulas tag each job of the period before and of the period, sort by customer and tag, and
 * read each customer's run. Logs small enough to count by hand, names COUNTIFS would read as patterns,
 * a longer log of hostile names over many periods against the KPI library, and the period-before
 * bounds against periods.ts, in HyperFormula (the demo's engine, both modes) and LibreOffice (native).
 */

const Q3 = quarterOf(2026, 7); // 2026-07-01 .. 2026-09-30
const Q2 = quarterOf(2026, 4); // 2026-04-01 .. 2026-06-30
const Q1 = quarterOf(2026, 1);
const ERROR = { error: "#N/A" }; // an error cell names nobody in KPI.*
const KINDS = ["retention", "churn", "newCustomers"] as const satisfies readonly KpiKind[];
type Want = number | "error";

interface Case {
  what: string;
  /** [job date, customer] */
  jobs: [number | null | typeof ERROR, Cell | typeof ERROR][];
  /** Worked out by hand for Q3 (the quarter before: Q2): kept ÷ Q2's customers, lost ÷ Q2's customers, Q3's customers with no earlier job. */
  want: Record<(typeof KINDS)[number], Want>;
}

const CASES: Case[] = [
  {
    // Q2: z, a, m. Q3: a, b, z, z. Kept a and z of 3; m lost; b new (a and z came in Q2).
    what: "kept, lost and new at both ends of the sorted order",
    jobs: [[Q2.from, "z"], [Q2.from + 5, "a"], [Q2.to, "m"], [Q3.from, "a"], [Q3.from + 1, "b"], [Q3.to, "z"], [Q3.from + 9, "z"]],
    want: { retention: 2 / 3, churn: 1 / 3, newCustomers: 1 },
  },
  {
    // Q1: old. Q2: p. Q3: old, p, x: p kept (1 of 1); old came before Q2, so it is neither kept nor new; x new.
    what: "a customer from before the period before is not new",
    jobs: [[Q1.from + 10, "old"], [Q2.from + 3, "p"], [Q3.from + 4, "old"], [Q3.from + 5, "P "], [Q3.from + 6, "x"]],
    want: { retention: 1, churn: 0, newCustomers: 1 },
  },
  {
    what: "nobody in the period before: retention and churn divide by 0",
    jobs: [[Q3.from, "a"], [Q3.to + 1, "b"]],
    want: { retention: "error", churn: "error", newCustomers: 1 },
  },
  {
    what: "nobody at all",
    jobs: [[Q3.from, null], [Q3.from, "  "], [null, "a"]],
    want: { retention: "error", churn: "error", newCustomers: 0 },
  },
  {
    // Q2: a, b. Q3: nobody. Both lost.
    what: "everyone lost",
    jobs: [[Q2.from, "a"], [Q2.from, "b"], [Q2.to, "a"]],
    want: { retention: 0, churn: 1, newCustomers: 0 },
  },
  {
    // Full-width ａ sorts as a (formulas.ts: one name for the native formulas): Q2 a, Q3 ａ and b. Kept 1 of 1; b new.
    // KPI.* tells ａ from a, so this case is checked against the hand-worked native reading only.
    what: "names a sort cannot tell apart are one",
    jobs: [[Q2.from, "a"], [Q3.from, "\uff41"], [Q3.from, "b"], [Q3.from + 1, "a"]],
    want: { retention: 1, churn: 0, newCustomers: 1 },
  },
  {
    // Q1: <n/a>. Q2: Smith*, 1001, =x, Renée, Jo? (the error and the blank name nobody).
    // Q3: smith*, "1001", Renee, <n/a>, jo?: kept smith*, 1001, jo? (3 of 5); lost =x, renée; new renee (not renée), not <n/a>.
    what: "names COUNTIFS would read as patterns, numbers as text, accents, errors and blanks",
    jobs: [
      [Q1.from, "<n/a>"],
      [Q2.from, "Smith*"], [Q2.from + 1, 1001], [Q2.from + 2, "=x"], [Q2.from + 3, "Renée"], [Q2.from + 4, ERROR], [Q2.from + 5, "  "], [Q2.from + 6, "Jo?"],
      [Q3.from, "smith*"], [Q3.from + 1, "1001"], [Q3.from + 2, "Renee"], [Q3.from + 3, "<n/a>"], [Q3.from + 4, " jo? "], [Q3.from + 5, ERROR], [Q3.from + 6, null],
    ],
    want: { retention: 3 / 5, churn: 2 / 5, newCustomers: 1 },
  },
  {
    // An error among the job dates: KPI.* reports it (#VALUE!), the native formulas show it (#N/A).
    what: "an error value among the job dates shows in every period",
    jobs: [[Q2.from, "a"], [ERROR, "b"], [Q3.from, "a"]],
    want: { retention: "error", churn: "error", newCustomers: "error" },
  },
];

/** Cases whose names KPI.* reads as the native formulas do (all but the full-width one). */
const SAME_IN_KPI = (c: Case) => !c.what.startsWith("names a sort");

const LAST = Math.max(...CASES.map((c) => c.jobs.length)) + 1;

/** What a user types for a cell: text after an apostrophe, so "=x" and "1001" stay text; an error as a formula. */
const typed = (cell: unknown) => (cell === null ? "" : cell === ERROR ? "=NA()" : typeof cell === "string" ? `'${cell}` : (cell as number));

/** Case k's job dates and customers are columns 2k+1 .. 2k+2 of Jobs (A is left empty); the period in OKR!A1:B1. */
function caseContext(k: number): FormulaContext {
  return {
    column: (role) => {
      const column = columnLetters(2 * k + (role === "date" ? 1 : 2));
      return `Jobs!$${column}$2:$${column}$${LAST}`;
    },
    from: "$A$1",
    to: "$B$1",
    before: previousPeriodBounds("$A$1", "$B$1"),
  };
}

/** Formulas in OKR row k+1 from column C: each kind in native mode, then in KPI mode. */
const MODES: FormulaMode[] = ["portable", "kpi"];
const caseFormulas = (k: number) => MODES.flatMap((mode) => KINDS.map((kind) => kpiFormula(kind, mode, caseContext(k))));

// A longer log: 600 jobs from 2025-10 to 2026-06 over hostile names, some without a date.
const NAMES: Cell[] = ["Smith*", "smith*", "=x", "+x", "Jo?", "<n/a>", 1001, "1001", "Renée", "Renee", "Ann", " ann ", "ANN", "~x", "C1", "Tom", "Uma", null, "  "];
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const LOG: [number | null, Cell][] = (() => {
  const next = random(11);
  const start = serialFromParts(2025, 10, 1);
  return Array.from({ length: 600 }, (): [number | null, Cell] => [
    next() < 0.03 ? null : start + Math.floor(next() * 273) + Math.round(next() * 23) / 24,
    next() < 0.5 ? NAMES[Math.floor(next() * NAMES.length)] : `Customer ${Math.floor(next() * 120)}`,
  ]);
})();
const LOG_ROWS = LOG.length + 1;
const logColumn = (c: 0 | 1): Grid => LOG.map((row) => [row[c]]);

/** Months, quarters and spans of days over the long log, each with its period before as periods.ts finds it. */
const PERIODS: Period[] = [
  ...Array.from({ length: 9 }, (_, i) => monthOf(i < 3 ? 2025 : 2026, ((9 + i) % 12) + 1)),
  Q1,
  Q2,
  quarterOf(2025, 10),
  customPeriod(serialFromParts(2026, 2, 10), serialFromParts(2026, 3, 1)),
  customPeriod(serialFromParts(2026, 2, 1), serialFromParts(2026, 4, 30)), // three months, not a quarter
  customPeriod(serialFromParts(2026, 5, 15), serialFromParts(2026, 5, 15)),
];

function logContext(p: number): FormulaContext {
  const letter = (role: string) => (role === "date" ? "A" : "B");
  const [from, to] = [`$A$${p + 1}`, `$B$${p + 1}`];
  return { column: (role) => `Log!$${letter(role)}$2:$${letter(role)}$${LOG_ROWS}`, from, to, before: previousPeriodBounds(from, to) };
}

/** The KPI library over the long log, for a period: a number, or "error". */
function libraryValue(kind: KpiKind, period: Period): Want {
  const value = kpiValue(kind, (header) => logColumn(header === "Customer" ? 1 : 0), period.from, period.to);
  return value instanceof KpiError ? "error" : (value as number);
}

/**
 * Jobs: the cases' logs. OKR: the period in A1:B1, each case's formulas on its row from C. Log: the long
 * log. Periods: a period per row in A:B, the bounds of the period before as formulas in C:D, then
 * the native formulas over the long log, then the KPI formulas.
 */
async function writeSheets(book: OfficeWorkbook, modes: readonly FormulaMode[]): Promise<void> {
  for (const sheet of ["Jobs", "OKR", "Log", "Periods"]) book.addSheet(sheet);
  await book.run(async (context) => {
    const sheets = context.workbook.worksheets;
    CASES.forEach((c, k) => {
      const rows = Array.from({ length: LAST - 1 }, (_, i) => (i < c.jobs.length ? c.jobs[i].map(typed) : ["", ""]));
      sheets.getItem("Jobs").getRange(`${columnLetters(2 * k + 1)}1:${columnLetters(2 * k + 2)}${LAST}`).values = [["Job date", "Customer"], ...rows];
    });
    sheets.getItem("OKR").getRange("A1:B1").values = [[Q3.from, Q3.to]];
    const perCase = CASES.map((_, k) => caseFormulas(k).slice(0, modes.length * KINDS.length));
    sheets.getItem("OKR").getRange(`C1:${columnLetters(1 + perCase[0].length)}${CASES.length}`).formulas = perCase;
    sheets.getItem("Log").getRange(`A1:B${LOG_ROWS}`).values = [["Job date", "Customer"], ...LOG.map((row) => row.map(typed))];
    const periodRows = PERIODS.map((period, p) => {
      const before = previousPeriodBounds(`$A$${p + 1}`, `$B$${p + 1}`);
      return [period.from, period.to, `=${before.from}`, `=${before.to}`, ...modes.flatMap((mode) => KINDS.map((kind) => kpiFormula(kind, mode, logContext(p))))];
    });
    sheets.getItem("Periods").getRange(`A1:${columnLetters(periodRows[0].length - 1)}${PERIODS.length}`).formulas = periodRows;
    await context.sync();
  });
}

function expectValue(got: unknown, want: Want, where: string): void {
  if (want === "error") expect({ where, error: typeof got === "object" || (typeof got === "string" && got.startsWith("#")) }).toEqual({ where, error: true });
  else expect({ where, got }).toEqual({ where, got: expect.closeTo(want, 12) });
}

it("the KPI library gives the numbers worked out by hand", () => {
  CASES.filter(SAME_IN_KPI).forEach((c) => {
    const column = (i: 0 | 1): Grid => c.jobs.map((job) => [job[i] === ERROR ? { type: "Error", value: "#N/A" } : (job[i] as Cell)]);
    for (const kind of KINDS) {
      const value = kpiValue(kind, (header) => column(header === "Customer" ? 1 : 0), Q3.from, Q3.to);
      expectValue(value instanceof KpiError ? "#ERROR" : value, c.want[kind], `${c.what}: ${kind}`);
    }
  });
});

describe("in HyperFormula, as the demo runs it", () => {
  const { book, engine } = createHyperFormulaWorkbook();
  const value = (sheet: string, row: number, col: number) => {
    const cell = engine.getCellValue({ sheet: engine.getSheetId(sheet)!, row, col });
    return typeof cell === "object" && cell !== null && "value" in cell ? cell.value : cell;
  };
  beforeAll(() => writeSheets(book, MODES));
  afterAll(() => engine.destroy());

  it.each(CASES.map((c, k) => [c.what, k] as const))("%s", (_, k) => {
    const c = CASES[k];
    KINDS.forEach((kind, i) => {
      expectValue(value("OKR", k, 2 + i), c.want[kind], `${kind}, native`);
      if (SAME_IN_KPI(c)) expectValue(value("OKR", k, 2 + KINDS.length + i), c.want[kind], `${kind}, KPI.*`);
    });
  });

  it("the period before is the one periods.ts gives", () => {
    PERIODS.forEach((period, p) => {
      const before = previousPeriod(period);
      expect([isoDate(value("Periods", p, 2) as number), isoDate(value("Periods", p, 3) as number)]).toEqual([isoDate(before.from), isoDate(before.to)]);
    });
  });

  it("both modes are the KPI library's over months, quarters and spans of a log of hostile names", () => {
    PERIODS.forEach((period, p) => {
      KINDS.forEach((kind, i) => {
        const want = libraryValue(kind, period);
        expectValue(value("Periods", p, 4 + i), want, `${period.label} ${kind}, native`);
        expectValue(value("Periods", p, 4 + KINDS.length + i), want, `${period.label} ${kind}, KPI.*`);
      });
    });
  });
});

describeWithLibreOffice("the customer-runs test in LibreOffice")("in LibreOffice, from the xlsx file the CLI writes", () => {
  let result: (sheet: number, address: string) => unknown;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "customer-runs-"));
    const { book, save } = createXlsxWorkbook();
    await writeSheets(book, ["portable"]);
    await save(path.join(dir, "runs.xlsx"));
    convert(recalculatingProfile(path.join(dir, "profile")), "xlsx", path.join(dir, "out"), [path.join(dir, "runs.xlsx")]);
    // Read from the sheets' XML: ExcelJS drops an array formula's result when it is 0.
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "out", "runs.xlsx")));
    const xml = await Promise.all([1, 2, 3, 4].map((n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string")));
    result = (sheet, address) => {
      const cell = new RegExp(`<c r="${address}"([^>]*)>(.*?)</c>`, "s").exec(xml[sheet - 1]);
      const value = /<v>(.*?)<\/v>/s.exec(cell?.[2] ?? "")?.[1];
      return /t="e"/.test(cell?.[1] ?? "") ? value : Number(value);
    };
  }, 300_000);

  it.each(CASES.map((c, k) => [c.what, k] as const))("%s", (_, k) => {
    KINDS.forEach((kind, i) => expectValue(result(2, `${columnLetters(2 + i)}${k + 1}`), CASES[k].want[kind], kind));
  });

  it("the period before is the one periods.ts gives", () => {
    PERIODS.forEach((period, p) => {
      const before = previousPeriod(period);
      expect([isoDate(result(4, `C${p + 1}`) as number), isoDate(result(4, `D${p + 1}`) as number)]).toEqual([isoDate(before.from), isoDate(before.to)]);
    });
  });

  it("the native formulas are the KPI library's over months, quarters and spans of a log of hostile names", () => {
    PERIODS.forEach((period, p) => {
      KINDS.forEach((kind, i) => expectValue(result(4, `${columnLetters(4 + i)}${p + 1}`), libraryValue(kind, period), `${period.label} ${kind}`));
    });
  });
});
