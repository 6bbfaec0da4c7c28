import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { parseMode } from "../scripts/jobLog";
import { exportOkr, parsePeriod } from "../scripts/okr";
import { sampleCsv } from "../src/sample/sampleFiles";
import { SAMPLE_HEADERS, sampleJobs } from "../src/sample/sampleJobs";
import { detectColumns } from "../src/okr/columns";
import { repeatRate } from "../src/kpi/customers";

const assets = path.join(__dirname, "..", "assets");

describe("the sample job log", () => {
  const rows = sampleJobs();

  it("is the same on every run, and the committed CSV is what the generator makes", () => {
    expect(sampleJobs()).toEqual(rows);
    expect(readFileSync(path.join(assets, "sample-jobs.csv"), "utf8")).toBe(sampleCsv(rows));
  });

  it("looks like a real log: 6,000 rows over two years, six technicians, ~800 customers, some repeat", () => {
    expect(rows).toHaveLength(6000);
    const at = (header: (typeof SAMPLE_HEADERS)[number]) => SAMPLE_HEADERS.indexOf(header);
    expect(new Set(rows.map((r) => r[at("Technician")]).filter(Boolean)).size).toBe(6);
    const customers = new Set(rows.map((r) => r[at("Customer")])).size;
    expect(customers).toBeGreaterThan(750);
    expect(customers).toBeLessThanOrEqual(800);
    const repeat = repeatRate(rows.map((r) => [r[at("Customer")]])) as number;
    expect(repeat).toBeGreaterThan(0.2);
    expect(repeat).toBeLessThan(0.8);
    expect(rows.some((r) => r[at("NPS")] === "n/a")).toBe(true);
    expect(rows.filter((r) => r[at("NPS")] === null).length).toBeGreaterThan(1000);
  });

  it("has headers the OKR builder recognises", () => {
    expect(detectColumns(SAMPLE_HEADERS, sampleJobs().slice(0, 50))).toEqual({
      date: 0, customer: 1, technician: 2, amount: 4, nps: 5, csat: 6, effort: 7, firstVisitFix: 8,
      promised: 9, arrival: 10, requested: 11, responded: 12, resolved: 13, leadSource: 14, booked: 15, comment: 16,
    });
  });

  it("is committed as the pane's Insert sample data writes it: a table named Jobs on the sheet Sample jobs", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(assets, "sample-jobs.xlsx"));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Sample jobs"]);
    const table = workbook.getWorksheet("Sample jobs")!.getTables()[0] as unknown as { model: { name: string; tableRef: string } };
    expect(table.model).toMatchObject({ name: "Jobs", tableRef: "A1:Q6001" });
  });
});

describe("npm run okr", () => {
  it.each([
    ["2026-Q3", { label: "2026-Q3", from: 46204, to: 46295 }],
    ["2026-02", { label: "2026-02", from: 46054, to: 46081 }],
  ])("reads the period %s", (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it.each(["2026-Q5", "Q3", "2026-13"])("rejects the period %s", (text) => {
    expect(() => parsePeriod(text)).toThrow(`--period "${text}" is not a quarter like 2026-Q3 or a month like 2026-07`);
  });

  it.each([
    [undefined, "portable"],
    ["portable", "portable"],
    ["kpi", "kpi"],
  ] as const)("reads the formula mode %s as %s (the @example: no --mode is portable)", (text, mode) => {
    expect(parseMode(text)).toBe(mode);
  });

  it("never changes the job workbook", async () => {
    const input = path.join(assets, "sample-jobs.xlsx");
    const hash = () => createHash("sha256").update(readFileSync(input)).digest("hex");
    const before = hash();
    const plan = await exportOkr(input, path.join(mkdtempSync(path.join(tmpdir(), "okr-")), "out.xlsx"), { period: "2026-Q3" });
    expect(hash()).toBe(before);
    expect(plan.title).toBe("OKR 2026-Q3");
    // Reading and writing 6,000 rows takes seconds, more on a busy CI machine: jest's 5 s default is too tight.
  }, 60_000);
});
