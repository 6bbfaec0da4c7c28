import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { CUSTOM_FORMATS, CustomFormat, CustomKind, formulaFor } from "../../okr/customKeyResults";
import { CustomDraft, CustomDraftFields, customTargetContradiction } from "../../okr/drafts";
import type { KrType } from "../../okr/templates";
import { usePaneText } from "../hooks/usePaneText";
import { CONTRADICTION_MESSAGES, TYPE_MESSAGES } from "../i18n/labels";
import { MessageId } from "../i18n/messages";
import { FIELD_CONTROL, KEY_RESULT_FIELDS } from "./keyResultFieldStyles";

const useStyles = makeStyles({
  group: { ...KEY_RESULT_FIELDS, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  // The formula, its kind and the buttons take the whole row: a formula is long.
  wide: { gridColumn: "1 / -1" },
  control: FIELD_CONTROL,
  formula: { ...FIELD_CONTROL, fontFamily: tokens.fontFamilyMonospace },
});

const FORMAT_MESSAGES: Readonly<Record<CustomFormat, MessageId>> = {
  number: "custom.format.number",
  percent: "custom.format.percent",
  currency: "custom.format.currency",
  hours: "custom.format.hours",
};

const KIND_MESSAGES: Readonly<Record<CustomKind, MessageId>> = {
  formula: "custom.kind.formula",
  manual: "custom.kind.manual",
};

interface Props {
  draft: CustomDraft;
  onChange: (draft: CustomDraft) => void;
  onRemove: () => void;
  /** The address of the cells selected in Excel, with their sheet. */
  readSelection: () => Promise<string>;
  /** Whether the name field takes the focus when shown: the user just added this key result. */
  focusName?: boolean;
}

/**
 * A key result of the user's own: its name, how its value is shown, where the value comes from (a
 * formula, typed or taken from the cells selected in Excel, or a number typed at each check-in), its
 * type, target, baseline, owner and weight.
 */
export function CustomKeyResultFields({ draft, onChange, onRemove, readSelection, focusName = false }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const [selectionProblem, setSelectionProblem] = useState<string | undefined>(undefined);
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusName) nameField.current?.focus();
  }, [focusName]);
  const set = (change: Partial<Omit<CustomDraft, "custom">>) => onChange({ ...draft, ...change });
  const setCustom = (change: Partial<CustomDraftFields>) => onChange({ ...draft, custom: { ...draft.custom, ...change } });
  const name = draft.name.trim() || t("custom.newName");
  // A warning, not a refusal: the sheet's Status says "Check target" until the user fixes it.
  const contradiction = customTargetContradiction(draft);
  const warning = contradiction && t(CONTRADICTION_MESSAGES[contradiction], { target: draft.target.trim(), baseline: draft.custom.baseline.trim() });

  const takeSelection = async () => {
    try {
      setCustom({ formula: formulaFor(await readSelection()) });
      setSelectionProblem(undefined);
    } catch (error) {
      setSelectionProblem(t("custom.selectionFailed", { error: String(error) }));
    }
  };

  return (
    <div role="group" aria-label={t("custom.group", { name })} className={styles.group}>
      <Field label={t("keyResults.name")} size="small">
        <Input ref={nameField} className={styles.control} size="small" value={draft.name} onChange={(_, data) => set({ name: data.value })} />
      </Field>
      <Field label={t("custom.format")} size="small">
        <Select className={styles.control} size="small" value={draft.custom.format} onChange={(_, data) => setCustom({ format: data.value as CustomFormat })}>
          {CUSTOM_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(FORMAT_MESSAGES[format])}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.wide} label={t("custom.kind")} size="small">
        <RadioGroup value={draft.custom.kind} onChange={(_, data) => setCustom({ kind: data.value as CustomKind })}>
          {(["formula", "manual"] as const).map((kind) => (
            <Radio key={kind} value={kind} label={t(KIND_MESSAGES[kind])} />
          ))}
        </RadioGroup>
      </Field>
      {draft.custom.kind === "formula" ? (
        <>
          <Field
            className={styles.wide}
            label={t("custom.formula")}
            size="small"
            hint={t("custom.formulaHint")}
            validationState={selectionProblem ? "error" : "none"}
            validationMessage={selectionProblem}
          >
            <Input className={styles.formula} size="small" value={draft.custom.formula} onChange={(_, data) => setCustom({ formula: data.value })} />
          </Field>
          <Button className={styles.wide} size="small" onClick={takeSelection}>
            {t("custom.useSelection")}
          </Button>
        </>
      ) : (
        <Field className={styles.wide} label={t("custom.current")} size="small" hint={t("custom.currentHint")}>
          <Input className={styles.control} size="small" value={draft.custom.current} onChange={(_, data) => setCustom({ current: data.value })} />
        </Field>
      )}
      <Field label={t("keyResults.type")} size="small">
        <Select className={styles.control} size="small" value={draft.type} onChange={(_, data) => set({ type: data.value as KrType })}>
          {Object.entries(TYPE_MESSAGES).map(([type, message]) => (
            <option key={type} value={type}>
              {t(message)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("keyResults.target")} size="small" validationState={warning ? "warning" : "none"} validationMessage={warning}>
        <Input className={styles.control} size="small" value={draft.target} onChange={(_, data) => set({ target: data.value })} />
      </Field>
      <Field label={t("custom.baseline")} size="small">
        <Input className={styles.control} size="small" value={draft.custom.baseline} onChange={(_, data) => setCustom({ baseline: data.value })} />
      </Field>
      <Field label={t("keyResults.owner")} size="small">
        <Input className={styles.control} size="small" value={draft.owner} onChange={(_, data) => set({ owner: data.value })} />
      </Field>
      <Field label={t("keyResults.weight")} size="small">
        <Input className={styles.control} size="small" value={draft.weight} onChange={(_, data) => set({ weight: data.value })} />
      </Field>
      <Button className={styles.wide} size="small" appearance="subtle" onClick={onRemove}>
        {t("custom.remove", { name })}
      </Button>
    </div>
  );
}
