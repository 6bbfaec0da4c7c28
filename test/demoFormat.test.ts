import { formatValue } from "../demo/format";

/** The demo's grid shows values as Excel would with the formats the add-in writes; here the change columns' formats of sections. */
describe("the demo's number formats", () => {
  it.each([
    [3.25, '"▲ "0.0;"▼ "0.0;0.0', "▲ 3.3"],
    [-3.25, '"▲ "0.0;"▼ "0.0;0.0', "▼ 3.3"],
    [0, '"▲ "0.0;"▼ "0.0;0.0', "0.0"],
    [0.042, '"▲ "0.0%;"▼ "0.0%;0.0%', "▲ 4.2%"],
    [-1.5, '"▲ "0.0 "h";"▼ "0.0 "h";0.0 "h"', "▼ 1.5 h"],
    [1234.5, '"▲ "#,##0.00;"▼ "#,##0.00;#,##0.00', "▲ 1,234.50"],
  ])("shows %p in %s as %s", (value, format, shown) => {
    expect(formatValue(value, format)).toBe(shown);
  });

  it("shows a blank change (the empty text) as nothing", () => {
    expect(formatValue("", '"▲ "0.0;"▼ "0.0;0.0')).toBe("");
  });
});
