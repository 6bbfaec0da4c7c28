import { ColumnMap, Role } from "./columns";
import { Locale } from "./locale";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";

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
  | "resolutionTime"
  | "sla"
  | "timeOnSite"
  | "leadCost"
  | "abandonment"
  | "revenue"
  | "jobs"
  | "jobsPerDay"
  | "ces"
  | "sentiment"
  | "retention"
  | "churn"
  | "newCustomers";

/** How a KPI's value reads: a score, a share, money, hours, a number or a whole count. */
export type ValueFormat = "score" | "percent" | "currency" | "hours" | "number" | "count";

export interface KpiDefinition {
  /** The sheet's KPI cell: a re-run reads the KPI back from it, so it stays English whatever the pane's language. */
  label: string;
  /** Columns the KPI is computed from, besides the job date. */
  roles: readonly Role[];
  /** Whether more is better; sets the default KR type and the suggested target. */
  higherIsBetter: boolean;
  format: ValueFormat;
  /**
   * No native formula computes it (sentiment needs a word list): only a sheet of =KPI.* formulas can track
   * it, so "native formulas" mode does not offer it (see isAvailable).
   */
  needsAddIn?: boolean;
  /** The largest value the KPI can take, where its format does not say (a share's is 100%, a score's 100). */
  max?: number;
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
  sla: { label: "SLA compliance", roles: ["requested", "resolved", "slaHours"], higherIsBetter: true, format: "percent" },
  // Shorter is better for the owner's schedule; a rushed visit shows up in first-visit fix and callbacks instead.
  timeOnSite: { label: "Time on site (hours)", roles: ["arrival", "resolved"], higherIsBetter: false, format: "hours" },
  leadCost: { label: "Lead cost", roles: ["spend"], higherIsBetter: false, format: "currency" },
  abandonment: { label: "Call abandonment", roles: ["abandoned"], higherIsBetter: false, format: "percent" },
  revenue: { label: "Revenue", roles: ["amount"], higherIsBetter: true, format: "currency" },
  jobs: { label: "Jobs completed", roles: [], higherIsBetter: true, format: "count" },
  jobsPerDay: { label: "Jobs per working day", roles: [], higherIsBetter: true, format: "number" },
  // Read like NPS (a score to one place); lower means the customer found it easier.
  ces: { label: "Customer effort score (CES)", roles: ["effort"], higherIsBetter: false, format: "score" },
  sentiment: { label: "Comment sentiment (-1 to 1)", roles: ["comment"], higherIsBetter: true, format: "number", needsAddIn: true, max: 1 },
  retention: { label: "Customer retention", roles: ["customer"], higherIsBetter: true, format: "percent" },
  churn: { label: "Customer churn", roles: ["customer"], higherIsBetter: false, format: "percent" },
  newCustomers: { label: "New customers", roles: ["customer"], higherIsBetter: true, format: "count" },
};

/** increase/decrease to a target score progress along the way; stay above/below score 1 or 0. */
export type KrType = "increase" | "decrease" | "above" | "below";

export interface ObjectiveTemplate {
  id: string;
  name: string;
  keyResults: readonly { kpi: KpiKind; name: string }[];
}

/** The text of the templates in one language: objective and key-result names by message id (messages/en.json's keys). */
export type TemplateText = Readonly<Record<keyof typeof en, string>>;

/**
 * The text a new OKR sheet starts with, per language. Only names the user may rename come from here:
 * ids, and the KPI and type labels the sheet's formulas and re-runs read back, stay as they are.
 */
export const TEMPLATE_TEXT: Readonly<Record<Locale, TemplateText>> = { en, "zh-CN": zhCN };

/**
 * Drawn from the KPI articles the product is built on (customer journey: before, during, after the visit).
 * Ids never change with the language: a re-run finds its rows by them.
 */
const TEMPLATES = [
  {
    id: "delight",
    name: "objective.delight",
    keyResults: [
      { kpi: "nps", name: "keyResult.delight.nps" },
      { kpi: "csat", name: "keyResult.delight.csat" },
      { kpi: "fcr", name: "keyResult.delight.fcr" },
      { kpi: "ces", name: "keyResult.delight.ces" },
      { kpi: "sentiment", name: "keyResult.delight.sentiment" },
    ],
  },
  {
    id: "win",
    name: "objective.win",
    keyResults: [
      { kpi: "conversion", name: "keyResult.win.conversion" },
      { kpi: "responseTime", name: "keyResult.win.responseTime" },
      { kpi: "leadCost", name: "keyResult.win.leadCost" },
      { kpi: "abandonment", name: "keyResult.win.abandonment" },
    ],
  },
  {
    id: "repeat",
    name: "objective.repeat",
    keyResults: [
      { kpi: "repeatRate", name: "keyResult.repeat.repeatRate" },
      { kpi: "avgTicket", name: "keyResult.repeat.avgTicket" },
      { kpi: "retention", name: "keyResult.repeat.retention" },
      { kpi: "churn", name: "keyResult.repeat.churn" },
      { kpi: "newCustomers", name: "keyResult.repeat.newCustomers" },
    ],
  },
  {
    id: "ontime",
    name: "objective.ontime",
    keyResults: [
      { kpi: "ontime", name: "keyResult.ontime.ontime" },
      { kpi: "jobsPerTech", name: "keyResult.ontime.jobsPerTech" },
      { kpi: "resolutionTime", name: "keyResult.ontime.resolutionTime" },
      { kpi: "sla", name: "keyResult.ontime.sla" },
      { kpi: "timeOnSite", name: "keyResult.ontime.timeOnSite" },
    ],
  },
  {
    id: "grow",
    name: "objective.grow",
    keyResults: [
      { kpi: "revenue", name: "keyResult.grow.revenue" },
      { kpi: "jobs", name: "keyResult.grow.jobs" },
      { kpi: "jobsPerDay", name: "keyResult.grow.jobsPerDay" },
    ],
  },
] as const satisfies readonly { id: string; name: keyof TemplateText; keyResults: readonly { kpi: KpiKind; name: keyof TemplateText }[] }[];

/**
 * The objective templates named in one language.
 * @example objectiveTemplates("zh-CN")[0].name //=> "让客户满意"
 */
export function objectiveTemplates(locale: Locale): ObjectiveTemplate[] {
  const text = TEMPLATE_TEXT[locale];
  return TEMPLATES.map((objective) => ({
    id: objective.id,
    name: text[objective.name],
    keyResults: objective.keyResults.map((kr) => ({ kpi: kr.kpi, name: text[kr.name] })),
  }));
}

/** The templates in English, as the command line writes them. */
export const OBJECTIVES: readonly ObjectiveTemplate[] = objectiveTemplates("en");

/** formulas.ts's FormulaMode, spelled out here: that module imports this one, and a cycle is not allowed. */
type Mode = "portable" | "kpi";

/**
 * Whether the job log has every column a KPI needs (the job date always among them), and the formulas of
 * `mode` can compute it: a KPI that needs the add-in is never available in "native formulas" (portable) mode.
 */
export function isAvailable(kpi: KpiKind, columns: ColumnMap, mode: Mode = "portable"): boolean {
  return columns.date !== undefined && KPIS[kpi].roles.every((role) => columns[role] !== undefined) && !(mode === "portable" && KPIS[kpi].needsAddIn);
}

/** The objectives with only the key results the job log can compute in `mode`; objectives left empty are dropped. */
export function availableObjectives(columns: ColumnMap, objectives: readonly ObjectiveTemplate[] = OBJECTIVES, mode: Mode = "portable"): ObjectiveTemplate[] {
  return objectives.map((objective) => ({
    ...objective,
    keyResults: objective.keyResults.filter((kr) => isAvailable(kr.kpi, columns, mode)),
  })).filter((objective) => objective.keyResults.length > 0);
}

export function defaultKrType(kpi: KpiKind): KrType {
  return KPIS[kpi].higherIsBetter ? "increase" : "decrease";
}

/**
 * A suggested target: the baseline improved by 10%, capped where the KPI is capped
 * (a share cannot pass 100%, NPS cannot pass 100, sentiment cannot pass 1).
 * @example suggestTarget("fcr", 0.8) //=> 0.88
 */
export function suggestTarget(kpi: KpiKind, baseline: number): number {
  const { higherIsBetter, format, max } = KPIS[kpi];
  const improved = higherIsBetter ? baseline + Math.abs(baseline) * 0.1 : baseline * 0.9;
  const cap = max ?? (format === "percent" ? 1 : format === "score" ? 100 : Infinity);
  // A count of jobs aims at a whole number of them.
  const target = format === "count" ? Math.round(improved) : Number(improved.toPrecision(12));
  return Math.min(cap, target);
}
