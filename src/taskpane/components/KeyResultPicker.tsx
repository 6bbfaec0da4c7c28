import { Button, Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnMap } from "../../okr/columns";
import { CUSTOM_ID_PREFIX, newId, OWN_OBJECTIVE_PREFIX } from "../../okr/customKeyResults";
import { CustomDraft, KeyResultDraft, KpiDraft, OwnObjective, shownValue, targetContradiction, understoodTarget } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import { defaultKrType, isAvailable, KPIS, KpiKind, KrType, ObjectiveTemplate, suggestTarget } from "../../okr/templates";
import { Translate, usePaneText } from "../hooks/usePaneText";
import { CONTRADICTION_MESSAGES, KPI_DEFINITION_MESSAGES, KPI_MESSAGES, TYPE_MESSAGES } from "../i18n/labels";
import { CustomKeyResultFields } from "./CustomKeyResultFields";
import { FIELD_CONTROL, KEY_RESULT_FIELDS } from "./keyResultFieldStyles";

const useStyles = makeStyles({
  objective: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  details: KEY_RESULT_FIELDS,
  control: FIELD_CONTROL,
  // Under the checkbox's label, which starts after the box and its gap.
  about: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalXXXL, overflowWrap: "anywhere" },
  // Long names wrap at 320 px rather than run under the pane's edge.
  label: { overflowWrap: "anywhere" },
  // A field and its button on one line, the field taking what the button leaves.
  addRow: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", gap: tokens.spacingHorizontalS, alignItems: "end" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Props {
  objectives: readonly ObjectiveTemplate[];
  /** The job log's headers and the columns mapped to roles: each KR names the columns it reads. */
  headers: readonly string[];
  columns: ColumnMap;
  drafts: readonly KeyResultDraft[];
  onChange: (drafts: KeyResultDraft[]) => void;
  /** Baselines the last build computed, by draft id: they suggest targets. */
  baselines: ReadonlyMap<string, number>;
  /** The job log's currency (ISO 4217, from its amounts' number format), in which money is shown; none: a plain number. */
  currency?: string;
  /** Objectives the user added, in the order added; one without key results is not written. */
  own: readonly OwnObjective[];
  onOwnChange: (own: OwnObjective[]) => void;
  /** The address of the cells selected in Excel: a custom key result's formula can point at them. */
  readSelection: () => Promise<string>;
}

/**
 * The hint under a target: the suggested target as the user would type it (shares in percent), with the
 * baseline it improves on and by how much; before a build, an example of what to type.
 */
function targetHint(kpi: KpiKind, baseline: number | undefined, t: Translate, locale: Locale, currency: string | undefined): string {
  if (baseline === undefined) return KPIS[kpi].format === "percent" ? t("keyResults.example", { example: shownValue(kpi, 0.9, locale) }) : " ";
  const target = suggestTarget(kpi, baseline);
  // The change actually suggested: 10% better unless a cap (100%) stops it; none from a baseline of 0.
  const change = baseline === 0 ? 0 : (target - baseline) / Math.abs(baseline);
  const signed = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(change);
  return t("keyResults.suggested", { target: shownValue(kpi, target, locale, currency), baseline: shownValue(kpi, baseline, locale, currency), change: signed });
}

/** Why a target needs checking, in words, or nothing when it does not. */
function contradiction(draft: KpiDraft, baseline: number | undefined, t: Translate, locale: Locale, currency: string | undefined): string | undefined {
  const problem = targetContradiction(draft, baseline);
  if (!problem || baseline === undefined) return undefined;
  return t(CONTRADICTION_MESSAGES[problem], { target: draft.target.trim(), baseline: shownValue(draft.kpi, baseline, locale, currency) });
}

const draftId = (objectiveId: string, kpi: string) => `${objectiveId}:${kpi}`;

/** The headers of the columns a KPI reads in the user's log, the job date first. */
function columnsUsed(kpi: KpiKind, headers: readonly string[], columns: ColumnMap, t: Translate): string[] {
  return (["date", ...KPIS[kpi].roles] as const).flatMap((role) => {
    const column = columns[role];
    return column === undefined ? [] : [headers[column] || t("columns.unnamed", { number: column + 1 })];
  });
}

/** The hints under a target: what a share's target was read as, then the suggestion or an example. */
function TargetHints({ draft, kpi, baseline, currency }: { draft: KpiDraft; kpi: KpiKind; baseline: number | undefined; currency: string | undefined }) {
  const { t, locale } = usePaneText();
  const understood = understoodTarget(kpi, draft.target, locale);
  return (
    <>
      {understood !== undefined && <Caption1 block>{t("keyResults.understood", { value: understood })}</Caption1>}
      <Caption1 block>{targetHint(kpi, baseline, t, locale, currency)}</Caption1>
    </>
  );
}

/** What an objective's section needs from the picker: the drafts and how to change them. */
interface SectionProps extends Omit<Props, "objectives" | "own" | "onOwnChange"> {
  objective: ObjectiveTemplate;
  /** The user's own objective: renamed, given key results of any KPI the log can compute, or removed. */
  own?: { onRename: (name: string) => void; onRemove: () => void };
  /** The draft just added, whose name field takes the focus. */
  added: string | undefined;
  onAdded: (id: string) => void;
}

/**
 * The objectives and key results the job log can compute: tick to include, then name, type, target,
 * owner; key results of the user's own in any objective; and objectives of the user's own.
 */
export function KeyResultPicker({ objectives, own, onOwnChange, ...props }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const { drafts, onChange } = props;
  const [newName, setNewName] = useState("");
  const [added, setAdded] = useState<string | undefined>(undefined);
  const taken = () => [...own.map((o) => o.id), ...drafts.map((d) => d.id)];

  const addObjective = () => {
    const name = newName.trim();
    if (name === "") return;
    onOwnChange([...own, { id: newId(OWN_OBJECTIVE_PREFIX, taken(), Date.now()), name }]);
    setNewName("");
  };
  const rename = (id: string, name: string) => {
    onOwnChange(own.map((o) => (o.id === id ? { ...o, name } : o)));
    onChange(drafts.map((d) => (d.objectiveId === id ? { ...d, objective: name } : d)));
  };
  const remove = (id: string) => {
    onOwnChange(own.filter((o) => o.id !== id));
    onChange(drafts.filter((d) => d.objectiveId !== id));
  };
  const ownAsTemplates = own.map((o) => ({ id: o.id, name: o.name, keyResults: drafts.flatMap((d) => (d.objectiveId === o.id && d.kpi ? [{ kpi: d.kpi, name: t(KPI_MESSAGES[d.kpi]) }] : [])) }));

  return (
    <>
      {objectives.map((objective) => (
        <ObjectiveSection key={objective.id} objective={objective} added={added} onAdded={setAdded} {...props} />
      ))}
      {ownAsTemplates.map((objective) => (
        <ObjectiveSection
          key={objective.id}
          objective={objective}
          own={{ onRename: (name) => rename(objective.id, name), onRemove: () => remove(objective.id) }}
          added={added}
          onAdded={setAdded}
          {...props}
        />
      ))}
      <div className={styles.addRow}>
        <Field label={t("objectives.newName")} size="small">
          <Input className={styles.control} size="small" value={newName} onChange={(_, data) => setNewName(data.value)} onKeyDown={(event) => event.key === "Enter" && addObjective()} />
        </Field>
        <Button size="small" disabled={newName.trim() === ""} onClick={addObjective}>
          {t("objectives.add")}
        </Button>
      </div>
    </>
  );
}

/** One objective: its name, the key results over the log it offers, and key results of the user's own. */
function ObjectiveSection({ objective, own, headers, columns, drafts, onChange, baselines, currency, readSelection, added, onAdded }: SectionProps) {
  const styles = useStyles();
  const { t, locale, list } = usePaneText();
  const [kpiToAdd, setKpiToAdd] = useState<KpiKind | "">("");
  const mine = drafts.filter((d) => d.objectiveId === objective.id);
  const objectiveName = mine[0]?.objective ?? objective.name;
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const update = (draft: KeyResultDraft) => onChange(drafts.map((d) => (d.id === draft.id ? draft : d)));
  const renameObjective = (name: string) => onChange(drafts.map((d) => (d.objectiveId === objective.id ? { ...d, objective: name } : d)));
  const kpiDraft = (kpi: KpiKind, name: string): KpiDraft => ({ id: draftId(objective.id, kpi), objectiveId: objective.id, objective: objectiveName, name, kpi, type: defaultKrType(kpi), target: "", owner: "", weight: "1" });
  const addCustom = () => {
    const id = newId(CUSTOM_ID_PREFIX, drafts.map((d) => d.id), Date.now());
    const draft: CustomDraft = { id, objectiveId: objective.id, objective: objectiveName, name: t("custom.newName"), type: "increase", target: "", owner: "", weight: "1", custom: { kind: "formula", format: "number", formula: "", current: "", baseline: "" } };
    onChange([...drafts, draft]);
    onAdded(id);
  };
  // Any KPI the log can compute and the objective does not have yet.
  const addable = own ? (Object.keys(KPIS) as KpiKind[]).filter((kpi) => isAvailable(kpi, columns) && !mine.some((d) => d.kpi === kpi)) : [];
  const heading = own ? objective.name.trim() || t("objectives.unnamed") : objective.name;

  return (
    <section className={styles.objective} aria-label={heading}>
      <Subtitle2 as="h3">{heading}</Subtitle2>
      {own ? (
        <Field label={t("objectives.name")} size="small">
          <Input className={styles.control} size="small" value={objective.name} onChange={(_, data) => own.onRename(data.value)} />
        </Field>
      ) : (
        mine.length > 0 && (
          <Field label={t("keyResults.objectiveName")} size="small">
            <Input className={styles.control} size="small" value={objectiveName} onChange={(_, data) => renameObjective(data.value)} />
          </Field>
        )
      )}
      {objective.keyResults.map((kr) => {
        const id = draftId(objective.id, kr.kpi);
        const found = byId.get(id);
        const draft = found?.kpi ? found : undefined;
        const warning = draft && contradiction(draft, baselines.get(id), t, locale, currency);
        const used = columnsUsed(kr.kpi, headers, columns, t);
        return (
          <div key={id}>
            <Checkbox
              label={{ children: kr.name, className: styles.label }}
              aria-describedby={`${id}:about`}
              checked={draft !== undefined}
              onChange={(_, data) => onChange(data.checked ? [...drafts, kpiDraft(kr.kpi, kr.name)] : drafts.filter((d) => d.id !== id))}
            />
            <div id={`${id}:about`} className={styles.about}>
              <Caption1>{t("keyResults.measures", { kpi: t(KPI_MESSAGES[kr.kpi]), definition: t(KPI_DEFINITION_MESSAGES[kr.kpi]) })}</Caption1>
              <Caption1>{t("keyResults.columns", { count: used.length, columns: list(used) })}</Caption1>
            </div>
            {draft && (
              <div className={styles.details}>
                <Field label={t("keyResults.name")} size="small">
                  <Input className={styles.control} size="small" value={draft.name} onChange={(_, data) => update({ ...draft, name: data.value })} />
                </Field>
                <Field label={t("keyResults.type")} size="small">
                  <Select className={styles.control} size="small" value={draft.type} onChange={(_, data) => update({ ...draft, type: data.value as KrType })}>
                    {Object.entries(TYPE_MESSAGES).map(([type, message]) => (
                      <option key={type} value={type}>
                        {t(message)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field
                  label={t("keyResults.target")}
                  size="small"
                  validationState={warning ? "warning" : "none"}
                  validationMessage={warning}
                  hint={<TargetHints draft={draft} kpi={kr.kpi} baseline={baselines.get(id)} currency={currency} />}
                >
                  <Input className={styles.control} size="small" value={draft.target} onChange={(_, data) => update({ ...draft, target: data.value })} />
                </Field>
                <Field label={t("keyResults.owner")} size="small">
                  <Input className={styles.control} size="small" value={draft.owner} onChange={(_, data) => update({ ...draft, owner: data.value })} />
                </Field>
                <Field label={t("keyResults.weight")} size="small">
                  <Input className={styles.control} size="small" value={draft.weight} onChange={(_, data) => update({ ...draft, weight: data.value })} />
                </Field>
              </div>
            )}
          </div>
        );
      })}
      {mine.flatMap((draft) =>
        draft.custom
          ? [<CustomKeyResultFields key={draft.id} draft={draft} onChange={update} onRemove={() => onChange(drafts.filter((d) => d.id !== draft.id))} readSelection={readSelection} focusName={draft.id === added} />]
          : [],
      )}
      {own && mine.length === 0 && <Caption1>{t("objectives.empty")}</Caption1>}
      {own && addable.length > 0 && (
        <div className={styles.addRow}>
          <Field label={t("objectives.kpi")} size="small">
            <Select className={styles.control} size="small" value={kpiToAdd} onChange={(_, data) => setKpiToAdd(data.value as KpiKind | "")}>
              <option value="" />
              {addable.map((kpi) => (
                <option key={kpi} value={kpi}>
                  {t(KPI_MESSAGES[kpi])}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            size="small"
            disabled={kpiToAdd === "" || !addable.includes(kpiToAdd)}
            onClick={() => {
              if (kpiToAdd === "") return;
              onChange([...drafts, kpiDraft(kpiToAdd, t(KPI_MESSAGES[kpiToAdd]))]);
              setKpiToAdd("");
            }}
          >
            {t("objectives.addKpi")}
          </Button>
        </div>
      )}
      <div className={styles.actions}>
        <Button size="small" onClick={addCustom}>
          {t("custom.add")}
        </Button>
        {own && (
          <Button size="small" appearance="subtle" onClick={own.onRemove}>
            {t("objectives.remove", { name: heading })}
          </Button>
        )}
      </div>
    </section>
  );
}
