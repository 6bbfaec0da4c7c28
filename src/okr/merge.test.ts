import { TABLE_COLUMNS } from "./krTable";
import { cellsInTheWay, KnownRow, mergeRows, OldRow, Slot } from "./merge";

type Cells = Partial<Record<(typeof TABLE_COLUMNS)[number], string | number | null>>;
const header = TABLE_COLUMNS.slice();
const row = (cells: Cells) => TABLE_COLUMNS.map((name) => cells[name] ?? null);
const blank = row({});

const objective = (id: string): KnownRow => ({ id: `objective:${id}` });
const kr = (id: string, objectiveId: string): KnownRow => ({ id, objectiveId: `objective:${objectiveId}` });
const planned = [objective("a"), kr("a:nps", "a"), kr("a:fcr", "a"), objective("b"), kr("b:ticket", "b")];
const never = () => undefined;

/** Each slot as one word: a known row's id, "verbatim:<Key result>" or "blank". */
const shape = (slots: Slot<KnownRow>[]) => slots.map((slot) => (slot.kind === "known" ? slot.row.id : slot.kind === "verbatim" ? `verbatim:${slot.old["Key result"]}` : "blank"));

describe("the rows of a re-run", () => {
  it("are the plan, in its order, on a first build", () => {
    expect(shape(mergeRows(planned, undefined, never))).toEqual(["objective:a", "a:nps", "a:fcr", "objective:b", "b:ticket"]);
  });

  it("stay in the order the user sorted them, each known row paired with what is on the sheet", () => {
    const sheet = [header, row({ Id: "b:ticket", Target: 300 }), row({ Id: "a:fcr" }), row({ Id: "objective:b" }), row({ Id: "a:nps", Owner: "Ann" }), row({ Id: "objective:a" })];
    const slots = mergeRows(planned, sheet, never);
    expect(shape(slots)).toEqual(["b:ticket", "a:fcr", "objective:b", "a:nps", "objective:a"]);
    expect(slots[0].kind === "known" && slots[0].old?.Target).toBe(300);
    expect(slots[3].kind === "known" && slots[3].old?.Owner).toBe("Ann");
  });

  it("put a new key result after the last row of its objective, and a new objective at the end", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ Id: "a:nps" })];
    expect(shape(mergeRows(planned, sheet, never))).toEqual(["objective:a", "a:nps", "a:fcr", "objective:b", "b:ticket"]);
  });

  it("put a new key result right after its objective's rows, before the next objective", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ Id: "a:nps" }), row({ Id: "objective:b" }), row({ Id: "b:ticket" })];
    expect(shape(mergeRows(planned, sheet, never))).toEqual(["objective:a", "a:nps", "a:fcr", "objective:b", "b:ticket"]);
  });

  it("put an objective's first key result right after its row, and a new one before a hand-made row that follows", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ Id: "objective:b" }), row({ Id: "b:ticket" })];
    expect(shape(mergeRows([objective("a"), kr("a:nps", "a"), objective("b"), kr("b:ticket", "b")], sheet, never))).toEqual([
      "objective:a",
      "a:nps",
      "objective:b",
      "b:ticket",
    ]);
    const withHandMade = [header, row({ Id: "objective:a" }), row({ Id: "a:nps" }), row({ "Key result": "Fewer callbacks" }), row({ Id: "objective:b" })];
    expect(shape(mergeRows(planned.slice(0, 4), withHandMade, never))).toEqual(["objective:a", "a:nps", "a:fcr", "verbatim:Fewer callbacks", "objective:b"]);
  });

  it("read an empty range, or a header alone, as a first build", () => {
    expect(shape(mergeRows(planned.slice(0, 2), [], never))).toEqual(["objective:a", "a:nps"]);
    expect(shape(mergeRows(planned.slice(0, 2), [header], never))).toEqual(["objective:a", "a:nps"]);
    expect(shape(mergeRows(planned.slice(0, 2), [header, blank, blank], never))).toEqual(["objective:a", "a:nps"]);
  });

  it("never take a row without an id for a row it could rebuild: it is the user's own", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ "Key result": "Our own", KPI: "Customer satisfaction (CSAT)" })];
    const recover = (old: OldRow) => (old.KPI ? kr(String(old.Id), "a") : undefined);
    expect(shape(mergeRows(planned.slice(0, 1), sheet, recover))).toEqual(["objective:a", "verbatim:Our own"]);
  });

  it("rebuild a row the plan dropped where it is, when its own cells say what it was", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ Id: "a:csat", KPI: "Customer satisfaction (CSAT)" }), row({ Id: "a:nps" })];
    const recover = (old: OldRow) => (old.KPI ? kr(String(old.Id), "a") : undefined);
    const slots = mergeRows(planned.slice(0, 2), sheet, recover);
    expect(shape(slots)).toEqual(["objective:a", "a:csat", "a:nps"]);
  });

  it("keep rows the user wrote by hand verbatim, and a second copy of an id as the user's own row", () => {
    const sheet = [header, row({ Id: "objective:a" }), row({ "Key result": "Fewer callbacks", Target: 5 }), row({ Id: "a:nps", "Key result": "copy one" }), row({ Id: "a:nps", "Key result": "copy two" })];
    const slots = mergeRows(planned.slice(0, 2), sheet, never);
    expect(shape(slots)).toEqual(["objective:a", "verbatim:Fewer callbacks", "a:nps", "verbatim:copy two"]);
  });

  it("drop blank rows between rows, and trailing ones", () => {
    const sheet = [header, row({ Id: "objective:a" }), blank, row({ Id: "a:nps" }), blank, blank];
    expect(shape(mergeRows(planned.slice(0, 2), sheet, never))).toEqual(["objective:a", "a:nps"]);
  });

  it("read a row of empty text, as Excel gives a blank row back, as blank", () => {
    const emptyText = TABLE_COLUMNS.map(() => "");
    const sheet = [header, row({ Id: "objective:a" }), emptyText, row({ Id: "a:nps" })];
    expect(shape(mergeRows(planned.slice(0, 2), sheet, never))).toEqual(["objective:a", "a:nps"]);
  });

  it("move a hand-made row without a formula up when a blank row above it goes", () => {
    const sheet = [header, row({ Id: "objective:a" }), blank, row({ "Key result": "Fewer callbacks", Target: 5 }), row({ Id: "a:nps" })];
    expect(shape(mergeRows(planned.slice(0, 3), sheet, never))).toEqual(["objective:a", "verbatim:Fewer callbacks", "a:nps", "a:fcr"]);
  });

  it("still put new rows after their objective when a hand-made formula row stays where it was", () => {
    const handMade = row({ "Key result": "Callbacks down", Progress: "=G10/F10" });
    const sheet = [header, handMade, row({ Id: "objective:a" }), row({ Id: "a:nps" }), row({ Id: "objective:b" })];
    expect(shape(mergeRows(planned.slice(0, 4), sheet, never))).toEqual(["verbatim:Callbacks down", "objective:a", "a:nps", "a:fcr", "objective:b"]);
  });

  it("never move a hand-made row holding a formula: blank rows stay and new rows go to the end", () => {
    // Row 12 computes from its own row's cells (G12, F12): moved, it would read another row's.
    const handMade = row({ "Key result": "Callbacks down", Current: "=COUNTIF(A:A,\"x\")", Progress: "=G12/F12" });
    const sheet = [header, row({ Id: "objective:a" }), blank, handMade, row({ Id: "a:nps" })];
    const slots = mergeRows(planned.slice(0, 3), sheet, never);
    expect(shape(slots)).toEqual(["objective:a", "blank", "verbatim:Callbacks down", "a:nps", "a:fcr"]);
    expect(slots[1]).toEqual({ kind: "blank" });
    // Kept in place, the formula row must not move at all: a new key result goes to the very end,
    // not after its objective's last row where it would push the rows below down.
    const withNextObjective = [header, row({ Id: "objective:a" }), blank, handMade, row({ Id: "a:nps" }), row({ Id: "objective:b" })];
    expect(shape(mergeRows(planned.slice(0, 4), withNextObjective, never))).toEqual(["objective:a", "blank", "verbatim:Callbacks down", "a:nps", "objective:b", "a:fcr"]);
    // Trailing blank rows are not kept as places: the new row follows the last row written.
    expect(shape(mergeRows(planned.slice(0, 3), [...sheet, blank, blank], never))).toEqual(["objective:a", "blank", "verbatim:Callbacks down", "a:nps", "a:fcr"]);
  });

  it("read a sheet from an older version by its column names", () => {
    const sheet = [["Key result", "Target", "Id"], ["Raise NPS", 45, "a:nps"]];
    const slots = mergeRows(planned.slice(0, 2), sheet, never);
    expect(shape(slots)).toEqual(["a:nps", "objective:a"]);
    expect(slots[0].kind === "known" && slots[0].old).toMatchObject({ Target: 45, "Objective id": null, Notes: null });
  });
});

describe("cells in the way of the table's columns", () => {
  it("the @example: a column the table did not have, with the user's header and entry", () => {
    expect(cellsInTheWay([["Objective", "Mine"], [null, "keep me"]], 9)).toEqual(["B9", "B10"]);
  });

  it("names nothing on a sheet whose columns are all the table's, or that has no rows", () => {
    expect(cellsInTheWay([[...TABLE_COLUMNS], TABLE_COLUMNS.map(() => "x")], 9)).toEqual([]);
    expect(cellsInTheWay(undefined, 9)).toEqual([]);
    expect(cellsInTheWay([], 9)).toEqual([]);
  });

  it("leaves blanks and cells right of the table alone", () => {
    const header = [...TABLE_COLUMNS.slice(0, 5), "", ...TABLE_COLUMNS.slice(6), "beyond"];
    // Column F (index 5) has no header: a blank and an empty text are not in the way, a zero is.
    expect(cellsInTheWay([header, [null, null, null, null, null, "", null], [null, null, null, null, null, 0]], 9)).toEqual(["F11"]);
  });
});
