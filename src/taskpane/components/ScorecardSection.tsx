import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ReactNode, useId } from "react";
import type { ColumnMap } from "../../okr/columns";
import type { FormulaMode } from "../../okr/formulas";
import type { Period } from "../../okr/periods";
import type { DataSource } from "../../okr/plan";
import { renderProblems } from "../../okr/problems";
import { scorecardTitle } from "../../okr/scorecard";
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
  /** The period chosen above; none while the chosen dates make no period. */
  period: Period | undefined;
  /** The formulas the OKR build uses. */
  mode: FormulaMode;
  /** The scorecard's own action: its outcome is shown by `outcome`. */
  action: Action;
  /** Whether any workbook action (this one or another) is running: one at a time. */
  busy: boolean;
  /** What became of the last build, rendered as the pane renders every action's outcome. */
  outcome: ReactNode;
}

/** Why the scorecard cannot be built from these columns, or undefined when it can. */
function missingColumn(columns: ColumnMap): MessageId | undefined {
  if (columns.technician === undefined) return "scorecard.noTechnician";
  if (columns.date === undefined) return "scorecard.noDate";
  return undefined;
}

/**
 * "Build scorecard": builds or refreshes the sheet `Scorecard <period>` from the job log, with the
 * period and formula mode chosen for the OKR sheet, and says what it built. Disabled, with the reason
 * shown beside it, while the log has no technician or date column to score by.
 */
export function ScorecardSection({ workbook, source, columns, period, mode, action, busy, outcome }: Props) {
  const styles = useStyles();
  const { t, locale } = usePaneText();
  const reasonId = useId();
  const missing = missingColumn(columns);

  const build = () => {
    if (!period || missing || busy) return;
    return action.run(async () => {
      const result = await workbook.buildScorecard({ title: scorecardTitle(period), period, mode, source, columns });
      if (!result.ok) return { state: "error", message: renderProblems(result.problems, locale) };
      return { state: "done", message: t("scorecard.done", { title: result.sheet, count: result.technicians }) };
    }, (error) => t("scorecard.failed", { error }));
  };

  return (
    <section className={styles.section} aria-labelledby={`${reasonId}-heading`}>
      <Subtitle2 as="h2" id={`${reasonId}-heading`}>
        {t("scorecard.heading")}
      </Subtitle2>
      <Body1>{t("scorecard.explain")}</Body1>
      {missing && <Body1 id={reasonId}>{t(missing)}</Body1>}
      <Button disabled={!period || missing !== undefined || busy} aria-describedby={missing ? reasonId : undefined} onClick={build}>
        {t("scorecard.build")}
      </Button>
      {outcome}
    </section>
  );
}
