import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { finance, kpiOkr, operations, surveys } from "./kpiLibrary";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { Grid } from "../src/kpi/grid";

/**
 * The demo workbook in Debian's Chromium: the real task pane finds the sample job log, builds an OKR
 * sheet, and the grid's numbers match the KPI library; an edited score flows into Current, Progress
 * and the pane; a rebuild keeps the target typed on the sheet. All of it under the pages' own
 * Content-Security-Policy, with no violation; and the task pane opened outside Office says what it is.
 * Chromium is installed by .ci/run; on a machine without it this suite says so and skips, except in CI.
 */

const CHROMIUM = "/usr/bin/chromium";
const run = existsSync(CHROMIUM) || process.env.CI ? describe : describe.skip;
if (!existsSync(CHROMIUM) && !process.env.CI) console.warn("Chromium is not installed: skipping the end-to-end test (apt-get install chromium).");

const root = path.resolve(__dirname, "..");
const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const BASELINE = { from: 46113, to: 46203 }; // 2026-Q2, the previous quarter: 2026-04-01 .. 2026-06-30 (30 + 31 + 30 = 91 days)
const rows = sampleJobs();
const column = (header: (typeof SAMPLE_HEADERS)[number]): Grid => rows.map((row) => [row[SAMPLE_HEADERS.indexOf(header)]]);
const at = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

/** Office.js from the @microsoft/office-js package, standing in for Microsoft's CDN (tests run offline). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_PACKAGE = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * Records every Content-Security-Policy violation in a browser context: the securitypolicyviolation
 * events of each page (installed before any page script runs) and the browser's console reports.
 */
async function recordViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  const pages: Page[] = [];
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`));
  });
  context.on("page", (page) => {
    pages.push(page);
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) reported.push(message.text());
    });
  });
  return async () => {
    const events = await Promise.all(pages.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])));
    return [...reported, ...events.flat()];
  };
}

/** The policy a built page declares in its <meta http-equiv>, as the browser reads it. */
const declaredPolicy = (page: Page) => page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "");

run("the demo workbook in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let violations: () => Promise<string[]>;
  const out = mkdtempSync(path.join(tmpdir(), "kpi-demo-"));
  // Screenshots go to docs/ (shown in the README) only when asked: npm run screenshots.
  const shots = process.env.UPDATE_SCREENSHOTS ? path.join(root, "docs") : out;

  /** A cell's computed value, as the engine behind the grid holds it (0-based row and column). */
  const cellValue = (sheet: string, row: number, col: number) =>
    page.evaluate(
      ([s, r, c]) => {
        const { engine } = (window as unknown as { demoWorkbook: { engine: { getSheetId(n: string): number; getCellValue(a: object): unknown } } }).demoWorkbook;
        return engine.getCellValue({ sheet: engine.getSheetId(s as string), row: r, col: c });
      },
      [sheet, row, col] as const,
    );
  const krValue = (krRow: number, name: (typeof TABLE_COLUMNS)[number]) => cellValue("OKR 2026-Q3", krRow - 1, at(name));
  const shown = (sheet: string, row: number, col: number) => page.locator(`table[data-sheet="${sheet}"] td[data-cell="${row}:${col}"]`).innerText();

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--output-path", out], { cwd: root, stdio: "pipe" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    violations = await recordViolations(context);
    page = await context.newPage();
  }, 240_000);
  afterAll(async () => browser?.close());

  it("builds an OKR sheet whose numbers match the KPI library, follows edits, and keeps typed targets", async () => {
    await page.goto(`file://${path.join(out, "demo.html")}`);
    await page.getByText(/Table "Jobs", 17 columns/).waitFor({ timeout: 60_000 });

    // Choose 2026-Q3 and three KRs from different objectives; type a target.
    await page.getByRole("combobox", { name: "Quarter" }).selectOption({ label: "2026-Q3" });
    await page.getByLabel(/Raise NPS/).check();
    await page.getByLabel(/Raise the average ticket/).check();
    await page.getByLabel(/Arrive on time/).check();
    await page.getByRole("region", { name: "Delight customers" }).getByLabel("Target").fill("45");
    await page.getByRole("button", { name: "Build OKR sheet" }).click();
    await page.getByText(/Built "OKR 2026-Q3" with 3 key results/).waitFor();
    await page.getByRole("tab", { name: "OKR 2026-Q3" }).click();

    // Rows: 10 objective, 11 NPS, 12 objective, 13 average ticket, 14 objective, 15 on-time.
    const period = (p: { from: number; to: number }) => ({ dates: column("Job date"), from: p.from, to: p.to });
    const expected = {
      11: (p: { from: number; to: number }) => surveys.nps(column("NPS"), period(p)) as number,
      13: (p: { from: number; to: number }) => finance.avgTicket(column("Amount"), period(p)) as number,
      15: (p: { from: number; to: number }) => operations.ontime(column("Arrival"), column("Promised"), 0, period(p)) as number,
    };
    for (const [row, kpi] of Object.entries(expected)) {
      expect(await krValue(Number(row), "Baseline")).toBeCloseTo(kpi(BASELINE), 9);
      expect(await krValue(Number(row), "Current")).toBeCloseTo(kpi(Q3), 9);
    }
    const elapsed = kpiOkr.elapsed(Q3.from, Q3.to, new Date().toISOString().slice(0, 10)) as number;
    const npsProgress = kpiOkr.progress(expected[11](BASELINE), 45, expected[11](Q3)) as number;
    expect(await krValue(11, "Progress")).toBeCloseTo(npsProgress, 9);
    const npsStatus = kpiOkr.status(npsProgress, elapsed, null, "increase", expected[11](BASELINE), 45);
    expect(await krValue(11, "Status")).toBe(npsStatus);
    expect(await shown("OKR 2026-Q3", 11, at("Status") + 1)).toBe(npsStatus);
    await page.screenshot({ path: path.join(shots, "demo-desktop.png") });

    // Edit an NPS answer in Q3 on the job sheet: Current, Progress and the pane follow.
    const q3Row = rows.findIndex((row) => (row[0] as number) >= Q3.from && typeof row[SAMPLE_HEADERS.indexOf("NPS")] === "number" && (row[SAMPLE_HEADERS.indexOf("NPS")] as number) < 9);
    const edited = rows.map((row, i) => (i === q3Row ? row.map((cell, c) => (c === SAMPLE_HEADERS.indexOf("NPS") ? 10 : cell)) : row));
    const editedNps = surveys.nps(
      edited.map((row) => [row[SAMPLE_HEADERS.indexOf("NPS")]]),
      period(Q3),
    ) as number;
    await page.evaluate(([r, c]) => (window as unknown as { demoWorkbook: { edit(s: string, r: number, c: number, t: string): Promise<void> } }).demoWorkbook.edit("Sample jobs", r, c, "10"), [q3Row + 1, SAMPLE_HEADERS.indexOf("NPS")] as const);
    expect(await krValue(11, "Current")).toBeCloseTo(editedNps, 9);
    expect(await krValue(11, "Progress")).toBeCloseTo(kpiOkr.progress(expected[11](BASELINE), 45, editedNps) as number, 9);
    const paneProgress = `Raise NPS: ${Math.round((kpiOkr.progress(expected[11](BASELINE), 45, editedNps) as number) * 100)}%`;
    await page.getByRole("progressbar", { name: paneProgress }).waitFor();

    // Type a target on the sheet, as a user would, then build again: it is kept.
    await page.locator(`table[data-sheet="OKR 2026-Q3"] td[data-cell="15:${at("Target") + 1}"]`).dblclick();
    await page.getByLabel(`Edit row 15, column ${at("Target") + 1}`).fill("0.95");
    await page.getByLabel(`Edit row 15, column ${at("Target") + 1}`).press("Enter");
    await page.getByRole("button", { name: "Build again" }).click();
    await page.getByText(/Built "OKR 2026-Q3"/).waitFor();
    expect(await krValue(15, "Target")).toBe(0.95);

    // The pane at its Excel width (320 px), showing the live view.
    await page.getByRole("heading", { name: "Progress in OKR 2026-Q3" }).scrollIntoViewIfNeeded();
    await page.getByRole("complementary", { name: "Task pane" }).screenshot({ path: path.join(shots, "demo-pane.png") });
  }, 180_000);

  it("did all that under the page's Content-Security-Policy, with no violation", async () => {
    expect(await declaredPolicy(page)).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    // Fluent UI's styles did arrive (Griffel's empty <style> elements, filled through insertRule).
    const rules = await page.evaluate(() => [...document.querySelectorAll("style")].reduce((n, style) => n + (style.sheet?.cssRules.length ?? 0), 0));
    expect(rules).toBeGreaterThan(100);
    expect(await violations()).toEqual([]);
  });

  describe("the task pane page outside Office", () => {
    let pane: Page;
    beforeEach(async () => {
      pane = await context.newPage();
    });
    afterEach(async () => pane.close());

    const expectExplanation = async () => {
      await pane.getByRole("heading", { name: "KPI & OKR for Home Services" }).waitFor({ timeout: 30_000 });
      const demo = pane.getByRole("link", { name: "demo workbook" });
      expect(await demo.getAttribute("href")).toBe("demo.html");
      expect(await pane.getByRole("link", { name: "function reference" }).getAttribute("href")).toBe("functions.html");
    };

    it("says what it is and links to the demo when Office.js reports no host", async () => {
      const served: string[] = [];
      await pane.route(`${OFFICE_JS_CDN}**`, (route) => {
        const file = path.join(OFFICE_JS_PACKAGE, new URL(route.request().url()).pathname.slice(new URL(OFFICE_JS_CDN).pathname.length));
        served.push(path.basename(file));
        return existsSync(file) ? route.fulfill({ body: readFileSync(file), contentType: "text/javascript" }) : route.fulfill({ status: 404 });
      });
      await pane.goto(`file://${path.join(out, "taskpane.html")}`);
      await expectExplanation();
      expect(served).toContain("office.js");
      expect(await declaredPolicy(pane)).toMatch(/^default-src 'self'/);
      expect(await violations()).toEqual([]);
    });

    it("says the same when Office.js cannot be loaded at all", async () => {
      await pane.route(`${OFFICE_JS_CDN}**`, (route) => route.abort());
      await pane.goto(`file://${path.join(out, "taskpane.html")}`);
      await expectExplanation();
      expect(await violations()).toEqual([]);
    });
  });

  it("shows the function reference page with its stylesheet and no violation", async () => {
    const reference = await context.newPage();
    await reference.goto(`file://${path.join(out, "functions.html")}`);
    await reference.getByRole("heading", { name: /NPS/ }).first().waitFor();
    expect(await reference.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe("none");
    expect(await violations()).toEqual([]);
    await reference.close();
  });
});
