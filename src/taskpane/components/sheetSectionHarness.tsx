import { render } from "@testing-library/react";
import type { ComponentType } from "react";
import type { ColumnMap } from "../../okr/columns";
import type { FormulaMode } from "../../okr/formulas";
import type { Locale } from "../../okr/locale";
import type { Period } from "../../okr/periods";
import type { OkrWorkbook } from "../../okr/workbook";
import { fakeWorkbook } from "../fakeWorkbook";
import { useAction } from "../hooks/useAction";
import { PaneIntl } from "../i18n/PaneIntl";
import type { SheetSectionProps } from "./SheetSection";

/** For the sections' tests: the log's source, its columns (date, technician, NPS) and 2026-Q3. */
export const SOURCE = { kind: "table" as const, table: "Jobs", headers: ["Job date", "Tech", "NPS"] };
export const ALL: ColumnMap = { date: 0, technician: 1, nps: 2 };
export const Q3: Period = { label: "2026-Q3", from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30

type SheetBuild = "buildScorecard" | "buildTrends";

/**
 * A workbook that answers only `method` (any other call is a bug in the section), and the settings it was asked with.
 * @example workbookAnswering("buildTrends", async () => ({ ok: true, sheet: "Trends", months: 12, kpis: 1, charts: 1 }))
 */
export function workbookAnswering<M extends SheetBuild>(method: M, answer: OkrWorkbook[M]): { workbook: OkrWorkbook; asked: Parameters<OkrWorkbook[M]>[0][] } {
  const asked: Parameters<OkrWorkbook[M]>[0][] = [];
  const respond = (settings: Parameters<OkrWorkbook[M]>[0]) => {
    asked.push(settings);
    return (answer as (settings: Parameters<OkrWorkbook[M]>[0]) => ReturnType<OkrWorkbook[M]>)(settings);
  };
  return { workbook: fakeWorkbook({ [method]: respond }), asked };
}

export interface HarnessProps {
  workbook: OkrWorkbook;
  columns?: ColumnMap;
  noPeriod?: boolean;
  busy?: boolean;
  mode?: FormulaMode;
  moneyFormat?: string;
}

/**
 * Renders a sheet section in `locale` as the pane holds it: its own action, and the outcome shown as
 * plain text below ("busy", "done: …", "error: …").
 */
export function renderSection(Section: ComponentType<SheetSectionProps>, locale: Locale, props: HarnessProps) {
  function Harness({ workbook, columns = ALL, noPeriod = false, busy = false, mode = "portable", moneyFormat }: HarnessProps) {
    const action = useAction();
    const outcome = action.outcome.state === "idle" ? null : <p>{action.outcome.state === "busy" ? "busy" : `${action.outcome.state}: ${action.outcome.message}`}</p>;
    return <Section workbook={workbook} source={SOURCE} columns={columns} period={noPeriod ? undefined : Q3} mode={mode} moneyFormat={moneyFormat} action={action} busy={busy || action.outcome.state === "busy"} outcome={outcome} />;
  }
  return render(
    <PaneIntl locale={locale}>
      <Harness {...props} />
    </PaneIntl>,
  );
}
