import { Body1, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ReactNode, useId } from "react";
import type { ColumnMap } from "../../okr/columns";
import type { FormulaMode } from "../../okr/formulas";
import type { Period } from "../../okr/periods";
import type { DataSource } from "../../okr/plan";
import type { OkrWorkbook } from "../../okr/workbook";
import type { Action, Outcome } from "../hooks/useAction";
import { usePaneText } from "../hooks/usePaneText";
import type { MessageId } from "../i18n/messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** What the pane gives a section that builds a sheet from the job log (the scorecard, the trends). */
export interface SheetSectionProps {
  workbook: OkrWorkbook;
  source: DataSource;
  columns: ColumnMap;
  /** The period chosen above; none while the chosen dates make no period. */
  period: Period | undefined;
  /** The formulas the OKR build uses. */
  mode: FormulaMode;
  /** How money is written: the job log's own currency format, as the OKR build writes it; undefined for the add-in's. */
  moneyFormat: string | undefined;
  /** The section's own action: its outcome is shown by `outcome`. */
  action: Action;
  /** Whether any workbook action (this one or another) is running: one at a time. */
  busy: boolean;
  /** What became of the last build, rendered as the pane renders every action's outcome. */
  outcome: ReactNode;
}

interface Props extends Pick<SheetSectionProps, "period" | "action" | "busy" | "outcome"> {
  /** The section's texts: its heading, what it builds, its button, and what a failed build says (with `{error}`). */
  text: { heading: MessageId; explain: MessageId; build: MessageId; failed: MessageId };
  /** Why the sheet cannot be built from the log's columns, shown beside the disabled button; undefined when it can. */
  missing: MessageId | undefined;
  /** Builds the sheet for the period and says how that went. */
  build: (period: Period) => Promise<Outcome>;
}

/**
 * A pane section that builds one sheet: heading, what it builds, the button (disabled, with the reason
 * beside it, while a column is missing; disabled while another action runs or no period is chosen), and
 * the outcome of the last build.
 */
export function SheetSection({ text, missing, build, period, action, busy, outcome }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const reasonId = useId();

  const onClick = () => {
    if (!period || missing || busy) return;
    return action.run(() => build(period), (error) => t(text.failed, { error }));
  };

  return (
    <section className={styles.section} aria-labelledby={`${reasonId}-heading`}>
      <Subtitle2 as="h2" id={`${reasonId}-heading`}>
        {t(text.heading)}
      </Subtitle2>
      <Body1>{t(text.explain)}</Body1>
      {missing && <Body1 id={reasonId}>{t(missing)}</Body1>}
      <Button disabled={!period || missing !== undefined || busy} aria-describedby={missing ? reasonId : undefined} onClick={onClick}>
        {t(text.build)}
      </Button>
      {outcome}
    </section>
  );
}
