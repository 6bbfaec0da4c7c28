import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { dateSerial, isoDate } from "../../kpi/coerce";
import { CalendarKind, customPeriod, defaultPeriod, Period, periodsOfLog, todaySerial } from "../../okr/periods";
import { Translate, usePaneText } from "../hooks/usePaneText";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

export type PeriodKind = "quarter" | "month" | "custom";

/**
 * Everything the period picker shows, and nothing else: the kind, the quarter and the month chosen in
 * each list (by label) and the custom dates as typed. Each list keeps its entry, so going
 * Quarter → Custom → Quarter comes back to the quarter chosen before; switching to Custom starts from the
 * dates of the quarter or month shown until then.
 */
export interface PeriodChoice {
  kind: PeriodKind;
  quarter: string;
  month: string;
  from: string;
  to: string;
}

/** The quarters and months offered, newest first. */
export type PeriodLists = Readonly<Record<CalendarKind, readonly Period[]>>;

/**
 * The quarters and months a job log offers: every one from its first job to today (see periodsOfLog).
 * @example periodLists([], new Date(2026, 10, 24)).quarter.map((p) => p.label) //=> ["2026-Q4"]
 */
export function periodLists(jobDates: readonly number[], today: Date): PeriodLists {
  const day = todaySerial(today);
  return { quarter: periodsOfLog("quarter", jobDates, day), month: periodsOfLog("month", jobDates, day) };
}

/**
 * Where the picker starts: the latest full quarter (and month) with jobs (within the log's span of dates,
 * when known), whose dates are also the custom ones.
 * @example initialPeriodChoice(periodLists([46250], new Date(2026, 10, 24)), [46250], new Date(2026, 10, 24)) //=> { kind: "quarter", quarter: "2026-Q3", month: "2026-08", from: "2026-07-01", to: "2026-09-30" }
 */
export function initialPeriodChoice(lists: PeriodLists, jobDates: readonly number[], today: Date, span?: { min: number; max: number }): PeriodChoice {
  const day = todaySerial(today);
  const [quarter, month] = [defaultPeriod(lists.quarter, jobDates, day, span), defaultPeriod(lists.month, jobDates, day, span)];
  return { kind: "quarter", quarter: quarter?.label ?? "", month: month?.label ?? "", from: quarter ? isoDate(quarter.from) : "", to: quarter ? isoDate(quarter.to) : "" };
}

/** Why custom dates make no period, per field; none when they do. */
function customProblems({ from, to }: PeriodChoice, t: Translate): { from?: string; to?: string } {
  const [first, last] = [dateSerial(from), dateSerial(to)];
  return {
    from: first === undefined ? t("period.typeDate", { example: "2026-07-01" }) : undefined,
    to: last === undefined ? t("period.typeDate", { example: "2026-09-30" }) : first !== undefined && last < first ? t("period.backwards") : undefined,
  };
}

/**
 * The period a choice stands for; undefined when the custom dates are unreadable or the wrong way round,
 * or the quarter or month is not among those offered.
 * @example chosenPeriod({ kind: "quarter", quarter: "2026-Q3", month: "", from: "", to: "" }, periodLists([46250], new Date(2026, 10, 24))) //=> { label: "2026-Q3", from: 46204, to: 46295 }
 */
export function chosenPeriod(choice: PeriodChoice, lists: PeriodLists): Period | undefined {
  const { kind } = choice;
  if (kind !== "custom") return lists[kind].find((period) => period.label === choice[kind]);
  const [first, last] = [dateSerial(choice.from), dateSerial(choice.to)];
  return first !== undefined && last !== undefined && first <= last ? customPeriod(first, last) : undefined;
}

/** The choice with another kind; Custom takes the dates of the quarter or month it replaces. */
function switchKind(choice: PeriodChoice, kind: PeriodKind, lists: PeriodLists): PeriodChoice {
  const shown = chosenPeriod(choice, lists);
  if (kind !== "custom" || choice.kind === "custom" || !shown) return { ...choice, kind };
  return { ...choice, kind, from: isoDate(shown.from), to: isoDate(shown.to) };
}

interface Props {
  lists: PeriodLists;
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
}

/** A quarter, a month, or custom from/to dates. Controlled: it shows `value` and keeps no copy. */
export function PeriodPicker({ lists, value, onChange }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const problems = customProblems(value, t);

  return (
    <>
      <Field label={t("period.kind")} size="small">
        <RadioGroup layout="horizontal" value={value.kind} onChange={(_, data) => onChange(switchKind(value, data.value as PeriodKind, lists))}>
          <Radio value="quarter" label={t("period.quarter")} />
          <Radio value="month" label={t("period.month")} />
          <Radio value="custom" label={t("period.custom")} />
        </RadioGroup>
      </Field>
      {value.kind === "custom" ? (
        <div className={styles.row}>
          <Field label={t("period.from")} size="small" validationMessage={problems.from}>
            <Input type="date" size="small" value={value.from} onChange={(_, data) => onChange({ ...value, from: data.value })} />
          </Field>
          <Field label={t("period.to")} size="small" validationMessage={problems.to}>
            <Input type="date" size="small" value={value.to} onChange={(_, data) => onChange({ ...value, to: data.value })} />
          </Field>
        </div>
      ) : (
        <Field label={t(value.kind === "quarter" ? "period.quarter" : "period.month")} size="small">
          <Select
            size="small"
            value={value[value.kind]}
            onChange={(_, data) => onChange(value.kind === "quarter" ? { ...value, quarter: data.value } : { ...value, month: data.value })}
          >
            {lists[value.kind].map((period) => (
              <option key={period.label} value={period.label}>
                {period.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
