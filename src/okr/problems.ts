import { IntlMessageFormat } from "intl-messageformat";
import type { Role } from "./columns";
import type { FormulaFault } from "./customKeyResults";
import type { Locale } from "./locale";
import en from "./messages/problems.en.json";
import zhCN from "./messages/problems.zh-CN.json";

/**
 * Why the workbook could not do what the pane asked, as data: a code and the values it names (sheet
 * names, cells, counts). The model and the writer return these; the text is written only where someone
 * reads it (the pane, the CLI), in their language, by renderProblem.
 */
export type Problem =
  | { code: "noSheetNamed" | "emptySheetNoTable" | "noJobLog" | "sheetGone" | "sheetProtected" | "sheetExists"; sheet: string }
  | { code: "headerRowOutOfReach"; row: number; firstRow: number; rows: number }
  | { code: "jobDataGone"; kind: "table" | "range"; name: string }
  | { code: "entriesInTheWay"; lastColumn: string; sheet: string; cells: string; more: number }
  | { code: "noDateColumn" | "noKeyResults" | "periodReversed" }
  | { code: "missingColumns"; keyResult: string; roles: readonly Role[] }
  | { code: "negativeWeight"; keyResult: string }
  | { code: "notAFormula"; keyResult: string; formula: string; fault: FormulaFault }
  | { code: "needsKpiFunctions"; keyResult: string }
  | { code: "textDates"; column: string; texts: number; rows: number; example: string; role: "date" | "time" }
  | { code: "plainRange"; sheet: string; firstRow: number; lastRow: number }
  | { code: "noScorecardColumn"; role: "date" | "technician" }
  /** `from` and `to` as ISO dates (2026-07-01), which read the same in every language. */
  | { code: "noOneToScore"; from: string; to: string }
  | { code: "noTrendsDateColumn" }
  /** `reference` as written in the formula; `cell` the key result's own Current cell (G11). */
  | { code: "circularReference"; keyResult: string; formula: string; reference: string; cell: string }
  /** The check-in history's: the CheckIns table is missing or has no check-in row, or lacks columns (`columns`: their names, comma-separated). */
  | { code: "noCheckIns"; table: string }
  | { code: "checkInColumnsMissing"; table: string; columns: string; count: number };

/** Every problem code, and the two helper messages that word a list of columns. */
export type ProblemMessageId = keyof typeof en;

/** The problem catalogues, flat ids to ICU messages; messages.test.ts checks both have the same ids and placeholders. */
export const PROBLEM_MESSAGES: Readonly<Record<Locale, Readonly<Record<ProblemMessageId, string>>>> = { en, "zh-CN": zhCN };

function format(id: ProblemMessageId, locale: Locale, values: Readonly<Record<string, string | number>> = {}): string {
  return String(new IntlMessageFormat(PROBLEM_MESSAGES[locale][id], locale).format(values));
}

/** "requested and resolved" in English, "请求时间和解决时间" in Chinese. */
function columnList(roles: readonly Role[], locale: Locale): string {
  const names = roles.map((role) => format("columnName", locale, { role }));
  return names.reduce((list, next) => format("columnList", locale, { list, next }));
}

/**
 * A problem in the given language.
 * @example renderProblem({ code: "sheetExists", sheet: "Sample jobs" }, "zh-CN") //=> "工作簿中已有名为“Sample jobs”的工作表。"
 */
export function renderProblem(problem: Problem, locale: Locale): string {
  if (problem.code === "missingColumns") {
    const { code, keyResult, roles } = problem;
    return format(code, locale, { keyResult, columns: columnList(roles, locale), count: roles.length });
  }
  const { code, ...values } = problem;
  return format(code, locale, values);
}

/**
 * Several problems as one paragraph: sentences after one another, spaced in English, as written in Chinese.
 * @example renderProblems([{ code: "noKeyResults" }, { code: "periodReversed" }], "en") //=> "Choose at least one key result. The period ends before it starts."
 */
export function renderProblems(problems: readonly Problem[], locale: Locale): string {
  return problems.map((problem) => renderProblem(problem, locale)).join(locale === "en" ? " " : "");
}
