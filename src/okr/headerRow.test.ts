import { findHeaderRow } from "./headerRow";

describe("findHeaderRow", () => {
  it.each<[string, unknown[][], number]>([
    ["headers in the first row", [["Date", "Customer", "NPS"], [46024, "Ann", 9]], 0],
    ["a title above", [["Jobs exported 2026-10-01", "", ""], ["", "", ""], ["Date", "Customer", "NPS"], [46024, "Ann", 9]], 2],
    ["a title and a note above", [["ACME Plumbing"], ["Report run by: Jo"], ["Date", "Customer", "Amount", "Tech"], [46024, "Ann", 120, "Li"]], 2],
    ["headers with a few blanks", [["Report"], ["Date", "", "Customer", "NPS", "Notes"], [46024, 1, "Ann", 9, "ok"]], 1],
    ["no text row: the first", [[1, 2, 3], [4, 5, 6]], 0],
    ["empty", [], 0],
  ])("%s", (_, rows, expected) => {
    expect(findHeaderRow(rows)).toBe(expected);
  });
});
