import type { Role } from "../../okr/columns";
import type { Locale } from "../../okr/locale";
import type { Status } from "../../okr/status";
import type { KpiKind, KrType } from "../../okr/templates";
import type { TargetContradiction } from "../../okr/drafts";
import type { Confidence } from "../../okr/workbook";
import { MessageId } from "./messages";

/**
 * The pane's words for values that stay English in cells, where formulas, conditional formats and re-runs
 * compare them: statuses, KR types, KPI labels and confidence. Records, so a new value without a message
 * fails the type check.
 */

export const STATUS_MESSAGES: Readonly<Record<Status, MessageId>> = {
  Done: "status.done",
  "On track": "status.onTrack",
  "At risk": "status.atRisk",
  "Off track": "status.offTrack",
  Missed: "status.missed",
  "Check target": "status.checkTarget",
};

/** Why a target needs checking against its baseline, for KPI and custom key results alike. */
export const CONTRADICTION_MESSAGES: Readonly<Record<TargetContradiction, MessageId>> = {
  notAbove: "keyResults.notAbove",
  notBelow: "keyResults.notBelow",
};

export const TYPE_MESSAGES: Readonly<Record<KrType, MessageId>> = {
  increase: "type.increase",
  decrease: "type.decrease",
  above: "type.above",
  below: "type.below",
};

export const KPI_MESSAGES: Readonly<Record<KpiKind, MessageId>> = {
  nps: "kpi.nps",
  csat: "kpi.csat",
  fcr: "kpi.fcr",
  conversion: "kpi.conversion",
  responseTime: "kpi.responseTime",
  repeatRate: "kpi.repeatRate",
  avgTicket: "kpi.avgTicket",
  ontime: "kpi.ontime",
  jobsPerTech: "kpi.jobsPerTech",
  resolutionTime: "kpi.resolutionTime",
  sla: "kpi.sla",
  timeOnSite: "kpi.timeOnSite",
  leadCost: "kpi.leadCost",
  abandonment: "kpi.abandonment",
  revenue: "kpi.revenue",
  jobs: "kpi.jobs",
  jobsPerDay: "kpi.jobsPerDay",
  ces: "kpi.ces",
  sentiment: "kpi.sentiment",
  retention: "kpi.retention",
  churn: "kpi.churn",
  newCustomers: "kpi.newCustomers",
};

/** What each KPI measures, in a line: shown under its key result in the picker. */
export const KPI_DEFINITION_MESSAGES: Readonly<Record<KpiKind, MessageId>> = {
  nps: "definition.nps",
  csat: "definition.csat",
  fcr: "definition.fcr",
  conversion: "definition.conversion",
  responseTime: "definition.responseTime",
  repeatRate: "definition.repeatRate",
  avgTicket: "definition.avgTicket",
  ontime: "definition.ontime",
  jobsPerTech: "definition.jobsPerTech",
  resolutionTime: "definition.resolutionTime",
  sla: "definition.sla",
  timeOnSite: "definition.timeOnSite",
  leadCost: "definition.leadCost",
  abandonment: "definition.abandonment",
  revenue: "definition.revenue",
  jobs: "definition.jobs",
  jobsPerDay: "definition.jobsPerDay",
  ces: "definition.ces",
  sentiment: "definition.sentiment",
  retention: "definition.retention",
  churn: "definition.churn",
  newCustomers: "definition.newCustomers",
};

export const CONFIDENCE_MESSAGES: Readonly<Record<Confidence, MessageId>> = {
  High: "confidence.high",
  Medium: "confidence.medium",
  Low: "confidence.low",
};

/** The job-log roles, as the column mapping names them. */
export const ROLE_MESSAGES: Readonly<Record<Role, MessageId>> = {
  date: "role.date",
  customer: "role.customer",
  technician: "role.technician",
  amount: "role.amount",
  nps: "role.nps",
  csat: "role.csat",
  effort: "role.effort",
  firstVisitFix: "role.firstVisitFix",
  arrival: "role.arrival",
  promised: "role.promised",
  requested: "role.requested",
  responded: "role.responded",
  resolved: "role.resolved",
  leadSource: "role.leadSource",
  booked: "role.booked",
  comment: "role.comment",
  slaHours: "role.slaHours",
  spend: "role.spend",
  abandoned: "role.abandoned",
};

/** The function reference served with the add-in, in each language (webpack renders docs/functions*.md). */
export const REFERENCE_PAGES: Readonly<Record<Locale, string>> = { en: "functions.html", "zh-CN": "functions.zh-CN.html" };
