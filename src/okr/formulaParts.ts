import { Role } from "./columns";

/**
 * The parts every KPI formula is built from, shared by formulas.ts and customerFormulas.ts: the
 * references a formula reads, the mask of the period's rows, customers or technicians as keys, and the
 * marks of where each run of equal keys starts and ends in a sorted list.
 */

/** References the formulas are built from: a column per role, and the cells holding the period. */
export interface FormulaContext {
  column: (role: Role) => string;
  /** Cells holding the first and last day of the period (the last one counted in full). */
  from: string;
  to: string;
  /** A 1/0 mask over the job log's rows: only the rows it selects count (one technician's jobs). */
  rows?: string;
  /**
   * The first and last day of the period before (cell references or formulas such as DATE(2026,4,1)),
   * for the KPIs that compare the two: retention and churn. See previousPeriodBounds.
   */
  before?: { from: string; to: string };
}

/**
 * 1 for each row whose job date is in the period, 0 otherwise: an array, for SUMPRODUCT or FILTER.
 * @example inPeriodMask({ column: () => "D", from: "$B$2", to: "$B$3" }) //=> "(D>=$B$2)*(D<$B$3+1)"
 */
export function inPeriodMask(ctx: FormulaContext): string {
  const d = ctx.column("date");
  return `(${d}>=${ctx.from})*(${d}<${ctx.to}+1)${ctx.rows ? `*${ctx.rows}` : ""}`;
}

/**
 * Customers or technicians as the KPI library keys them, one per row: trimmed, lower case, a number as
 * its text (1001 and "1001" name the same one), an error cell as a blank. As text, every key sorts
 * and compares with the others as text is (a number would sort apart from its text), where COUNTIFS
 * read "Smith*", "<n/a>" or "=x" as patterns and operators.
 * @example identifiers("C2:C9") //=> 'LOWER(TRIM(IFERROR(C2:C9&"","")))'
 */
export function identifiers(values: string): string {
  return `LOWER(TRIM(IFERROR(${values}&"","")))`;
}

/**
 * LET names over `keys`, a sorted column: `first` and `last` are 1 where a key starts or ends its run
 * of equal keys (a key on one row does both). Neighbours are compared with ">", which orders text as
 * SORT does, not "<>", which compares exactly: two names a sort cannot tell apart ("ａ" and "a") may
 * lie interleaved, and "<>" would count the run they make more than once. Ends with a comma: the
 * calculation that counts with the marks follows.
 */
export const RUN_MARKS = "pos,SEQUENCE(ROWS(keys)),size,ROWS(keys),first,(pos=1)+(keys>INDEX(keys,pos-(pos>1))),last,(pos=size)+(INDEX(keys,pos+(pos<size))>keys),";
