import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useState } from "react";
import type { DataSource } from "../../okr/plan";
import type { OkrWorkbook } from "../../okr/workbook";

interface Props {
  source: Extract<DataSource, { kind: "range" }>;
  workbook: OkrWorkbook;
  onTable: (name: string) => void;
}

/** Says how far formulas over a plain range reach, and offers to make it a table so every new job counts. */
export function RangeNotice({ source, workbook, onTable }: Props) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const makeTable = async () => {
    setBusy(true);
    const result = await workbook.makeJobTable(source).catch((error: unknown) => ({ ok: false as const, problem: String(error) }));
    setBusy(false);
    if (result.ok) onTable(result.table);
    else setProblem(result.problem);
  };
  return (
    <>
      <MessageBar intent="warning">
        <MessageBarBody>
          The job log is a plain range, not a table: formulas read rows {source.headerRow + 1} to {source.lastRow.toLocaleString("en-US")}, so jobs added
          below row {source.lastRow.toLocaleString("en-US")} count only after the next build. A table counts every new job.
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" disabled={busy} onClick={() => void makeTable()}>
            Make it a table
          </Button>
        </MessageBarActions>
      </MessageBar>
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Body1>To use another sheet, select it in Excel and choose Look again.</Body1>
    </>
  );
}
