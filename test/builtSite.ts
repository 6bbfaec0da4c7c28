import { execFileSync, spawnSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import path from "path";

/** What a build wrote, for the tests of the build (build.test.ts, deploy.test.ts). */

export const root = path.resolve(__dirname, "..");

/** Builds the add-in as `npm run build -- <args>` does, into `out`. */
export function build(out: string, ...args: string[]): void {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out, ...args], { cwd: root, stdio: "pipe" });
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string, under = ""): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, path.join(under, entry.name)) : [path.join(under, entry.name)],
  );
}

/** The files a browser or Excel reads as text (everything but the icons). */
export const textFilesUnder = (dir: string) => filesUnder(dir).filter((file) => !/\.(png|ico|jpg|gif)$/i.test(file));

/**
 * A page's Content-Security-Policy <meta>: its directives by name, and whether it comes before every
 * script, stylesheet and style (a <meta> policy governs only what follows it).
 */
export function pagePolicy(html: string): { directives: Map<string, string[]>; first: boolean } | undefined {
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(html);
  if (!meta) return undefined;
  const directives = new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources] as [string, string[]]),
  );
  const firstResource = html.search(/<(script|link|style)\b/i);
  return { directives, first: firstResource === -1 || meta.index < firstResource };
}

/** The policy text of a page, as it stands in its <meta>. */
export const policyText = (html: string) => /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(html)?.[1];

const XSD = path.join(root, "test/fixtures/xsd/OfficeAppManifestV1_1.xsd");

/**
 * xmllint's complaints about a manifest against the Office add-in manifest schema (test/fixtures/xsd),
 * "" when it is valid. Where xmllint is not installed the check is skipped with a warning, except in
 * CI, whose .ci/run installs it (libxml2-utils).
 */
export function schemaErrors(manifest: string): string {
  const result = spawnSync("xmllint", ["--nonet", "--noout", "--schema", XSD, manifest], { encoding: "utf8" });
  if (!result.error) return result.status === 0 ? "" : result.stderr;
  if (process.env.CI) throw new Error(`xmllint could not run (${result.error.message}): .ci/run installs libxml2-utils`);
  console.warn("xmllint is not installed: the manifest is not checked against the schema (apt-get install libxml2-utils).");
  return "";
}

export const readText = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
