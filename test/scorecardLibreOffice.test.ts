import ExcelJS from "exceljs";
import { exportScorecard } from "../scripts/scorecard";
import { Grid } from "../src/kpi/grid";
import { columnLetters } from "../src/okr/references";
import { SAMPLE_HEADERS, SampleCell, sampleJobs } from "../src/sample/sampleJobs";
import { KpiKind } from "../src/okr/templates";
import { KpiColumn, kpiValue } from "./kpiLibrary";
import { cellResult, expectNumberNear, LogName, recalculatedByLibreOffice, sampleColumns } from "./logSheetHarness";
import { describeWithLibreOffice } from "./soffice";

/**
 * The scorecard npm run scorecard writes, recalculated by LibreOffice (a real spreadsheet engine that
 * has never seen our code), shows per technician and for the team what the KPI library computes on the
 * same rows: on the sample log, and on a second log generated with another seed and size whose
 * technicians have names COUNTIFS would read as patterns or operators and often share jobs.
 */

const run = describeWithLibreOffice("the scorecard recalculation test");
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const Q2 = { from: 46113, to: 46203 }; // 2026-04-01 .. 2026-06-30, the quarter each change is from
const SHEET = "Scorecard 2026-Q3";
const HEADER_ROW = 7;

/** The second log's technicians: "Ravi  Patel" with two spaces is Ravi Patel, 1001 is a number. */
const OTHER_TECHNICIANS: SampleCell[] = ["Smith*", "Jo?", "=x", "Ravi  Patel", "O'Brien", 1001];
const SHARED = ["Smith* & Jo?", "jo?, =X", "Ravi Patel/O'Brien", "1001、smith*", "O'Brien; Ravi  Patel; Jo?"];

/** The sample generator with another seed and size, its technicians renamed, every seventh job shared. */
function otherLog(): SampleCell[][] {
  const technician = SAMPLE_HEADERS.indexOf("Technician");
  const names = new Map<SampleCell, SampleCell>();
  return sampleJobs({ seed: 4242, jobs: 1500, customers: 300 }).map((row, i) => {
    if (row[technician] === null) return row;
    if (!names.has(row[technician])) names.set(row[technician], OTHER_TECHNICIANS[names.size]);
    const renamed = i % 7 === 0 ? SHARED[(i / 7) % SHARED.length] : names.get(row[technician])!;
    return row.map((cell, c) => (c === technician ? renamed : cell));
  });
}

/** The names a technician cell gives credit to, keyed as the README says names compare: trimmed, spaces joined, any case. */
const creditedIn = (cell: SampleCell): string[] =>
  typeof cell === "string" || typeof cell === "number" ? String(cell).split(/[,;/&、]/).map((name) => name.trim().replace(/ +/g, " ").toLowerCase()).filter(Boolean) : [];

type Quarter = { from: number; to: number };
/** What each scorecard column should hold over some rows of a log in a quarter: the KPI library's value. */
const MEASURES: Record<string, (column: (header: KpiColumn) => Grid, quarter: Quarter) => unknown> = {
  // The team's jobs are every row dated in the period: the sample's lost leads (no technician) too.
  JOBS: (column, q) => kpiValue("jobs", column, q.from, q.to),
  REVENUE: (column, q) => kpiValue("revenue", column, q.from, q.to),
  AVGTICKET: (column, q) => kpiValue("avgTicket", column, q.from, q.to),
  NPS: (column, q) => kpiValue("nps", column, q.from, q.to),
  CSAT: (column, q) => kpiValue("csat", column, q.from, q.to),
  FCR: (column, q) => kpiValue("fcr", column, q.from, q.to),
  ONTIME: (column, q) => kpiValue("ontime", column, q.from, q.to),
  RESPONSETIME: (column, q) => kpiValue("responseTime" as KpiKind, column, q.from, q.to),
};
const LOWER_IS_BETTER = new Set(["RESPONSETIME"]);

/** Every column's expected value over some rows of a log in a quarter. */
function expectedOver(rows: SampleCell[][], quarter: Quarter = Q3): Record<string, unknown> {
  const column = sampleColumns(rows);
  return Object.fromEntries(Object.entries(MEASURES).map(([header, value]) => [header, value(column, quarter)]));
}

/** The change from Q2 to Q3, positive when better; null (a blank cell) when either is not a number. */
function expectedChanges(rows: SampleCell[][]): Record<string, unknown> {
  const [now, before] = [expectedOver(rows), expectedOver(rows, Q2)];
  return Object.fromEntries(
    Object.keys(MEASURES).map((header) => {
      const [a, b] = [now[header], before[header]];
      if (typeof a !== "number" || typeof b !== "number") return [header, null];
      return [header, LOWER_IS_BETTER.has(header) ? b - a : a - b];
    }),
  );
}

run("the scorecard in LibreOffice", () => {
  const logs = { sample: sampleJobs(), other: otherLog() };
  let sheets: Record<LogName, ExcelJS.Worksheet>;
  /** Each change column's icon set as LibreOffice saved it back: it read ours and wrote its own. */
  const iconSets: Record<string, unknown[]> = {};

  beforeAll(async () => {
    sheets = await recalculatedByLibreOffice(logs.other, (_, input, output) => exportScorecard(input, output, { period: "2026-Q3" }), SHEET);
    for (const name of Object.keys(logs) as LogName[]) {
      const formats = (sheets[name] as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
      iconSets[name] = formats.flatMap(({ ref, rules }) => rules.filter((rule) => rule.type === "iconSet").map((rule) => ({ ref, ...rule })));
    }
  }, 300_000);

  describe.each(["sample", "other"] as const)("on the %s log", (name) => {
    const rowsOf = () => {
      const sheet = sheets[name];
      const headers = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      for (let r = HEADER_ROW + 1; sheet.getCell(r, 1).value !== null; r++) {
        rows.push(Object.fromEntries(headers.map((header, c) => [header, cellResult(sheet.getCell(r, c + 1))])));
      }
      return { headers, rows };
    };
    const close = (where: string, actual: unknown, want: unknown) => {
      if (typeof want !== "number") return expect({ where, actual }).toEqual({ where, actual: where.startsWith("Team") ? expect.anything() : null });
      expectNumberNear(where, actual, want);
    };

    it("has a row per technician with a job in the period, and the team last", () => {
      const { headers, rows } = rowsOf();
      expect(headers).toEqual(["Technician", ...Object.keys(MEASURES).flatMap((h) => [h, `${h} vs previous`, `${h} rank`]), "Notes"]);
      const inQ3 = logs[name].filter((row) => (row[0] as number) >= Q3.from && (row[0] as number) <= Q3.to);
      const everyone = new Set(inQ3.flatMap((row) => creditedIn(row[SAMPLE_HEADERS.indexOf("Technician")])));
      expect(rows.slice(0, -1).map((row) => String(row.Technician).toLowerCase()).sort()).toEqual([...everyone].sort());
      expect(rows[rows.length - 1].Technician).toBe("Team (all jobs)");
      if (name === "other") expect(everyone).toEqual(new Set(["smith*", "jo?", "=x", "ravi patel", "o'brien", "1001"]));
    });

    it("gives each technician, a shared job in full, the KPI library's value over their own jobs, and ranks them", () => {
      const { rows } = rowsOf();
      const technicians = rows.slice(0, -1);
      for (const row of technicians) {
        const key = String(row.Technician).toLowerCase();
        const theirs = logs[name].filter((job) => creditedIn(job[SAMPLE_HEADERS.indexOf("Technician")]).includes(key));
        const want = expectedOver(theirs);
        for (const header of Object.keys(MEASURES)) close(`${key} ${header}`, row[header] === "" ? null : row[header], want[header]);
      }
      for (const header of Object.keys(MEASURES)) {
        const values = technicians.map((row) => row[header]).filter((value): value is number => typeof value === "number");
        for (const row of technicians) {
          const value = row[header];
          const better = values.filter((other) => (LOWER_IS_BETTER.has(header) ? other < (value as number) : other > (value as number))).length;
          expect({ header, who: row.Technician, rank: row[`${header} rank`] }).toEqual({ header, who: row.Technician, rank: typeof value === "number" ? 1 + better : "" });
        }
      }
    });

    it("gives the team the KPI library's value over every job of the period, each once", () => {
      const { rows } = rowsOf();
      const want = expectedOver(logs[name]);
      for (const header of Object.keys(MEASURES)) close(`Team ${header}`, rows[rows.length - 1][header], want[header]);
    });

    it("gives each technician and the team the KPI library's change from the quarter before, positive when better", () => {
      const { rows } = rowsOf();
      for (const row of rows) {
        const key = String(row.Technician).toLowerCase();
        const team = key === "team (all jobs)";
        const want = expectedChanges(team ? logs[name] : logs[name].filter((job) => creditedIn(job[SAMPLE_HEADERS.indexOf("Technician")]).includes(key)));
        for (const header of Object.keys(MEASURES)) {
          const [where, change] = [`${team ? "Team" : key} ${header} vs previous`, row[`${header} vs previous`]];
          if (want[header] === null) expect({ where, blank: change === "" || change === null }).toEqual({ where, blank: true });
          else close(where, change, want[header]);
        }
      }
    });

    it("keeps an up, sideways and down arrow on each change column, through LibreOffice", () => {
      const { headers, rows } = rowsOf();
      const last = HEADER_ROW + rows.length;
      expect(iconSets[name]).toHaveLength(Object.keys(MEASURES).length);
      for (const header of Object.keys(MEASURES)) {
        const letters = columnLetters(headers.indexOf(`${header} vs previous`));
        expect(iconSets[name]).toContainEqual(
          expect.objectContaining({ ref: `${letters}${HEADER_ROW + 1}:${letters}${last}`, iconSet: "3Arrows", cfvo: [{ type: "percent", value: 0 }, { type: "num", value: 0 }, { type: "num", value: 1e-9 }] }),
        );
      }
    });
  });
});
