import { Badge, Body1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Status } from "../../okr/status";
import { LiveKeyResult } from "../../okr/workbook";
import { usePaneText } from "../hooks/usePaneText";
import { STATUS_MESSAGES } from "../i18n/labels";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  objective: { fontWeight: tokens.fontWeightSemibold },
});

const BADGE_COLOURS: Record<Status, "brand" | "success" | "warning" | "danger" | "severe" | "important"> = {
  Done: "brand",
  "On track": "success",
  "At risk": "warning",
  "Off track": "danger",
  Missed: "severe",
  "Check target": "important",
};

const isStatus = (text: string): text is Status => Object.prototype.hasOwnProperty.call(BADGE_COLOURS, text);

/**
 * Each KR with its progress and status as the sheet computes them now. The status cell holds the English label
 * (the sheet's rules compare it); the pane shows it in its own language, and text it does not know as it is.
 */
export function LiveView({ keyResults }: { keyResults: readonly LiveKeyResult[] }) {
  const styles = useStyles();
  const { t } = usePaneText();
  return (
    <ul className={styles.list} aria-label={t("live.list")}>
      {keyResults.map((kr) => {
        const progress = typeof kr.progress === "number" ? kr.progress : undefined;
        return (
          <li key={kr.id || kr.name}>
            <div className={styles.row}>
              <Body1 className={kr.isObjective ? styles.objective : undefined}>{kr.name}</Body1>
              {kr.status && (
                <Badge appearance="tint" color={isStatus(kr.status) ? BADGE_COLOURS[kr.status] : "informative"}>
                  {isStatus(kr.status) ? t(STATUS_MESSAGES[kr.status]) : kr.status}
                </Badge>
              )}
            </div>
            <ProgressBar
              value={progress === undefined ? 0 : Math.max(0, Math.min(1, progress))}
              aria-label={progress === undefined ? t("live.noTarget", { name: kr.name }) : t("live.progress", { name: kr.name, progress })}
            />
          </li>
        );
      })}
    </ul>
  );
}
