import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Field,
  FluentProvider,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Theme,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ColumnMap } from "../okr/columns";
import { KeyResultDraft, toKeyResults } from "../okr/drafts";
import { FormulaMode } from "../okr/formulas";
import { BaselineChoice, sheetTitle } from "../okr/periods";
import { availableObjectives } from "../okr/templates";
import { textDateWarnings } from "../okr/textDates";
import { ColumnMapping } from "./components/ColumnMapping";
import { RangeNotice } from "./components/RangeNotice";
import { KeyResultPicker } from "./components/KeyResultPicker";
import { LiveView } from "./components/LiveView";
import { chosenPeriod, initialPeriodChoice, PeriodPicker } from "./components/PeriodPicker";
import { FUNCTION_EXAMPLES } from "./functionExamples";
import { Outcome, useAction } from "./hooks/useAction";
import { useJobData } from "./hooks/useJobData";
import { useLiveKeyResults } from "./hooks/useLiveKeyResults";
import { liveWarnings } from "./liveWarnings";
import { Confidence, OkrWorkbook } from "../okr/workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Props {
  workbook: OkrWorkbook;
  today?: Date;
  /** Office's theme (dark or light), chosen where the pane starts. */
  theme?: Theme;
}

/** The OKR builder: data, period, key results, build; then the live view and check-ins. */
export function App({ workbook, today = new Date(), theme = webLightTheme }: Props) {
  const styles = useStyles();
  const [reloads, setReloads] = useState(0);
  const [table, setTable] = useState<string | undefined>(undefined);
  const jobData = useJobData(workbook, table, reloads);
  const [columns, setColumns] = useState<ColumnMap | undefined>(undefined);
  // The one copy of the period: the picker shows it, Build uses what it stands for.
  const [periodChoice, setPeriodChoice] = useState(() => initialPeriodChoice(today));
  const period = chosenPeriod(periodChoice, today);
  const [baseline, setBaseline] = useState<BaselineChoice>("previous");
  const [drafts, setDrafts] = useState<KeyResultDraft[]>([]);
  const [mode, setMode] = useState<FormulaMode>("portable");
  const building = useAction();
  const checkingIn = useAction();
  // A build rewrites the sheet a check-in reads, so neither starts while the other runs.
  const busy = building.outcome.state === "busy" || checkingIn.outcome.state === "busy";
  const [builtTitle, setBuiltTitle] = useState<string | undefined>(undefined);
  const [builds, setBuilds] = useState(0);
  const [confidence, setConfidence] = useState<Confidence>("Medium");
  const [note, setNote] = useState("");
  const [sampleProblem, setSampleProblem] = useState<string | undefined>(undefined);
  const live = useLiveKeyResults(workbook, builtTitle, builds);
  const baselines = useMemo(() => new Map(live.filter((kr) => typeof kr.baseline === "number").map((kr) => [kr.id, kr.baseline as number])), [live]);
  const warnings = liveWarnings(live);

  const mapped = columns ?? (jobData.state === "ready" ? jobData.detected : {});
  const objectives = useMemo(() => availableObjectives(mapped), [mapped]);
  const dataWarnings = jobData.state === "ready" ? textDateWarnings(jobData.data.source.headers, jobData.data.sample, mapped) : [];
  // KRs whose columns were unmapped since they were ticked are left out, not built half-way.
  const buildable = drafts.filter((draft) => objectives.some((o) => o.keyResults.some((kr) => kr.kpi === draft.kpi)));

  const build = () => {
    if (jobData.state !== "ready" || !period || checkingIn.outcome.state === "busy") return;
    const source = jobData.data.source;
    return building.run(async () => {
      const keyResults = toKeyResults(buildable);
      if ("problem" in keyResults) return { state: "error", message: keyResults.problem };
      const title = sheetTitle(period);
      const result = await workbook.build({ title, period, baseline, mode, source, columns: mapped, keyResults });
      if (!result.ok) return { state: "error", message: result.problem };
      // A check-in message about another sheet would now be read as about this one.
      if (title !== builtTitle) checkingIn.reset();
      setBuiltTitle(title);
      setBuilds((n) => n + 1);
      return { state: "done", message: `Built "${title}" with ${result.keyResults} key results. Targets and notes you type there are kept when you build again.` };
    }, "The sheet could not be built");
  };

  const insertSample = async () => {
    try {
      const result = await workbook.insertSampleData();
      if (!result.ok) return setSampleProblem(result.problem);
      setSampleProblem(undefined);
      setTable(undefined);
      setColumns(undefined);
      setReloads((n) => n + 1);
    } catch (error) {
      setSampleProblem(`The sample data could not be added: ${String(error)}`);
    }
  };

  const checkIn = () => {
    if (!builtTitle || building.outcome.state === "busy") return;
    return checkingIn.run(async () => {
      const rows = await workbook.recordCheckIn(builtTitle, today, confidence, note);
      // Keep whatever was typed while the check-in was being recorded.
      setNote((current) => (current === note ? "" : current));
      return { state: "done", message: `Recorded a check-in of ${rows} key results in the Check-ins sheet.` };
    }, "The check-in could not be recorded");
  };

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <Subtitle1 as="h1">OKR sheet builder</Subtitle1>
        {jobData.state === "loading" && <Spinner size="small" label="Looking for your job log…" />}
        {jobData.state === "error" && (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>
                {jobData.message} <Link onClick={() => setReloads((n) => n + 1)}>Look again</Link>
              </MessageBarBody>
            </MessageBar>
            <Button onClick={insertSample}>Insert sample data</Button>
            <Body1>Adds two years of example jobs on a new sheet, so you can try everything first.</Body1>
            {sampleProblem && (
              <MessageBar intent="error">
                <MessageBarBody>{sampleProblem}</MessageBarBody>
              </MessageBar>
            )}
          </>
        )}
        {jobData.state === "ready" && (
          <>
            <section className={styles.section} aria-labelledby="data-heading">
              <Subtitle2 as="h2" id="data-heading">
                1. Job data
              </Subtitle2>
              <Body1>
                {jobData.data.source.kind === "table" ? `Table "${jobData.data.source.table}"` : `Sheet "${jobData.data.source.sheet}"`}, {jobData.data.source.headers.length} columns.{" "}
                <Link onClick={() => setReloads((n) => n + 1)}>Look again</Link>
              </Body1>
              {jobData.data.tables.length > 1 && (
                <Field label="Job table" size="small">
                  <Select
                    size="small"
                    value={jobData.data.source.kind === "table" ? jobData.data.source.table : ""}
                    onChange={(_, data) => {
                      setTable(data.value);
                      setColumns(undefined);
                    }}
                  >
                    {jobData.data.tables.map((name) => (
                      <option key={name}>{name}</option>
                    ))}
                  </Select>
                </Field>
              )}
              {jobData.data.source.kind === "range" && (
                <RangeNotice source={jobData.data.source} workbook={workbook} onTable={(name) => { setTable(name); setColumns(undefined); setReloads((n) => n + 1); }} />
              )}
              {dataWarnings.map((warning) => (
                <MessageBar key={warning} intent="warning">
                  <MessageBarBody>{warning}</MessageBarBody>
                </MessageBar>
              ))}
              <Accordion collapsible>
                <AccordionItem value="columns">
                  <AccordionHeader size="small">Columns used</AccordionHeader>
                  <AccordionPanel>
                    <ColumnMapping headers={jobData.data.source.headers} columns={mapped} onChange={setColumns} />
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
            </section>
            <section className={styles.section} aria-labelledby="period-heading">
              <Subtitle2 as="h2" id="period-heading">
                2. Period
              </Subtitle2>
              <PeriodPicker today={today} value={periodChoice} onChange={setPeriodChoice} />
              <Field label="Baseline" size="small">
                <Select size="small" value={baseline} onChange={(_, data) => setBaseline(data.value as BaselineChoice)}>
                  <option value="previous">The period before</option>
                  <option value="lastYear">The same period last year</option>
                </Select>
              </Field>
            </section>
            <section className={styles.section} aria-labelledby="kr-heading">
              <Subtitle2 as="h2" id="kr-heading">
                3. Objectives and key results
              </Subtitle2>
              {objectives.length === 0 ? (
                <Body1>No key result can be computed from these columns: map at least a job date and one measure.</Body1>
              ) : (
                <KeyResultPicker objectives={objectives} drafts={drafts} onChange={setDrafts} baselines={baselines} />
              )}
            </section>
            <section className={styles.section} aria-labelledby="build-heading">
              <Subtitle2 as="h2" id="build-heading">
                4. Build
              </Subtitle2>
              <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as FormulaMode)} aria-label="Formulas">
                <Radio value="portable" label="Native Excel formulas (work without the add-in)" />
                <Radio value="kpi" label="KPI functions (shorter, need the add-in)" />
              </RadioGroup>
              <Button appearance="primary" disabled={!period || buildable.length === 0 || busy} onClick={build}>
                {builtTitle ? "Build again" : "Build OKR sheet"}
              </Button>
              <OutcomeMessage outcome={building.outcome} busyLabel="Building…" />
            </section>
            {builtTitle && (
              <section className={styles.section} aria-labelledby="live-heading">
                <Subtitle2 as="h2" id="live-heading">
                  Progress in {builtTitle}
                </Subtitle2>
                {warnings.map((warning) => (
                  <MessageBar key={warning} intent="warning">
                    <MessageBarBody>{warning}</MessageBarBody>
                  </MessageBar>
                ))}
                <LiveView keyResults={live} />
                <Field label="Confidence" size="small">
                  <Select size="small" value={confidence} onChange={(_, data) => setConfidence(data.value as Confidence)}>
                    <option>High</option>
                    <option>Medium</option>
                    <option>Low</option>
                  </Select>
                </Field>
                <Field label="Check-in note" size="small">
                  <Input size="small" value={note} onChange={(_, data) => setNote(data.value)} />
                </Field>
                <Button disabled={busy} onClick={checkIn}>
                  Record check-in
                </Button>
                <OutcomeMessage outcome={checkingIn.outcome} busyLabel="Recording the check-in…" />
              </section>
            )}
          </>
        )}
        <Accordion collapsible>
          <AccordionItem value="functions">
            <AccordionHeader size="small">KPI functions</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {FUNCTION_EXAMPLES.map(({ formula, meaning }) => (
                  <li key={formula}>
                    <Body1>
                      <span className={styles.formula}>{formula}</span> {meaning}
                    </Body1>
                  </li>
                ))}
              </ul>
              <Link href="functions.html" target="_blank">
                Function reference
              </Link>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </main>
    </FluentProvider>
  );
}

/** What became of an action, shown under its button: a spinner while it runs, then its message. */
function OutcomeMessage({ outcome, busyLabel }: { outcome: Outcome; busyLabel: string }) {
  if (outcome.state === "idle") return null;
  if (outcome.state === "busy") return <Spinner size="tiny" label={busyLabel} />;
  return (
    <MessageBar intent={outcome.state === "error" ? "error" : "success"}>
      <MessageBarBody>{outcome.message}</MessageBarBody>
    </MessageBar>
  );
}
