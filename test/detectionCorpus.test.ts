import { ColumnMap, detectColumns } from "../src/okr/columns";
import { EXPORTS, ExportSample } from "./fixtures/exports";

/** A mapping as role → header text, so a failure names the columns rather than their positions. */
function byHeader(headers: readonly string[], map: ColumnMap): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([role, column]) => [role, headers[column as number]]));
}

const cases = (samples: ExportSample[]) => samples.map((sample) => [sample.name, sample] as const);

function expectDetected(sample: ExportSample): void {
  expect(byHeader(sample.headers, detectColumns(sample.headers, sample.rows))).toEqual(sample.expected);
}

describe("the export corpus", () => {
  it.each(cases(EXPORTS))("%s is well formed", (_, sample) => {
    expect(new Set(sample.headers).size).toBe(sample.headers.length);
    for (const row of sample.rows) expect(row).toHaveLength(sample.headers.length);
    for (const header of Object.values(sample.expected)) expect(sample.headers).toContain(header);
  });
});

describe("detectColumns on real exports", () => {
  it.each(cases(EXPORTS.filter((sample) => !sample.knownMiss)))("%s", (_, sample) => expectDetected(sample));

  // Detection gets these wrong for the reason noted in the fixture; one that starts passing fails here, so its note goes.
  it.failing.each(cases(EXPORTS.filter((sample) => sample.knownMiss)))("%s (known miss)", (_, sample) => expectDetected(sample));
});
