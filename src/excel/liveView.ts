import { TABLE_COLUMNS } from "../okr/krTable";
import { tableName } from "../okr/plan";

/** A key result as the sheet computes it now. */
export interface LiveKeyResult {
  id: string;
  objective: string;
  name: string;
  baseline: number | string;
  current: number | string;
  target: number | string;
  progress: number | string;
  status: string;
  isObjective: boolean;
}

const at = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

/** Reads a built sheet's KR table as Excel has computed it (none if the user deleted it). */
export async function readLiveKeyResults(title: string): Promise<LiveKeyResult[]> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName(title));
    await context.sync();
    if (table.isNullObject) return [];
    const body = table.getDataBodyRange();
    body.load("values");
    await context.sync();
    return body.values.map(toLiveKeyResult);
  });
}

export function toLiveKeyResult(row: unknown[]): LiveKeyResult {
  const id = String(row[at("Id")] ?? "");
  return {
    id,
    objective: String(row[at("Objective")] ?? ""),
    name: String(row[at("Key result")] || row[at("Objective")] || ""),
    baseline: row[at("Baseline")] as number | string,
    current: row[at("Current")] as number | string,
    target: row[at("Target")] as number | string,
    progress: row[at("Progress")] as number | string,
    status: String(row[at("Status")] ?? ""),
    isObjective: id.startsWith("objective:"),
  };
}

/**
 * Calls `listener` each time the OKR sheet recalculates (new job rows, a changed target), so the pane
 * follows the sheet without a rebuild. Returns a function that stops listening.
 */
export async function onSheetCalculated(title: string, listener: () => void): Promise<() => Promise<void>> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(title);
    const registration = sheet.onCalculated.add(async () => listener());
    await context.sync();
    return () =>
      Excel.run(registration.context, async (removal) => {
        registration.remove();
        await removal.sync();
      });
  });
}
