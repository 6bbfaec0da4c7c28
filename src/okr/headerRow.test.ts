import { findHeaderRow } from "./headerRow";

describe("findHeaderRow", () => {
  it.each<[string, unknown[][], number]>([
    ["headers in the first row", [["Date", "Customer", "NPS"], [46024, "Ann", 9]], 0],
    ["a title above", [["Jobs exported 2026-10-01", "", ""], ["", "", ""], ["Date", "Customer", "NPS"], [46024, "Ann", 9]], 2],
    ["a title and a note above", [["ACME Plumbing"], ["Report run by: Jo"], ["Date", "Customer", "Amount", "Tech"], [46024, "Ann", 120, "Li"]], 2],
    ["headers with a few blanks", [["Report"], ["Date", "", "Customer", "NPS", "Notes"], [46024, 1, "Ann", 9, "ok"]], 1],
    ["no text row: the first", [[1, 2, 3], [4, 5, 6]], 0],
    ["empty", [], 0],
    // 4 filled cells at most: a header needs ceil(0.6 × 4) = 3, so a two-cell title is not one.
    ["a two-cell title above four columns", [["ACME", "Jobs"], ["Date", "Customer", "Amount", "Tech"], [46024, "Ann", 120, "Li"]], 1],
    // Only the first 10 rows are searched: a header on the 11th is not found, and the first row is taken.
    ["a header below the first ten rows", [...Array.from({ length: 10 }, (_, i) => [i, i, i]), ["Date", "Customer", "NPS"], [46024, "Ann", 9]], 0],
    // Filled exactly as wide as needed (3 of 4 at most), with the gap read back as null or undefined.
    ["a header with a null gap", [["Report"], ["Date", null, "Customer", "NPS"], [46024, 1, "Ann", 9]], 1],
    ["a header with an undefined gap", [["Report"], ["Date", undefined, "Customer", "NPS"], [46024, 1, "Ann", 9]], 1],
    ["a title holding a number is not a header", [["Report", 2026], ["Date", "Customer"], [46024, "Ann"]], 1],
    ["a row of numbers above the header is not one", [[1, 2, 3], ["Date", "Customer", "NPS"], [46024, "Ann", 9]], 1],
    ["a header on the tenth row", [...Array.from({ length: 9 }, (_, i) => [i, i, i]), ["Date", "Customer", "NPS"], [46024, "Ann", 9]], 9],
  ])("%s", (_, rows, expected) => {
    expect(findHeaderRow(rows)).toBe(expected);
  });
});
