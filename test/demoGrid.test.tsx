/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { createHyperFormulaWorkbook } from "../backends/hyperFormula";
import { DemoWorkbook } from "../demo/demoWorkbook";
import { Grid } from "../demo/Grid";
import { createExcelWorkbook } from "../src/excel/excelWorkbook";
import { readJobData } from "../src/excel/jobData";
import { buildScorecardSheet } from "../src/excel/scorecardSheet";
import { detectColumns } from "../src/okr/columns";
import { JobData } from "../src/okr/workbook";

/**
 * The demo's grid draws the scorecard's "vs previous" cells with Excel's three arrows, on a log whose
 * changes are worked out by hand: in 2026-Q2 Ann did 1 job, Bob 1, Cy 2; in 2026-Q3 Ann 2, Bob 1, Cy 1.
 */

const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
const HEADERS = ["Job date", "Technician", "Amount"];
const JOBS = [
  [46120, "Ann", 100],
  [46130, "Cy", 50],
  [46140, "Cy", 60],
  [46150, "Bob", 70],
  [46210, "Ann", 200],
  [46220, "Ann", 10],
  [46230, "Bob", 40],
  [46240, "Cy", 90],
];
/** JOBS vs previous, by hand: Ann 2 − 1, Bob 1 − 1, Cy 1 − 2, the team 4 − 4; the size is shown unsigned, the arrow says which way. */
const JOB_CHANGES = [
  ["Ann", "up", "▲1"],
  ["Bob", "level", "►0"],
  ["Cy", "down", "▼1"],
  ["Team (all jobs)", "level", "►0"],
];

async function scorecardWorkbook(): Promise<DemoWorkbook> {
  const { book, engine } = createHyperFormulaWorkbook();
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Jobs");
    sheet.getRange(`A1:C${JOBS.length + 1}`).values = [HEADERS, ...JOBS];
    sheet.tables.add(`A1:C${JOBS.length + 1}`, true).name = "Jobs";
    await context.sync();
  });
  const data = (await readJobData(book.run, { table: "Jobs" })) as JobData;
  const built = await buildScorecardSheet(book.run, { title: "Scorecard", period: Q3, mode: "portable", source: data.source, columns: detectColumns(data.source.headers, data.sample) });
  expect(built).toMatchObject({ ok: true, technicians: 3 });
  return { book, engine, okr: createExcelWorkbook(book.run), edit: async () => undefined, onChange: () => () => undefined };
}

describe("the demo's grid", () => {
  it("shows each scorecard change with the arrow Excel draws, named for screen readers", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Grid workbook={await scorecardWorkbook()} />
      </FluentProvider>,
    );
    const sheet = screen.getByRole("table", { name: "Sheet Scorecard" });
    const headers = Array.from(sheet.querySelectorAll("tr[aria-rowindex='7'] td"), (cell) => cell.textContent);
    const column = headers.indexOf("JOBS vs previous"); // the row number comes first, so this is the 1-based column
    expect(column).toBeGreaterThan(0);
    const drawn = JOB_CHANGES.map((_, i) => {
      const cell = sheet.querySelector(`td[data-cell='${8 + i}:${column}']`) as HTMLElement;
      const name = sheet.querySelector(`td[data-cell='${8 + i}:1']`)?.textContent;
      return [name, within(cell).getByRole("img").getAttribute("aria-label"), cell.textContent];
    });
    expect(drawn).toEqual(JOB_CHANGES);
  });

  it("draws no arrow beside a value without an icon set (the JOBS column itself)", async () => {
    render(<Grid workbook={await scorecardWorkbook()} />);
    const sheet = screen.getByRole("table", { name: "Sheet Scorecard" });
    expect(sheet.querySelector("td[data-cell='8:2']")?.textContent).toBe("2");
    expect(within(sheet.querySelector("td[data-cell='8:2']") as HTMLElement).queryByRole("img")).toBeNull();
  });
});
