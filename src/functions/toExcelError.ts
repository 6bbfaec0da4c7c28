import { KpiError, KpiErrorCode, KpiResult } from "../kpi/errors";
import { Locale } from "../kpi/locale";
import { displayLocale } from "./displayLocale";

/** Excel shows a message only with #VALUE! and #N/A. */
const SHOWS_MESSAGE: ReadonlySet<KpiErrorCode> = new Set(["VALUE", "NA"]);

/** Read lazily: the CustomFunctions global exists only inside Excel's runtime. */
function excelCode(code: KpiErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "VALUE":
      return CustomFunctions.ErrorCode.invalidValue;
    case "DIV0":
      return CustomFunctions.ErrorCode.divisionByZero;
    case "NUM":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "NA":
      return CustomFunctions.ErrorCode.notAvailable;
  }
}

/**
 * The Excel error a KPI error stands for, its message written in the user's language (Office's
 * display language unless told otherwise).
 * @example toExcelError(nothingToCount("NPS", "scores")) //=> #DIV/0! with no message
 */
export function toExcelError(error: KpiError, locale: Locale = displayLocale()): CustomFunctions.Error {
  const code = excelCode(error.code);
  return SHOWS_MESSAGE.has(error.code) ? new CustomFunctions.Error(code, error.messageIn(locale)) : new CustomFunctions.Error(code);
}

/** The value of a KPI result, or the Excel error it stands for, thrown as custom functions expect. */
export function unwrap<T>(result: KpiResult<T>): T {
  if (result instanceof KpiError) throw toExcelError(result);
  return result;
}
