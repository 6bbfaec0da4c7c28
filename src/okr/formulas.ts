import { Role } from "./columns";
import { CUSTOMER_KPI_FUNCTIONS, CUSTOMER_PORTABLE } from "./customerFormulas";
import { FormulaContext, identifiers, inPeriodMask, RUN_MARKS } from "./formulaParts";
import { NAME_SEPARATORS } from "./technicianNames";
import { KpiKind } from "./templates";

/**
 * The formula for a KPI over the job log between two date cells, in either mode:
 * - portable: native Excel functions only, so the sheet computes where the add-in is not installed
 *   (a client's Excel, Excel on the web, LibreOffice);
 * - kpi: the add-in's =KPI.* functions, shorter to read.
 * On valid job data both give the same number (a test checks it in a real formula engine). Comment
 * sentiment has no portable formula (it needs a word list): KPIS marks it needsAddIn, so it is only on kpi sheets.
 * Portable formulas read numbers as numbers only: a score typed as text ("9") counts in KPI.*, not here.
 * An error value in a time column (requested, responded, resolved, arrival, promised) shows as that error in every period, as SUM would.
 * Repeat customers and jobs per technician use FILTER, SORT, SEQUENCE and LET (Excel 2021, Microsoft 365,
 * LibreOffice 24.8 or later; #NAME? in Excel 2019 and older) and name customers and technicians as
 * KPI.* does, except that TRIM also joins runs of inner spaces and trims spaces only (not tabs or
 * no-break spaces), a number typed as text in another form ("01001", "1001.0") is not that number,
 * and a TRUE or FALSE cell is a name (KPI.* ignores it).
 * Names that sorting cannot tell apart are one name here: a full-width letter and its plain form ("ａ", "a"),
 * names differing only by an invisible character (soft hyphen, zero-width space), "é" typed as e and an accent.
 * Time on site counts only rows whose arrival and completion are both date-times (1 or more): an arrival typed as a
 * time of day alone is left out here, where KPI.TIMEONSITE names its cell. An error value in an SLA target shows as
 * that error in every period, as in a time column.
 * Customer retention, churn and new customers name customers the same way and also use SORTBY (the same
 * versions); an error value among the job dates shows as that error in every period, where KPI.* names the cell.
 */
export type FormulaMode = "portable" | "kpi";

// The sheet builders (plan.ts, scorecard.ts, trends.ts) take all they need of KPI formulas from this module.
export type { FormulaContext } from "./formulaParts";
export { previousPeriodBounds } from "./customerFormulas";

const YES = '{"true","yes","y","1","是"}';
const NO = '{"false","no","n","0","否"}';

/** COUNTIFS/SUMIFS criteria pairs for the period. */
function periodCriteria(ctx: FormulaContext): string {
  const d = ctx.column("date");
  return `${d},">="&${ctx.from},${d},"<"&(${ctx.to}+1)`;
}

/** Yes/no cells read as KPI.RATE reads them: text&"" turns TRUE (or LibreOffice's 1) into text to match. */
function flagCount(ctx: FormulaContext, flags: string, words: string): string {
  return `SUMPRODUCT(${inPeriodMask(ctx)}*ISNUMBER(MATCH(LOWER(TRIM(${flags}&"")),${words},0)))`;
}

function shareOfYes(ctx: FormulaContext, role: Role): string {
  const flags = ctx.column(role);
  const yes = flagCount(ctx, flags, YES);
  return `${yes}/(${yes}+${flagCount(ctx, flags, NO)})`;
}

/** Mean hours from `start` to `end` over rows with both (each passing `test`: any time by default), as KPI.RESPONSETIME. */
function meanHours(ctx: FormulaContext, start: string, end: string, test = ">0"): string {
  const both = `${inPeriodMask(ctx)}*(${start}${test})*(${end}${test})`;
  return `SUMPRODUCT(${both}*(${end}-${start}))*24/SUMPRODUCT(${both})`;
}

/** 1 for each row in the period that names someone in `values`, 0 otherwise. */
function namedInPeriod(ctx: FormulaContext, values: string): string {
  return `${inPeriodMask(ctx)}*(${identifiers(values)}<>"")`;
}

/**
 * A LET over the identifiers the period names, sorted, so that equal ones sit together: `first` and
 * `last` (RUN_MARKS, formulaParts.ts) mark, per key, whether it starts or ends its run of equal keys,
 * and `named` is 0 for the blank that stands in for an empty period. `calculation` counts with them:
 * SUM(first*named) is the number of distinct identifiers, SUM(first*last*named) of those on one row.
 * Why sort: LibreOffice 25.2's UNIQUE compares each key with every distinct one found so far. With it,
 * one repeat-rate formula over a quarter of 200,000 jobs (25,113 rows, 16,956 customers) cost
 * 19.2 s of CPU to recalculate; sorted, 0.14 s, the same number.
 * Functions, as Microsoft documents them: SORT https://support.microsoft.com/en-us/office/sort-function-22f63bd0-ccc8-492f-953d-c20e8e44b86c,
 * SEQUENCE https://support.microsoft.com/en-us/office/sequence-function-57467a98-57e0-4817-9f14-2eb78519ca90,
 * LET https://support.microsoft.com/en-us/office/let-function-34842dd8-b92b-4d3f-b325-b8b8f9908999 (a name
 * must not look like a reference: hence no "c" or "r"), INDEX with an array of rows (its example 2)
 * https://support.microsoft.com/en-us/office/index-function-a5dcf0dd-996d-40a4-a822-b56b061328bd.
 * HyperFormula, which computes the demo, gets LET from backends/letFunction.ts.
 */
function sortedRuns(ctx: FormulaContext, values: string, calculation: string): string {
  return runsOf(identifiers(values), namedInPeriod(ctx, values), calculation);
}

/**
 * sortedRuns over any keys, of the rows `included` (a 1/0 array) selects: text keys as sortedRuns makes
 * them, or numbers (the days of jobsPerDay), which sort, and compare with ">", as numbers.
 */
function runsOf(values: string, included: string, calculation: string): string {
  // With nobody in the period FILTER fails; {""} stands in, an array as SORT gives (LibreOffice's ROWS and INDEX refuse a lone "").
  const keys = `IFERROR(SORT(FILTER(${values},${included})),{""})`;
  return `LET(keys,${keys},${RUN_MARKS}named,(keys<>"")*1,${calculation})`;
}

/** Jobs dated in the period: SUMPRODUCT, not COUNTIFS, so an error value in the job dates shows, as KPI.JOBS reports it. */
function jobsInPeriod(ctx: FormulaContext): string {
  return `SUMPRODUCT(${inPeriodMask(ctx)})`;
}

/** Native formulas per KPI; undefined for a KPI no native formula computes (KPIS marks it needsAddIn). */
const PORTABLE: Record<KpiKind, ((ctx: FormulaContext) => string) | undefined> = {
  nps: (ctx) => {
    const s = ctx.column("nps");
    const p = periodCriteria(ctx);
    return `100*(COUNTIFS(${s},">=9",${s},"<=10",${p})-COUNTIFS(${s},">=0",${s},"<=6",${p}))/COUNTIFS(${s},">=0",${s},"<=10",${p})`;
  },
  csat: (ctx) => {
    const s = ctx.column("csat");
    const p = periodCriteria(ctx);
    return `COUNTIFS(${s},">=4",${s},"<=5",${p})/COUNTIFS(${s},">=1",${s},"<=5",${p})`;
  },
  fcr: (ctx) => shareOfYes(ctx, "firstVisitFix"),
  conversion: (ctx) => shareOfYes(ctx, "booked"),
  responseTime: (ctx) => meanHours(ctx, ctx.column("requested"), ctx.column("responded")),
  // From when the customer asked, not the job date: a date has no time of day.
  resolutionTime: (ctx) => meanHours(ctx, ctx.column("requested"), ctx.column("resolved")),
  // 1 − customers with one job ÷ customers: with no customer in the period, 1 − 0/0 is #DIV/0!, as in KPI.*.
  repeatRate: (ctx) => sortedRuns(ctx, ctx.column("customer"), "1-SUM(first*last*named)/SUM(first*named)"),
  avgTicket: (ctx) => {
    const a = ctx.column("amount");
    const p = periodCriteria(ctx);
    return `SUMIFS(${a},${p})/COUNTIFS(${a},">=0",${p})`;
  },
  ontime: (ctx) => {
    const arrival = ctx.column("arrival");
    const promised = ctx.column("promised");
    const both = `${inPeriodMask(ctx)}*(${arrival}>0)*(${promised}>0)`;
    return `SUMPRODUCT(${both}*(ROUND((${arrival}-${promised})*86400,0)<=0))/SUMPRODUCT(${both})`;
  },
  // Jobs naming a technician ÷ technicians: #DIV/0! with none, as in KPI.*. The jobs are counted apart
  // from the LET, whose IFERROR would hide an error value in the job dates that KPI.* reports.
  jobsPerTech: (ctx) => {
    const t = ctx.column("technician");
    return `SUMPRODUCT(${namedInPeriod(ctx, t)})/${sortedRuns(ctx, t, "SUM(first*named)")}`;
  },
  // Jobs with a request, a resolution and a target that is a number above 0, as KPI.WITHINSLA: met when the
  // whole seconds taken, in hours, are within it. Compared, not multiplied, so a target of text adds no error.
  sla: (ctx) => {
    const start = ctx.column("requested");
    const end = ctx.column("resolved");
    const target = ctx.column("slaHours");
    const jobs = `${inPeriodMask(ctx)}*(${start}>0)*(${end}>0)*ISNUMBER(${target})*(${target}>0)`;
    return `SUMPRODUCT(${jobs}*(ROUND((${end}-${start})*86400,0)/3600<=${target}))/SUMPRODUCT(${jobs})`;
  },
  // Date-times only (1 or more): a time of day alone has no day to pair with the completion.
  timeOnSite: (ctx) => meanHours(ctx, ctx.column("arrival"), ctx.column("resolved"), ">=1"),
  // The period's spend ÷ its leads, one per row dated in it.
  leadCost: (ctx) => {
    const p = periodCriteria(ctx);
    return `SUMIFS(${ctx.column("spend")},${p})/COUNTIFS(${p})`;
  },
  abandonment: (ctx) => shareOfYes(ctx, "abandoned"),
  // AVGTICKET's numerator: SUMIFS skips text, so an amount typed as text ("120") counts in KPI.REVENUE only.
  revenue: (ctx) => `SUMIFS(${ctx.column("amount")},${periodCriteria(ctx)})`,
  jobs: jobsInPeriod,
  // Jobs ÷ the distinct days (INT drops the time of day) among them: #DIV/0! with no job, as in KPI.*. The
  // jobs are counted apart from the LET, whose IFERROR would hide an error value in the job dates.
  jobsPerDay: (ctx) => `${jobsInPeriod(ctx)}/${runsOf(`INT(${ctx.column("date")})`, inPeriodMask(ctx), "SUM(first*named)")}`,
  // The mean of the answers 1..10, as KPI.CES reads them on its scale 10 (see KPI_FUNCTIONS); #DIV/0! with none.
  // SUMIFS ÷ COUNTIFS rather than AVERAGEIFS, which HyperFormula (the demo's engine) lacks.
  ces: (ctx) => {
    const e = ctx.column("effort");
    const answers = `${e},">=1",${e},"<=10",${periodCriteria(ctx)}`;
    return `SUMIFS(${e},${answers})/COUNTIFS(${answers})`;
  },
  sentiment: undefined,
  ...CUSTOMER_PORTABLE,
};

const KPI_FUNCTIONS: Record<KpiKind, (ctx: FormulaContext) => string> = {
  nps: (ctx) => `KPI.NPS(${ctx.column("nps")},${period(ctx)})`,
  csat: (ctx) => `KPI.CSAT(${ctx.column("csat")},5,${period(ctx)})`,
  fcr: (ctx) => `KPI.FCR(${ctx.column("firstVisitFix")},${period(ctx)})`,
  conversion: (ctx) => `KPI.RATE(${ctx.column("booked")},${period(ctx)})`,
  responseTime: (ctx) => `KPI.RESPONSETIME(${ctx.column("requested")},${ctx.column("responded")},"hours",${period(ctx)})`,
  resolutionTime: (ctx) => `KPI.RESOLUTIONTIME(${ctx.column("requested")},${ctx.column("resolved")},"hours",${period(ctx)})`,
  repeatRate: (ctx) => `KPI.REPEATRATE(${ctx.column("customer")},${period(ctx)})`,
  avgTicket: (ctx) => `KPI.AVGTICKET(${ctx.column("amount")},${period(ctx)})`,
  ontime: (ctx) => `KPI.ONTIME(${ctx.column("arrival")},${ctx.column("promised")},0,${period(ctx)})`,
  jobsPerTech: (ctx) => `KPI.JOBSPERTECH(${ctx.column("technician")},${period(ctx)})`,
  sla: (ctx) => `KPI.WITHINSLA(${ctx.column("requested")},${ctx.column("resolved")},${ctx.column("slaHours")},${period(ctx)})`,
  timeOnSite: (ctx) => `KPI.TIMEONSITE(${ctx.column("arrival")},${ctx.column("resolved")},"hours",${period(ctx)})`,
  // KPI.LEADCOST divides totals: the period's spend and its leads (rows dated in it), as the portable formula counts them.
  leadCost: (ctx) => {
    const p = periodCriteria(ctx);
    return `KPI.LEADCOST(SUMIFS(${ctx.column("spend")},${p}),COUNTIFS(${p}))`;
  },
  abandonment: (ctx) => `KPI.RATE(${ctx.column("abandoned")},${period(ctx)})`,
  revenue: (ctx) => `KPI.REVENUE(${ctx.column("amount")},${period(ctx)})`,
  jobs: (ctx) => `KPI.JOBS(${period(ctx)})`,
  jobsPerDay: (ctx) => `KPI.JOBSPERDAY(${period(ctx)})`,
  // Scale 10: the widest effort scale column detection accepts (columns.ts reads 1..10 as effort), so a 1-5,
  // 1-7 or 1-10 survey is read, not refused; the mean does not depend on the scale, only what is valid does.
  ces: (ctx) => `KPI.CES(${ctx.column("effort")},10,${period(ctx)})`,
  sentiment: (ctx) => `KPI.SENTIMENT(${ctx.column("comment")},${period(ctx)})`,
  ...CUSTOMER_KPI_FUNCTIONS,
  newCustomers: (ctx) => `KPI.NEWCUSTOMERS(${ctx.column("customer")},${period(ctx)})`,
};

function period(ctx: FormulaContext): string {
  return `${ctx.column("date")},${ctx.from},${ctx.to}`;
}

/** A KPI's native formula; asking for one the KPI has not (it needsAddIn, which keeps it off portable sheets) is a bug. */
function portable(kpi: KpiKind, formula = PORTABLE[kpi]): (ctx: FormulaContext) => string {
  if (!formula) throw new Error(`${kpi} has no native formula: only =KPI.* formulas compute it`);
  return formula;
}

/** The formula (with its leading =) for a KPI over the period in the given mode. */
export function kpiFormula(kpi: KpiKind, mode: FormulaMode, ctx: FormulaContext): string {
  return `=${(mode === "portable" ? portable(kpi) : KPI_FUNCTIONS[kpi])(ctx)}`;
}

/**
 * A technician cell as a comma-separated list, as technicianNames splits it: lower case, runs of spaces
 * joined (TRIM), every separator a comma, no space beside one. An error cell stays an error, which the
 * ISNUMBER around FIND reads as no match: no IFERROR, which Excel 2019 and older evaluate over one
 * cell only inside SUMPRODUCT unless entered as an array formula.
 */
function nameList(technicians: string): string {
  let list = `LOWER(TRIM(${technicians}&""))`;
  for (const separator of NAME_SEPARATORS.filter((s) => s !== ",")) list = `SUBSTITUTE(${list},"${separator}",",")`;
  return `SUBSTITUTE(SUBSTITUTE(${list}," ,",","),", ",",")`;
}

/**
 * TRUE for each row whose technician cell names the technician in cell `name`, alone or among the
 * names of a shared job. FIND compares the names exactly (any case): no wildcard or operator, so
 * "Smith*", "Jo?" or "=x" name themselves, where COUNTIFS would read them as patterns.
 * @example namesTechnician("Jobs[[Technician]]", "$A8") //=> 'ISNUMBER(FIND(","&LOWER(TRIM($A8))&",",","&SUBSTITUTE(...)&","))'
 */
export function namesTechnician(technicians: string, name: string): string {
  return `ISNUMBER(FIND(","&LOWER(TRIM(${name}))&",",","&${nameList(technicians)}&","))`;
}

/** NPS, CSAT, the average ticket and revenue count with COUNTIFS or SUMIFS, which take no mask: these count over one. */
const PORTABLE_OVER_ROWS: Partial<Record<KpiKind, (ctx: FormulaContext) => string>> = {
  nps: (ctx) => {
    const s = ctx.column("nps");
    return `100*(${countBetween(ctx, s, 9, 10)}-${countBetween(ctx, s, 0, 6)})/${countBetween(ctx, s, 0, 10)}`;
  },
  csat: (ctx) => {
    const s = ctx.column("csat");
    return `${countBetween(ctx, s, 4, 5)}/${countBetween(ctx, s, 1, 5)}`;
  },
  avgTicket: (ctx) => {
    const a = ctx.column("amount");
    return `SUMPRODUCT(${inPeriodMask(ctx)},${a})/${countBetween(ctx, a, 0, "")}`;
  },
  // SUMPRODUCT's second array reads text and blanks as 0, as SUMIFS skips them.
  revenue: (ctx) => `SUMPRODUCT(${inPeriodMask(ctx)},${ctx.column("amount")})`,
};

/** How many numbers from low to high (no upper bound for "") the period's rows hold: COUNTIFS over a mask. */
function countBetween(ctx: FormulaContext, values: string, low: number, high: number | ""): string {
  return `SUMPRODUCT(${inPeriodMask(ctx)}*ISNUMBER(${values})*(${values}>=${low})${high === "" ? "" : `*(${values}<=${high})`})`;
}

/**
 * The formula for a KPI over the rows of the period that `rows` selects (one technician's jobs), in
 * either mode: portable formulas multiply the mask into their period mask; =KPI.* functions read the
 * selected rows through FILTER (Excel 2021, Microsoft 365), so they still see every row of the period.
 */
export function kpiFormulaOver(kpi: KpiKind, mode: FormulaMode, ctx: FormulaContext, rows: string): string {
  if (mode === "kpi") return `=${KPI_FUNCTIONS[kpi]({ ...ctx, column: (role) => `FILTER(${ctx.column(role)},${rows})` })}`;
  const over = { ...ctx, rows };
  return `=${portable(kpi, PORTABLE_OVER_ROWS[kpi] ?? PORTABLE[kpi])(over)}`;
}
