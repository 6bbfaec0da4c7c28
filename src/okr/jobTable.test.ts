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
  });

  it("takes the first of equals, and nothing when only the add-in's tables or tables without a date are there", () => {
    expect(chooseJobTable([jobs, { ...jobs, name: "Jobs2025" }])).toBe("Jobs");
    expect(chooseJobTable([okr, checkIns, prices])).toBeUndefined();
    expect(chooseJobTable([])).toBeUndefined();
  });
});
