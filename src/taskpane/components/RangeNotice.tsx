import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { DataSource } from "../../okr/plan";
import type { OkrWorkbook } from "../../okr/workbook";
import { useAction } from "../hooks/useAction";

interface Props {
  source: Extract<DataSource, { kind: "range" }>;
  workbook: OkrWorkbook;
  onTable: (name: string) => void;
}

/** Says how far formulas over a plain range reach, and offers to make it a table so every new job counts. */
export function RangeNotice({ source, workbook, onTable }: Props) {
  const making = useAction();
  const makeTable = () =>
    making.run(async () => {
      const result = await workbook.makeJobTable(source);
      if (!result.ok) return { state: "error", message: result.problem };
      onTable(result.table);
      return { state: "idle" };
    }, "Could not make a table");
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>
          The job log is a plain range, not a table: formulas read rows {source.headerRow + 1} to {source.lastRow.toLocaleString("en-US")}, so jobs added
          below row {source.lastRow.toLocaleString("en-US")} count only after the next build. A table counts every new job.
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" disabled={making.outcome.state === "busy"} onClick={() => void makeTable()}>
            Make it a table
          </Button>
        </MessageBarActions>
      </MessageBar>
      {making.outcome.state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{making.outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>To use another sheet, select it in Excel and choose Look again.</Body1>
    </>
  );
}
