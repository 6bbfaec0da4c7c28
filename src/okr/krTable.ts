/** A cell of the plan: a value, or a formula as text starting with =. */
export type CellContent = string | number | boolean | null;

/**
 * The KPI over each of the periods before "Previous period", oldest first: with Previous period and
 * Current, the last six periods the pane draws as a sparkline. Hidden, after every other column, so
 * a table built before they were added keeps each column where it was.
 */
export const HISTORY_COLUMNS = ["5 periods ago", "4 periods ago", "3 periods ago", "2 periods ago"] as const;

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
  ...HISTORY_COLUMNS,
] as const;

/** Hidden columns that let formulas find rows by id, never by position: from Id to the end. */
export const HIDDEN_FROM: (typeof TABLE_COLUMNS)[number] = "Id";
