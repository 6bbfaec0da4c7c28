import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { finance, kpiOkr, operations, surveys } from "./kpiLibrary";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { TABLE_COLUMNS } from "../src/okr/krTable";
import { Grid } from "../src/kpi/grid";
import { MESSAGES } from "../src/taskpane/i18n/messages";
import { objectiveTemplates } from "../src/okr/templates";

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

/** axe-core as jest-axe brings it (no dependency of its own), to run in the page where colours are drawn. */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js", { paths: [path.dirname(require.resolve("jest-axe"))] }), "utf8");

/**
 * The WCAG 2.1 A and AA violations axe finds on a page, colour contrast included, as "rule: element"
 * lines. Tabster's focus guards (the <i data-tabster-dummy> Fluent UI puts around a TabList) are left
 * out: they are focusable and aria-hidden on purpose, to pass focus on at once, and axe's
 * aria-hidden-focus rule misreads them (microsoft/tabster#288; Accessibility Insights suppresses the
 * same false positive, microsoft/accessibility-insights-web#7605).
 */
async function axeViolations(page: Page): Promise<string[]> {
  // Through the debugging protocol, as page.evaluate does: the page's policy governs the page's own scripts only.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
  });
}

/** Whether fontconfig, where Chromium finds its fonts, has one for Chinese. */
function hasChineseFont(): boolean {
  try {
    return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false;
  }
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
  }, 180_000);

  it("shows every label whole at Excel's narrowest pane (320 px), none repeating itself", async () => {
    const pane = page.getByRole("complementary", { name: "Task pane" });
    expect(await pane.evaluate((element) => getComputedStyle(element).width)).toBe("320px");
    // Every KR the sample can compute, ticked, so the widest details are on show; a share's target as typed.
    for (const checkbox of await pane.getByRole("checkbox").all()) await checkbox.check();
    await pane.getByRole("region", { name: "Delight customers" }).getByLabel("Target").nth(1).fill("0.9");
    await pane.getByText("= 90%").waitFor();
    // Two long words said twice, as in "Raise customer satisfaction (Customer satisfaction (CSAT))".
    const REPEATED = /(\b\w{4,} \w{4,}\b).*\1/i;
    expect(REPEATED.test("Raise customer satisfaction (Customer satisfaction (CSAT))")).toBe(true);
    const problems = () =>
      pane.evaluate((root, repeatedSource) => {
        const right = root.getBoundingClientRect().right;
        const labels = root.querySelectorAll("label, h1, h2, h3, button, .fui-Badge, .fui-Caption1, .fui-Body1, .fui-Field__hint");
        return [...labels].flatMap((element) => {
          const text = (element.textContent ?? "").trim();
          const clipped = element.scrollWidth > element.clientWidth + 1 || element.getBoundingClientRect().right > right + 0.5;
          const repeated = new RegExp(repeatedSource, "i").test(text);
          return clipped || repeated ? [`${clipped ? "clipped" : "repeated"}: ${text}`] : [];
        });
      }, REPEATED.source);
    expect(await problems()).toEqual([]);
    // The same in Chinese, whose labels wrap between any two characters.
    await pane.getByRole("combobox", { name: "Language / 语言" }).selectOption("zh-CN");
    await pane.getByText("= 90%").waitFor();
    await pane.getByRole("heading", { name: "OKR 表生成器" }).waitFor();
    expect(await problems()).toEqual([]);
    await pane.getByRole("combobox", { name: "Language / 语言" }).selectOption("en");
    await pane.getByRole("heading", { name: "OKR sheet builder" }).waitFor();
    // The checks above can fail: the pane's own Subtitle, squeezed to 40 px, is reported clipped.
    const squeezed = await pane.evaluate((root) => {
      const heading = root.querySelector("h1") as HTMLElement;
      const old = heading.style.cssText;
      heading.style.cssText = "width: 40px; overflow: hidden; white-space: nowrap";
      const clipped = heading.scrollWidth > heading.clientWidth + 1;
      heading.style.cssText = old;
      return clipped;
    });
    expect(squeezed).toBe(true);
    await pane.screenshot({ path: path.join(out, "demo-pane-all-krs.png") }); // for a person checking the run, not the docs
  }, 60_000);

  it("builds and records a check-in with the keyboard alone", async () => {
    const keys = await context.newPage();
    await keys.goto(`file://${path.join(out, "demo.html")}`);
    await keys.getByText(/Table "Jobs", 17 columns/).waitFor({ timeout: 60_000 });
    /** Presses Tab until the control has the focus (at most `limit` times). */
    const tabTo = async (control: ReturnType<Page["getByRole"]>, limit = 150) => {
      for (let presses = 0; presses < limit; presses++) {
        if (await control.evaluate((element) => element === document.activeElement)) return;
        await keys.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${control}`);
    };
    // The pane starts on the latest full quarter with jobs: the sample runs from 2024-10-01 to 2026-09-30, and
    // the pane learns the last date from the whole column (its MAX), not from the first rows it reads.
    const quarter = keys.getByRole("combobox", { name: "Quarter" });
    expect(await quarter.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0].textContent)).toBe("2026-Q3");
    await tabTo(keys.getByRole("checkbox", { name: "Raise NPS" }));
    await keys.keyboard.press("Space");
    await tabTo(keys.getByRole("button", { name: "Build OKR sheet" }));
    await keys.keyboard.press("Enter");
    await keys.getByText(/Built "OKR 2026-Q3" with 1 key result\./).waitFor();
    await tabTo(keys.getByRole("button", { name: "Record check-in" }));
    await keys.keyboard.press("Enter");
    await keys.getByText("Recorded a check-in of 1 key result in the Check-ins sheet.").waitFor();
    await keys.close();
  }, 120_000);

  it("builds the technician scorecard whose jobs and NPS match the KPI library, for a technician and the team", async () => {
    const sheet = "Scorecard 2026-Q3";
    const scorecard = await context.newPage(); // a fresh demo workbook: the first test edited an NPS answer
    await scorecard.goto(`file://${path.join(out, "demo.html")}`);
    await scorecard.getByText(/Table "Jobs", 17 columns/).waitFor({ timeout: 60_000 });
    await scorecard.getByRole("combobox", { name: "Quarter" }).selectOption({ label: "2026-Q3" });
    // The build runs on the page's thread (HyperFormula over 6,000 rows): the click returns when it is done, slow on a busy machine.
    await scorecard.getByRole("button", { name: "Build scorecard" }).click({ timeout: 240_000 });
    // From the sample itself: its jobs name one technician each (no shared jobs); Q3 counts its last day in full.
    const tech = SAMPLE_HEADERS.indexOf("Technician");
    const inQ3 = rows.filter((row) => (row[0] as number) >= Q3.from && (row[0] as number) < Q3.to + 1);
    const technicians = new Set(inQ3.map((row) => row[tech]).filter((cell) => cell !== null)).size;
    await scorecard.getByText(`Built "${sheet}" with ${technicians} technicians.`, { exact: false }).waitFor({ timeout: 240_000 });
    await scorecard.getByRole("tab", { name: sheet }).click();
    await scorecard.screenshot({ path: path.join(shots, "demo-scorecard.png") });

    // The grid as shown: each drawn row's 1-based number and its cells' text.
    const drawn = await scorecard
      .locator(`table[data-sheet="${sheet}"]`)
      .evaluate((table) => [...table.querySelectorAll("tr[aria-rowindex]")].map((tr) => ({ row: Number(tr.getAttribute("aria-rowindex")), cells: [...tr.querySelectorAll("td[data-cell]")].map((td) => td.textContent ?? "") })));
    const header = drawn.find(({ cells }) => cells[0] === "Technician")!;
    const [jobsAt, npsAt] = [header.cells.indexOf("JOBS"), header.cells.indexOf("NPS")];
    const rowOf = (label: string) => drawn.find(({ cells }) => cells[0] === label)!;
    /** The engine's value behind a cell of the scorecard (1-based row, 0-based column). */
    const engineValue = (row: number, col: number) =>
      scorecard.evaluate(
        ([s, r, c]) => {
          const { engine } = (window as unknown as { demoWorkbook: { engine: { getSheetId(n: string): number; getCellValue(a: object): unknown } } }).demoWorkbook;
          return engine.getCellValue({ sheet: engine.getSheetId(s as string), row: r, col: c });
        },
        [sheet, row - 1, col] as const,
      );

    const npsOver = (jobs: typeof rows) => surveys.nps(jobs.map((row) => [row[SAMPLE_HEADERS.indexOf("NPS")]]), { dates: jobs.map((row) => [row[0]]), from: Q3.from, to: Q3.to }) as number;
    const name = "Wei Zhang";
    const theirs = inQ3.filter((row) => row[tech] === name);
    const expected = [
      { label: name, jobs: theirs.length, nps: npsOver(theirs) },
      // The team's jobs are every job of the quarter, a logged lead no technician went to included (KPI.JOBS).
      { label: "Team (all jobs)", jobs: inQ3.length, nps: npsOver(inQ3) },
    ];
    expect(expected[0].jobs).toBeGreaterThan(0);
    for (const { label, jobs, nps } of expected) {
      const { row, cells } = rowOf(label);
      expect({ label, jobs: cells[jobsAt], nps: cells[npsAt] }).toEqual({ label, jobs: String(jobs), nps: nps.toFixed(1) });
      expect(await engineValue(row, npsAt)).toBeCloseTo(nps, 9);
    }
    await scorecard.close();
  }, 540_000);

  it("builds the trends from the pane and draws a line chart per objective from the Trends sheet, not blank", async () => {
    const trends = await context.newPage(); // a fresh demo workbook: the first test edited an NPS answer
    await trends.goto(`file://${path.join(out, "demo.html")}`);
    await trends.getByText(/Table "Jobs", 17 columns/).waitFor({ timeout: 60_000 });
    await trends.getByRole("combobox", { name: "Quarter" }).selectOption({ label: "2026-Q3" });
    // HyperFormula computes 216 KPI cells over the whole log on the page's one thread: the page is busy a while.
    const started = Date.now();
    await trends.getByRole("button", { name: "Build trends" }).click({ timeout: 240_000 });
    // The sample log carries the columns of 18 KPIs native formulas compute (not comment sentiment), some in each of the five objectives.
    await trends.getByText('Built "Trends": 18 KPIs over 12 months, 5 charts.', { exact: false }).waitFor({ timeout: 240_000 });
    console.log(`Build trends in the demo: ${((Date.now() - started) / 1000).toFixed(1)} s from the click to the message`);
    const figures = trends.locator("figure[data-chart]");
    expect(await figures.evaluateAll((all) => all.map((figure) => figure.getAttribute("data-chart")))).toEqual(["KPI trend: delight", "KPI trend: win", "KPI trend: repeat", "KPI trend: ontime", "KPI trend: grow"]);
    const delight = trends.locator('figure[data-chart="KPI trend: delight"]');
    expect(await delight.getByRole("img").getAttribute("aria-label")).toBe("Delight customers: line chart of Net Promoter Score, Customer satisfaction (CSAT), First-visit fix rate, Customer effort score (CES)");

    // What the screen shows of the chart: pixels unlike the background, and pixels of the first series' line.
    await trends.screenshot({ path: path.join(shots, "demo-trends.png") });
    const shot = await delight.screenshot({ path: path.join(out, "demo-trends-chart.png") });
    const counts = await countPixels(shot);
    console.log(`Delight chart screenshot: ${JSON.stringify(counts)}`);
    expect(counts.notBackground).toBeGreaterThan(counts.total * 0.02);
    // Without a line, that colour is only the legend box's outline, 3 px around 40 × 12 px (about 312 px): the line makes more than twice that.
    expect(counts.lineColour).toBeGreaterThan(2 * 2 * (40 + 12) * 3);
    await trends.close();
  }, 540_000);

  /**
   * Counts a PNG's pixels unlike the one inside its top-left corner (the background), and those of Chart.js's first
   * colour (rgb(54, 162, 235), the first series' line), decoded by the browser on a blank page.
   */
  async function countPixels(png: Buffer): Promise<{ total: number; notBackground: number; lineColour: number }> {
    const blank = await context.newPage();
    try {
      return await blank.evaluate(async (bytes) => {
        const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: "image/png" }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const drawing = canvas.getContext("2d")!;
        drawing.drawImage(image, 0, 0);
        const { data } = drawing.getImageData(0, 0, image.width, image.height);
        const near = (i: number, [r, g, b]: number[], tolerance: number) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= tolerance;
        const corner = (3 * image.width + 3) * 4; // inside the figure's border
        const background = [data[corner], data[corner + 1], data[corner + 2]];
        let [notBackground, lineColour] = [0, 0];
        for (let i = 0; i < data.length; i += 4) {
          if (!near(i, background, 30)) notBackground++;
          if (near(i, [54, 162, 235], 40)) lineColour++;
        }
        return { total: image.width * image.height, notBackground, lineColour };
      }, [...png]);
    } finally {
      await blank.close();
    }
  }

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

  describe("in the system's light and dark mode", () => {
    // Fluent UI's tokens of webLightTheme and webDarkTheme: colorNeutralBackground1 as the theme writes it
    // and as the browser draws it, colorNeutralForeground1 and colorNeutralBackground3 as drawn.
    const COLOURS = {
      light: { token: "#ffffff", page: "rgb(255, 255, 255)", text: "rgb(36, 36, 36)", rowNumbers: "rgb(245, 245, 245)" },
      dark: { token: "#292929", page: "rgb(41, 41, 41)", text: "rgb(255, 255, 255)", rowNumbers: "rgb(20, 20, 20)" },
    };

    /** The background and text colour of the page, the pane and the grid, as drawn. */
    const drawn = (demo: Page) =>
      demo.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const page = style("#root > .fui-FluentProvider");
        return {
          page: page.backgroundColor,
          text: page.color,
          pane: style("aside main").color,
          grid: style("table[data-sheet] td[data-cell]").color,
          rowNumbers: style("table[data-sheet] tr:not([aria-hidden]) td:first-child").backgroundColor,
          scheme: page.colorScheme,
        };
      });

    /** Waits until the pane is drawn with the Fluent UI theme whose page background is `colour`. */
    const paneBackground = (demo: Page, colour: string) =>
      demo.waitForFunction((expected) => getComputedStyle(document.querySelector("aside main")!).getPropertyValue("--colorNeutralBackground1") === expected, colour);

    it.each(["en", "zh-CN"] as const)("in %s: follows the switch live, readable with no WCAG violation, and photographs the pane", async (locale) => {
      if (shots !== out && locale === "zh-CN" && !hasChineseFont()) {
        throw new Error("No Chinese font is installed, so the Chinese screenshots would show empty boxes: apt-get install fonts-noto-cjk, then npm run screenshots again.");
      }
      // A browser in that language: the pane speaks it from the start, as it speaks Office's in Excel.
      const themed = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: "light", locale });
      const policyViolations = await recordViolations(themed);
      try {
        const demo = await themed.newPage();
        const text = MESSAGES[locale];
        const [delight, ontime] = ["delight", "ontime"].map((id) => objectiveTemplates(locale).find((objective) => objective.id === id)!);
        await demo.goto(`file://${path.join(out, "demo.html")}`);
        await demo.getByRole("combobox", { name: text["period.quarter"] }).selectOption({ label: "2026-Q3" }, { timeout: 60_000 });
        await demo.getByLabel(delight.keyResults.find((kr) => kr.kpi === "nps")!.name).check();
        await demo.getByLabel(ontime.keyResults.find((kr) => kr.kpi === "ontime")!.name).check();
        await demo.getByRole("region", { name: delight.name }).getByLabel(text["keyResults.target"]).fill("45");
        await demo.getByRole("button", { name: text["build.first"] }).click();
        const liveHeading = demo.getByRole("heading", { name: text["live.heading"].replace("{title}", "OKR 2026-Q3") });
        await liveHeading.waitFor();
        await demo.getByRole("progressbar").first().waitFor();

        for (const look of ["light", "dark"] as const) {
          // The system switches while the page is open: no reload.
          await demo.emulateMedia({ colorScheme: look });
          const { token, page, text: foreground, rowNumbers } = COLOURS[look];
          await paneBackground(demo, token);
          expect(await drawn(demo)).toEqual({ page, text: foreground, pane: foreground, grid: foreground, rowNumbers, scheme: look });
          expect(await axeViolations(demo)).toEqual([]);
          // The pane at its Excel width (320 px), showing the live view.
          await liveHeading.scrollIntoViewIfNeeded();
          await demo.getByRole("complementary", { name: "Task pane" }).screenshot({ path: path.join(shots, `pane-${locale}-${look}.png`) });
        }

        // Windows high contrast, switched on and off while the page is open: Fluent UI's high-contrast theme, then dark again.
        await demo.emulateMedia({ forcedColors: "active" });
        await paneBackground(demo, "#000000");
        await demo.emulateMedia({ forcedColors: "none" });
        await paneBackground(demo, COLOURS.dark.token);
        // Every theme Fluent UI drew came through the page's Content-Security-Policy.
        expect(await policyViolations()).toEqual([]);
      } finally {
        await themed.close();
      }
    }, 300_000);

    it("in Excel, the pane takes Office's theme at opening and follows it where Office reports a change", async () => {
      // Office.js as a host would set it up: Excel, a dark Office theme, and the theme event (Outlook's today).
      const OFFICE_STUB = `window.Office = {
        EventType: { OfficeThemeChanged: "officeThemeChanged" },
        context: {
          displayLanguage: "en-US",
          officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" },
          document: { addHandlerAsync: (type, handler) => { window.officeThemeChanged = handler; } },
        },
        onReady(callback) { callback({ host: "Excel" }); return Promise.resolve({ host: "Excel" }); },
      };
      window.CustomFunctions = { associate() {} };`;
      const pane = await context.newPage();
      try {
        await pane.route(`${OFFICE_JS_CDN}**`, (route) => route.fulfill({ body: OFFICE_STUB, contentType: "text/javascript" }));
        await pane.goto(`file://${path.join(out, "taskpane.html")}`);
        const paneBackground = (colour: string) =>
          pane.waitForFunction((expected) => getComputedStyle(document.querySelector("main")!).getPropertyValue("--colorNeutralBackground1") === expected, colour);
        await paneBackground("#292929");
        await pane.evaluate(() => (window as unknown as { officeThemeChanged(event: object): void }).officeThemeChanged({ type: "officeThemeChanged", officeTheme: { isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" } }));
        await paneBackground("#ffffff");
        expect(await violations()).toEqual([]);
      } finally {
        await pane.close();
      }
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
