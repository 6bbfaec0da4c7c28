import { existsSync, readFileSync } from "fs";
import { HyperFormula } from "hyperformula";
import path from "path";
import { PARAMETERS, registerKpiFunctions } from "../backends/kpiPlugin";
import { KpiError } from "../src/kpi/errors";
import type { Locale } from "../src/kpi/locale";
import * as operations from "../src/kpi/operations";
import * as surveys from "../src/kpi/surveys";

/**
 * Every example in the function reference, in English (docs/functions.md) and in Chinese
 * (docs/functions.zh-CN.md), gives the result the page shows, run through the wrappers Excel runs;
 * the Chinese page is a translation, so it shows the same examples and sections as the English one.
 */

const PAGES = ["functions.md", "functions.zh-CN.md"] as const;
const read = (page: string) => readFileSync(path.join(__dirname, "..", "docs", page), "utf8");
const reference = Object.fromEntries(PAGES.map((page) => [page, read(page)])) as Record<(typeof PAGES)[number], string>;

/** A page's examples: each formula and the result shown for it, in order. */
const examplesOf = (text: string) => [...text.matchAll(/^\| `(=KPI\.[^`]+)` \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2].trim()] as const);
/** The ids of a page's <a id> anchors, in order, and the in-page links (#id). */
const anchorsOf = (text: string) => [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
const inPageLinksOf = (text: string) => [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);

const ERRORS: Record<string, string> = { "#VALUE!": "VALUE", "#DIV/0!": "DIV_BY_ZERO", "#NUM!": "NUM" };

/** HyperFormula spells Excel's TRUE and FALSE constants as functions. */
const forHyperFormula = (formula: string) => formula.replace(/(?<=[(,])(TRUE|FALSE)(?=[),])/g, "$1()");

describe.each(PAGES)("docs/%s", (page) => {
  const text = reference[page];
  registerKpiFunctions();
  const hf = HyperFormula.buildFromArray([[null]], { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  afterAll(() => hf.destroy());

  it("has examples for every function, and an anchor for its help link", () => {
    for (const name of Object.keys(PARAMETERS)) {
      expect(text).toContain(`<a id="${name.toLowerCase()}"></a>\n## KPI.${name}`);
      expect(examplesOf(text).some(([formula]) => formula.startsWith(`=KPI.${name}(`))).toBe(true);
    }
  });

  it("links only to anchors it has", () => {
    const anchors = anchorsOf(text);
    expect(inPageLinksOf(text).length).toBeGreaterThanOrEqual(Object.keys(PARAMETERS).length);
    for (const link of inPageLinksOf(text)) expect({ link, found: anchors.includes(link) }).toEqual({ link, found: true });
  });

  it.each(examplesOf(text))("%s gives %s", (formula, shown) => {
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

describe("docs/functions.zh-CN.md, the translation of docs/functions.md", () => {
  const [english, chinese] = [reference["functions.md"], reference["functions.zh-CN.md"]];
  /** Each function's section: its heading and the syntax line below it, which stay in English. */
  const sectionsOf = (text: string) => [...text.matchAll(/^## (KPI\.[A-Z]+)\n[\s\S]*?^`(=KPI\.[^`]+)`$/gm)].map((m) => `${m[1]} ${m[2]}`);

  it("shows the same examples with the same results, in the same order", () => {
    expect(examplesOf(chinese)).toEqual(examplesOf(english));
  });

  it("has the same sections, syntax lines and anchors", () => {
    expect(sectionsOf(english)).toHaveLength(Object.keys(PARAMETERS).length);
    expect(sectionsOf(chinese)).toEqual(sectionsOf(english));
    expect(anchorsOf(chinese)).toEqual(anchorsOf(english));
  });

  it("is written in Chinese: every prose line outside code holds Chinese text", () => {
    const prose = chinese
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("<a ") && !/^\|[-|]+\|$/.test(line) && !/^## KPI\.|^`=KPI\.|^\| `=KPI\./.test(line))
      .map((line) => line.replace(/`[^`]*`/g, "").replace(/\[[^\]]*\]\([^)]*\)/g, ""));
    for (const line of prose.filter((l) => /[A-Za-z]{3,}/.test(l.replace(/\|/g, "")))) expect({ line, chinese: /[\u4e00-\u9fff]/.test(line) }).toEqual({ line, chinese: true });
  });

  it("and each page links to the other", () => {
    expect(english).toContain("](functions.zh-CN.md)");
    expect(chinese).toContain("](functions.md)");
  });
});

/**
 * The error messages the pages and READMEs quote, each made by the function it names from the values the
 * page describes, so a quote is the function's own message in the page's language, never a stale copy.
 */
const QUOTED_ERRORS: readonly (() => unknown)[] = [
  () => surveys.nps([[9], [10], [8], [11]]),
  () => operations.rate([["yes"], ["maybe"]]),
];
/** The position in a second range the pages quote a part of ("... at row 3, column 1 of dates ..."). */
const SECOND_RANGE_ERROR = () => surveys.nps([[9], [9], [9]], { dates: [[46204], [46205], ["tuesday"]], from: 46204, to: 46295 });
const LANGUAGES: Record<string, Locale> = { "docs/functions.md": "en", "docs/functions.zh-CN.md": "zh-CN", "README.md": "en", "README.zh-CN.md": "zh-CN" };

const messageIn = (make: () => unknown, locale: Locale) => {
  const error = make();
  if (!(error instanceof KpiError)) throw new Error(`expected a KpiError, got ${String(error)}`);
  return error.messageIn(locale);
};

describe.each(Object.entries(LANGUAGES))("%s quotes =KPI.* messages in its own language", (file, locale) => {
  const text = readFileSync(path.join(__dirname, "..", file), "utf8");

  it("as the functions word them", () => {
    const quoted = [...text.matchAll(/`(KPI\.[A-Z]+[:：][^`]*)`/g)].map((m) => m[1]);
    expect(quoted.length).toBeGreaterThan(0);
    const messages = QUOTED_ERRORS.map((make) => messageIn(make, locale));
    for (const quote of quoted) expect({ quote, made: messages.includes(quote) }).toEqual({ quote, made: true });
  });

  it("and a position in a second range as a part of one", () => {
    const parts = [...text.matchAll(/`\.\.\. ([^`]+) \.\.\.`/g)].map((m) => m[1]);
    expect(parts).toHaveLength(file.startsWith("docs/") ? 1 : 0);
    for (const part of parts) expect(messageIn(SECOND_RANGE_ERROR, locale)).toContain(part);
  });
});

describe("the READMEs", () => {
  const root = path.join(__dirname, "..");
  const readmes = { "README.md": "README.zh-CN.md", "README.zh-CN.md": "README.md" };

  it.each(Object.entries(readmes))("%s shows only images that exist, and links to %s", (name, other) => {
    const text = readFileSync(path.join(root, name), "utf8");
    const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((image) => !existsSync(path.join(root, image)))).toEqual([]);
    expect(text).toContain(`](${other})`);
  });

  it("show the pane in English and Chinese, light and dark, each README in its own language", () => {
    const shown = (name: string) => readFileSync(path.join(root, name), "utf8");
    for (const look of ["light", "dark"]) {
      expect(shown("README.md")).toContain(`(docs/pane-en-${look}.png)`);
      expect(shown("README.zh-CN.md")).toContain(`(docs/pane-zh-CN-${look}.png)`);
    }
  });
});
