import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { PARAMETERS } from "../backends/kpiPlugin";
import { build, filesUnder, pagePolicy, policyText, readText, schemaErrors } from "./builtSite";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/validateManifest.js") as { checkManifest: (xml: string, options: { assetsDir: string }) => string[] };

/**
 * Builds the add-in as `npm run build` does (into a temporary folder) and checks what Excel reads:
 * functions.json generated from the JSDoc and its Chinese counterpart, the bundle that registers the
 * functions, the help pages in both languages, that every add-in URL in manifest.xml names a file the
 * build produced, and the Content-Security-Policy of every page.
 */

const root = path.resolve(__dirname, "..");
const out = mkdtempSync(path.join(tmpdir(), "kpi-build-"));

interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description: string; type: string; dimensionality?: string; optional?: boolean }[];
  result: { type?: string };
  options?: { volatile?: boolean };
}

/** Parameter names in order, optional ones in brackets as in Excel's formula tips. */
const PERIOD = ["[dates]", "[from]", "[to]"];
const EXPECTED_PARAMETERS: Record<string, string[]> = {
  NPS: ["scores", ...PERIOD],
  CSAT: ["scores", "[scale]", ...PERIOD],
  CES: ["scores", "[scale]", ...PERIOD],
  RATE: ["flags", ...PERIOD],
  FCR: ["flags", ...PERIOD],
  ONTIME: ["arrivals", "promised", "[graceMinutes]", ...PERIOD],
  SLA: ["actuals", "targets", ...PERIOD],
  RESPONSETIME: ["requested", "responded", "[unit]", ...PERIOD],
  RESOLUTIONTIME: ["opened", "closed", "[unit]", ...PERIOD],
  RETENTION: ["start", "end", "newCustomers"],
  CHURN: ["start", "end", "newCustomers"],
  LTV: ["avgTicket", "jobsPerYear", "years", "[margin]", "[acquisitionCost]"],
  LIFESPAN: ["annualChurn"],
  REPEATRATE: ["customers", ...PERIOD],
  AVGTICKET: ["amounts", ...PERIOD],
  JOBSPERTECH: ["technicians", ...PERIOD],
  JOBSPERDAY: ["dates", "[from]", "[to]"],
  LEADCOST: ["spend", "leads"],
  CONVERSION: ["booked", "leads"],
  ABANDONMENT: ["abandoned", "total"],
  DSO: ["receivables", "revenue", "days"],
  PROGRESS: ["baseline", "target", "current", "[cap]"],
  STATUS: ["progress", "expected", "[tolerance]", "[type]", "[baseline]", "[target]"],
  ELAPSED: ["from", "to", "[asOf]"],
  SENTIMENT: ["texts", ...PERIOD],
  WITHINSLA: ["starts", "ends", "targetHours", ...PERIOD],
  TIMEONSITE: ["arrivals", "completions", "[unit]", ...PERIOD],
  REVENUE: ["amounts", ...PERIOD],
  JOBS: ["dates", "[from]", "[to]"],
  CUSTOMERS: ["customers", ...PERIOD],
  RETAINED: ["customers", "dates", "previousFrom", "previousTo", "from", "to"],
  NEWCUSTOMERS: ["customers", "dates", "from", "to"],
};

let functions: FunctionMetadata[] = [];
let chineseFunctions: FunctionMetadata[] = [];

beforeAll(() => {
  build(out);
  functions = JSON.parse(readText(out, "functions.json")).functions;
  chineseFunctions = JSON.parse(readText(out, "functions.zh-CN.json")).functions;
}, 300_000);

describe("functions.json", () => {
  it("lists exactly the KPI functions", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_PARAMETERS).sort());
  });

  it.each(Object.entries(EXPECTED_PARAMETERS))("describes %s and its parameters", (id, parameters) => {
    const fn = functions.find((f) => f.id === id);
    expect(fn).toBeDefined();
    expect(fn!.name).toBe(id);
    expect(fn!.description.length).toBeGreaterThan(20);
    expect(fn!.helpUrl).toBe(`https://localhost:3000/functions.html#${id.toLowerCase()}`);
    expect(fn!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))).toEqual(parameters);
    for (const parameter of fn!.parameters) expect(parameter.description.length).toBeGreaterThan(5);
  });

  it("takes ranges as raw matrices, so Excel hands text and blanks over uncoerced", () => {
    const nps = functions.find((f) => f.id === "NPS")!;
    expect(nps.parameters[0]).toMatchObject({ type: "any", dimensionality: "matrix" });
  });

  it("marks ELAPSED volatile, as it reads today's date", () => {
    expect(functions.find((f) => f.id === "ELAPSED")!.options?.volatile).toBe(true);
    expect(functions.find((f) => f.id === "NPS")!.options?.volatile).toBeFalsy();
  });

  it("returns text from STATUS and numbers from the rest", () => {
    for (const fn of functions) expect(fn.result.type).toBe(fn.id === "STATUS" ? "string" : "number");
  });
});

/**
 * Latin words a Chinese description may hold: the metrics' own abbreviations, Excel's constants, the
 * yes/no values a flag column accepts, and the KPI.* functions it refers to; anything in quotes is a
 * value the user types or a function returns (units, types, statuses), which stays in English.
 */
const LATIN_IN_CHINESE = /"[^"]*"|=?KPI\.[A-Z]+(\([^)]*\))?|\b(NPS|CSAT|CES|DSO|TRUE|FALSE|yes|no)\b/g;
const untranslated = (text: string) => text.replace(LATIN_IN_CHINESE, "").match(/[A-Za-z]{2,}/g) ?? [];

describe("functions.zh-CN.json, the metadata Excel shows in Chinese", () => {
  /** Everything but the descriptions and help links: what must stay as in functions.json. */
  const shape = (list: FunctionMetadata[]) =>
    list.map((fn) => ({ ...fn, description: undefined, helpUrl: undefined, parameters: fn.parameters.map((parameter) => ({ ...parameter, description: undefined })) }));

  it("lists the same functions and parameters as functions.json, with the same ids, names, types and options", () => {
    expect(chineseFunctions.map((f) => f.id)).toEqual(functions.map((f) => f.id));
    expect(shape(chineseFunctions)).toEqual(shape(functions));
  });

  it.each(Object.keys(EXPECTED_PARAMETERS))("describes %s and each of its parameters in Chinese", (id) => {
    const fn = chineseFunctions.find((f) => f.id === id)!;
    const texts = [fn.description, ...fn.parameters.map((p) => p.description)];
    for (const text of texts) expect({ text, chinese: /[\u4e00-\u9fff]/.test(text), english: untranslated(text) }).toEqual({ text, chinese: true, english: [] });
  });

  it("finds untranslated words", () => {
    expect(untranslated('可选："hours"（小时）；见 KPI.LIFESPAN；=KPI.NPS(F2:F500)，TRUE/FALSE、yes/no')).toEqual([]);
    expect(untranslated("可选：first day of the period")).toEqual(["first", "day", "of", "the", "period"]);
  });

  it("links each function to its own section of the Chinese help page", () => {
    const page = readText(out, "functions.zh-CN.html");
    for (const { id, helpUrl } of chineseFunctions) {
      expect(helpUrl).toBe(`https://localhost:3000/functions.zh-CN.html#${id.toLowerCase()}`);
      expect(page).toMatch(new RegExp(`<a id="?${id.toLowerCase()}"?>`));
    }
  });
});

describe("the function reference pages", () => {
  it.each([
    ["functions.html", "en", "functions.zh-CN.html"],
    ["functions.zh-CN.html", "zh-CN", "functions.html"],
  ])("%s is in its language and links to the other page", (page, lang, other) => {
    const html = readText(out, page);
    // html-webpack-plugin minifies production pages: attribute quotes are dropped where HTML allows.
    expect(html).toMatch(new RegExp(`^<!doctype html><html lang="?${lang}"?>`));
    expect(html).toMatch(new RegExp(`<a href="?${other.replace(/\./g, "\\.")}"?>`));
    expect(html).not.toMatch(/href="?[^"\s>]*\.md["\s>]/);
  });
});

describe("the in-browser engine's KPI functions", () => {
  it("take the same kinds of arguments as the Excel ones", () => {
    for (const fn of functions) {
      const kinds = fn.parameters.map((p) => `${p.dimensionality === "matrix" ? "R" : "S"}${p.optional ? "?" : ""}`).join(" ");
      expect({ id: fn.id, kinds }).toEqual({ id: fn.id, kinds: PARAMETERS[fn.id] });
    }
  });
});

describe("the bundle", () => {
  it("registers every function with Excel", () => {
    const bundle = readFileSync(path.join(out, "functions.js"), "utf8");
    for (const id of Object.keys(EXPECTED_PARAMETERS)) expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("keeps HyperFormula (GPL-3.0, the demo's engine) out of what Excel loads", () => {
    for (const file of ["taskpane.js", "functions.js"]) expect(readFileSync(path.join(out, file), "utf8")).not.toMatch(/hyperformula/i);
    expect(readFileSync(path.join(out, "demo.js"), "utf8")).toMatch(/hyperformula/i);
  });

  it("serves every file manifest.xml points at", () => {
    const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"?#]*)/g)].map((m) => m[1]).filter((file) => file !== "");
    expect(urls).toEqual(expect.arrayContaining(["taskpane.html", "functions.json", "functions.zh-CN.json", "functions.zh-CN.html"]));
    for (const file of urls) expect({ file, built: existsSync(path.join(out, file)) }).toEqual({ file, built: true });
  });
});

describe("the pages' Content-Security-Policy", () => {
  const pages = () => filesUnder(out).filter((file) => file.endsWith(".html"));

  it("is in every page, before anything it governs", () => {
    expect(pages().sort()).toEqual(["demo.html", "functions.html", "functions.zh-CN.html", "taskpane.html"]);
    for (const page of pages()) expect({ page, first: pagePolicy(readText(out, page))?.first }).toEqual({ page, first: true });
  });

  it("allows scripts from the add-in and Office.js's host only, and no eval or inline code", () => {
    for (const page of pages()) {
      const { directives } = pagePolicy(readText(out, page))!;
      expect({ page, default: directives.get("default-src") }).toEqual({ page, default: ["'self'"] });
      expect({ page, scripts: directives.get("script-src") }).toEqual({ page, scripts: ["'self'", "https://appsforoffice.microsoft.com"] });
      // Inline styles: only an empty <style> (sha256 of ""), which Griffel fills through CSSOM.
      expect({ page, styles: directives.get("style-src") }).toEqual({ page, styles: ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"] });
      expect({ page, objects: directives.get("object-src") }).toEqual({ page, objects: ["'none'"] });
      const everySource = [...directives.values()].flat();
      for (const unsafe of ["'unsafe-eval'", "'unsafe-inline'", "*", "https:", "data:"]) expect(everySource).not.toContain(unsafe);
    }
  });

  it("is one policy, also sent as a header by the dev server on the port it is given", () => {
    const policies = new Set(pages().map((page) => policyText(readText(out, page))));
    expect(policies.size).toBe(1);
    // The webpack config as `npm start -- --port 3100` gets it (without certificates: not serving).
    const config = JSON.parse(
      execFileSync(
        process.execPath,
        ["-e", 'require("./webpack.config.js")({ port: "3100" }, { mode: "development" }).then((c) => console.log(JSON.stringify(c.devServer)))'],
        { cwd: root, encoding: "utf8" },
      ),
    );
    expect(config.port).toBe(3100);
    expect(config.headers["Content-Security-Policy"]).toBe([...policies][0]);
  });
});

describe("dist/manifest.xml", () => {
  it("is manifest.xml, pointing at https://localhost:3000/ as npm start serves it", () => {
    expect(readText(out, "manifest.xml")).toBe(readFileSync(path.join(root, "manifest.xml"), "utf8"));
  });

  it("passes the offline check and the manifest schema", () => {
    expect(checkManifest(readText(out, "manifest.xml"), { assetsDir: path.join(out, "assets") })).toEqual([]);
    expect(schemaErrors(path.join(out, "manifest.xml"))).toBe("");
  });
});
