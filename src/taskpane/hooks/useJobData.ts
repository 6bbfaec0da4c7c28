import { useEffect, useState } from "react";
import { ColumnMap, detectColumns } from "../../okr/columns";
import { JobData, OkrWorkbook, Problem } from "../../okr/workbook";

/**
 * The job log as read: an error is either the workbook's problem, as data the pane words in its
 * language, or the message of what reading threw.
 */
export type JobDataState =
  | { state: "loading" }
  | { state: "error"; problem: Problem }
  | { state: "error"; thrown: string }
  | { state: "ready"; data: JobData; detected: ColumnMap };

/** Finds the job log (the table named, else the first table or the active sheet) and maps its columns. */
export function useJobData(workbook: OkrWorkbook, table: string | undefined, reloads: number): JobDataState {
  const [state, setState] = useState<JobDataState>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setState({ state: "loading" });
    workbook
      .readJobData(table)
      .then((result) => {
        if (!current) return;
        if ("problem" in result) setState({ state: "error", problem: result.problem });
        else setState({ state: "ready", data: result, detected: detectColumns(result.source.headers, result.sample) });
      })
      .catch((error: unknown) => current && setState({ state: "error", thrown: String(error) }));
    return () => {
      current = false;
    };
  }, [workbook, table, reloads]);
  return state;
}
