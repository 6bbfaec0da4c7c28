import { Badge, Body1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { Status } from "../../okr/status";
import { LiveKeyResult } from "../../okr/workbook";

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

/** Each KR with its progress and status as the sheet computes them now. */
export function LiveView({ keyResults }: { keyResults: readonly LiveKeyResult[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Key results">
      {keyResults.map((kr) => {
        const progress = typeof kr.progress === "number" ? kr.progress : undefined;
        return (
          <li key={kr.id || kr.name}>
            <div className={styles.row}>
              <Body1 className={kr.isObjective ? styles.objective : undefined}>{kr.name}</Body1>
              {kr.status && (
                <Badge appearance="tint" color={BADGE_COLOURS[kr.status as Status] ?? "informative"}>
                  {kr.status}
                </Badge>
              )}
            </div>
            <ProgressBar
              value={progress === undefined ? 0 : Math.max(0, Math.min(1, progress))}
              aria-label={`${kr.name}: ${progress === undefined ? "no target yet" : `${Math.round(progress * 100)}%`}`}
            />
          </li>
        );
      })}
    </ul>
  );
}
