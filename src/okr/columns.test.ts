import { detectColumns, detectionReport, normaliseHeader, ROLES } from "./columns";

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

describe("normaliseHeader", () => {
  it.each([
    ["  First_Visit-FIX ", "first visit fix"],
    ["Amount ($)", "amount"],
    ["Response time (h)", "response time"],
    ["Satisfaction (1-5)", "satisfaction"],
    ["Tech(s)", "tech"],
    ["金额（元）", "金额"],
    ["首次修复（是／否）", "首次修复"],
    ["ＮＰＳ", "nps"],
    ["ＴｘｎＤａｔｅ", "txn date"],
    ["CSATScore", "csat score"],
    ["Job #", "job number"],
    ["客戶滿意度", "客户满意度"],
    // Only units and scales are dropped: a word in brackets may say what the column is.
    ["Arrival (scheduled)", "arrival scheduled"],
  ])("%s reads as %s", (header, normalised) => {
    expect(normaliseHeader(header)).toBe(normalised);
  });

  it("reads blanks and non-text as text", () => {
    expect(normaliseHeader(null)).toBe("");
    expect(normaliseHeader(2026)).toBe("2026");
  });
});

// 2026-03-02 09:00, and times a little later, as Excel serials.
const NINE = 46083.375;
const LATER = 46083.39;

describe("promised, requested, arrival and resolution times", () => {
  const promises = ["Promised by", "Window", "Arrival window", "Arrival window start", "Scheduled arrival", "Scheduled start", "Expected arrival"];
  it.each([...promises, "Appointment", "Arrival (scheduled)", "预约时间", "预约到达时间", "預約到達時間"])("%s is a promised time, never the arrival", (header) => {
    expect(detectColumns([header], [[NINE]])).toEqual({ promised: 0 });
    expect(detectColumns([header, "Arrived"], [[NINE, LATER]])).toEqual({ promised: 0, arrival: 1 });
    expect(detectColumns(["Arrived", header], [[LATER, NINE]])).toEqual({ arrival: 0, promised: 1 });
  });

  const arrivals = ["Arrived", "Arrival", "Arrival time", "Actual arrival", "Time of arrival", "On site", "Check-in time"];
  it.each([...arrivals, "实际到达时间", "到达时间", "签到时间"])("%s is the actual arrival", (header) => {
    expect(detectColumns([header, "Appointment"], [[LATER, NINE]])).toEqual({ arrival: 0, promised: 1 });
  });

  it.each(["Lead date", "Call received", "Inquiry", "Request date", "Created", "Created at", "咨询时间", "报修时间", "下单时间"])("%s is when the customer asked, not the job date", (header) => {
    expect(detectColumns(["Date", header], [[46083, 46081.6]])).toEqual({ date: 0, requested: 1 });
  });

  it.each(["Completed", "Completed at", "Job completed", "Closed", "Completion date", "完成时间"])("%s is the resolution time", (header) => {
    expect(detectColumns(["Job date", header], [[46083, 46083.6]])).toEqual({ date: 0, resolved: 1 });
  });

  it("takes a promise or an arrival only with times of day: a column of days is the job date", () => {
    expect(detectColumns(["Scheduled date"], [[46083], [46084]])).toEqual({ date: 0 });
    expect(detectColumns(["Time in"], [[0.3875]])).toEqual({ arrival: 0 });
  });

  it("leaves planned completions alone", () => {
    expect(detectColumns(["Target completion date", "预计完成时间"], [[46090, 46090.5]])).toEqual({});
  });
});

describe("detectionReport", () => {
  it("says how each role was found, and which were not", () => {
    expect(detectionReport(["Client", "Time of arrival", "Visit"], [["Ann", LATER, 46083]])).toEqual({
      found: {
        customer: { column: 0, confidence: "exact" },
        arrival: { column: 1, confidence: "partial" },
        date: { column: 2, confidence: "values only" },
      },
      missing: ["technician", "amount", "nps", "csat", "effort", "firstVisitFix", "promised", "requested", "responded", "resolved", "leadSource", "booked", "comment", "slaHours", "spend", "abandoned"],
    });
  });

  it("gives the examples their JSDoc shows", () => {
    expect(detectColumns(["Job date", "Client", "金额"], [[46023, "Ann", 120]])).toEqual({ date: 0, customer: 1, amount: 2 });
    expect(detectionReport(["Job date", "Client name", "Amount ($)"], [[46023, "Ann", 120]]).found).toEqual({
      date: { column: 0, confidence: "exact" },
      customer: { column: 1, confidence: "exact" },
      amount: { column: 2, confidence: "exact" },
    });
  });

  it("maps one header to one role, the one its last word names", () => {
    expect(detectColumns(["Customer rating"], [[4]])).toEqual({ csat: 0 });
    expect(detectColumns(["Lead tech"], [["Bo"]])).toEqual({ technician: 0 });
    expect(detectColumns(["成交金额"], [[380]])).toEqual({ amount: 0 });
    expect(detectColumns(["Customer feedback"], [["Great"]])).toEqual({ comment: 0 });
  });

  it("prefers an exact name to a partial one, and values that fit to values that do not", () => {
    expect(detectColumns(["Sub total", "Total duration", "Total"], [[500, 113, 540]])).toEqual({ amount: 2 });
    expect(detectColumns(["Total", "Invoice total"], [["see notes", 540], ["n/a", 275]])).toEqual({ amount: 1 });
  });

  it("does not take money for what a quote, a cap or a lead cost", () => {
    expect(detectColumns(["Quote amount", "NTE Amount", "Lead price"], [[14500, 750, 32.5]])).toEqual({});
  });

  it("does not take yes/no answers for names, nor scores for comments", () => {
    expect(detectColumns(["Did the technician arrive on time?", "Review"], [["Yes", 5], ["No", 4]])).toEqual({});
  });

  describe("edge cases", () => {
    it("maps nothing without headers", () => {
      expect(detectionReport([], [])).toEqual({ found: {}, missing: ROLES });
    });

    it("dates a job by values only from days under a header that names nothing else", () => {
      expect(detectionReport(["Job number", "Due date", "Visit"], [[48213, 46100, 46083]]).found).toEqual({ date: { column: 2, confidence: "values only" } });
      expect(detectionReport(["Job number"], [[48213]]).found).toEqual({});
      expect(detectionReport(["Visit"], [[46083.4]]).found).toEqual({});
      expect(detectionReport(["Visit"], []).found).toEqual({});
    });
  });
});

describe("SLA targets, marketing spend and abandoned calls", () => {
  it.each([
    ["SLA (h)", 4, { slaHours: 0 }],
    ["Response target", 24, { slaHours: 0 }],
    ["承诺时效", 48, { slaHours: 0 }],
    ["SLA met", 1, {}], // whether it was met, not the target
    ["SLA due", 46090.5, {}], // when it falls due: a date-time, not hours
    ["Ad spend", 12.5, { spend: 0 }],
    ["获客成本", 30, { spend: 0 }],
    ["Parts spend", 80, {}], // the job's own costs are not marketing
    ["Hung up", "yes", { abandoned: 0 }],
    ["未接来电", "是", { abandoned: 0 }],
    ["Abandoned at", 46090.5, {}], // when, not whether
  ] as const)("%s holding %p", (header, cell, expected) => {
    expect(detectColumns([header], [[cell]])).toEqual(expected);
  });

  it("leaves a promotion fee to spend, not to the amount", () => {
    expect(detectColumns(["推广费用", "收费"], [[35, 260]])).toEqual({ spend: 0, amount: 1 });
  });
});
