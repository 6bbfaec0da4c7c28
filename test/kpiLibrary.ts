/** The KPI library by family, for tests that compare a spreadsheet engine with it. */
import * as customerBase from "../src/kpi/customers";
import * as finance from "../src/kpi/finance";
import type { Grid } from "../src/kpi/grid";
import * as kpiOkr from "../src/kpi/okr";
import * as operations from "../src/kpi/operations";
import * as surveys from "../src/kpi/surveys";
import type { KpiKind } from "../src/okr/templates";

export { customerBase, finance, kpiOkr, operations, surveys };

/** The job-log columns the OKR key results read, by the sample log's headers. */
export type KpiColumn = "Job date" | "NPS" | "CSAT" | "First-visit fix" | "Booked" | "Requested" | "Responded" | "Resolved" | "Customer" | "Amount" | "Arrival" | "Promised" | "Technician";

/**
 * An OKR key result's KPI as the KPI library computes it (what its =KPI.* formula gives) over the
 * columns `column` hands out, for the period from..to: a number, or the library's error.
 */
export function kpiValue(kpi: KpiKind, column: (header: KpiColumn) => Grid, from: number, to: number): unknown {
  const period = { dates: column("Job date"), from, to };
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
  };
  return results[kpi]();
}
