import { Badge, Body1, Caption1, makeStyles, mergeClasses, ProgressBar, tokens } from "@fluentui/react-components";
import { ArrowTrending16Filled } from "@fluentui/react-icons/lib/atoms/svg/arrow-trending";
import { CheckmarkCircle16Filled } from "@fluentui/react-icons/lib/atoms/svg/checkmark-circle";
import { DismissCircle16Filled } from "@fluentui/react-icons/lib/atoms/svg/dismiss-circle";
import { ErrorCircle16Filled } from "@fluentui/react-icons/lib/atoms/svg/error-circle";
import { QuestionCircle16Filled } from "@fluentui/react-icons/lib/atoms/svg/question-circle";
import { Warning16Filled } from "@fluentui/react-icons/lib/atoms/svg/warning";
import type { ReactElement } from "react";
import { currencyOfFormat } from "../../okr/currencyFormat";
import { shownValue } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import type { CalendarKind } from "../../okr/periods";
import type { Status } from "../../okr/status";
import { KPIS, KpiKind } from "../../okr/templates";
import { LiveKeyResult } from "../../okr/workbook";
import { Translate, usePaneText } from "../hooks/usePaneText";
import { STATUS_MESSAGES } from "../i18n/labels";
import { Sparkline } from "./Sparkline";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  // Long KR names wrap at 320 px instead of pushing the badge out of the pane.
  name: { minWidth: 0, overflowWrap: "anywhere" },
  objective: { fontWeight: tokens.fontWeightSemibold },
  badge: { flexShrink: 0 },
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

/** Each status's colour and icon: the word is always shown too, so neither colour nor shape carries it alone. */
const STATUS_LOOKS: Record<Status, { colour: "brand" | "success" | "warning" | "danger" | "severe" | "important"; icon: ReactElement }> = {
  Done: { colour: "brand", icon: <CheckmarkCircle16Filled /> },
  "On track": { colour: "success", icon: <ArrowTrending16Filled /> },
  "At risk": { colour: "warning", icon: <Warning16Filled /> },
  "Off track": { colour: "danger", icon: <ErrorCircle16Filled /> },
  Missed: { colour: "severe", icon: <DismissCircle16Filled /> },
  "Check target": { colour: "important", icon: <QuestionCircle16Filled /> },
};

const isStatus = (text: string): text is Status => Object.prototype.hasOwnProperty.call(STATUS_LOOKS, text);

/** The KPI a key-result row measures, from its id ("delight:nps"); undefined for objective rows and rows added by hand. */
function kpiOf(id: string): KpiKind | undefined {
  const kpi = id.slice(id.lastIndexOf(":") + 1);
  return Object.prototype.hasOwnProperty.call(KPIS, kpi) ? (kpi as KpiKind) : undefined;
}

/**
 * A Current or Target cell as the pane shows it: the KPI's own format (money in the currency the cell
 * shows, which a build takes from the job log), a share when the cell shows one, else the number.
 */
function liveValue(value: number | string, kr: LiveKeyResult, locale: Locale, t: Translate): string {
  if (typeof value !== "number") return value === "" ? t("live.none") : value;
  const kpi = kpiOf(kr.id);
  if (kpi) return shownValue(kpi, value, locale, kr.valueFormat === undefined ? undefined : currencyOfFormat(kr.valueFormat, locale));
  const percent = kr.valueFormat?.includes("%") === true;
  return new Intl.NumberFormat(locale, percent ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }).format(value);
}

/** A row's numbers in words: current value, target and progress for a KR; an objective's roll-up has progress only. */
function numbers(kr: LiveKeyResult, locale: Locale, t: Translate): string {
  const progress = typeof kr.progress === "number" ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(kr.progress) : t("live.none");
  if (kr.isObjective) return t("live.objectiveNumbers", { progress });
  return t("live.numbers", { current: liveValue(kr.current, kr, locale, t), target: liveValue(kr.target, kr, locale, t), progress });
}

/**
 * Each KR with its current value, target, progress and status as the sheet computes them now, in numbers
 * and words as well as the bar and the badge's colour, and a sparkline of its last six periods (of
 * `periodKind`, when the sheet's period is a calendar quarter or month). The status cell holds the English
 * label (the sheet's rules compare it); the pane shows it in its own language, and text it does not know as it is.
 */
export function LiveView({ keyResults, periodKind }: { keyResults: readonly LiveKeyResult[]; periodKind?: CalendarKind }) {
  const styles = useStyles();
  const { t, locale, list } = usePaneText();
  // The sparkline's name: each value as the pane shows the KR's current value, a gap as "none".
  const historyLabel = (kr: LiveKeyResult, history: readonly (number | null)[]) =>
    t("live.history", { kind: periodKind ?? "other", values: list(history.map((value) => (value === null ? t("live.none") : liveValue(value, kr, locale, t)))) });
  return (
    <ul className={styles.list} aria-label={t("live.list")}>
      {keyResults.map((kr) => {
        const progress = typeof kr.progress === "number" ? kr.progress : undefined;
        const known = isStatus(kr.status) ? STATUS_LOOKS[kr.status] : undefined;
        return (
          <li key={kr.id || kr.name}>
            <div className={styles.row}>
              <Body1 className={mergeClasses(styles.name, kr.isObjective && styles.objective)}>{kr.name}</Body1>
              {kr.status && (
                <Badge className={styles.badge} appearance="tint" color={known?.colour ?? "informative"} icon={known?.icon}>
                  {isStatus(kr.status) ? t(STATUS_MESSAGES[kr.status]) : kr.status}
                </Badge>
              )}
            </div>
            <Caption1>{numbers(kr, locale, t)}</Caption1>
            <div className={styles.progress}>
              <ProgressBar
                className={styles.bar}
                value={progress === undefined ? 0 : Math.max(0, Math.min(1, progress))}
                aria-label={progress === undefined ? t("live.noTarget", { name: kr.name }) : t("live.progress", { name: kr.name, progress })}
              />
              {!kr.isObjective && kr.history && <Sparkline values={kr.history} label={historyLabel(kr, kr.history)} />}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
