import { renderProblem } from "./problems";
import { textDateWarnings } from "./textDates";

const inEnglish = (...args: Parameters<typeof textDateWarnings>) => textDateWarnings(...args).map((warning) => renderProblem(warning, "en"));

describe("textDateWarnings", () => {
  const headers = ["Job date", "Customer", "Resolved at"];

  it("says nothing when dates are dates", () => {
    expect(textDateWarnings(headers, [[46204, "Ann", 46204.5], [46205, "Bo", null]], { date: 0, customer: 1, resolved: 2 })).toEqual([]);
  });

  it("names each date column holding text, how many rows, and an example", () => {
    const sample = [[46204, "Ann", "2026-07-01 14:30"], ["03/07/2026", "Bo", 46205.5], ["2026-07-05", "Cy", ""]];
    expect(inEnglish(headers, sample, { date: 0, customer: 1, resolved: 2 })).toEqual([
      'The column "Job date" holds dates as text in 2 of 3 rows read (for example "03/07/2026"): formulas skip those rows. Make them real dates in Excel (select the column, Data > Text to Columns, Finish) and build again.',
      'The column "Resolved at" holds dates as text in 1 of 2 rows read (for example "2026-07-01 14:30"): formulas may skip those rows or show #VALUE!. Make them real dates in Excel (select the column, Data > Text to Columns, Finish) and build again.',
    ]);
  });

  it("counts only the cells that hold something: null, and cells past a short row, are not rows read", () => {
    const sample = [["2026-07-05", "Ann", "2026-07-06"], [46205, "Bo", null], [null, "Cy"], [46206, "Di"]];
    expect(inEnglish(headers, sample, { date: 0, customer: 1, resolved: 2 })).toEqual([
      'The column "Job date" holds dates as text in 1 of 3 rows read (for example "2026-07-05"): formulas skip those rows. Make them real dates in Excel (select the column, Data > Text to Columns, Finish) and build again.',
      'The column "Resolved at" holds dates as text in 1 of 1 row read (for example "2026-07-06"): formulas may skip those rows or show #VALUE!. Make them real dates in Excel (select the column, Data > Text to Columns, Finish) and build again.',
    ]);
  });

  it("gives the column, the counts and the example as data, so each language words them", () => {
    expect(textDateWarnings(headers, [["2026-07-05", "Ann", null]], { date: 0, customer: 1 })).toEqual([
      { code: "textDates", column: "Job date", texts: 1, rows: 1, example: "2026-07-05", role: "date" },
    ]);
  });

  it("looks only at columns mapped to a date or time", () => {
    expect(textDateWarnings(headers, [[46204, "2026-07-01", null]], { date: 0, customer: 1 })).toEqual([]);
  });
});
