import fc from "fast-check";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { OfficeWorkbook } from "../backends/officeModel";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { detectColumns } from "../src/okr/columns";
import { KeyResultInput, PlanSettings } from "../src/okr/plan";
import { columnIndex, TABLE_HEADER_ROW, TableColumn } from "../src/okr/sheetLayout";
import { JobData } from "../src/okr/workbook";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { finance, kpiOkr, operations, surveys } from "./kpiLibrary";

/**
 * Re-runs after a user has worked on the OKR sheet: random sequences of build → edits (values typed,
 * a custom key result's value and baseline among them, a hand-made row, rows sorted, inserted and deleted, key results dropped and added, objectives renamed)
 * → build again, on a HyperFormula workbook that computes every formula the adapter wrote. After each
 * re-run: everything the user typed is still there, no id twice, every formula on a KR row reads its own
 * row only, the objective rows read the whole table, no circular reference, and every value equals the
 * KPI library.
 */

const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const TITLE = "OKR 2026-Q3";
const JOBS = sampleJobs({ seed: 7, jobs: 240, customers: 60, from: Q3.from - 200, to: Q3.to });
const jobColumn = (header: (typeof SAMPLE_HEADERS)[number]) => JOBS.map((row) => [row[SAMPLE_HEADERS.indexOf(header)]]);

type Kpi = "nps" | "csat" | "avgTicket" | "fcr";
const CANDIDATES: { kpi: Kpi; objectiveId: string }[] = [
  { kpi: "nps", objectiveId: "delight" },
  { kpi: "csat", objectiveId: "delight" },
  { kpi: "avgTicket", objectiveId: "grow" },
  { kpi: "fcr", objectiveId: "grow" },
];
/** The fifth candidate: a number the user types at each check-in, against a baseline typed too. */
const CUSTOM = { id: "custom:sales", objectiveId: "grow", name: "KR sales", type: "increase", baseline: 10, custom: { kind: "manual", format: "number", current: 12 } } as const;
const candidateId = (i: number) => (i === CANDIDATES.length ? CUSTOM.id : `${CANDIDATES[i].objectiveId}:${CANDIDATES[i].kpi}`);
const LIBRARY: Record<Kpi, (period: { from: number; to: number }) => unknown> = {
  nps: (p) => surveys.nps(jobColumn("NPS"), { dates: jobColumn("Job date"), ...p }),
  csat: (p) => surveys.csat(jobColumn("CSAT"), 5, { dates: jobColumn("Job date"), ...p }),
  avgTicket: (p) => finance.avgTicket(jobColumn("Amount"), { dates: jobColumn("Job date"), ...p }),
  fcr: (p) => operations.fcr(jobColumn("First-visit fix"), { dates: jobColumn("Job date"), ...p }),
};

const USER_TEXT = ["Ann", "=1+1", "Smith*", "2025", "<n/a>", "@ops", "李师傅", "'quoted"];
type Typed = "Target" | "Owner" | "Notes" | "Weight" | "Current" | "Baseline";
type Edit =
  | { kind: "type"; kr: number; column: Typed; value: number | string }
  | { kind: "handRow"; target: number }
  | { kind: "sort"; keys: number[] }
  | { kind: "insert"; at: number }
  | { kind: "delete"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("type" as const), kr: fc.nat(4), column: fc.constant("Target" as const), value: fc.integer({ min: -50, max: 300 }) }),
  fc.record({ kind: fc.constant("type" as const), kr: fc.nat(4), column: fc.constantFrom("Owner" as const, "Notes" as const), value: fc.constantFrom(...USER_TEXT) }),
  fc.record({ kind: fc.constant("type" as const), kr: fc.nat(4), column: fc.constant("Weight" as const), value: fc.integer({ min: 0, max: 5 }) }),
  // The custom key result's value and baseline, typed on the sheet.
  fc.record({ kind: fc.constant("type" as const), kr: fc.constant(4), column: fc.constantFrom("Current" as const, "Baseline" as const), value: fc.integer({ min: -50, max: 300 }) }),
  fc.record({ kind: fc.constant("handRow" as const), target: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ kind: fc.constant("sort" as const), keys: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(20) }),
);
const round = fc.record({
  chosen: fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }),
  renamed: fc.boolean(),
  edits: fc.array(edit, { maxLength: 6 }),
});

/** What the user owns on the sheet, as the test's model of it. */
interface Expected {
  typed: Map<string, Partial<Record<Typed, number | string>>>;
  handRows: Map<string, number>;
}

async function jobWorkbook(): Promise<{ book: OfficeWorkbook; data: JobData; engine: ReturnType<typeof createHyperFormulaWorkbook>["engine"] }> {
  const { book, engine } = createHyperFormulaWorkbook();
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Jobs");
    const address = `A1:Q${JOBS.length + 1}`;
    sheet.getRange(address).values = [[...SAMPLE_HEADERS], ...JOBS.map((row) => row.map((cell) => cell ?? ""))] as (string | number | boolean)[][];
    sheet.tables.add(address, true).name = "Jobs";
    await context.sync();
  });
  const data = (await createExcelWorkbook(book.run).readJobData()) as JobData;
  return { book, data, engine };
}

describe("re-running the OKR sheet after the user worked on it", () => {
  it("keeps every user value, never duplicates a row, and every formula reads its own row and equals the KPI library", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(round, { minLength: 1, maxLength: 3 }), async (rounds) => {
        const { book, data, engine } = await jobWorkbook();
        const workbook = createExcelWorkbook(book.run);
        const columns = detectColumns(data.source.headers, data.sample);
        const expected: Expected = { typed: new Map(), handRows: new Map() };
        const sheetId = () => engine.getSheetId(TITLE)!;
        const at = (row: number, name: TableColumn) => engine.getCellValue({ sheet: sheetId(), row, col: columnIndex(name) });
        /** 0-based rows below the KR table's header, down to the last one with anything in it. */
        const bodyRows = () => {
          const values = engine.getSheetValues(sheetId());
          let end = values.length;
          while (end > TABLE_HEADER_ROW && values[end - 1].every((v) => v === null || v === "")) end--;
          return Array.from({ length: Math.max(0, end - TABLE_HEADER_ROW) }, (_, i) => TABLE_HEADER_ROW + i);
        };
        const rowOf = (id: string) => bodyRows().find((r) => at(r, "Id") === id);

        let built = false;
        for (const [n, { chosen, renamed, edits }] of rounds.entries()) {
          if (built) for (const change of edits) await applyEdit(change);
          const keyResults: KeyResultInput[] = chosen.map((i) => {
            if (i === CANDIDATES.length) return { ...CUSTOM, objective: CUSTOM.objectiveId };
            const { kpi, objectiveId } = CANDIDATES[i];
            const objective = objectiveId === "delight" && renamed ? `Wow customers ${n}` : objectiveId;
            return { id: `${objectiveId}:${kpi}`, objectiveId, objective, name: `KR ${kpi}`, kpi, type: "increase" };
          });
          const settings: PlanSettings = { title: TITLE, period: Q3, mode: "portable", source: data.source, columns, keyResults };
          expect(await workbook.build(settings)).toMatchObject({ ok: true });
          built = true;
          check(keyResults);
        }

        async function applyEdit(change: Edit): Promise<void> {
          const rows = bodyRows();
          const sheet = sheetId();
          if (change.kind === "type") {
            const id = candidateId(change.kr);
            const row = rowOf(id);
            if (row === undefined) return;
            const value = typeof change.value === "string" ? `'${change.value.replace(/^'/, "")}` : change.value;
            await book.run(async (context) => {
              context.workbook.worksheets.getItem(TITLE).getRangeByIndexes(row, columnIndex(change.column), 1, 1).values = [[value]];
              await context.sync();
            });
            const typed = expected.typed.get(id) ?? {};
            typed[change.column] = typeof change.value === "string" ? change.value.replace(/^'/, "") : change.value;
            expected.typed.set(id, typed);
          } else if (change.kind === "handRow") {
            const row = rows.length === 0 ? TABLE_HEADER_ROW : rows[rows.length - 1] + 1;
            const name = `Hand ${expected.handRows.size}`;
            // Current doubles the row's own target: moved, it would read another row's.
            engine.setCellContents({ sheet, row, col: columnIndex("Key result") }, name);
            engine.setCellContents({ sheet, row, col: columnIndex("Target") }, change.target);
            engine.setCellContents({ sheet, row, col: columnIndex("Current") }, `=F${row + 1}*2`);
            expected.handRows.set(name, change.target);
          } else if (change.kind === "sort") {
            // A sort as Excel does it: rows move with their formulas, which keep reading their own row.
            const order = rows.map((r, i) => ({ r, key: change.keys[i % change.keys.length] })).sort((a, b) => a.key - b.key);
            const layout = rows.slice(); // which original row is at each position now
            for (const { r } of order) {
              const position = layout.indexOf(r);
              if (position < rows.length - 1) engine.moveRows(sheet, rows[0] + position, 1, rows[0] + rows.length);
              layout.splice(position, 1);
              layout.push(r);
            }
          } else if (change.kind === "insert" && rows.length > 1) {
            engine.addRows(sheet, [rows[change.at % rows.length], 1]);
          } else if (change.kind === "delete" && rows.length > 1) {
            const row = rows[change.at % rows.length];
            expected.typed.delete(String(at(row, "Id")));
            expected.handRows.delete(String(at(row, "Key result")));
            engine.removeRows(sheet, [row, 1]);
          }
        }

        function check(keyResults: KeyResultInput[]): void {
          const table = book.tables.find((t) => t.sheet === TITLE)!;
          const [first, last] = [table.area.top + 2, table.area.top + table.area.height]; // 1-based body rows
          const rows = bodyRows().filter((r) => at(r, "Id") !== null || at(r, "Key result") !== null);
          expect(rows.every((r) => r + 1 >= first && r + 1 <= last)).toBe(true);
          const ids = rows.map((r) => at(r, "Id")).filter((id) => id !== null && id !== "");
          expect(new Set(ids).size).toBe(ids.length);
          for (const r of bodyRows()) for (const name of ["Baseline", "Current", "Progress", "Status"] as const) expect(at(r, name)).not.toBe("#CYCLE!");

          for (const [id, typed] of expected.typed) {
            const row = rowOf(id);
            if (row === undefined) continue; // the user deleted the row
            for (const [name, value] of Object.entries(typed)) expect([id, name, at(row, name as TableColumn)]).toEqual([id, name, value]);
          }
          for (const [name, target] of expected.handRows) {
            const found = rows.filter((r) => at(r, "Key result") === name);
            expect(found).toHaveLength(1);
            expect(at(found[0], "Current")).toBe(target * 2);
          }

          const baseline = { from: Number(engine.getCellValue({ sheet: sheetId(), row: 3, col: 1 })), to: Number(engine.getCellValue({ sheet: sheetId(), row: 4, col: 1 })) };
          for (const r of rows) {
            const id = String(at(r, "Id") ?? "");
            const formulas = (["Baseline", "Current", "Progress", "Expected", "Status", "Weighted progress"] as const).map((name) => engine.getCellFormula({ sheet: sheetId(), row: r, col: columnIndex(name) }) ?? "");
            const tableRefs = formulas.flatMap(localReferences).filter(([top]) => top > TABLE_HEADER_ROW);
            if (id.startsWith("objective:")) {
              for (const [top, bottom] of tableRefs) expect([[r + 1, r + 1], [first, last]]).toContainEqual([top, bottom]);
              const planned = keyResults.find((k) => `objective:${k.objectiveId}` === id);
              if (planned) expect(at(r, "Objective")).toBe(planned.objective);
              const members = rows.filter((k) => at(k, "Objective id") === id && typeof at(k, "Progress") === "number");
              const weight = members.reduce((sum, k) => sum + Number(at(k, "Weight")), 0);
              const mean = members.reduce((sum, k) => sum + Number(at(k, "Progress")) * Number(at(k, "Weight")), 0) / weight;
              if (members.length > 0 && weight > 0) expect(at(r, "Progress")).toBeCloseTo(mean, 9);
              else expect(at(r, "Progress")).toBe("");
              continue;
            }
            for (const [top, bottom] of tableRefs) expect([top, bottom]).toEqual([r + 1, r + 1]);
            if (id === CUSTOM.id) {
              // What the user typed last, or what the plan wrote; progress from them as the KPI library computes it.
              const typed = expected.typed.get(id) ?? {};
              const [current, start, goal] = [at(r, "Current"), at(r, "Baseline"), at(r, "Target")];
              expect([current, start]).toEqual([typed.Current ?? CUSTOM.custom.current, typed.Baseline ?? CUSTOM.baseline]);
              if (typeof goal === "number") expect(at(r, "Progress")).toBeCloseTo(kpiOkr.progress(start, goal, current) as number, 9);
              else expect(at(r, "Progress")).toBe("");
              continue;
            }
            const kr = keyResults.find((k) => k.id === id) ?? CANDIDATES.map((c) => ({ id: `${c.objectiveId}:${c.kpi}`, kpi: c.kpi })).find((k) => k.id === id);
            if (!kr) continue;
            const kpi = kr.kpi as Kpi;
            expect(at(r, "Current")).toBeCloseTo(LIBRARY[kpi](Q3) as number, 9);
            expect(at(r, "Baseline")).toBeCloseTo(LIBRARY[kpi](baseline) as number, 9);
            const target = at(r, "Target");
            if (typeof target === "number") {
              expect(at(r, "Progress")).toBeCloseTo(kpiOkr.progress(LIBRARY[kpi](baseline), target, LIBRARY[kpi](Q3)) as number, 9);
            } else expect(at(r, "Progress")).toBe("");
          }
        }
      }),
      { numRuns: 30, seed: 20261125 },
    );
  }, 600_000);
});

/** The rows (1-based, top and bottom) of each reference in a formula to a cell of its own sheet (no sheet name before it). */
function localReferences(formula: string): [number, number][] {
  const withoutText = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const pattern = /((?:'(?:[^']|'')*'|[A-Za-z0-9_.]+)!)?\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?/g;
  const found: [number, number][] = [];
  for (const match of withoutText.matchAll(pattern)) {
    if (match[1]) continue;
    const top = Number(match[2]);
    found.push([top, Number(match[3] ?? top)]);
  }
  return found;
}
