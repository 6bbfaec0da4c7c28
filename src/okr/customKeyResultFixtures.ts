import { CustomKeyResult } from "./plan";

/**
 * Key results of the user's own, for the tests of custom key results on the plan (customPlan.test.ts)
 * and written to a workbook (test/customKeyResults.test.ts): an objective the user named, a revenue
 * figure from the user's accounts and a rating the user types at each check-in.
 */

/** The objective the user added and named in the pane. */
export const OWN_OBJECTIVE = { objectiveId: "own:money", objective: "Make money" } as const;

/**
 * Revenue from the user's accounts, read by `formula` (as typed: the plan checks and trims it), to grow from 100,000 to 120,000.
 */
export function revenueFromAccounts(formula: string): CustomKeyResult {
  return {
    id: "custom:rev",
    ...OWN_OBJECTIVE,
    name: "Revenue from the accounts",
    type: "increase",
    target: 120000,
    baseline: 100000,
    custom: { kind: "formula", format: "currency", formula },
  };
}

/** A Google rating the user types at each check-in, 4.2 at first, to stay above 4.5. */
export const GOOGLE_RATING: CustomKeyResult = {
  id: "custom:reviews",
  ...OWN_OBJECTIVE,
  name: "Google rating",
  type: "above",
  target: 4.5,
  custom: { kind: "manual", format: "number", current: 4.2 },
};
