import type { ColumnMap } from "../../okr/columns";
import { renderProblems } from "../../okr/problems";
import { scorecardTitle } from "../../okr/scorecard";
import { usePaneText } from "../hooks/usePaneText";
import type { MessageId } from "../i18n/messages";
import { SheetSection, SheetSectionProps } from "./SheetSection";

const TEXT = { heading: "scorecard.heading", explain: "scorecard.explain", build: "scorecard.build", failed: "scorecard.failed" } as const;

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
export function ScorecardSection({ workbook, source, columns, mode, moneyFormat, ...section }: SheetSectionProps) {
  const { t, locale } = usePaneText();
  return (
    <SheetSection
      {...section}
      text={TEXT}
      missing={missingColumn(columns)}
      build={async (period) => {
        const result = await workbook.buildScorecard({ title: scorecardTitle(period), period, mode, source, columns, moneyFormat });
        if (!result.ok) return { state: "error", message: renderProblems(result.problems, locale) };
        return { state: "done", message: t("scorecard.done", { title: result.sheet, count: result.technicians }) };
      }}
    />
  );
}
