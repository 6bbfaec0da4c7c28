// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../scripts/localizedFunctions.js") as {
  localizeFunctions: (metadata: { functions: Metadata[] }, catalogue: Record<string, unknown>, pages: { helpPage: string; localHelpPage: string }) => { functions: Metadata[] };
};

/** The translated functions JSON the build writes (scripts/localizedFunctions.js), on small inputs worked out by hand. */

interface Metadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type: string };
  options?: { volatile: boolean };
}

const PAGES = { helpPage: "functions.html", localHelpPage: "functions.zh-CN.html" };

const lifespan: Metadata = {
  id: "LIFESPAN",
  name: "LIFESPAN",
  description: "Expected customer lifetime",
  helpUrl: "https://example.com/kpi/functions.html#lifespan",
  parameters: [{ name: "annualChurn", description: "Share lost per year", type: "any" }],
  result: { type: "number" },
};
const elapsed: Metadata = {
  id: "ELAPSED",
  name: "ELAPSED",
  description: "Share of a period passed",
  helpUrl: "https://example.com/kpi/functions.html#elapsed",
  parameters: [
    { name: "from", description: "First day", type: "any" },
    { name: "asOf", description: "Day to measure at", type: "any", optional: true },
  ],
  result: { type: "number" },
  options: { volatile: true },
};
const catalogue = {
  LIFESPAN: { description: "预期客户生命周期", parameters: { annualChurn: "每年流失的客户比例" } },
  ELAPSED: { description: "期间已过去的比例", parameters: { from: "期间的第一天", asOf: "可选：计算截至的日期" } },
};

/** The problems a catalogue has, one per line of the error, or [] when it translates. */
function problems(metadata: Metadata[], translations: Record<string, unknown>): string[] {
  try {
    localizeFunctions({ functions: metadata }, translations, PAGES);
    return [];
  } catch (error) {
    return (error as Error).message.split("\n");
  }
}

describe("localizeFunctions", () => {
  it("runs its @example", () => {
    const metadata = { functions: [{ id: "LIFESPAN", name: "LIFESPAN", description: "Expected customer lifetime", parameters: [{ name: "annualChurn", description: "Share lost per year", type: "any" }] }] };
    const translations = { LIFESPAN: { description: "预期客户生命周期", parameters: { annualChurn: "每年流失的客户比例" } } };
    expect(localizeFunctions(metadata as never, translations, PAGES)).toEqual({
      functions: [{ id: "LIFESPAN", name: "LIFESPAN", description: "预期客户生命周期", parameters: [{ name: "annualChurn", description: "每年流失的客户比例", type: "any" }] }],
    });
  });

  it("translates descriptions, keeps ids, names, types and options, and moves help links to the translated page", () => {
    const metadata = { allowCustomDataForDataTypeAny: true, functions: [lifespan, elapsed] };
    expect(localizeFunctions(metadata, catalogue, PAGES)).toEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          ...lifespan,
          description: "预期客户生命周期",
          helpUrl: "https://example.com/kpi/functions.zh-CN.html#lifespan",
          parameters: [{ name: "annualChurn", description: "每年流失的客户比例", type: "any" }],
        },
        {
          ...elapsed,
          description: "期间已过去的比例",
          helpUrl: "https://example.com/kpi/functions.zh-CN.html#elapsed",
          parameters: [
            { name: "from", description: "期间的第一天", type: "any" },
            { name: "asOf", description: "可选：计算截至的日期", type: "any", optional: true },
          ],
        },
      ],
    });
  });

  it("leaves its input as it was", () => {
    const metadata = { functions: [structuredClone(lifespan)] };
    localizeFunctions(metadata, { LIFESPAN: catalogue.LIFESPAN }, PAGES);
    expect(metadata).toEqual({ functions: [lifespan] });
  });

  describe("refuses a catalogue that does not match functions.json, naming each function and parameter", () => {
    it.each([
      ["a function left out", [lifespan, elapsed], { LIFESPAN: catalogue.LIFESPAN }, ["KPI.ELAPSED has no translation"]],
      [
        "a function that does not exist",
        [lifespan],
        { ...catalogue },
        ["KPI.ELAPSED is translated but is not a function in functions.json"],
      ],
      [
        "a parameter left out",
        [elapsed],
        { ELAPSED: { description: "期间已过去的比例", parameters: { from: "期间的第一天" } } },
        ['KPI.ELAPSED: parameter "asOf" has no translated description'],
      ],
      [
        "a parameter that does not exist, or is misspelt",
        [elapsed],
        { ELAPSED: { description: "期间已过去的比例", parameters: { from: "期间的第一天", asof: "日期" } } },
        ['KPI.ELAPSED: "asof" is translated but is not one of its parameters (from, asOf)', 'KPI.ELAPSED: parameter "asOf" has no translated description'],
      ],
      ["no parameters at all", [lifespan], { LIFESPAN: { description: "预期客户生命周期" } }, ['KPI.LIFESPAN: parameter "annualChurn" has no translated description']],
      ["an empty description", [lifespan], { LIFESPAN: { description: " ", parameters: { annualChurn: "比例" } } }, ["KPI.LIFESPAN has no translated description"]],
      ["a description that is not text", [lifespan], { LIFESPAN: { description: "寿命", parameters: { annualChurn: 0.25 } } }, ['KPI.LIFESPAN: parameter "annualChurn" has no translated description']],
      [
        "a translated name, which must stay the one the help pages use",
        [lifespan],
        { LIFESPAN: { ...catalogue.LIFESPAN, name: "客户寿命" } },
        ['KPI.LIFESPAN: "name" is not translated (only "description" and "parameters" are)'],
      ],
      [
        "a help link to another page",
        [{ ...lifespan, helpUrl: "https://example.com/kpi/help.html#lifespan" }],
        { LIFESPAN: catalogue.LIFESPAN },
        ["KPI.LIFESPAN: its help link https://example.com/kpi/help.html#lifespan is not on functions.html, so there is no translated page to point it at"],
      ],
    ])("%s", (_, metadata, translations, expected) => {
      expect(problems(metadata, translations)).toEqual(expected);
    });
  });

  it("lists every problem at once", () => {
    expect(problems([lifespan, elapsed], { LIFESPAN: { description: "寿命", parameters: {} }, CHURN: { description: "流失率", parameters: {} } })).toEqual([
      "KPI.CHURN is translated but is not a function in functions.json",
      'KPI.LIFESPAN: parameter "annualChurn" has no translated description',
      "KPI.ELAPSED has no translation",
    ]);
  });
});
