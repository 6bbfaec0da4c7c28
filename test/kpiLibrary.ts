/** The KPI library by family, for tests that compare a spreadsheet engine with it. */
import * as customerBase from "../src/kpi/customers";
import * as finance from "../src/kpi/finance";
import type { Grid } from "../src/kpi/grid";
import * as kpiOkr from "../src/kpi/okr";
import * as operations from "../src/kpi/operations";
import * as surveys from "../src/kpi/surveys";
import * as comments from "../src/kpi/sentiment";
import { previousPeriod } from "../src/okr/periods";
import type { KpiKind } from "../src/okr/templates";

export { customerBase, finance, kpiOkr, operations, surveys };

/** The job-log columns the OKR key results read, by the sample log's headers. */
export type KpiColumn =
  | "Job date" | "NPS" | "CSAT" | "First-visit fix" | "Booked" | "Requested" | "Responded" | "Resolved" | "Customer" | "Amount" | "Arrival" | "Promised" | "Technician"
  | "SLA hours" | "Spend" | "Abandoned" | "Effort" | "Comment";

/**
 * An OKR key result's KPI as the KPI library computes it (what its =KPI.* formula gives) over the
 * columns `column` hands out, for the period from..to: a number, or the library's error.
 */
export function kpiValue(kpi: KpiKind, column: (header: KpiColumn) => Grid, from: number, to: number): unknown {
  const period = { dates: column("Job date"), from, to };
  // Retention and churn: customers kept of those of the period before (of the same kind, as the sheets' formulas take it).
  const ofKept = (rate: (start: unknown, end: unknown, added: unknown) => unknown) => () => {
    const before = previousPeriod({ label: "", from, to });
    const kept = customerBase.retained(column("Customer"), period.dates, before.from, before.to, from, to);
    const start = customerBase.customerCount(column("Customer"), { ...period, from: before.from, to: before.to });
    return typeof kept !== "number" ? kept : typeof start !== "number" ? start : rate(start, kept, 0);
  };
  const results: Record<KpiKind, () => unknown> = {
    nps: () => surveys.nps(column("NPS"), period),
    csat: () => surveys.csat(column("CSAT"), 5, period),
    fcr: () => operations.fcr(column("First-visit fix"), period),
    conversion: () => operations.rate(column("Booked"), period),
    responseTime: () => operations.responseTime(column("Requested"), column("Responded"), "hours", period),
    resolutionTime: () => operations.resolutionTime(column("Requested"), column("Resolved"), "hours", period),
    repeatRate: () => customerBase.repeatRate(column("Customer"), period),
    avgTicket: () => finance.avgTicket(column("Amount"), period),
    ontime: () => operations.ontime(column("Arrival"), column("Promised"), 0, period),
    jobsPerTech: () => operations.jobsPerTech(column("Technician"), period),
    sla: () => operations.withinSla(column("Requested"), column("Resolved"), column("SLA hours"), period),
    timeOnSite: () => operations.timeOnSite(column("Arrival"), column("Resolved"), "hours", period),
    leadCost: () => finance.leadCost(...periodSpendAndLeads(column("Job date"), column("Spend"), from, to)),
    abandonment: () => operations.rate(column("Abandoned"), period),
    revenue: () => finance.revenue(column("Amount"), period),
    jobs: () => operations.jobs(column("Job date"), from, to),
    jobsPerDay: () => operations.jobsPerDay(column("Job date"), from, to),
    ces: () => surveys.ces(column("Effort"), 10, period),
    sentiment: () => comments.sentiment(column("Comment"), period),
    retention: ofKept(customerBase.retention),
    churn: ofKept(customerBase.churn),
    newCustomers: () => customerBase.newCustomers(column("Customer"), period.dates, from, to),
  };
  return results[kpi]();
}

/**
 * The period's spend and its leads, the totals KPI.LEADCOST divides, as its key result's formula takes
 * them (SUMIFS and COUNTIFS): rows whose job date is a day from `from` to `to`, spend that is a number.
 */
function periodSpendAndLeads(dates: Grid, spend: Grid, from: number, to: number): [number, number] {
  let total = 0;
  let leads = 0;
  dates.forEach(([date], i) => {
    if (typeof date !== "number" || date < from || date >= to + 1) return;
    leads++;
    const amount = spend[i][0];
    if (typeof amount === "number") total += amount;
  });
  return [total, leads];
}
