import { spawn } from "child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { cpus, loadavg, tmpdir, totalmem } from "os";
import path from "path";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import { columnLetters } from "../src/okr/references";
import { sampleColumnFormats } from "../src/sample/sampleFiles";
import { SAMPLE_HEADERS, SAMPLE_TABLE, SampleCell, sampleJobs } from "../src/sample/sampleJobs";
import { writeSection } from "./report";

/**
 * `npm run okr` on job logs of 100,000 and 1,000,000 rows: each log made by the sample generator
 * and written as Excel writes the sample (a table `Jobs`, shared strings, dates as styled serials),
 * then the CLI run as a child process, as a user runs it. Wall time and the child's peak resident
 * memory go to their own section of docs/benchmarks.md.
 */

const SIZES = [100_000, 1_000_000];
/** The sample's share of customers per job, so repeat business looks like the sample's. */
const CUSTOMERS_PER_JOB = 0.15;
const SECTION = "## npm run okr at scale";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A stream of XML text as UTF-8 bytes (JSZip reads a stream's string chunks as binary). */
const utf8 = (chunks: Iterable<string>) => Readable.from((function* () {
  for (const chunk of chunks) yield Buffer.from(chunk, "utf8");
})());

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Each column's cell style: 0 General, 1 date, 2 date-time, 3 money (sampleColumnFormats' order). */
const COLUMN_STYLES = sampleColumnFormats().map((format) => ["yyyy-mm-dd", "yyyy-mm-dd hh:mm", "#,##0.00"].indexOf(format ?? "") + 1);

const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The worksheet's XML, a few rows at a time, with its strings numbered into `strings` (shared strings). */
function* worksheetXml(rows: readonly SampleCell[][], strings: Map<string, number>): Generator<string> {
  const index = (text: string) => {
    let at = strings.get(text);
    if (at === undefined) strings.set(text, (at = strings.size));
    return at;
  };
  const cell = (value: SampleCell, ref: string, style: number) => {
    if (value === null) return "";
    if (typeof value === "string") return `<c r="${ref}" t="s"><v>${index(value)}</v></c>`;
    if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${value}</v></c>`;
  };
  const letters = SAMPLE_HEADERS.map((_, c) => columnLetters(c));
  const last = `${letters[letters.length - 1]}${rows.length + 1}`;
  yield `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
  yield `<row r="1">${SAMPLE_HEADERS.map((header, c) => cell(header, `${letters[c]}1`, 0)).join("")}</row>`;
  const BATCH = 1000;
  for (let start = 0; start < rows.length; start += BATCH) {
    let xml = "";
    for (let r = start; r < Math.min(rows.length, start + BATCH); r++) {
      const n = r + 2;
      xml += `<row r="${n}">${rows[r].map((value, c) => cell(value, `${letters[c]}${n}`, COLUMN_STYLES[c])).join("")}</row>`;
    }
    yield xml;
  }
  yield `</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
}

/** Writes `rows` as an .xlsx job log with the sample's table, streaming the sheet so a million rows fit in memory. */
async function writeJobLog(file: string, rows: readonly SampleCell[][]): Promise<void> {
  const strings = new Map<string, number>();
  const ref = `A1:${columnLetters(SAMPLE_HEADERS.length - 1)}${rows.length + 1}`;
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `${DECLARATION}<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    ["workbook.xml:sheet.main", "worksheets/sheet1.xml:worksheet", "tables/table1.xml:table", "styles.xml:styles", "sharedStrings.xml:sharedStrings"]
      .map((entry) => entry.split(":"))
      .map(([part, type]) => `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`)
      .join("") + "</Types>");
  zip.file("_rels/.rels", `${DECLARATION}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="Sample jobs" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `${DECLARATION}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/styles.xml", STYLES);
  zip.file("xl/worksheets/sheet1.xml", utf8(worksheetXml(rows, strings)));
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `${DECLARATION}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/></Relationships>`);
  zip.file("xl/tables/table1.xml", `${DECLARATION}<table xmlns="${MAIN}" id="1" name="${SAMPLE_TABLE}" displayName="${SAMPLE_TABLE}" ref="${ref}" headerRowCount="1"><autoFilter ref="${ref}"/><tableColumns count="${SAMPLE_HEADERS.length}">` +
    SAMPLE_HEADERS.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlText(name)}"/>`).join("") + `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`);
  // The shared strings are known once the sheet is written: JSZip reads each file's stream in turn, in order of adding.
  zip.file("xl/sharedStrings.xml", utf8((function* () {
    yield `${DECLARATION}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`;
    for (const text of strings.keys()) yield `<si><t xml:space="preserve">${xmlText(text)}</t></si>`;
    yield "</sst>";
  })()));
  await pipeline(zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" }), createWriteStream(file));
}

/** Preloaded into the CLI's process: its peak resident memory, printed as it exits (a parent cannot ask for one child's). */
const REPORT_MAX_RSS = "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n";

/** Runs `npm run okr` on `input` as a user runs it (a Node process of its own, with `reporter` preloaded); its wall time and peak memory. */
function runCli(input: string, output: string, reporter: string): Promise<{ seconds: number; maxRssBytes: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["-r", reporter, "-r", "ts-node/register/transpile-only", "scripts/okr.ts", input, "--period", "2026-Q3", "--out", output], { stdio: ["ignore", "inherit", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const maxRss = /maxRSS (\d+)/.exec(stderr);
      if (code !== 0 || !maxRss) reject(new Error(`npm run okr on ${input} exited with ${code}: ${stderr.trim()}`));
      else resolve({ seconds, maxRssBytes: Number(maxRss[1]) * 1024 });
    }),
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "okr-cli-bench-"));
  const lines: string[] = [];
  const reporter = path.join(dir, "reportMaxRss.js");
  writeFileSync(reporter, REPORT_MAX_RSS);
  const loadAtStart = loadavg()[0];
  try {
    for (const rows of SIZES) {
      const input = path.join(dir, `jobs-${rows}.xlsx`);
      await writeJobLog(input, sampleJobs({ jobs: rows, customers: Math.round(rows * CUSTOMERS_PER_JOB) }));
      const { seconds, maxRssBytes } = await runCli(input, path.join(dir, `okr-${rows}.xlsx`), reporter);
      const line = `| ${rows.toLocaleString("en-US")} | ${(statSync(input).size / 2 ** 20).toFixed(0)} MB | ${seconds.toFixed(1)} s | ${(maxRssBytes / 2 ** 20).toFixed(0)} MB |`;
      console.log(line);
      lines.push(line);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpu = cpus();
  const section = [
    `\`npm run okr -- jobs.xlsx --period 2026-Q3 --out okr.xlsx\` run as a child process, as a user runs it, on job logs from the sample generator (17 columns as a table \`Jobs\`, shared strings, dates as styled serials, as Excel saves the sample), written into a temporary folder first. Peak memory is the child's maximum resident set size. Measured on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GB, ${process.platform}; load average ${loadAtStart.toFixed(1)} when the runs began and ${loadavg()[0].toFixed(1)} when they ended.`,
    "",
    "| rows | file | time | peak memory |",
    "|---|---|---|---|",
    ...lines,
    "",
    "Before the file backend streamed the job log (ExcelJS holding the whole workbook, and writing it all again), 100,000 rows took 105 s and 2.1 GB, and 1,000,000 rows failed after 42 s at 1.4 GB with \"Invalid string length\".",
    "",
  ].join("\n");
  writeSection(SECTION, section);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
