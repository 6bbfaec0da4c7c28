import { detectColumns, normaliseHeader } from "./columns";

describe("detectColumns", () => {
  it("maps English headers", () => {
    const headers = ["Job date", "Client", "Tech", "Invoice total", "NPS", "Satisfaction", "First-visit fix", "Promised", "Arrival time", "Comments"];
    const sample = [[46023.4, "Ann", "Bo", 120, 9, 5, "yes", 46023.375, 46023.38, "Great"]];
    expect(detectColumns(headers, sample)).toEqual({
      date: 0,
      customer: 1,
      technician: 2,
      amount: 3,
      nps: 4,
      csat: 5,
      firstVisitFix: 6,
      promised: 7,
      arrival: 8,
      comment: 9,
    });
  });

  it("maps Chinese headers", () => {
    const headers = ["日期", "客户", "技师", "金额", "净推荐值", "满意度", "首次修复", "评论"];
    const sample = [["2026-03-02", "王先生", "李师傅", "350", 10, 4, "是", "很好"]];
    expect(detectColumns(headers, sample)).toEqual({
      date: 0,
      customer: 1,
      technician: 2,
      amount: 3,
      nps: 4,
      csat: 5,
      firstVisitFix: 6,
      comment: 7,
    });
  });

  it("ignores case, spacing and punctuation in headers", () => {
    expect(normaliseHeader("  First_Visit-FIX ")).toBe("first visit fix");
    expect(detectColumns(["  DATE ", "customer_name"], [])).toEqual({ date: 0, customer: 1 });
  });

  it("does not take a column whose values do not fit the role", () => {
    // "Total" holds text and "Date" holds small numbers: neither is what its name says.
    expect(detectColumns(["Date", "Total"], [[3, "n/a"], [4, "none"]])).toEqual({});
  });

  it("tolerates the odd bad value in a column", () => {
    const sample = [[9], [10], ["n/a"], [7], [8]];
    expect(detectColumns(["NPS score"], sample)).toEqual({ nps: 0 });
  });

  it("gives each role one column, preferring an exact name", () => {
    expect(detectColumns(["Service date notes", "Date"], [])).toEqual({ date: 1 });
  });

  it("gives each column one role", () => {
    // "Resolved" could name FCR-like flags or a resolution time; with dates in it, it is the time.
    expect(detectColumns(["Resolved"], [[46023.5]])).toEqual({ resolved: 0 });
  });

  it("finds nothing in empty or unnamed headers", () => {
    expect(detectColumns(["", null, "Colour"], [])).toEqual({});
  });
});
