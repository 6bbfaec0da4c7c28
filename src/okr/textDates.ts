import { ColumnMap, Role } from "./columns";
import type { Problem } from "./problems";

/** Columns the formulas compare as dates and times. */
const TIME_ROLES: readonly Role[] = ["date", "requested", "responded", "resolved", "arrival", "promised"];

/**
 * A warning for each date or time column whose sampled cells hold text ("2026-07-05", "03/07/2026"):
 * native formulas compare dates as numbers, so those rows would drop out of every period without a word.
 */
export function textDateWarnings(headers: readonly string[], sample: readonly (readonly unknown[])[], columns: ColumnMap): Problem[] {
  const warnings: Problem[] = [];
  for (const role of TIME_ROLES) {
    const column = columns[role];
    if (column === undefined) continue;
    const cells = sample.map((row) => row[column]).filter((cell) => cell !== null && cell !== undefined && cell !== "");
    const texts = cells.filter((cell): cell is string => typeof cell === "string");
    if (texts.length === 0) continue;
    // A text job date drops its row from every period; a text time meets arithmetic, where a date-like
    // text may count and any other ("   ", "n/a") turns the key result into #VALUE!.
    warnings.push({ code: "textDates", column: headers[column], texts: texts.length, rows: cells.length, example: texts[0], role: role === "date" ? "date" : "time" });
  }
  return warnings;
}
