import { Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { dateSerial, isoDate } from "../../kpi/coerce";
import { customPeriod, Period, recentMonths, recentQuarters } from "../../okr/periods";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

type Kind = "quarter" | "month" | "custom";

interface Props {
  today: Date;
  onChange: (period: Period | undefined) => void;
}

/** A quarter (default: the current one), a month, or custom from/to dates. */
export function PeriodPicker({ today, onChange }: Props) {
  const styles = useStyles();
  const quarters = useMemo(() => recentQuarters(today, 6), [today]);
  const months = useMemo(() => recentMonths(today, 12), [today]);
  const [kind, setKind] = useState<Kind>("quarter");
  const [choice, setChoice] = useState(0);
  const [from, setFrom] = useState(isoDate(quarters[0].from));
  const [to, setTo] = useState(isoDate(quarters[0].to));

  const emit = (nextKind: Kind, nextChoice: number, nextFrom: string, nextTo: string) => {
    if (nextKind === "custom") {
      const [first, last] = [dateSerial(nextFrom), dateSerial(nextTo)];
      onChange(first !== undefined && last !== undefined && first <= last ? customPeriod(first, last) : undefined);
    } else {
      onChange((nextKind === "quarter" ? quarters : months)[nextChoice]);
    }
  };
  const list = kind === "quarter" ? quarters : months;

  return (
    <>
      <RadioGroup
        layout="horizontal"
        value={kind}
        aria-label="Period"
        onChange={(_, data) => {
          setKind(data.value as Kind);
          setChoice(0);
          emit(data.value as Kind, 0, from, to);
        }}
      >
        <Radio value="quarter" label="Quarter" />
        <Radio value="month" label="Month" />
        <Radio value="custom" label="Custom" />
      </RadioGroup>
      {kind === "custom" ? (
        <div className={styles.row}>
          <Field label="From" size="small" validationMessage={dateSerial(from) === undefined ? "Type a date like 2026-07-01" : undefined}>
            <Input type="date" size="small" value={from} onChange={(_, data) => (setFrom(data.value), emit(kind, choice, data.value, to))} />
          </Field>
          <Field label="To" size="small" validationMessage={dateSerial(to) === undefined ? "Type a date like 2026-09-30" : undefined}>
            <Input type="date" size="small" value={to} onChange={(_, data) => (setTo(data.value), emit(kind, choice, from, data.value))} />
          </Field>
        </div>
      ) : (
        <Field label={kind === "quarter" ? "Quarter" : "Month"} size="small">
          <Select size="small" value={String(choice)} onChange={(_, data) => (setChoice(Number(data.value)), emit(kind, Number(data.value), from, to))}>
            {list.map((period, i) => (
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
