import { OfficeWorkbook, PAYLOAD_LIMIT_BYTES } from "../backends/officeModel";
import { createXlsxWorkbook } from "../backends/xlsxFile";
import { exportScorecard } from "../scripts/scorecard";
import { buildScorecardSheet } from "../src/excel/scorecardSheet";
import { FormulaMode } from "../src/okr/formulas";
import { ScorecardSettings } from "../src/okr/scorecard";
import { describeSafetyRules, hyperFormulaLog, readLog } from "./logSheetHarness";

/**
 * The scorecard written by src/excel (the code Excel runs) over the Office.js-shaped backends:
 * HyperFormula computes it in both formula modes on a log of shared jobs and names COUNTIFS would
 * read as patterns, against values worked out by hand; a re-run keeps notes; round trips stay fixed;
 * and npm run scorecard never writes its input.
 */

const SHEET = "Scorecard 2026-Q3";
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const HEADERS = ["Job date", "Technician", "Amount", "NPS"];
/** "Smith*" must not count Smith's job, nor "Jo?" Joe's; Bob's job is in March. */
const JOBS = [
  [46204, "Ann, Smith*", 100, 10],
  [46210, "smith*", 200, 6],
  [46220, "Jo?", 50, 9],
  [46230, " ann  ", 300, ""],
  [46240, "'=x & Jo?", 150, 0], // typed with an apostrophe, as text
  [46100, "Bob", 999, 10],
  [46250, "Smith", 80, 8],
  [46260, "Joe", 20, 10],
];

/** Worked by hand from JOBS: jobs, revenue, average ticket, NPS (promoters − detractors over answers, ×100), in alphabetical order of names. */
const BY_HAND: [string, number, number, number, number][] = [
  ["=x", 1, 150, 150, -100], // row 5: a detractor
  ["Ann", 2, 400, 200, 100], // rows 1, 4: one promoter, one blank answer
  ["Jo?", 2, 200, 100, 0], // rows 3, 5: a promoter, a detractor
  ["Joe", 1, 20, 20, 100],
  ["Smith", 1, 80, 80, 0], // a passive
  ["Smith*", 2, 300, 150, 0], // rows 1, 2: a promoter, a detractor
];
/** The team: rows 1-5, 7, 8 once each; answers 10, 6, 9, 0, 8, 10: three promoters, two detractors. */
const TEAM = ["Team (all jobs)", 7, 900, 900 / 7, (100 * (3 - 2)) / 6];
/** The scorecard's columns: the names, then each KPI's value, change from the previous quarter and rank, then Notes. */
const COLUMNS = ["Technician", ...["JOBS", "REVENUE", "AVGTICKET", "NPS"].flatMap((kpi) => [kpi, `${kpi} vs previous`, `${kpi} rank`]), "Notes"];
const at = (header: string) => COLUMNS.indexOf(header);
const NOTES = at("Notes");
const NPS_RANKS = [6, 1, 3, 1, 3, 3];
const JOB_RANKS = [4, 1, 1, 4, 4, 1];

/** JOBS in a workbook that computes every formula written to it. */
const computedLog = () => hyperFormulaLog(HEADERS, JOBS);

async function settingsFor(book: OfficeWorkbook, mode: FormulaMode): Promise<ScorecardSettings> {
  return { title: SHEET, period: Q3, mode, ...(await readLog(book)) };
}

/** The scorecard's computed rows below its header row (row 7), as COLUMNS says. */
function scorecardRows(book: OfficeWorkbook, count: number): unknown[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: NOTES + 1 }, (_, c) => book.store.value(SHEET, 7 + r, c)));
}

describe.each(["portable", "kpi"] as const)("the scorecard in %s mode, computed by HyperFormula", (mode) => {
  let book: OfficeWorkbook;
  let rows: unknown[][];

  beforeAll(async () => {
    book = await computedLog();
    const settings = await settingsFor(book, mode);
    const before = book.syncs.length;
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, technicians: 6 });
    expect(book.syncs.length - before).toBe(3);
    rows = scorecardRows(book, 7);
  });

  it("has the columns the layout gives", () => {
    expect(Array.from({ length: COLUMNS.length }, (_, c) => book.store.value(SHEET, 6, c))).toEqual(COLUMNS);
  });

  it("credits each technician of a shared job, by exact name, as worked out by hand", () => {
    const close = (value: unknown) => Math.round((value as number) * 1e9) / 1e9;
    expect(rows.slice(0, 6).map((row) => [row[0], ...["JOBS", "REVENUE", "AVGTICKET", "NPS"].map((kpi) => close(row[at(kpi)]))])).toEqual(BY_HAND);
  });

  it("gives the team's value for the period in the last row, each job once", () => {
    expect(rows[6][0]).toBe(TEAM[0]);
    ["JOBS", "REVENUE", "AVGTICKET", "NPS"].forEach((kpi, i) => expect(rows[6][at(kpi)]).toBeCloseTo(TEAM[i + 1] as number, 9));
    expect([rows[6][at("JOBS rank")], rows[6][at("NPS rank")]]).toEqual(["", ""]);
  });

  it("ranks the technicians, ties sharing a rank", () => {
    expect(rows.slice(0, 6).map((row) => row[at("NPS rank")])).toEqual(NPS_RANKS);
    expect(rows.slice(0, 6).map((row) => row[at("JOBS rank")])).toEqual(JOB_RANKS);
  });

  it("writes the names as text, never as formulas", () => {
    expect(book.store.isText(SHEET, 7, 0)).toBe(true);
    expect(book.store.content(SHEET, 7, 0)).toBe("=x");
  });
});

/** Jobs in 2026-Q2 (46113 .. 46203) and 2026-Q3, to compare the two. */
const TWO_QUARTERS = [
  [46120, "Ann", 100, 10],
  [46150, "Ann", 300, 6],
  [46160, "Bob", 50, 9],
  [46200, "Ann & Bob", 80, 0],
  [46210, "Ann", 200, 10],
  [46220, "Bob", 60, 10],
  [46230, "Bob", 40, 7],
  [46240, "Cy", 90, 9],
];
/**
 * Each change from Q2 to Q3, worked by hand: JOBS, REVENUE, AVGTICKET, NPS. Ann: Q2 3 jobs, 480, 160, NPS (1 − 2) / 3 × 100;
 * Q3 1 job, 200, 200, NPS 100. Bob: Q2 2, 130, 65, NPS 0; Q3 2, 100, 50, NPS 50. Cy: no Q2 job, so no Q2 average
 * or NPS (blank changes); Q3 1, 90, 90, 100. Team: Q2 4, 530, 132.5, NPS (2 − 2) / 4; Q3 4, 390, 97.5, NPS 3 / 4 × 100.
 */
const CHANGES: [string, ...(number | string)[]][] = [
  ["Ann", -2, -280, 40, 100 + 100 / 3],
  ["Bob", 0, -30, -15, 50],
  ["Cy", 1, 90, "", ""],
  ["Team (all jobs)", 0, -140, -35, 75],
];

describe.each(["portable", "kpi"] as const)("the scorecard's changes from the previous quarter in %s mode, computed by HyperFormula", (mode) => {
  it("are each technician's and the team's, positive when better, blank without a value then, with Excel's arrows", async () => {
    const book = await hyperFormulaLog(HEADERS, TWO_QUARTERS);
    expect(await buildScorecardSheet(book.run, await settingsFor(book, mode))).toMatchObject({ ok: true, technicians: 3 });
    const rows = scorecardRows(book, 4);
    const close = (value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value);
    const changes = rows.map((row) => [row[0], ...["JOBS", "REVENUE", "AVGTICKET", "NPS"].map((kpi) => close(row[at(`${kpi} vs previous`)]))]);
    expect(changes).toEqual(CHANGES.map((row) => row.map(close)));
    const icons = book.sheet(SHEET)!.conditionalFormats.filter((format) => format.type === "IconSet");
    // Columns C, F, I and L, from the first technician (row 8) to the team (row 11).
    expect(icons.map(({ area }) => [area.left, area.top, area.height])).toEqual([2, 5, 8, 11].map((column) => [column, 7, 4]));
    expect(Object.fromEntries(icons[0].properties)).toEqual({
      style: "ThreeArrows",
      criteria: [{}, { type: "Number", operator: "GreaterThanOrEqual", formula: "=0" }, { type: "Number", operator: "GreaterThanOrEqual", formula: "=1E-9" }],
    });
  });
});

describe("a re-run of the scorecard", () => {
  it("keeps the notes typed beside each technician by name, in the user's order, and adds a new technician", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, "portable");
    await buildScorecardSheet(book.run, settings);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      // Notes is column N (after the name and four KPIs with their changes and ranks): the user notes =x, Ann and the team.
      sheet.getRange("N8:N9").values = [["'=call back"], ["van"]];
      sheet.getRange("N14").values = [["good quarter"]];
      context.workbook.tables.getItem("Jobs").rows.add(undefined, [[46270, "Zoë / Ann", 40, 9]]);
      await context.sync();
    });
    const before = book.syncs.length;
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, technicians: 7 });
    expect(book.syncs.length - before).toBe(3);
    const rows = scorecardRows(book, 8);
    expect(rows.map((row) => [row[0], row[NOTES]])).toEqual([
      ["=x", "=call back"],
      ["Ann", "van"],
      ["Jo?", ""],
      ["Joe", ""],
      ["Smith", ""],
      ["Smith*", ""],
      ["Zoë", ""],
      ["Team (all jobs)", "good quarter"],
    ]);
    expect(book.store.isText(SHEET, 7, NOTES)).toBe(true);
    // Ann's formulas now read the log with Zoë's shared job: three jobs, 440.
    expect([rows[1][at("JOBS")], rows[1][at("REVENUE")]]).toEqual([3, 440]);
    expect([rows[6][at("JOBS")], rows[6][at("REVENUE")]]).toEqual([1, 40]);
  });

  it("writes nothing to a protected scorecard, and says so", async () => {
    const book = await computedLog();
    const settings = await settingsFor(book, "portable");
    await buildScorecardSheet(book.run, settings);
    book.sheet(SHEET)!.protected = true;
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "sheetProtected", sheet: SHEET }] });
  });

  it.each([
    [{ kind: "table", table: "Gone", headers: [] }, "table", "Gone"],
    [{ kind: "range", sheet: "Old log", headers: [], headerRow: 1, firstColumn: 0, lastRow: 1001 }, "range", "Old log"],
  ] as const)("builds nothing when the job data has gone (%p)", async (source, kind, name) => {
    const book = await computedLog();
    const settings = { ...(await settingsFor(book, "portable")), source };
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "jobDataGone", kind, name }] });
    expect(book.sheet(SHEET)).toBeUndefined();
  });

  it("builds nothing for a period in which no job names a technician", async () => {
    const book = await computedLog();
    const settings = { ...(await settingsFor(book, "portable")), period: { from: 46113, to: 46203 } };
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: false, problems: [{ code: "noOneToScore", from: "2026-04-01", to: "2026-06-30" }] });
    expect(book.sheet(SHEET)).toBeUndefined();
  });
});

describe("the scorecard's round trips do not grow with the job log", () => {
  function jobLog(count: number) {
    const { book } = createXlsxWorkbook();
    book.addSheet("Jobs");
    const cells = [["Date", "Technician", "NPS"], ...Array.from({ length: count }, (_, r) => [Q3.from + (r % 92), `Tech ${r % 12}`, r % 11])];
    book.store.write("Jobs", 0, 0, cells, (row) => row === 0);
    book.tables.push({ name: "Jobs", sheet: "Jobs", area: { top: 0, left: 0, height: count + 1, width: 3 }, columns: ["Date", "Technician", "NPS"] });
    return book;
  }

  it.each([10, 100_000])("builds in three round trips for %i jobs, within Excel on the web's payload limit", async (count) => {
    const book = jobLog(count);
    const source = { kind: "table" as const, table: "Jobs", headers: ["Date", "Technician", "NPS"] };
    const settings: ScorecardSettings = { title: SHEET, period: Q3, mode: "portable", source, columns: { date: 0, technician: 1, nps: 2 } };
    const before = book.syncs.length;
    expect(await buildScorecardSheet(book.run, settings)).toEqual({ ok: true, sheet: SHEET, technicians: Math.min(count, 12) });
    expect(book.syncs.length - before).toBe(3);
    // The technician and date columns are read whole (to find who worked in the period): that read grows with the log.
    expect(Math.max(...book.syncs.map((s) => s.requestBytes + s.responseBytes))).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describeSafetyRules({
  name: "npm run scorecard",
  run: exportScorecard,
  headers: HEADERS,
  jobs: JOBS,
  moreRefusals: [
    [{ period: "2026-Q3", map: { technician: "Crew" } }, '--map technician: the job log has no column "Crew" (its columns: Job date, Technician, Amount, NPS)'],
    [{ period: "2026-Q2" }, "No job from 2026-04-01 to 2026-06-30 names a technician"],
  ],
  // Ann's notes (row 9), text that looks like a formula.
  rerun: { answer: { title: SHEET, technicians: 6 }, sheet: SHEET, row: 8, first: "Ann", notes: NOTES, note: "=ask about Smith*" },
});
