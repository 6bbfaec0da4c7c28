import type { OkrWorkbook } from "../okr/workbook";

const METHODS: readonly (keyof OkrWorkbook)[] = [
  "readJobData",
  "build",
  "buildScorecard",
  "buildTrends",
  "readLive",
  "onCalculated",
  "recordCheckIn",
  "insertSampleData",
  "makeJobTable",
  "readSelectedAddress",
];

/**
 * A workbook for the pane's tests: the methods a test gives, and every other one failing with its
 * name, so a test states only what it uses and a call it did not expect shows as an error.
 */
export function fakeWorkbook(methods: Partial<OkrWorkbook>): OkrWorkbook {
  const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by this test`));
  return Object.fromEntries(METHODS.map((name) => [name, methods[name] ?? unused(name)])) as unknown as OkrWorkbook;
}
