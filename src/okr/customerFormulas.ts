import { FormulaContext, identifiers, inPeriodMask, RUN_MARKS } from "./formulaParts";
import { KpiKind } from "./templates";

/**
 * Customer retention, churn and new customers from the job log: KPIs that compare the customers of two
 * windows, the period and an earlier one (the period before, or every day before the period).
 * The native formulas count customers by runs, as formulas.ts's sortedRuns counts distinct ones: each
 * row of either window that names a customer is tagged 1 (earlier) or 2 (the period), and the rows are
 * sorted by customer, then tag, so that each customer's rows make one run, earlier ones first. How a
 * run starts and ends says everything: starting with a 1, a customer of the earlier window; ending with
 * a 1, one with no job in the period (lost); starting with a 2, one of the period only (new). Sorting
 * and comparing neighbours is linear enough for LibreOffice, where UNIQUE or MATCH over names is not.
 * The =KPI.* formulas hand the two windows to KPI.RETAINED, KPI.CUSTOMERS and KPI.CHURN instead.
 */

type CustomerKpi = Extract<KpiKind, "retention" | "churn" | "newCustomers">;

/** The period before, which retention and churn need: a bug in the caller when it is missing. */
function periodBefore(ctx: FormulaContext): { from: string; to: string } {
  if (!ctx.before) throw new Error("Retention and churn need the previous period's first and last day (FormulaContext.before)");
  return ctx.before;
}

/** Customers and dates, then the period before and this period: KPI.RETAINED's arguments. */
function retainedArgs(ctx: FormulaContext): string {
  const before = periodBefore(ctx);
  return `${ctx.column("customer")},${ctx.column("date")},${before.from},${before.to},${ctx.from},${ctx.to}`;
}

/** KPI.CUSTOMERS's arguments for the period before. */
function customersBefore(ctx: FormulaContext): string {
  const before = periodBefore(ctx);
  return `${ctx.column("customer")},${ctx.column("date")},${before.from},${before.to}`;
}

/**
 * A LET over the customers of two windows of the log: each row is tagged 1 if `earlier` (a 1/0 mask)
 * selects it, 2 if dated in the period (the windows never overlap), and the tagged rows that name a
 * customer are sorted by customer, then tag. RUN_MARKS marks where each customer's run starts and
 * ends. `calculation` counts with them and `tags`:
 * - SUM(first*(tags=1)): customers of the earlier window (a run starting with a 1);
 * - SUM(last*(tags=1)): those lost (a run ending with a 1, so with no job in the period);
 * - SUM(first*(tags=2)): those of the period only (a run starting with a 2: new).
 * The keys and their tags are each sorted by both (ties hold equal tags, so the two stay aligned). SORTBY
 * (Excel 2021, Microsoft 365, LibreOffice 24.8 or later; https://support.microsoft.com/en-us/office/sortby-function-cd2d7a62-1b93-435c-b561-d6a35134f28f)
 * sorts by two keys where SORT takes one; HyperFormula gets it from backends/sortByFunction.ts.
 * With no tagged row FILTER fails, so {""} and {0} stand in (IF, not IFERROR: an error value among the
 * job dates shows, as KPI.* reports one).
 */
function customersAcross(ctx: FormulaContext, earlier: string, calculation: string): string {
  const tag = `${earlier}+2*${inPeriodMask(ctx)}`;
  return (
    `LET(tag,${tag},key,${identifiers(ctx.column("customer"))},kept,(tag>0)*(key<>""),found,SUM(kept),` +
    "rowKeys,FILTER(key,kept),rowTags,FILTER(tag,kept)," +
    'keys,IF(found,SORTBY(rowKeys,rowKeys,1,rowTags,1),{""}),tags,IF(found,SORTBY(rowTags,rowKeys,1,rowTags,1),{0}),' +
    RUN_MARKS +
    `${calculation})`
  );
}

/** The native formulas of the customer KPIs, for formulas.ts's table of them. */
export const CUSTOMER_PORTABLE: Record<CustomerKpi, (ctx: FormulaContext) => string> = {
  // Kept ÷ customers of the period before: with none, 0/0 is #DIV/0!, as in KPI.*.
  retention: (ctx) => customersAcross(ctx, inPeriodMask({ ...ctx, ...periodBefore(ctx) }), "SUM((first-last)*(tags=1))/SUM(first*(tags=1))"),
  churn: (ctx) => customersAcross(ctx, inPeriodMask({ ...ctx, ...periodBefore(ctx) }), "SUM(last*(tags=1))/SUM(first*(tags=1))"),
  // Every job dated before the period's first day is earlier: a blank date is no job.
  newCustomers: (ctx) => customersAcross(ctx, `ISNUMBER(${ctx.column("date")})*(${ctx.column("date")}<${ctx.from})${ctx.rows ? `*${ctx.rows}` : ""}`, "SUM(first*(tags=2))"),
};

/** The =KPI.* formulas of retention and churn, which read the period before, for formulas.ts's table of them. */
export const CUSTOMER_KPI_FUNCTIONS: Record<Exclude<CustomerKpi, "newCustomers">, (ctx: FormulaContext) => string> = {
  retention: (ctx) => `KPI.RETAINED(${retainedArgs(ctx)})/KPI.CUSTOMERS(${customersBefore(ctx)})`,
  // KPI.CHURN(start, end, new) with end − new the customers kept: lost ÷ start, exactly as the portable formula divides.
  churn: (ctx) => `KPI.CHURN(KPI.CUSTOMERS(${customersBefore(ctx)}),KPI.RETAINED(${retainedArgs(ctx)}),0)`,
};

/**
 * The period before the one from..to (two cells), as previousPeriod (periods.ts) finds it, in formulas:
 * the month or quarter before a calendar month or quarter, else as many days just before. Formulas,
 * not dates, so that the OKR sheet's Current column follows when the user changes the period in B2:B3.
 * @example previousPeriodBounds("$B$2", "$B$3").to //=> "($B$2-1)"
 */
export function previousPeriodBounds(from: string, to: string): { from: string; to: string } {
  const month = `AND(DAY(${from})=1,${to}=EOMONTH(${from},0))`;
  const quarter = `AND(DAY(${from})=1,MOD(MONTH(${from}),3)=1,${to}=EOMONTH(${from},2))`;
  return { from: `IF(${month},EDATE(${from},-1),IF(${quarter},EDATE(${from},-3),2*${from}-${to}-1))`, to: `(${from}-1)` };
}
