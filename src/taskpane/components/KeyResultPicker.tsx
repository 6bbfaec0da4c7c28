import { Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import type { ColumnMap } from "../../okr/columns";
import { KeyResultDraft, shownValue, targetContradiction, understoodTarget } from "../../okr/drafts";
import type { Locale } from "../../okr/locale";
import { defaultKrType, KPIS, KpiKind, KrType, ObjectiveTemplate, suggestTarget } from "../../okr/templates";
import { Translate, usePaneText } from "../hooks/usePaneText";
import { KPI_DEFINITION_MESSAGES, KPI_MESSAGES, TYPE_MESSAGES } from "../i18n/labels";

const useStyles = makeStyles({
  objective: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  details: {
    display: "grid",
    // minmax(0, 1fr): let inputs shrink to the 320 px pane instead of overflowing it
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    // A target's hints make its row taller: the input beside it keeps its own height.
    alignItems: "start",
    paddingLeft: tokens.spacingHorizontalXL,
    paddingBottom: tokens.spacingVerticalS,
  },
  // Fluent's inputs have a minimum width wider than half a 320 px pane
  control: { minWidth: 0, width: "100%" },
  // Under the checkbox's label, which starts after the box and its gap.
  about: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalXXXL, overflowWrap: "anywhere" },
  // Long names wrap at 320 px rather than run under the pane's edge.
  label: { overflowWrap: "anywhere" },
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
}

/**
 * The hint under a target: the suggested target as the user would type it (shares in percent), with the
 * baseline it improves on and by how much; before a build, an example of what to type.
 */
function targetHint(kpi: KpiKind, baseline: number | undefined, t: Translate, locale: Locale): string {
  if (baseline === undefined) return KPIS[kpi].format === "percent" ? t("keyResults.example", { example: shownValue(kpi, 0.9, locale) }) : " ";
  const target = suggestTarget(kpi, baseline);
  // The change actually suggested: 10% better unless a cap (100%) stops it; none from a baseline of 0.
  const change = baseline === 0 ? 0 : (target - baseline) / Math.abs(baseline);
  const signed = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(change);
  return t("keyResults.suggested", { target: shownValue(kpi, target, locale), baseline: shownValue(kpi, baseline, locale), change: signed });
}

/** Why a target needs checking, in words, or nothing when it does not. */
function contradiction(draft: KeyResultDraft, baseline: number | undefined, t: Translate, locale: Locale): string | undefined {
  const problem = targetContradiction(draft, baseline);
  if (!problem || baseline === undefined) return undefined;
  return t(problem === "notAbove" ? "keyResults.notAbove" : "keyResults.notBelow", { target: draft.target.trim(), baseline: shownValue(draft.kpi, baseline, locale) });
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
function TargetHints({ draft, kpi, baseline }: { draft: KeyResultDraft; kpi: KpiKind; baseline: number | undefined }) {
  const { t, locale } = usePaneText();
  const understood = understoodTarget(kpi, draft.target, locale);
  return (
    <>
      {understood !== undefined && <Caption1 block>{t("keyResults.understood", { value: understood })}</Caption1>}
      <Caption1 block>{targetHint(kpi, baseline, t, locale)}</Caption1>
    </>
  );
}

/** The objectives and key results the job log can compute: tick to include, then name, type, target, owner. */
export function KeyResultPicker({ objectives, headers, columns, drafts, onChange, baselines }: Props) {
  const styles = useStyles();
  const { t, locale, list } = usePaneText();
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const update = (id: string, change: Partial<KeyResultDraft>) => onChange(drafts.map((d) => (d.id === id ? { ...d, ...change } : d)));

  return (
    <>
      {objectives.map((objective) => {
        const ticked = drafts.filter((d) => d.id.startsWith(`${objective.id}:`));
        const renameObjective = (name: string) => onChange(drafts.map((d) => (d.id.startsWith(`${objective.id}:`) ? { ...d, objective: name } : d)));
        return (
        <section key={objective.id} className={styles.objective} aria-label={objective.name}>
          <Subtitle2 as="h3">{objective.name}</Subtitle2>
          {ticked.length > 0 && (
            <Field label={t("keyResults.objectiveName")} size="small">
              <Input className={styles.control} size="small" value={ticked[0].objective} onChange={(_, data) => renameObjective(data.value)} />
            </Field>
          )}
          {objective.keyResults.map((kr) => {
            const id = draftId(objective.id, kr.kpi);
            const draft = byId.get(id);
            const warning = draft && contradiction(draft, baselines.get(id), t, locale);
            const used = columnsUsed(kr.kpi, headers, columns, t);
            return (
              <div key={id}>
                <Checkbox
                  label={{ children: kr.name, className: styles.label }}
                  aria-describedby={`${id}:about`}
                  checked={draft !== undefined}
                  onChange={(_, data) =>
                    onChange(
                      data.checked
                        ? [...drafts, { id, objectiveId: objective.id, objective: ticked[0]?.objective ?? objective.name, name: kr.name, kpi: kr.kpi, type: defaultKrType(kr.kpi), target: "", owner: "", weight: "1" }]
                        : drafts.filter((d) => d.id !== id),
                    )
                  }
                />
                <div id={`${id}:about`} className={styles.about}>
                  <Caption1>{t("keyResults.measures", { kpi: t(KPI_MESSAGES[kr.kpi]), definition: t(KPI_DEFINITION_MESSAGES[kr.kpi]) })}</Caption1>
                  <Caption1>{t("keyResults.columns", { count: used.length, columns: list(used) })}</Caption1>
                </div>
                {draft && (
                  <div className={styles.details}>
                    <Field label={t("keyResults.name")} size="small">
                      <Input className={styles.control} size="small" value={draft.name} onChange={(_, data) => update(id, { name: data.value })} />
                    </Field>
                    <Field label={t("keyResults.type")} size="small">
                      <Select className={styles.control} size="small" value={draft.type} onChange={(_, data) => update(id, { type: data.value as KrType })}>
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
                      hint={<TargetHints draft={draft} kpi={kr.kpi} baseline={baselines.get(id)} />}
                    >
                      <Input className={styles.control} size="small" value={draft.target} onChange={(_, data) => update(id, { target: data.value })} />
                    </Field>
                    <Field label={t("keyResults.owner")} size="small">
                      <Input className={styles.control} size="small" value={draft.owner} onChange={(_, data) => update(id, { owner: data.value })} />
                    </Field>
                    <Field label={t("keyResults.weight")} size="small">
                      <Input className={styles.control} size="small" value={draft.weight} onChange={(_, data) => update(id, { weight: data.value })} />
                    </Field>
                  </div>
                )}
              </div>
            );
          })}
        </section>
        );
      })}
    </>
  );
}
