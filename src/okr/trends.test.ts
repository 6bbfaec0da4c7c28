import { isoDate } from "../kpi/coerce";
import { renderProblems } from "./problems";
import { buildTrendsPlan, KEPT_NOTES_NOTE, trendKpis, trendMonths, trendsProblems, TrendsSettings } from "./trends";

const SEP_30_2026 = 46295;
const settings: TrendsSettings = {
  period: { from: 46204, to: SEP_30_2026 }, // 2026-Q3
  mode: "portable",
  source: { kind: "table", table: "Jobs", headers: ["Date", "Score", "Amount"] },
  columns: { date: 0, nps: 1, amount: 2 },
};
/** First days of 2025-10 .. 2026-09 as Excel serials, counted by hand from 2025-10-01 = 45931. */
const MONTHS = [45931, 45962, 45992, 46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266];

describe("trendMonths", () => {
  it("gives the first days of the twelve months ending with the period's last month, oldest first", () => {
    expect(trendMonths(SEP_30_2026)).toEqual(MONTHS);
    expect(trendMonths(46266)).toEqual(MONTHS); // 2026-09-01: any day of September ends the same twelve
    expect(trendMonths(46295).map(isoDate).slice(0, 2)).toEqual(["2025-10-01", "2025-11-01"]); // the JSDoc example
  });

  describe("edge cases", () => {
    it("crosses the year back from January", () => {
      expect(trendMonths(46023).map(isoDate)).toEqual([
        "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01",
        "2025-08-01", "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01",
      ]);
    });

    it("reads a last day with a time of day as its day", () => {
      expect(trendMonths(SEP_30_2026 + 0.99)).toEqual(MONTHS);
    });
  });
});

describe("trendKpis", () => {
  it("lists the KPIs the columns allow, in the KPI list's order: jobs and jobs per day need the job date only", () => {
    expect(trendKpis(settings.columns, "portable")).toEqual(["nps", "avgTicket", "revenue", "jobs", "jobsPerDay"]);
    expect(trendKpis({ date: 0, requested: 1, responded: 2, resolved: 3 }, "portable")).toEqual(["responseTime", "resolutionTime", "jobs", "jobsPerDay"]);
    expect(trendKpis({ date: 0, effort: 1 }, "kpi")).toEqual(["jobs", "jobsPerDay", "ces"]);
  });

  it("shows comment sentiment with KPI functions only: no native formula computes it", () => {
    expect(trendKpis({ date: 0, comment: 1 }, "kpi")).toEqual(["jobs", "jobsPerDay", "sentiment"]);
    expect(trendKpis({ date: 0, comment: 1 }, "portable")).toEqual(["jobs", "jobsPerDay"]);
  });

  it("needs the job date", () => {
    expect(trendKpis({ nps: 1 }, "kpi")).toEqual([]);
  });
});

describe("trendsProblems", () => {
  it.each([
    [{ columns: { nps: 1 } }, "noTrendsDateColumn", "No job-date column was found: map one to build the trends."],
    [{ period: { from: 46295, to: 46204 } }, "periodReversed", "The period ends before it starts."],
  ])("refuses %p", (change, code, english) => {
    const problems = trendsProblems({ ...settings, ...change } as TrendsSettings);
    expect(problems).toEqual([{ code }]);
    expect(renderProblems(problems, "en")).toBe(english);
  });

  it("has nothing to say when the trends can be built", () => {
    expect(trendsProblems(settings)).toEqual([]);
  });
});

describe("buildTrendsPlan", () => {
  const plan = buildTrendsPlan(settings);
  const rows = plan.table.formulas;

  it("has the months in column A as dates, a column per KPI headed by its label, Notes last", () => {
    expect(plan.title).toBe("Trends");
    expect(plan.table.address).toBe("A5:G17"); // header row 5, twelve months on 6..17
    expect(rows[0]).toEqual(["Month", "Net Promoter Score", "Average ticket", "Revenue", "Jobs completed", "Jobs per working day", "Notes"]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(MONTHS);
    expect(plan.table.numberFormats[1]).toEqual(["yyyy-mm", "0.0", "#,##0.00", "#,##0.00", "0", "0.00", "General"]);
  });

  it("writes money in the job log's own currency format, and only money", () => {
    const yen = '"¥"#,##0';
    const formats = buildTrendsPlan({ ...settings, moneyFormat: yen }).table.numberFormats;
    // Every month's row: NPS, average ticket, revenue, jobs, jobs per day.
    for (const row of formats.slice(1)) expect(row).toEqual(["yyyy-mm", "0.0", yen, yen, "0", "0.00", "General"]);
  });

  it("counts each month from its first day in column A to its last (EOMONTH), live, in portable mode", () => {
    const p = 'Jobs[[Date]],">="&$A6,Jobs[[Date]],"<"&(EOMONTH($A6,0)+1)';
    expect(rows[1][1]).toBe(`=100*(COUNTIFS(Jobs[[Score]],">=9",Jobs[[Score]],"<=10",${p})-COUNTIFS(Jobs[[Score]],">=0",Jobs[[Score]],"<=6",${p}))/COUNTIFS(Jobs[[Score]],">=0",Jobs[[Score]],"<=10",${p})`);
    expect(rows[12][2]).toBe('=SUMIFS(Jobs[[Amount]],Jobs[[Date]],">="&$A17,Jobs[[Date]],"<"&(EOMONTH($A17,0)+1))/COUNTIFS(Jobs[[Amount]],">=0",Jobs[[Date]],">="&$A17,Jobs[[Date]],"<"&(EOMONTH($A17,0)+1))');
    expect(rows[12][3]).toBe('=SUMIFS(Jobs[[Amount]],Jobs[[Date]],">="&$A17,Jobs[[Date]],"<"&(EOMONTH($A17,0)+1))');
    const mask = "(Jobs[[Date]]>=$A17)*(Jobs[[Date]]<EOMONTH($A17,0)+1)";
    expect(rows[12][4]).toBe(`=SUMPRODUCT(${mask})`);
    expect(rows[12][5]).toBe(`=SUMPRODUCT(${mask})/LET(keys,IFERROR(SORT(FILTER(INT(Jobs[[Date]]),${mask})),{""}),` +
      'pos,SEQUENCE(ROWS(keys)),size,ROWS(keys),first,(pos=1)+(keys>INDEX(keys,pos-(pos>1))),last,(pos=size)+(INDEX(keys,pos+(pos<size))>keys),named,(keys<>"")*1,SUM(first*named))');
  });

  it("uses the KPI.* functions in kpi mode", () => {
    const kpi = buildTrendsPlan({ ...settings, mode: "kpi" }).table.formulas;
    expect(kpi[3][1]).toBe("=KPI.NPS(Jobs[[Score]],Jobs[[Date]],$A8,EOMONTH($A8,0))");
    expect(kpi[3][2]).toBe("=KPI.AVGTICKET(Jobs[[Amount]],Jobs[[Date]],$A8,EOMONTH($A8,0))");
    expect(kpi[3].slice(3, 6)).toEqual([
      "=KPI.REVENUE(Jobs[[Amount]],Jobs[[Date]],$A8,EOMONTH($A8,0))",
      "=KPI.JOBS(Jobs[[Date]],$A8,EOMONTH($A8,0))",
      "=KPI.JOBSPERDAY(Jobs[[Date]],$A8,EOMONTH($A8,0))",
    ]);
  });

  it("compares retention with the month before each month (EDATE)", () => {
    const kept = buildTrendsPlan({ ...settings, mode: "kpi", columns: { date: 0, customer: 1 }, source: { kind: "table", table: "Jobs", headers: ["Date", "Customer"] } });
    expect(kept.kpis).toEqual(["repeatRate", "jobs", "jobsPerDay", "retention", "churn", "newCustomers"]);
    expect(kept.table.formulas[3][4]).toBe("=KPI.RETAINED(Jobs[[Customer]],Jobs[[Date]],EDATE($A8,-1),$A8-1,$A8,EOMONTH($A8,0))/KPI.CUSTOMERS(Jobs[[Customer]],Jobs[[Date]],EDATE($A8,-1),$A8-1)");
  });

  it("starts with empty notes", () => {
    expect(rows.slice(1).map((row) => row[6])).toEqual(MONTHS.map(() => null));
    expect(plan.header.formulas[2]).toEqual([null]);
  });

  describe("on a re-run", () => {
    const typed = (month: number, note: string | null) => [month, "=100*(...)", "=SUMIFS(...)", "=SUMIFS(...)", "=SUMPRODUCT(...)", "=SUMPRODUCT(...)", note];
    const earlier = [
      ["Month", "Net Promoter Score", "Average ticket", "Revenue", "Jobs completed", "Jobs per working day", "Notes"],
      typed(45901, "'=price rise"), // 2025-09: shown the last time, not now
      typed(45931, null),
      typed(46204, "summer rush"),
      typed(46266, "   "),
    ];
    const again = buildTrendsPlan(settings, earlier);

    it("keeps the notes typed beside a month, by month", () => {
      expect(again.table.formulas[10][6]).toBe("summer rush"); // 2026-07 is the tenth month
      expect(again.table.formulas.slice(1, 13).filter((row) => row[6] !== null)).toHaveLength(1);
    });

    it("keeps a month no longer shown below the twelve while it has notes, and says why", () => {
      expect(again.months).toEqual([...MONTHS, 45901]);
      expect(again.table.address).toBe("A5:G18");
      expect(again.table.formulas[13][0]).toBe(45901);
      expect(again.table.formulas[13][6]).toBe("'=price rise");
      expect(again.table.formulas[13][1]).toContain("$A18");
      expect(again.header.formulas[2]).toEqual([KEPT_NOTES_NOTE]);
    });

    it("ignores rows whose Month is not a date, and a sheet without our headers", () => {
      expect(buildTrendsPlan(settings, [earlier[0], ["Total", null, null, "mine"]]).months).toEqual(MONTHS);
      expect(buildTrendsPlan(settings, [["Something else"], [45901, "x"]]).months).toEqual(MONTHS);
    });
  });
});
