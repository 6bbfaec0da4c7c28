import { detectColumns } from "../src/okr/columns";
import { buildPlan, KeyResultInput, PlanSettings } from "../src/okr/plan";
import { KpiKind } from "../src/okr/templates";
import { median, timeMs } from "./timing";
import { jobLog } from "./data";
import { writeSection } from "./report";

/**
 * Computing the OKR sheet plan for 20 KRs over a 100,000-row job table. The plan is formulas, so
 * its cost must not grow with the rows: only the 50-row sample is read, for column detection.
 * Baseline, in the same process: reading the whole table once with a plain loop (what a builder
 * that pasted values instead of formulas would at least have to do).
 */

const ROWS = 100_000;
const RUNS = 21;
const WARM_UPS = 5;
const log = jobLog(ROWS);
const headers = ["Date", "Customer", "NPS", "CSAT", "Amount"];
const table = log.date.map((d, r) => [d[0], log.customer[r][0], log.nps[r][0], log.csat[r][0], log.amount[r][0]]);
/** The KPIs this table's columns allow. */
const KPIS_IN_TABLE: KpiKind[] = ["nps", "csat", "repeatRate", "avgTicket"];


function plan() {
  const columns = detectColumns(headers, table.slice(0, 50));
  const keyResults: KeyResultInput[] = Array.from({ length: 20 }, (_, i) => ({
    id: `kr-${i}`,
    objectiveId: `o${i % 4}`,
    objective: `Objective ${i % 4}`,
    name: `Key result ${i}`,
    kpi: KPIS_IN_TABLE[i % KPIS_IN_TABLE.length],
    type: "increase",
    target: 1,
  }));
  const settings: PlanSettings = {
    title: "OKR 2025-Q2",
    period: { from: 45748, to: 45838 },
    mode: "portable",
    source: { kind: "table", table: "Jobs", headers },
    columns,
    keyResults,
  };
  return buildPlan(settings);
}

function readWholeTable(): number {
  let cells = 0;
  for (let r = 0; r < table.length; r++) for (let c = 0; c < table[r].length; c++) if (table[r][c] !== "") cells++;
  return cells;
}

for (let i = 0; i < WARM_UPS; i++) {
  plan();
  readWholeTable();
}
const planTimes: number[] = [];
const readTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  planTimes.push(timeMs(plan));
  readTimes.push(timeMs(readWholeTable));
}
const [planMs, readMs] = [median(planTimes), median(readTimes)];
const line = `| plan for 20 KRs over ${ROWS.toLocaleString("en-US")} rows | ${planMs.toFixed(2)} ms | reading the table once: ${readMs.toFixed(2)} ms | ${(planMs / readMs).toFixed(2)}× |`;
console.log(line);
writeSection(
  "## OKR sheet plan",
  [
    // The plan is built in the task pane, not by the custom functions: this one still runs the TypeScript sources.
    `Medians of ${RUNS} runs after ${WARM_UPS} warm-up runs, from the TypeScript sources (src/okr), not a built bundle, over a job log of ${ROWS.toLocaleString("en-US")} rows from the same generator.`,
    "",
    "| what | time | baseline (same process) | ratio |",
    "|---|---|---|---|",
    line,
    "",
  ].join("\n"),
);
