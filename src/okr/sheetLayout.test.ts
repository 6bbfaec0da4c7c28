import { TABLE_COLUMNS } from "./krTable";
import { toLiveKeyResult } from "./sheetLayout";

type Cells = Partial<Record<(typeof TABLE_COLUMNS)[number], unknown>>;
/** A KR-table row as Excel's `values` gives it: "" for a blank. */
const row = (cells: Cells) => TABLE_COLUMNS.map((name) => (name in cells ? cells[name] : ""));

describe("toLiveKeyResult's last six periods", () => {
  it("are the four history columns, then Previous period, then Current: oldest first", () => {
    const live = toLiveKeyResult(row({ Id: "a:nps", "5 periods ago": 30, "4 periods ago": 31.5, "3 periods ago": 29, "2 periods ago": 33, "Previous period": 34, Current: 35.08 }));
    expect(live.history).toEqual([30, 31.5, 29, 33, 34, 35.08]);
  });

  describe("edge cases", () => {
    it("read blanks, error values and text as gaps, and zero and negatives as numbers", () => {
      const live = toLiveKeyResult(row({ Id: "a:nps", "5 periods ago": "", "4 periods ago": "#DIV/0!", "3 periods ago": 0, "2 periods ago": -12.5, "Previous period": "#VALUE!", Current: "n/a" }));
      expect(live.history).toEqual([null, null, 0, -12.5, null, null]);
    });

    it("read a row with every period an error as all gaps", () => {
      const errors = row({ Id: "a:nps", "5 periods ago": "#N/A", "4 periods ago": "#N/A", "3 periods ago": "#N/A", "2 periods ago": "#N/A", "Previous period": "#N/A", Current: "#N/A" });
      expect(toLiveKeyResult(errors).history).toEqual([null, null, null, null, null, null]);
    });

    it("read a table an earlier build wrote without the history columns as gaps before its last two periods", () => {
      const earlier = row({ Id: "a:nps", "Previous period": 34, Current: 35 }).slice(0, TABLE_COLUMNS.indexOf("Weighted progress") + 1);
      expect(toLiveKeyResult(earlier).history).toEqual([null, null, null, null, 34, 35]);
    });
  });
});
