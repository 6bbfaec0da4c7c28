import { readFileSync } from "fs";
import { HyperFormula } from "hyperformula";
import path from "path";
import { PARAMETERS, registerKpiFunctions } from "../backends/kpiPlugin";

/** Every example in docs/functions.md gives the result the reference shows, run through the wrappers Excel runs. */

const reference = readFileSync(path.join(__dirname, "..", "docs", "functions.md"), "utf8");
const examples = [...reference.matchAll(/^\| `(=KPI\.[^`]+)` \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2].trim()] as const);

const ERRORS: Record<string, string> = { "#VALUE!": "VALUE", "#DIV/0!": "DIV_BY_ZERO", "#NUM!": "NUM" };

/** HyperFormula spells Excel's TRUE and FALSE constants as functions. */
const forHyperFormula = (formula: string) => formula.replace(/(?<=[(,])(TRUE|FALSE)(?=[),])/g, "$1()");

describe("docs/functions.md", () => {
  registerKpiFunctions();
  const hf = HyperFormula.buildFromArray([[null]], { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  afterAll(() => hf.destroy());

  it("has examples for every function, and an anchor for its help link", () => {
    for (const name of Object.keys(PARAMETERS)) {
      expect(reference).toContain(`<a id="${name.toLowerCase()}"></a>\n## KPI.${name}`);
      expect(examples.some(([formula]) => formula.startsWith(`=KPI.${name}(`))).toBe(true);
    }
  });

  it.each(examples)("%s gives %s", (formula, shown) => {
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[forHyperFormula(formula)]]);
    const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
    if (shown.startsWith("#")) {
      expect(value).toMatchObject({ type: ERRORS[shown] });
    } else if (shown.startsWith('"')) {
      expect(value).toBe(JSON.parse(shown));
    } else {
      // Shown to so many decimals: the value must round to it.
      const decimals = shown.split(".")[1]?.length ?? 0;
      expect(typeof value).toBe("number");
      expect(Math.abs((value as number) - Number(shown))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
    }
  });
});
