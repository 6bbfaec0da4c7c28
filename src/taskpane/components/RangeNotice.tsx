import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { DataSource } from "../../okr/plan";
import { renderProblem } from "../../okr/problems";
import type { OkrWorkbook } from "../../okr/workbook";
import { useAction } from "../hooks/useAction";
import { usePaneText } from "../hooks/usePaneText";

interface Props {
  source: Extract<DataSource, { kind: "range" }>;
  workbook: OkrWorkbook;
  onTable: (name: string) => void;
}

/** Says how far formulas over a plain range reach, and offers to make it a table so every new job counts. */
export function RangeNotice({ source, workbook, onTable }: Props) {
  const making = useAction();
  const { t, locale } = usePaneText();
  const makeTable = () =>
    making.run(async () => {
      const result = await workbook.makeJobTable(source);
      if (!result.ok) return { state: "error", message: renderProblem(result.problem, locale) };
      onTable(result.table);
      return { state: "idle" };
    }, (error) => t("range.makeTableFailed", { error }));
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>{t("range.notice", { first: source.headerRow + 1, last: source.lastRow })}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" disabled={making.outcome.state === "busy"} onClick={() => void makeTable()}>
            {t("range.makeTable")}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {making.outcome.state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{making.outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>{t("range.otherSheet")}</Body1>
    </>
  );
}
