import { renderProblems } from "../../okr/problems";
import { usePaneText } from "../hooks/usePaneText";
import { SheetSection, SheetSectionProps } from "./SheetSection";

const TEXT = { heading: "trends.heading", explain: "trends.explain", build: "trends.build", failed: "trends.failed" } as const;

/**
 * "Build trends": builds or refreshes the Trends sheet (each KPI by month over the twelve months
 * ending with the chosen period, and a line chart per objective) and the check-in history, with the
 * formula mode chosen for the OKR sheet, and says what it built, or why the history was not. Disabled, with the reason beside it, while the log has no
 * date column (with one, jobs and jobs per day can always be counted).
 */
export function TrendsSection({ workbook, source, columns, mode, moneyFormat, ...section }: SheetSectionProps) {
  const { t, locale } = usePaneText();
  return (
    <SheetSection
      {...section}
      text={TEXT}
      missing={columns.date === undefined ? "trends.noDate" : undefined}
      build={async (period) => {
        const result = await workbook.buildTrends({ period, mode, source, columns, moneyFormat });
        if (!result.ok) return { state: "error", message: renderProblems(result.problems, locale) };
        const { history } = result;
        const trends = t("trends.done", { sheet: result.sheet, kpis: result.kpis, months: result.months, charts: result.charts });
        // The trends are built either way: the history's outcome, or why it was not built, follows as a sentence.
        const historyText = history.ok ? t("trends.history", { sheet: history.sheet, okrSheets: history.okrSheets }) : renderProblems(history.problems, locale);
        return { state: "done", message: [trends, historyText].join(locale === "en" ? " " : "") };
      }}
    />
  );
}
