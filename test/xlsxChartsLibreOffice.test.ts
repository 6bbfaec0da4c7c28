import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { tmpdir } from "os";
import path from "path";
import { linksOf, worksheetEntries } from "../backends/packageParts";
import { exportTrends } from "../scripts/trends";
import { convert, describeWithLibreOffice, recalculatingProfile } from "./soffice";

/**
 * The charts npm run trends writes, as LibreOffice (a program that has never seen our code) reads
 * them: it draws them when it prints the Trends sheet (a PDF page made PNG-like by poppler's
 * pdftoppm, pixels counted), and keeps them when it saves the file as .xlsx again.
 */

const PDFTOPPM = "/usr/bin/pdftoppm";
const run = existsSync(PDFTOPPM) || process.env.CI ? describeWithLibreOffice("the LibreOffice chart tests") : describe.skip;
if (!existsSync(PDFTOPPM) && !process.env.CI) console.warn("pdftoppm is not installed: skipping the LibreOffice chart tests (apt-get install poppler-utils).");

/** Each sheet printed on one page of its own, charts included: the whole sheet is in one picture. */
const ONE_PAGE_PER_SHEET = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
/** Trends is the sample's second sheet, so the second page. */
const TRENDS_PAGE = 2;

/** An RGB picture as pdftoppm writes it (binary PPM: "P6 width height 255", then 3 bytes a pixel). */
interface Picture {
  width: number;
  height: number;
  rgb: Buffer;
}

function pageOf(pdf: string, page: number, stem: string): Picture {
  execFileSync(PDFTOPPM, ["-f", String(page), "-l", String(page), "-r", "30", pdf, stem], { timeout: 120_000 });
  const bytes = readFileSync(`${stem}-${page}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"))!;
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** In the columns from `fromX` to the right edge: pixels not white, and pixels in colour (a series' line), not grey text, frames or grid lines. */
function ink({ width, height, rgb }: Picture, fromX: number): { pixels: number; notWhite: number; coloured: number } {
  let [notWhite, coloured] = [0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = fromX; x < width; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [rgb[i], rgb[i + 1], rgb[i + 2]];
      if (r + g + b < 3 * 240) notWhite++;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
    }
  }
  return { pixels: (width - fromX) * height, notWhite, coloured };
}

/** The file without the Trends sheet's drawing: the same page, charts left out. */
async function withoutCharts(file: string, target: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const trends = (await worksheetEntries(zip)).find((sheet) => sheet.name === "Trends")!;
  zip.file(trends.part, (await zip.file(trends.part)!.async("string")).replace(/<drawing\b[^>]*\/>/, ""));
  writeFileSync(target, await zip.generateAsync({ type: "nodebuffer" }));
}

/** Series count of each chart of a sheet's drawing, in the drawing's order. */
async function seriesPerChart(file: string, sheet: string): Promise<number[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = (await worksheetEntries(zip)).find((entry) => entry.name === sheet)!.part;
  const drawing = (await linksOf(zip, part)).find((link) => link.type === "drawing");
  if (!drawing) return [];
  const charts = (await linksOf(zip, drawing.part)).filter((link) => link.type === "chart");
  return Promise.all(charts.map(async (link) => ((await zip.file(link.part)!.async("string")).match(/<(\w+:)?ser>/g) ?? []).length));
}

run("the Trends charts in LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xlsx-charts-lo-"));
  const [trends, bare] = [path.join(dir, "trends.xlsx"), path.join(dir, "bare.xlsx")];
  const pdfs = path.join(dir, "pdf");
  const saved = path.join(dir, "saved");

  beforeAll(async () => {
    copyFileSync(path.join(__dirname, "..", "assets", "sample-jobs.xlsx"), path.join(dir, "sample.xlsx"));
    const built = await exportTrends(path.join(dir, "sample.xlsx"), trends, { period: "2026-Q3" });
    // The sample has no CheckIns table: the CLI says why no history was built.
    expect(built.history).toBe('No check-in history was built: the table "CheckIns" holds no check-in yet. Record a check-in, then build the trends again.');
    await withoutCharts(trends, bare);
    const profile = recalculatingProfile(path.join(dir, "profile"));
    convert(profile, ONE_PAGE_PER_SHEET, pdfs, [trends, bare]);
    convert(profile, "xlsx", saved, [trends]);
  }, 600_000); // two LibreOffice runs, on a busy machine

  it("draws the charts beside the table: the page reaches past the table to hold them, and there it is inked, in colour", () => {
    const [charted, plain] = [pageOf(path.join(pdfs, "trends.pdf"), TRENDS_PAGE, path.join(dir, "charted")), pageOf(path.join(pdfs, "bare.pdf"), TRENDS_PAGE, path.join(dir, "plain"))];
    // Without its charts the sheet's page ends with the table; what lies past that edge on the charted page is only charts.
    expect(charted.width).toBeGreaterThan(plain.width * 1.1);
    const beside = ink(charted, plain.width);
    console.log(`Trends page ${charted.width} × ${charted.height} px, ${plain.width} px without its charts; past the table: ${JSON.stringify(beside)}`);
    expect(beside.notWhite).toBeGreaterThan(beside.pixels * 0.05);
    // Measured at 30 dpi: 17% inked, 1.3% in colour. The legends' keys alone (about 18 short strokes) make under 0.3%: the lines must be there.
    expect(beside.coloured).toBeGreaterThan(beside.pixels * 0.005);
  });

  it("keeps the five charts, each with its series, when it saves the file as .xlsx", async () => {
    const ours = await seriesPerChart(trends, "Trends");
    expect(ours).toEqual([4, 2, 5, 4, 3]); // the sample's KPIs in each objective, counted in trendCharts' objectives
    expect(await seriesPerChart(path.join(saved, "trends.xlsx"), "Trends")).toEqual(ours);
    const zip = await JSZip.loadAsync(readFileSync(path.join(saved, "trends.xlsx")));
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
  });
});
