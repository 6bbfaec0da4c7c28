import { CellContent, TABLE_COLUMNS } from "./krTable";
import { columnLetters } from "./references";

export type Row = readonly CellContent[];
type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Columns the user owns on a row the add-in knows: a re-run keeps what is in them. */
export const USER_COLUMNS = ["Target", "Owner", "Weight", "Notes"] as const satisfies readonly TableColumn[];

/**
 * A custom key result's user columns: also its Current (the number typed at each check-in, or the formula
 * given, as it is on the sheet now: the user may have edited it there) and the Baseline typed.
 */
export const CUSTOM_USER_COLUMNS = [...USER_COLUMNS, "Baseline", "Current"] as const satisfies readonly TableColumn[];

/** A row the add-in knows by its id; its cells are made once the sheet row it lands on is known. */
export interface KnownRow {
  id: string;
  /** The id of the objective row it rolls up into (KRs only). */
  objectiveId?: string;
}

/** A row of the re-run KR table, top to bottom. */
export type Slot<K extends KnownRow> =
  | { kind: "known"; row: K; old?: OldRow }
  | { kind: "verbatim"; old: OldRow }
  | { kind: "blank" };

/** A row read back from the sheet, by column name (columns the old sheet lacked are null). */
export type OldRow = Readonly<Record<TableColumn, CellContent>>;

const isBlank = (cell: CellContent) => cell === null || cell === "";
const isFormula = (cell: CellContent) => typeof cell === "string" && cell.startsWith("=");

/**
 * Cells the user filled in columns the KR table did not have when it was last built, where this
 * version of the table puts columns of its own (a table built before a column was added): writing
 * would overwrite them, so the build stops and names them. A1 addresses, the header row being
 * `headerRow` (1-based) and `existing` starting in column A.
 * @example cellsInTheWay([["Objective", "Mine"], [null, "keep me"]], 9) //=> ["B9", "B10"]
 */
export function cellsInTheWay(existing: readonly Row[] | undefined, headerRow: number): string[] {
  if (!existing || existing.length === 0) return [];
  const known = new Set<string>(TABLE_COLUMNS);
  const foreign = TABLE_COLUMNS.map((_, c) => c).filter((c) => !known.has(String(existing[0][c] ?? "")));
  return existing.flatMap((row, r) => foreign.filter((c) => !isBlank(row[c] ?? null)).map((c) => `${columnLetters(c)}${headerRow + r}`));
}

/** The rows below the header of an earlier build's KR table (read as formulas, header first), by column name. */
export function readOldRows(existing: readonly Row[] | undefined): (OldRow | undefined)[] {
  if (!existing || existing.length < 2) return [];
  const at = new Map(existing[0].map((name, i) => [String(name), i]));
  const rows = existing.slice(1).map((row) =>
    row.every(isBlank) ? undefined : (Object.fromEntries(TABLE_COLUMNS.map((name) => [name, at.has(name) ? (row[at.get(name)!] ?? null) : null])) as OldRow),
  );
  while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
  return rows;
}

/**
 * The order of a re-run's rows. The rows already on the sheet stay in the user's order (sorted,
 * filtered or moved by hand); a row the plan knows by its id takes the plan's fresh version with the
 * user's columns; a row the plan dropped but `recover` can rebuild from its own cells (a KR unticked in
 * the pane) is rebuilt where it is; anything else the user wrote is kept verbatim. New rows go after
 * their objective's last row, or at the end. Verbatim rows holding a formula must not move (their A1
 * references would then point at another row): when the compact order would move one, blank rows stay
 * and new rows go at the end instead.
 */
export function mergeRows<K extends KnownRow>(planned: readonly K[], existing: readonly Row[] | undefined, recover: (old: OldRow) => K | undefined): Slot<K>[] {
  const old = readOldRows(existing);
  const compact = arrange(planned, old, recover, false);
  const verbatimMoved = compact.some((slot, i) => slot.kind === "verbatim" && TABLE_COLUMNS.some((name) => isFormula(slot.old[name])) && old[i] !== slot.old);
  return verbatimMoved ? arrange(planned, old, recover, true) : compact;
}

function arrange<K extends KnownRow>(planned: readonly K[], old: readonly (OldRow | undefined)[], recover: (old: OldRow) => K | undefined, keepPlaces: boolean): Slot<K>[] {
  const byId = new Map(planned.map((row) => [row.id, row]));
  const placed = new Set<string>();
  const slots: Slot<K>[] = [];
  for (const row of old) {
    if (!row) {
      if (keepPlaces) slots.push({ kind: "blank" });
      continue;
    }
    const id = String(row.Id ?? "");
    const known = id === "" || placed.has(id) ? undefined : (byId.get(id) ?? recover(row));
    if (known) placed.add(id);
    slots.push(known ? { kind: "known", row: known, old: row } : { kind: "verbatim", old: row });
  }
  for (const row of planned.filter((p) => !placed.has(p.id))) {
    const group = row.objectiveId ?? row.id;
    let at = slots.length;
    if (!keepPlaces) {
      const last = lastIndex(slots, (slot) => slot.kind === "known" && (slot.row.id === group || slot.row.objectiveId === group));
      if (last !== -1) at = last + 1;
    }
    slots.splice(at, 0, { kind: "known", row });
    placed.add(row.id);
  }
  return slots;
}

function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
