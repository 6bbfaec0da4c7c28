/** A cell of the plan: a value, or a formula as text starting with =. */
export type CellContent = string | number | boolean | null;

/** The OKR sheet's key-result table, left to right. */
export const TABLE_COLUMNS = [
  "Objective",
  "Key result",
  "KPI",
  "Type",
  "Baseline",
  "Target",
  "Current",
  "Progress",
  "Expected",
  "Status",
  "Owner",
  "Weight",
  "Notes",
  "Id",
] as const;
