import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { dateSerial, isoDate } from "../../kpi/coerce";
import { customPeriod, Period, recentMonths, recentQuarters } from "../../okr/periods";
import { Translate, usePaneText } from "../hooks/usePaneText";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

export type PeriodKind = "quarter" | "month" | "custom";

/**
 * Everything the period picker shows, and nothing else: the kind, the entry chosen in each list (0 is the
 * current quarter or month) and the custom dates as typed. Each list keeps its entry, so going
 * Quarter → Custom → Quarter comes back to the quarter chosen before; switching to Custom starts from the
 * dates of the quarter or month shown until then.
 */
export interface PeriodChoice {
  kind: PeriodKind;
  quarter: number;
  month: number;
  from: string;
  to: string;
}

/** The quarters and months offered, newest first. */
function periodLists(today: Date): Record<"quarter" | "month", Period[]> {
  return { quarter: recentQuarters(today, 6), month: recentMonths(today, 12) };
}

/**
 * Where the picker starts: the current quarter, whose dates are also the custom ones.
 * @example initialPeriodChoice(new Date(2026, 10, 24)) //=> { kind: "quarter", quarter: 0, month: 0, from: "2026-10-01", to: "2026-12-31" }
 */
export function initialPeriodChoice(today: Date): PeriodChoice {
  const current = recentQuarters(today, 1)[0];
  return { kind: "quarter", quarter: 0, month: 0, from: isoDate(current.from), to: isoDate(current.to) };
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
 * The period a choice stands for; undefined when the custom dates are unreadable or the wrong way round.
 * @example chosenPeriod({ ...initialPeriodChoice(new Date(2026, 10, 24)), quarter: 1 }, new Date(2026, 10, 24)) //=> { label: "2026-Q3", from: 46204, to: 46295 }
 */
export function chosenPeriod(choice: PeriodChoice, today: Date): Period | undefined {
  if (choice.kind !== "custom") return periodLists(today)[choice.kind][choice[choice.kind]];
  const [first, last] = [dateSerial(choice.from), dateSerial(choice.to)];
  return first !== undefined && last !== undefined && first <= last ? customPeriod(first, last) : undefined;
}

/** The choice with another kind; Custom takes the dates of the quarter or month it replaces. */
function switchKind(choice: PeriodChoice, kind: PeriodKind, today: Date): PeriodChoice {
  const shown = chosenPeriod(choice, today);
  if (kind !== "custom" || choice.kind === "custom" || !shown) return { ...choice, kind };
  return { ...choice, kind, from: isoDate(shown.from), to: isoDate(shown.to) };
}

interface Props {
  today: Date;
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
}

/** A quarter (default: the current one), a month, or custom from/to dates. Controlled: it shows `value` and keeps no copy. */
export function PeriodPicker({ today, value, onChange }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const lists = periodLists(today);
  const problems = customProblems(value, t);

  return (
    <>
      <RadioGroup layout="horizontal" value={value.kind} aria-label={t("period.kind")} onChange={(_, data) => onChange(switchKind(value, data.value as PeriodKind, today))}>
        <Radio value="quarter" label={t("period.quarter")} />
        <Radio value="month" label={t("period.month")} />
        <Radio value="custom" label={t("period.custom")} />
      </RadioGroup>
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
            value={String(value[value.kind])}
            onChange={(_, data) => onChange(value.kind === "quarter" ? { ...value, quarter: Number(data.value) } : { ...value, month: Number(data.value) })}
          >
            {lists[value.kind].map((period, i) => (
              <option key={period.label} value={String(i)}>
                {period.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
