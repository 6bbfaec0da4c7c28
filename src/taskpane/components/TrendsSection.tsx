import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ReactNode, useId } from "react";
import type { ColumnMap } from "../../okr/columns";
import type { FormulaMode } from "../../okr/formulas";
import type { Period } from "../../okr/periods";
import type { DataSource } from "../../okr/plan";
import { renderProblems } from "../../okr/problems";
import type { OkrWorkbook } from "../../okr/workbook";
import type { Action } from "../hooks/useAction";
import { usePaneText } from "../hooks/usePaneText";
import type { MessageId } from "../i18n/messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

interface Props {
  workbook: OkrWorkbook;
  source: DataSource;
  columns: ColumnMap;
  /** The period chosen above: the sheet's latest month is its last; none while the chosen dates make no period. */
  period: Period | undefined;
  /** The formulas the OKR build uses. */
  mode: FormulaMode;
  /** The trends' own action: its outcome is shown by `outcome`. */
  action: Action;
  /** Whether any workbook action (this one or another) is running: one at a time. */
  busy: boolean;
  /** What became of the last build, rendered as the pane renders every action's outcome. */
  outcome: ReactNode;
}

/** Why the trends cannot be built from these columns, or undefined when they can: with a job date, jobs and jobs per day always can. */
function missingColumn(columns: ColumnMap): MessageId | undefined {
  return columns.date === undefined ? "trends.noDate" : undefined;
}

/**
 * "Build trends": builds or refreshes the Trends sheet (each KPI by month over the twelve months
 * ending with the chosen period, and a line chart per objective), with the formula mode chosen for
 * the OKR sheet, and says what it built. Disabled, with the reason beside it, while the log has no
 * date column.
 */
export function TrendsSection({ workbook, source, columns, period, mode, action, busy, outcome }: Props) {
  const styles = useStyles();
  const { t, locale } = usePaneText();
  const reasonId = useId();
  const missing = missingColumn(columns);

  const build = () => {
    if (!period || missing || busy) return;
    return action.run(async () => {
      const result = await workbook.buildTrends({ period, mode, source, columns });
      if (!result.ok) return { state: "error", message: renderProblems(result.problems, locale) };
      return { state: "done", message: t("trends.done", { sheet: result.sheet, kpis: result.kpis, months: result.months, charts: result.charts }) };
    }, (error) => t("trends.failed", { error }));
  };

  return (
    <section className={styles.section} aria-labelledby={`${reasonId}-heading`}>
      <Subtitle2 as="h2" id={`${reasonId}-heading`}>
        {t("trends.heading")}
      </Subtitle2>
      <Body1>{t("trends.explain")}</Body1>
      {missing && <Body1 id={reasonId}>{t(missing)}</Body1>}
      <Button disabled={!period || missing !== undefined || busy} aria-describedby={missing ? reasonId : undefined} onClick={build}>
        {t("trends.build")}
      </Button>
      {outcome}
    </section>
  );
}
