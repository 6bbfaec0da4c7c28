import { CellContent, TABLE_COLUMNS } from "./krTable";

/** Columns the user owns on the OKR sheet: a re-run keeps what is in them. */
const USER_COLUMNS = ["Target", "Owner", "Weight", "Notes"] as const;
const index = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

export type Row = readonly CellContent[];

/**
 * The KR rows of a re-run over a sheet the add-in built before. `existing` is that sheet's KR table
 * as formulas, header row first. For each planned row found there by its id, the target, owner,
 * weight and notes on the sheet win; rows the plan does not know (KRs the user added by hand, or
 * dropped from the pane) are kept as they are, after the planned rows, in the new column order.
 */
export function mergeRows(planned: readonly Row[], existing: readonly Row[] | undefined): { rows: Row[]; kept: number } {
  if (!existing || existing.length < 2) return { rows: [...planned], kept: 0 };
  const oldIndex = new Map(existing[0].map((name, i) => [String(name), i]));
  const idAt = oldIndex.get("Id");
  const oldRows = existing.slice(1).filter((row) => row.some((cell) => cell !== null && cell !== ""));
  const idOf = (row: Row) => (idAt === undefined ? "" : String(row[idAt] ?? ""));
  const byId = new Map(oldRows.filter((row) => idOf(row) !== "").map((row) => [idOf(row), row]));

  const merged = planned.map((row) => {
    const old = byId.get(String(row[index("Id")]));
    if (!old) return row;
    const next = row.slice();
    for (const name of USER_COLUMNS) {
      const at = oldIndex.get(name);
      if (at !== undefined) next[index(name)] = old[at] ?? null;
    }
    return next;
  });
  const plannedIds = new Set(planned.map((row) => String(row[index("Id")])));
  const kept = oldRows
    .filter((row) => !plannedIds.has(idOf(row)))
    .map((row) => TABLE_COLUMNS.map((name) => {
      const at = oldIndex.get(name);
      return at === undefined ? null : (row[at] ?? null);
    }));
  return { rows: [...merged, ...kept], kept: kept.length };
}
