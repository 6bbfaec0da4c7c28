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
import { currencyOfFormat, logMoneyFormat } from "../okr/currencyFormat";
import { DraftProblem, KeyResultDraft, OwnObjective, toKeyResults } from "../okr/drafts";
import { FormulaMode } from "../okr/formulas";
import { BaselineChoice, CalendarKind, jobDates, periodKind, sheetTitle } from "../okr/periods";
import type { Locale } from "../okr/locale";
import { CHECK_IN_SHEET } from "../okr/sheetLayout";
import { availableObjectives, isAvailable, objectiveTemplates } from "../okr/templates";
import { renderProblem, renderProblems } from "../okr/problems";
import { textDateWarnings } from "../okr/textDates";
import { ColumnMapping } from "./components/ColumnMapping";
import { RangeNotice } from "./components/RangeNotice";
import { KeyResultPicker } from "./components/KeyResultPicker";
import { LiveView } from "./components/LiveView";
import { chosenPeriod, initialPeriodChoice, PeriodChoice, periodLists, PeriodPicker } from "./components/PeriodPicker";
import { ScorecardSection } from "./components/ScorecardSection";
import type { SheetSectionProps } from "./components/SheetSection";
import { TrendsSection } from "./components/TrendsSection";
import { FUNCTION_EXAMPLES } from "./functionExamples";
import { Outcome, useAction } from "./hooks/useAction";
import { useJobData } from "./hooks/useJobData";
import { useLiveKeyResults } from "./hooks/useLiveKeyResults";
import { usePaneText } from "./hooks/usePaneText";
import { CONFIDENCE_MESSAGES, REFERENCE_PAGES } from "./i18n/labels";
import { MessageId } from "./i18n/messages";
import { PaneIntl } from "./i18n/PaneIntl";
import { liveWarnings } from "./liveWarnings";
import { Confidence, OkrWorkbook } from "../okr/workbook";
import type { DataSource } from "../okr/plan";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The message for each field of a key result the pane cannot read. */
const DRAFT_PROBLEM_MESSAGES: Readonly<Record<DraftProblem["field"], MessageId>> = {
  target: "keyResults.badTarget",
  weight: "keyResults.badWeight",
  baseline: "keyResults.badBaseline",
  current: "keyResults.badCurrent",
  formula: "keyResults.badFormula",
};

interface Props {
  workbook: OkrWorkbook;
  today?: Date;
  /** Office's theme (dark or light), chosen where the pane starts. */
  theme?: Theme;
  /** The language the pane speaks, chosen where it starts (Office's display language). */
  locale?: Locale;
}

/** The OKR builder in the language given: data, period, key results, build; then the live view and check-ins. */
export function App({ locale = "en", ...props }: Props) {
  return (
    <PaneIntl locale={locale}>
      <Pane {...props} />
    </PaneIntl>
  );
}

function Pane({ workbook, today = new Date(), theme = webLightTheme }: Omit<Props, "locale">) {
  const styles = useStyles();
  const { t, locale } = usePaneText();
  const [reloads, setReloads] = useState(0);
  const [table, setTable] = useState<string | undefined>(undefined);
  const jobData = useJobData(workbook, table, reloads);
  const [columns, setColumns] = useState<ColumnMap | undefined>(undefined);
  const mapped = columns ?? (jobData.state === "ready" ? jobData.detected : {});
  // The job dates the pane has: the sample's (the log's first rows), and the first and last of the whole
  // log's date column (its MIN and MAX), so the periods reach from the first job to the last.
  const span = jobData.state === "ready" && mapped.date !== undefined ? jobData.data.spans?.[mapped.date] : undefined;
  const dateSpan = span && span.min >= 1 ? span : undefined; // 0: no dates at all (MIN of text)
  const dates = jobData.state === "ready" ? [...jobDates(jobData.data.sample, mapped.date), ...(dateSpan ? [dateSpan.min, dateSpan.max] : [])] : [];
  const periods = periodLists(dates, today);
  // The one copy of the period: the picker shows it, Build uses what it stands for. Until the user picks
  // one it follows the job log, so the default is the latest full quarter with jobs once the log is read.
  const [pickedPeriod, setPickedPeriod] = useState<PeriodChoice | undefined>(undefined);
  const periodChoice = pickedPeriod ?? initialPeriodChoice(periods, dates, today, dateSpan);
  const period = chosenPeriod(periodChoice, periods);
  const [baseline, setBaseline] = useState<BaselineChoice>("previous");
  const [drafts, setDrafts] = useState<KeyResultDraft[]>([]);
  const [ownObjectives, setOwnObjectives] = useState<OwnObjective[]>([]);
  const [mode, setMode] = useState<FormulaMode>("portable");
  const building = useAction();
  const checkingIn = useAction();
  const scoring = useAction();
  const trending = useAction();
  // A build rewrites the sheet a check-in reads, so no workbook action starts while another runs.
  const busy = [building, checkingIn, scoring, trending].some((action) => action.outcome.state === "busy");
  /** What the scorecard and trends sections share: the log they count, the period, the formulas and the money format of the OKR build. */
  const sheetSection = (source: DataSource): Omit<SheetSectionProps, "action" | "outcome"> => ({ workbook, source, columns: mapped, period, mode, moneyFormat, busy });
  const [builtTitle, setBuiltTitle] = useState<string | undefined>(undefined);
  // What the built sheet's periods are, so its history reads "last 6 quarters" (or months).
  const [builtKind, setBuiltKind] = useState<CalendarKind | undefined>(undefined);
  const [builds, setBuilds] = useState(0);
  const [confidence, setConfidence] = useState<Confidence>("Medium");
  const [note, setNote] = useState("");
  const [sampleProblem, setSampleProblem] = useState<string | undefined>(undefined);
  const live = useLiveKeyResults(workbook, builtTitle, builds);
  const baselines = useMemo(() => new Map(live.filter((kr) => typeof kr.baseline === "number").map((kr) => [kr.id, kr.baseline as number])), [live]);
  const warnings = liveWarnings(live, t);

  // Sentiment has no native formula: it is offered only while KPI functions are chosen.
  const objectives = useMemo(() => availableObjectives(mapped, objectiveTemplates(locale), mode), [mapped, locale, mode]);
  const dataWarnings = jobData.state === "ready" ? textDateWarnings(jobData.data.source.headers, jobData.data.sample, mapped).map((warning) => renderProblem(warning, locale)) : [];
  // Money in the log's own currency, as the sheet writes it.
  const moneyFormat = jobData.state === "ready" ? logMoneyFormat(jobData.data.numberFormats, mapped) : undefined;
  const currency = moneyFormat === undefined ? undefined : currencyOfFormat(moneyFormat, locale);
  // KRs whose columns were unmapped since they were ticked are left out, not built half-way.
  const buildable = drafts.filter((draft) => draft.custom || isAvailable(draft.kpi, mapped, mode));

  const build = () => {
    if (jobData.state !== "ready" || !period || [checkingIn, scoring, trending].some((action) => action.outcome.state === "busy")) return;
    const source = jobData.data.source;
    return building.run(async () => {
      const keyResults = toKeyResults(buildable);
      if ("problem" in keyResults) {
        const { field, name, text, fault } = keyResults.problem;
        return { state: "error", message: t(DRAFT_PROBLEM_MESSAGES[field], { name, text, fault: fault ?? "" }) };
      }
      const title = sheetTitle(period);
      const result = await workbook.build({ title, period, baseline, mode, source, columns: mapped, keyResults, moneyFormat });
      if (!result.ok) return { state: "error", message: renderProblems(result.problems, locale) };
      // A check-in message about another sheet would now be read as about this one.
      if (title !== builtTitle) checkingIn.reset();
      setBuiltTitle(title);
      setBuiltKind(periodKind(period));
      setBuilds((n) => n + 1);
      return { state: "done", message: t("build.done", { title, count: result.keyResults }) };
    }, (error) => t("build.failed", { error }));
  };

  // Another log has its own columns and dates: detect them, and start from its default period.
  const switchLog = (name: string | undefined) => {
    setTable(name);
    setColumns(undefined);
    setPickedPeriod(undefined);
  };

  const insertSample = async () => {
    try {
      const result = await workbook.insertSampleData();
      if (!result.ok) return setSampleProblem(renderProblem(result.problem, locale));
      setSampleProblem(undefined);
      switchLog(undefined);
      setReloads((n) => n + 1);
    } catch (error) {
      setSampleProblem(t("sample.failed", { error: String(error) }));
    }
  };

  const checkIn = () => {
    if (!builtTitle || [building, scoring, trending].some((action) => action.outcome.state === "busy")) return;
    return checkingIn.run(async () => {
      const rows = await workbook.recordCheckIn(builtTitle, today, confidence, note);
      // Keep whatever was typed while the check-in was being recorded.
      setNote((current) => (current === note ? "" : current));
      return { state: "done", message: t("checkIn.done", { count: rows, sheet: CHECK_IN_SHEET }) };
    }, (error) => t("checkIn.failed", { error }));
  };

  return (
    <FluentProvider theme={theme}>
      <main className={styles.root} lang={locale}>
        <Subtitle1 as="h1">{t("pane.title")}</Subtitle1>
        {jobData.state === "loading" && <Spinner size="small" label={t("jobData.loading")} />}
        {jobData.state === "error" && (
          <>
            <MessageBar intent="warning">
              <MessageBarBody>
                {"problem" in jobData ? renderProblem(jobData.problem, locale) : t("jobData.readFailed", { error: jobData.thrown })}{" "}
                <Link onClick={() => setReloads((n) => n + 1)}>{t("pane.lookAgain")}</Link>
              </MessageBarBody>
            </MessageBar>
            <Button onClick={insertSample}>{t("sample.insert")}</Button>
            <Body1>{t("sample.explain")}</Body1>
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
                {t("jobData.heading")}
              </Subtitle2>
              <Body1>
                {t("jobData.source", {
                  kind: jobData.data.source.kind,
                  name: jobData.data.source.kind === "table" ? jobData.data.source.table : jobData.data.source.sheet,
                  columns: jobData.data.source.headers.length,
                })}{" "}
                <Link onClick={() => setReloads((n) => n + 1)}>{t("pane.lookAgain")}</Link>
              </Body1>
              {jobData.data.tables.length > 1 && (
                <Field label={t("jobData.table")} size="small">
                  <Select
                    size="small"
                    value={jobData.data.source.kind === "table" ? jobData.data.source.table : ""}
                    onChange={(_, data) => {
                      switchLog(data.value);
                    }}
                  >
                    {jobData.data.tables.map((name) => (
                      <option key={name}>{name}</option>
                    ))}
                  </Select>
                </Field>
              )}
              {jobData.data.source.kind === "range" && (
                <RangeNotice source={jobData.data.source} workbook={workbook} onTable={(name) => { switchLog(name); setReloads((n) => n + 1); }} />
              )}
              {dataWarnings.map((warning) => (
                <MessageBar key={warning} intent="warning">
                  <MessageBarBody>{warning}</MessageBarBody>
                </MessageBar>
              ))}
              <Accordion collapsible>
                <AccordionItem value="columns">
                  <AccordionHeader size="small">{t("jobData.columnsUsed")}</AccordionHeader>
                  <AccordionPanel>
                    <ColumnMapping headers={jobData.data.source.headers} columns={mapped} onChange={setColumns} />
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
            </section>
            <section className={styles.section} aria-labelledby="period-heading">
              <Subtitle2 as="h2" id="period-heading">
                {t("period.heading")}
              </Subtitle2>
              <PeriodPicker lists={periods} value={periodChoice} onChange={setPickedPeriod} />
              <Field label={t("baseline.label")} size="small">
                <Select size="small" value={baseline} onChange={(_, data) => setBaseline(data.value as BaselineChoice)}>
                  <option value="previous">{t("baseline.previous")}</option>
                  <option value="lastYear">{t("baseline.lastYear")}</option>
                </Select>
              </Field>
            </section>
            <section className={styles.section} aria-labelledby="kr-heading">
              <Subtitle2 as="h2" id="kr-heading">
                {t("keyResults.heading")}
              </Subtitle2>
              {objectives.length === 0 && <Body1>{t("keyResults.noneComputable")}</Body1>}
              <KeyResultPicker
                objectives={objectives}
                headers={jobData.data.source.headers}
                columns={mapped}
                drafts={drafts}
                onChange={setDrafts}
                baselines={baselines}
                currency={currency}
                own={ownObjectives}
                onOwnChange={setOwnObjectives}
                readSelection={() => workbook.readSelectedAddress()}
              />
            </section>
            <section className={styles.section} aria-labelledby="build-heading">
              <Subtitle2 as="h2" id="build-heading">
                {t("build.heading")}
              </Subtitle2>
              <Field label={t("build.formulas")} size="small">
                <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as FormulaMode)}>
                  <Radio value="portable" label={t("build.portable")} />
                  <Radio value="kpi" label={t("build.kpiFunctions")} />
                </RadioGroup>
              </Field>
              <Button appearance="primary" disabled={!period || buildable.length === 0 || busy} onClick={build}>
                {builtTitle ? t("build.again") : t("build.first")}
              </Button>
              <OutcomeMessage outcome={building.outcome} busyLabel={t("build.busy")} />
            </section>
            <ScorecardSection
              {...sheetSection(jobData.data.source)}
              action={scoring}
              outcome={<OutcomeMessage outcome={scoring.outcome} busyLabel={t("scorecard.busy")} />}
            />
            <TrendsSection
              {...sheetSection(jobData.data.source)}
              action={trending}
              outcome={<OutcomeMessage outcome={trending.outcome} busyLabel={t("trends.busy")} />}
            />
            {builtTitle && (
              <section className={styles.section} aria-labelledby="live-heading">
                <Subtitle2 as="h2" id="live-heading">
                  {t("live.heading", { title: builtTitle })}
                </Subtitle2>
                {warnings.map((warning) => (
                  <MessageBar key={warning} intent="warning">
                    <MessageBarBody>{warning}</MessageBarBody>
                  </MessageBar>
                ))}
                <LiveView keyResults={live} periodKind={builtKind} />
                <Field label={t("checkIn.confidence")} size="small">
                  <Select size="small" value={confidence} onChange={(_, data) => setConfidence(data.value as Confidence)}>
                    {/* The value is what the Check-ins sheet records, in English like its other labels. */}
                    {Object.entries(CONFIDENCE_MESSAGES).map(([value, message]) => (
                      <option key={value} value={value}>
                        {t(message)}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={t("checkIn.note")} size="small">
                  <Input size="small" value={note} onChange={(_, data) => setNote(data.value)} />
                </Field>
                <Button disabled={busy} onClick={checkIn}>
                  {t("checkIn.record")}
                </Button>
                <OutcomeMessage outcome={checkingIn.outcome} busyLabel={t("checkIn.busy")} />
              </section>
            )}
          </>
        )}
        <Accordion collapsible>
          <AccordionItem value="functions">
            <AccordionHeader size="small">{t("functions.heading")}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {FUNCTION_EXAMPLES.map(({ formula, meaning }) => (
                  <li key={formula}>
                    <Body1>
                      <span className={styles.formula}>{formula}</span> {t(meaning)}
                    </Body1>
                  </li>
                ))}
              </ul>
              <Link href={REFERENCE_PAGES[locale]} target="_blank">
                {t("functions.reference")}
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
