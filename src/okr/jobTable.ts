import { detectColumns } from "./columns";
import { TABLE_COLUMNS } from "./krTable";
import { CHECK_IN_COLUMNS, CHECK_IN_TABLE } from "./sheetLayout";

export interface CandidateTable {
  name: string;
  headers: readonly string[];
  sample: readonly (readonly unknown[])[];
}

/** Whether a table is one the add-in wrote (an OKR sheet's key results, the check-ins), by its name and headers. */
export function isAddInTable({ name, headers }: Pick<CandidateTable, "name" | "headers">): boolean {
  const startsWith = (columns: readonly string[]) => columns.slice(0, 4).every((column, i) => headers[i] === column);
  return name === CHECK_IN_TABLE || startsWith(TABLE_COLUMNS) || startsWith(CHECK_IN_COLUMNS);
}

/**
 * The table that fits a job log best: never one the add-in wrote, and one with a job date; then the
 * most columns the OKR builder can use; the first such table on a tie. Undefined when none fits.
 */
export function chooseJobTable(tables: readonly CandidateTable[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const table of tables) {
    if (isAddInTable(table)) continue;
    const columns = detectColumns(table.headers, table.sample);
    const score = Object.keys(columns).length;
    if (columns.date !== undefined && (!best || score > best.score)) best = { name: table.name, score };
  }
  return best?.name;
}
