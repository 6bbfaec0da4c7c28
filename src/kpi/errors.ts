import { Locale } from "./locale";
import { Reason, renderMessage } from "./renderMessage";

/** The Excel error a KPI function returns for input it cannot use. */
export type KpiErrorCode = "VALUE" | "DIV0" | "NUM" | "NA";

/**
 * An error *value*: the KPI core returns it for bad user input (it never throws for that).
 * It carries the reason as data, not text, so the custom-function wrapper can write the message in
 * Office's display language; the core never needs to know that language.
 * Only `#VALUE!` and `#N/A` show their message in Excel; the others carry one for tests and logs.
 */
export class KpiError {
  constructor(
    readonly code: KpiErrorCode,
    readonly reason: Reason,
  ) {}

  /** The message in English, as tests and logs read it. */
  get message(): string {
    return renderMessage(this.reason, "en");
  }

  /** The message in the given language, as a person reads it in Excel. */
  messageIn(locale: Locale): string {
    return renderMessage(this.reason, locale);
  }
}

/** A KPI result: a number (or a status label), or the reason there is none. */
export type KpiResult<T = number> = T | KpiError;
