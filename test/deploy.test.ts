import { spawnSync } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { build, pagePolicy, readText, root, schemaErrors, textFilesUnder } from "./builtSite";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/validateManifest.js") as { checkManifest: (xml: string, options: { assetsDir: string }) => string[] };

/**
 * A production build for a public site, as README's "Deploy" section says: `npm run build -- --env
 * url=https://example.com/kpi/`. Everything in dist/ must point there, and nothing at localhost.
 */

const URL_BASE = "https://example.com/kpi/";
const out = mkdtempSync(path.join(tmpdir(), "kpi-deploy-"));

beforeAll(() => build(out, "--env", "url=https://example.com/kpi"), 300_000); // no trailing "/": the build adds it

describe("npm run build -- --env url=https://example.com/kpi/", () => {
  it("leaves no localhost in any file of dist/", () => {
    const files = textFilesUnder(out);
    expect(files).toEqual(expect.arrayContaining(["manifest.xml", "functions.json", "functions.zh-CN.json", "functions.zh-CN.html", "taskpane.html", "taskpane.js", "functions.js"]));
    for (const file of files) expect({ file, localhost: /localhost|127\.0\.0\.1/i.test(readText(out, file)) }).toEqual({ file, localhost: false });
  });

  it("points every URL in dist/manifest.xml at the site, the zh-CN overrides included, and its AppDomain at the site's origin", () => {
    const manifest = readText(out, "manifest.xml");
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(13);
    for (const url of urls) expect({ url, onSite: url.startsWith(URL_BASE) }).toEqual({ url, onSite: true });
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_BASE}taskpane.html"/>`);
    expect(manifest.replace(/>\s+</g, "><")).toContain(
      `<bt:Url id="Functions.Metadata.Url" DefaultValue="${URL_BASE}functions.json"><bt:Override Locale="zh-CN" Value="${URL_BASE}functions.zh-CN.json"/></bt:Url>`,
    );
    expect([...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://example.com"]);
  });

  it.each([
    ["functions.json", "functions.html"],
    ["functions.zh-CN.json", "functions.zh-CN.html"],
  ])("gives every function in %s a help link into the site's %s", (metadata, page) => {
    const functions: { id: string; helpUrl: string }[] = JSON.parse(readText(out, metadata)).functions;
    expect(functions.length).toBe(32);
    for (const { id, helpUrl } of functions) expect(helpUrl).toBe(`${URL_BASE}${page}#${id.toLowerCase()}`);
  });

  it("writes a manifest that passes the offline check and the manifest schema", () => {
    expect(checkManifest(readText(out, "manifest.xml"), { assetsDir: path.join(out, "assets") })).toEqual([]);
    expect(schemaErrors(path.join(out, "manifest.xml"))).toBe("");
  });

  it("keeps the pages' policy: 'self' is the site", () => {
    for (const page of ["taskpane.html", "demo.html", "functions.html", "functions.zh-CN.html"]) expect(pagePolicy(readText(out, page))?.directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });
});

describe("a public URL the build refuses", () => {
  // The config throws before anything is compiled, so these are quick.
  const refused = (url: string) => {
    const result = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `url=${url}`, "--output-path", mkdtempSync(path.join(tmpdir(), "kpi-refused-"))], {
      cwd: root,
      encoding: "utf8",
    });
    return { status: result.status, said: result.stderr + result.stdout };
  };

  it.each([
    ["http://example.com/kpi/", /must start with https:\/\/: Office loads add-ins over https only/],
    ["example.com/kpi", /is not a URL/],
    ["https://example.com/kpi/?v=2", /without \? or #/],
  ])("%s", (url, message) => {
    const { status, said } = refused(url);
    expect(status).not.toBe(0);
    expect(said).toMatch(message);
  });
});
