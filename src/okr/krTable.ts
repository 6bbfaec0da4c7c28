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
  "Previous period",
  "vs previous",
  "Same period last year",
  "vs last year",
  "Progress",
  "Expected",
  "Status",
  "Owner",
  "Weight",
  "Notes",
  "Id",
  "Objective id",
  "Weighted progress",
] as const;

/** Hidden columns that let formulas find rows by id, never by position: from Id to the end. */
export const HIDDEN_FROM: (typeof TABLE_COLUMNS)[number] = "Id";
