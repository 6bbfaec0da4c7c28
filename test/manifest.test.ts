import { readFileSync } from "fs";
import path from "path";
import { schemaErrors } from "./builtSite";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/validateManifest.js") as { checkManifest: (xml: string, options: { assetsDir: string }) => string[] };

const root = path.resolve(__dirname, "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
const check = (xml: string) => checkManifest(xml, { assetsDir: path.join(root, "assets") });
/** The manifest without the white space between elements, so an element and its overrides read as one string. */
const flat = manifest.replace(/>\s+</g, "><");

/** The manifest with one exact piece of text replaced; fails loudly if the piece is not there. */
function mutate(from: string | RegExp, to: string): string {
  const changed = manifest.replace(from, to);
  expect(changed).not.toBe(manifest);
  return changed;
}

describe("manifest.xml", () => {
  it("passes the offline check", () => {
    expect(check(manifest)).toEqual([]);
  });

  it("is valid against the add-in manifest schema", () => {
    expect(schemaErrors(path.join(root, "manifest.xml"))).toBe("");
  });

  it("gives Excel in Chinese the Chinese function metadata and help page", () => {
    expect(flat).toContain(
      '<bt:Url id="Functions.Metadata.Url" DefaultValue="https://localhost:3000/functions.json"><bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.json"/></bt:Url>',
    );
    expect(flat).toContain(
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/functions.html"><bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.html"/></bt:Url>',
    );
    expect(flat).toContain('<SupportUrl DefaultValue="https://localhost:3000/functions.html"><Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-CN.html"/></SupportUrl>');
  });

  it("says everything Excel shows about the add-in in Chinese too, but keeps the KPI namespace formulas use", () => {
    const texts = [...flat.matchAll(/<(DisplayName|Description|bt:String)( id="[^"]*")? DefaultValue="[^"]*"\/?>(?:<(?:bt:)?Override Locale="zh-CN" Value="([^"]*)"\/>)?/g)].map((m) => ({
      text: `${m[1]}${m[2] ?? ""}`,
      chinese: m[3] !== undefined && /[\u4e00-\u9fff]/.test(m[3]),
    }));
    expect(texts).toHaveLength(8);
    expect(texts.filter((t) => !t.chinese).map((t) => t.text)).toEqual(['bt:String id="Functions.Namespace"']);
  });

  it("overrides a URL only with one on the add-in's own https origin", () => {
    // The offline check reads DefaultValue only; a locale's Value must follow the same rule.
    const overrides = [...flat.matchAll(/<(SupportUrl|bt:Url)\b[^>]*><(?:bt:)?Override Locale="([^"]+)" Value="([^"]+)"\/>/g)].map((m) => ({ locale: m[2], origin: new URL(m[3]).origin }));
    expect(overrides).toEqual([
      { locale: "zh-CN", origin: "https://localhost:3000" },
      { locale: "zh-CN", origin: "https://localhost:3000" },
      { locale: "zh-CN", origin: "https://localhost:3000" },
    ]);
  });

  it("declares a shared runtime and the KPI namespace", () => {
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="KPI"/>');
  });
});

describe("the offline manifest check finds", () => {
  it.each([
    ["malformed XML", mutate("</Hosts>", "</Hostz>"), /^not well-formed XML: .*\(line \d+\)$/],
    ["an undefined resid", mutate('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), 'resid "Group.Missing" is used but not defined under <Resources>'],
    ["an unused resource", mutate("</bt:ShortStrings>", '<bt:String id="Spare" DefaultValue="x"/></bt:ShortStrings>'), 'resource "Spare" is defined but never used'],
    [
      "Runtimes not first under Host",
      mutate(/(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, "$3$2$1"),
      "<Runtimes> must be the first element in <Host>, not <AllFormFactors>",
    ],
    ["a short-lived runtime", mutate('lifetime="long"', 'lifetime="short"'), 'no <Runtime> has lifetime="long"'],
    ["no SharedRuntime requirement", mutate('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), 'the "SharedRuntime" requirement set is not declared'],
    ["a namespace of 33 characters", mutate('DefaultValue="KPI"', `DefaultValue="${"K".repeat(33)}"`), `namespace "${"K".repeat(33)}" must be 1 to 32 letters or digits`],
    [
      "an http URL",
      mutate('"https://localhost:3000/functions.json"', '"http://localhost:3000/functions.json"'),
      'Functions.Metadata.Url: "http://localhost:3000/functions.json" must use https',
    ],
    [
      "a second origin",
      mutate('"https://localhost:3000/functions.json"', '"https://example.com/functions.json"'),
      "the add-in's URLs use more than one origin: https://localhost:3000, https://example.com",
    ],
    ["a missing icon", mutate("assets/icon-80.png", "assets/icon-99.png"), "Icon.80x80: icon-99.png is not in assets/"],
    ["an icon of the wrong size", mutate("assets/icon-80.png", "assets/icon-64.png"), "Icon.80x80: icon-64.png is 64×64, not 80×80"],
    ["a function file outside the shared runtime", mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /<FunctionFile> uses "Functions.Script.Url"/],
    ["an Id that is not a GUID", mutate(/<Id>[^<]+<\/Id>/, "<Id>my-addin</Id>"), '<Id> "my-addin" is not a GUID'],
  ])("%s", (_, xml, problem) => {
    const problems = check(xml);
    if (typeof problem === "string") expect(problems).toContain(problem);
    else expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});
