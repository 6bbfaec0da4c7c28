import { Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { KeyResultDraft, shownValue, targetContradiction } from "../../okr/drafts";
import { defaultKrType, KPIS, KpiKind, KrType, ObjectiveTemplate, suggestTarget } from "../../okr/templates";

const useStyles = makeStyles({
  objective: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  details: {
    display: "grid",
    // minmax(0, 1fr): let inputs shrink to the 320 px pane instead of overflowing it
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalXL,
    paddingBottom: tokens.spacingVerticalS,
  },
  // Fluent's inputs have a minimum width wider than half a 320 px pane
  control: { minWidth: 0, width: "100%" },
});

const TYPE_LABELS: Record<KrType, string> = {
  increase: "Increase to",
  decrease: "Decrease to",
  above: "Stay above",
  below: "Stay below",
};

interface Props {
  objectives: readonly ObjectiveTemplate[];
  drafts: readonly KeyResultDraft[];
  onChange: (drafts: KeyResultDraft[]) => void;
  /** Baselines the last build computed, by draft id: they suggest targets. */
  baselines: ReadonlyMap<string, number>;
}

/** A suggested target as the user would type it: shares in percent. */
function suggestion(kpi: KpiKind, baseline: number | undefined): string | undefined {
  if (baseline === undefined) return undefined;
  return shownValue(kpi, suggestTarget(kpi, baseline));
}

const draftId = (objectiveId: string, kpi: string) => `${objectiveId}:${kpi}`;

/** The objectives and key results the job log can compute: tick to include, then name, type, target, owner. */
export function KeyResultPicker({ objectives, drafts, onChange, baselines }: Props) {
  const styles = useStyles();
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
            <Field label="Objective as written on the sheet" size="small">
              <Input className={styles.control} size="small" value={ticked[0].objective} onChange={(_, data) => renameObjective(data.value)} />
            </Field>
          )}
          {objective.keyResults.map((kr) => {
            const id = draftId(objective.id, kr.kpi);
            const draft = byId.get(id);
            return (
              <div key={id}>
                <Checkbox
                  label={`${kr.name} (${KPIS[kr.kpi].label})`}
                  checked={draft !== undefined}
                  onChange={(_, data) =>
                    onChange(
                      data.checked
                        ? [...drafts, { id, objectiveId: objective.id, objective: ticked[0]?.objective ?? objective.name, name: kr.name, kpi: kr.kpi, type: defaultKrType(kr.kpi), target: "", owner: "", weight: "1" }]
                        : drafts.filter((d) => d.id !== id),
                    )
                  }
                />
                {draft && (
                  <div className={styles.details}>
                    <Field label="Key result" size="small">
                      <Input className={styles.control} size="small" value={draft.name} onChange={(_, data) => update(id, { name: data.value })} />
                    </Field>
                    <Field label="Type" size="small">
                      <Select className={styles.control} size="small" value={draft.type} onChange={(_, data) => update(id, { type: data.value as KrType })}>
                        {Object.entries(TYPE_LABELS).map(([type, label]) => (
                          <option key={type} value={type}>
                            {label}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label="Target"
                      size="small"
                      validationState={targetContradiction(draft, baselines.get(id)) ? "warning" : "none"}
                      validationMessage={targetContradiction(draft, baselines.get(id))}
                      hint={<Caption1>{suggestion(kr.kpi, baselines.get(id)) ? `Suggested: ${suggestion(kr.kpi, baselines.get(id))}` : KPIS[kr.kpi].format === "percent" ? "e.g. 90%" : " "}</Caption1>}
                    >
                      <Input className={styles.control} size="small" value={draft.target} onChange={(_, data) => update(id, { target: data.value })} />
                    </Field>
                    <Field label="Owner" size="small">
                      <Input className={styles.control} size="small" value={draft.owner} onChange={(_, data) => update(id, { owner: data.value })} />
                    </Field>
                    <Field label="Weight" size="small">
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
