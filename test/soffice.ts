import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import path from "path";

/**
 * LibreOffice for tests: a real spreadsheet program that has never seen our code, run headless in a
 * profile of the test's own. LibreOffice is installed by .ci/run; on a machine without it the suites
 * that need it say so and skip, except in CI.
 */

export const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((file) => existsSync(file));

/** `describe`, or `describe.skip` with a warning saying why, on a machine without LibreOffice. */
export function describeWithLibreOffice(what: string): jest.Describe {
  if (soffice || process.env.CI) return describe;
  console.warn(`LibreOffice is not installed: skipping ${what} (apt-get install libreoffice-calc-nogui).`);
  return describe.skip;
}

/** Makes `dir` a LibreOffice profile that recalculates every formula on load: ExcelJS writes no cached results. */
export function recalculatingProfile(dir: string): string {
  mkdirSync(path.join(dir, "user"), { recursive: true });
  const setting = (name: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${setting("OOXMLRecalcMode")}${setting("ODFRecalcMode")}</oor:items>\n`,
  );
  return dir;
}

/** Runs soffice headless with the profile in `profileDir`; a generous timeout, as CI machines can be busy. */
function runSoffice(profileDir: string, args: readonly string[]): void {
  execFileSync(soffice ?? "soffice", [`-env:UserInstallation=file://${profileDir}`, "--headless", "--norestore", ...args], { stdio: "pipe", timeout: 240_000 });
}

/** Converts `files` to `format` (xlsx, xls, ods...) into `outDir`, each keeping its base name. */
export function convert(profileDir: string, format: string, outDir: string, files: readonly string[]): void {
  runSoffice(profileDir, ["--convert-to", format, "--outdir", outDir, ...files]);
}

/** Wall-clock and CPU seconds (user + system, of LibreOffice and every process it waited for). */
export interface SofficeTimes {
  wall: number;
  cpu: number;
}

/**
 * Converts as `convert` does, and says how long it took. CPU time is what a busy machine distorts
 * least: other work stretches the wall-clock time of a run, but hardly the CPU time it needs. Bash's
 * `times` reports the CPU time of the children it waited for, so no timing tool need be installed.
 */
export function timedConvert(profileDir: string, format: string, outDir: string, files: readonly string[]): SofficeTimes {
  const args = [`-env:UserInstallation=file://${profileDir}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files];
  const start = process.hrtime.bigint();
  const run = spawnSync("bash", ["-c", '"$@" >/dev/null 2>&1; status=$?; times; exit $status', "bash", soffice ?? "soffice", ...args], { encoding: "utf8", timeout: 3_600_000 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`soffice --convert-to ${format} failed (${run.error?.message ?? `exit ${run.status}`})`);
  // times prints the shell's own user and system time, then its children's: "0m1.234s 0m0.056s".
  const seconds = (text: string) => Number(/(\d+)m/.exec(text)![1]) * 60 + Number(/m([\d.]+)s/.exec(text)![1]);
  const [user, system] = run.stdout.trim().split("\n").pop()!.trim().split(/\s+/);
  return { wall, cpu: seconds(user) + seconds(system) };
}

/** A Basic macro that opens a file and saves it as an .xlsx encrypted with a password. */
const SAVE_WITH_PASSWORD = `Sub SaveWithPassword(source As String, target As String, password As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "Calc MS Excel 2007 XML"
  store(1).Name = "Password" : store(1).Value = password
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
End Sub`;

/**
 * Saves `source` as an .xlsx encrypted with `password`, as LibreOffice's Save As with a password
 * does. --convert-to cannot, so the macro above runs from the profile's own Basic library.
 */
export function saveWithPassword(profileDir: string, source: string, target: string, password: string): void {
  runSoffice(profileDir, ["--terminate_after_init"]);
  const escaped = SAVE_WITH_PASSWORD.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  writeFileSync(
    path.join(profileDir, "user", "basic", "Standard", "Module1.xba"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escaped}</script:module>\n`,
  );
  runSoffice(profileDir, [`macro:///Standard.Module1.SaveWithPassword("${source}","${target}","${password}")`]);
}
