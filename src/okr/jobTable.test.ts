import { chooseJobTable } from "./jobTable";
import { TABLE_COLUMNS } from "./krTable";
import { CHECK_IN_COLUMNS } from "./sheetLayout";

const jobs = { name: "Jobs", headers: ["Date", "Customer", "Technician", "NPS"], sample: [[46024, "Ann", "Li", 9]] };
const prices = { name: "PriceList", headers: ["Service", "Price"], sample: [["Drain cleaning", 120]] };
const okr = { name: "OKR_2026_Q3", headers: [...TABLE_COLUMNS], sample: [["Delight customers", "Raise NPS", "Net Promoter Score"]] };
const checkIns = { name: "CheckIns", headers: [...CHECK_IN_COLUMNS], sample: [[46024, "OKR 2026-Q3", "Raise NPS", 30]] };

describe("chooseJobTable", () => {
  it("never takes the add-in's own OKR or check-in table, even when it comes first", () => {
    expect(chooseJobTable([okr, checkIns, jobs])).toBe("Jobs");
  });

  it("takes the table that fits a job log best, not the first", () => {
    expect(chooseJobTable([prices, jobs])).toBe("Jobs");
    const fewer = { name: "Leads", headers: ["Lead date", "Customer"], sample: [[46024, "Bo"]] };
    expect(chooseJobTable([fewer, jobs])).toBe("Jobs");
    // Both have a job date; Jobs has four usable columns to Visits' two.
    const visits = { name: "Visits", headers: ["Date", "Customer"], sample: [[46024, "Bo"]] };
    expect(chooseJobTable([visits, jobs])).toBe("Jobs");
    expect(chooseJobTable([jobs, visits])).toBe("Jobs");
  });

  it("takes the first of equals, and nothing when only the add-in's tables or tables without a date are there", () => {
    expect(chooseJobTable([jobs, { ...jobs, name: "Jobs2025" }])).toBe("Jobs");
    expect(chooseJobTable([okr, checkIns, prices])).toBeUndefined();
    expect(chooseJobTable([])).toBeUndefined();
  });

  it("knows the check-in table by its name alone, and an OKR table by its first four headers", () => {
    expect(chooseJobTable([{ ...jobs, name: "CheckIns" }])).toBeUndefined();
    expect(chooseJobTable([{ ...jobs, headers: [...TABLE_COLUMNS.slice(0, 4), "Date", "Customer"] }])).toBeUndefined();
    // Three of the four first headers are not enough: this is the user's table.
    expect(chooseJobTable([{ ...jobs, headers: [...TABLE_COLUMNS.slice(0, 3), "Date", "Customer"] }])).toBe("Jobs");
  });
});
