import { ColumnMap, Role } from "./columns";

/** The KPIs an OKR sheet can track from a job log, and the objectives that group them. */

export type KpiKind =
  | "nps"
  | "csat"
  | "fcr"
  | "conversion"
  | "responseTime"
  | "repeatRate"
  | "avgTicket"
  | "ontime"
  | "jobsPerTech"
  | "resolutionTime";

/** How a KPI's value reads: a score, a share, money or hours. */
export type ValueFormat = "score" | "percent" | "currency" | "hours" | "number";

export interface KpiDefinition {
  label: string;
  /** Columns the KPI is computed from, besides the job date. */
  roles: readonly Role[];
  /** Whether more is better; sets the default KR type and the suggested target. */
  higherIsBetter: boolean;
  format: ValueFormat;
}

export const KPIS: Record<KpiKind, KpiDefinition> = {
  nps: { label: "Net Promoter Score", roles: ["nps"], higherIsBetter: true, format: "score" },
  csat: { label: "Customer satisfaction (CSAT)", roles: ["csat"], higherIsBetter: true, format: "percent" },
  fcr: { label: "First-visit fix rate", roles: ["firstVisitFix"], higherIsBetter: true, format: "percent" },
  conversion: { label: "Lead conversion", roles: ["booked"], higherIsBetter: true, format: "percent" },
  responseTime: { label: "Lead response time (hours)", roles: ["requested", "responded"], higherIsBetter: false, format: "hours" },
  repeatRate: { label: "Repeat-customer rate", roles: ["customer"], higherIsBetter: true, format: "percent" },
  avgTicket: { label: "Average ticket", roles: ["amount"], higherIsBetter: true, format: "currency" },
  ontime: { label: "On-time arrival", roles: ["arrival", "promised"], higherIsBetter: true, format: "percent" },
  jobsPerTech: { label: "Jobs per technician", roles: ["technician"], higherIsBetter: true, format: "number" },
  resolutionTime: { label: "Resolution time (hours from request)", roles: ["requested", "resolved"], higherIsBetter: false, format: "hours" },
};

/** increase/decrease to a target score progress along the way; stay above/below score 1 or 0. */
export type KrType = "increase" | "decrease" | "above" | "below";

export interface ObjectiveTemplate {
  id: string;
  name: string;
  keyResults: readonly { kpi: KpiKind; name: string }[];
}

/** Drawn from the KPI articles the product is built on (customer journey: before, during, after the visit). */
export const OBJECTIVES: readonly ObjectiveTemplate[] = [
  {
    id: "delight",
    name: "Delight customers",
    keyResults: [
      { kpi: "nps", name: "Raise NPS" },
      { kpi: "csat", name: "Raise customer satisfaction" },
      { kpi: "fcr", name: "Fix more jobs on the first visit" },
    ],
  },
  {
    id: "win",
    name: "Win more work",
    keyResults: [
      { kpi: "conversion", name: "Book more of our leads" },
      { kpi: "responseTime", name: "Answer leads faster" },
    ],
  },
  {
    id: "repeat",
    name: "Grow repeat business",
    keyResults: [
      { kpi: "repeatRate", name: "Bring more customers back" },
      { kpi: "avgTicket", name: "Raise the average ticket" },
    ],
  },
  {
    id: "ontime",
    name: "Run on time",
    keyResults: [
      { kpi: "ontime", name: "Arrive on time" },
      { kpi: "jobsPerTech", name: "Complete more jobs per technician" },
      { kpi: "resolutionTime", name: "Resolve jobs faster" },
    ],
  },
];

/** Whether the job log has every column a KPI needs (the job date always among them). */
export function isAvailable(kpi: KpiKind, columns: ColumnMap): boolean {
  return columns.date !== undefined && KPIS[kpi].roles.every((role) => columns[role] !== undefined);
}

/** The objectives with only the key results the job log can compute; objectives left empty are dropped. */
export function availableObjectives(columns: ColumnMap): ObjectiveTemplate[] {
  return OBJECTIVES.map((objective) => ({
    ...objective,
    keyResults: objective.keyResults.filter((kr) => isAvailable(kr.kpi, columns)),
  })).filter((objective) => objective.keyResults.length > 0);
}

export function defaultKrType(kpi: KpiKind): KrType {
  return KPIS[kpi].higherIsBetter ? "increase" : "decrease";
}

/**
 * A suggested target: the baseline improved by 10%, capped where the KPI is capped
 * (a share cannot pass 100%, NPS cannot pass 100).
 * @example suggestTarget("fcr", 0.8) //=> 0.88
 */
export function suggestTarget(kpi: KpiKind, baseline: number): number {
  const { higherIsBetter, format } = KPIS[kpi];
  const improved = higherIsBetter ? baseline + Math.abs(baseline) * 0.1 : baseline * 0.9;
  const cap = format === "percent" ? 1 : format === "score" ? 100 : Infinity;
  return Math.min(cap, Number(improved.toPrecision(12)));
}
