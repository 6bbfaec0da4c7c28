/** The Excel error a KPI function returns for input it cannot use. */
export type KpiErrorCode = "VALUE" | "DIV0" | "NUM" | "NA";

/**
 * An error *value*: the KPI core returns it for bad user input (it never throws for that).
 * Only `#VALUE!` and `#N/A` show their message in Excel; the others carry one for tests and logs.
 */
export class KpiError {
  constructor(
    readonly code: KpiErrorCode,
    readonly message: string,
  ) {}
}

/** A KPI result: a number (or a status label), or the reason there is none. */
export type KpiResult<T = number> = T | KpiError;
