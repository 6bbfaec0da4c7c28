import { TABLE_COLUMNS } from "./krTable";
import { mergeRows } from "./merge";

const at = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

/** A KR row as the plan writes it: formulas refreshed, user columns at their defaults. */
function plannedRow(id: string, target: number | null = null) {
  const row = TABLE_COLUMNS.map((name) => `=${name}()`) as (string | number | null)[];
  row[at("Id")] = id;
  row[at("Target")] = target;
  row[at("Owner")] = "";
  row[at("Weight")] = 1;
  row[at("Notes")] = "";
  return row;
}

describe("mergeRows", () => {
  const planned = [plannedRow("objective:x"), plannedRow("kr-a", 10), plannedRow("kr-b")];

  it("returns the plan as it is on a first build", () => {
    expect(mergeRows(planned, undefined)).toEqual({ rows: planned, kept: 0 });
  });

  it("keeps the target, owner, weight and notes typed on the sheet, refreshing the rest", () => {
    const old = plannedRow("kr-b");
    old[at("Target")] = 42;
    old[at("Owner")] = "Ann";
    old[at("Weight")] = 3;
    old[at("Notes")] = "=not a formula, typed as text";
    old[at("Current")] = "=stale()";
    const { rows } = mergeRows(planned, [TABLE_COLUMNS.slice(), old]);
    expect(rows[2][at("Target")]).toBe(42);
    expect(rows[2][at("Owner")]).toBe("Ann");
    expect(rows[2][at("Weight")]).toBe(3);
    expect(rows[2][at("Notes")]).toBe("=not a formula, typed as text");
    expect(rows[2][at("Current")]).toBe("=Current()");
  });

  it("keeps a blanked target blank: the sheet wins over the plan", () => {
    const old = plannedRow("kr-a", null);
    expect(mergeRows(planned, [TABLE_COLUMNS.slice(), old]).rows[1][at("Target")]).toBeNull();
  });

  it("keeps rows the user added by hand, after the planned ones, in the new column order", () => {
    // An older sheet whose columns were in another order, with a hand-made KR that has no id.
    const oldHeader = ["Key result", "Target", "Objective", "Id", "Notes"];
    const handMade = ["Fewer callbacks", 5, "Run on time", "", "my own"];
    const { rows, kept } = mergeRows(planned, [oldHeader, handMade, [null, null, null, null, null]]);
    expect(kept).toBe(1);
    expect(rows).toHaveLength(4);
    const last = rows[3];
    expect(last[at("Key result")]).toBe("Fewer callbacks");
    expect(last[at("Target")]).toBe(5);
    expect(last[at("Objective")]).toBe("Run on time");
    expect(last[at("Notes")]).toBe("my own");
    expect(last[at("Status")]).toBeNull();
  });

  it("keeps KRs dropped from the pane, with what was typed for them", () => {
    const dropped = plannedRow("kr-gone", 7);
    const { rows, kept } = mergeRows(planned, [TABLE_COLUMNS.slice(), dropped]);
    expect(kept).toBe(1);
    expect(rows[3][at("Id")]).toBe("kr-gone");
    expect(rows[3][at("Target")]).toBe(7);
  });
});
