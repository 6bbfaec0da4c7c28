import { GriffelStyle, tokens } from "@fluentui/react-components";

/** A key result's fields, two to a row, indented under its name: the picker's KPI details and a custom key result's fields. */
export const KEY_RESULT_FIELDS: GriffelStyle = {
  display: "grid",
  // minmax(0, 1fr): let inputs shrink to the 320 px pane instead of overflowing it
  gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
  gap: tokens.spacingHorizontalS,
  // A target's hints make its row taller: the input beside it keeps its own height.
  alignItems: "start",
  paddingLeft: tokens.spacingHorizontalXL,
  paddingBottom: tokens.spacingVerticalS,
};

/** Fluent's inputs have a minimum width wider than half a 320 px pane: each fills its grid cell instead. */
export const FIELD_CONTROL: GriffelStyle = { minWidth: 0, width: "100%" };
