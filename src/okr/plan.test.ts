import { buildPlan, dateFormula, PlanSettings, planProblems, TABLE_COLUMNS, valueNumberFormat } from "./plan";
import { renderProblem } from "./problems";

const headers = ["Date", "Customer", "NPS", "First visit fix"];
const settings: PlanSettings = {
  title: "OKR 2026-Q3",
  period: { from: 46204, to: 46295 }, // 2026-07-01 .. 2026-09-30
  mode: "kpi",
  source: { kind: "table", table: "Jobs", headers },
  columns: { date: 0, customer: 1, nps: 2, firstVisitFix: 3 },
  keyResults: [
    { id: "kr-nps", objectiveId: "delight", objective: "Delight customers", name: "Raise NPS", kpi: "nps", type: "increase", target: 50, owner: "Ann" },
    { id: "kr-fcr", objectiveId: "delight", objective: "Delight customers", name: "=cmd|' /C calc'!A0", kpi: "fcr", type: "above", target: 0.9 },
    { id: "kr-repeat", objectiveId: "repeat", objective: "Grow repeat business", name: "Bring customers back", kpi: "repeatRate", type: "increase", weight: 2 },
  ],
};

const column = (name: (typeof TABLE_COLUMNS)[number]) => TABLE_COLUMNS.indexOf(name);

describe("buildPlan", () => {
  const plan = buildPlan(settings);
  const rows = plan.table.formulas;

  it("lays out an objective row before its key results", () => {
    expect(rows.map((row) => row[column("Id")])).toEqual(["Id", "objective:delight", "kr-nps", "kr-fcr", "objective:repeat", "kr-repeat"]);
    expect(plan.table.address).toBe("A9:X14");
  });

  it("writes KPI formulas over the table's columns, current and baseline period", () => {
    expect(rows[2][column("Current")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],$B$2,$B$3)");
    expect(rows[2][column("Baseline")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],$B$4,$B$5)");
    expect(rows[3][column("Current")]).toBe("=KPI.FCR(Jobs[[First visit fix]],Jobs[[Date]],$B$2,$B$3)");
  });

  it("scores progress by KR type", () => {
    expect(rows[2][column("Progress")]).toBe('=IF(F11="","",KPI.PROGRESS(E11,F11,G11))');
    expect(rows[3][column("Progress")]).toBe('=IF(F12="","",IF(G12>=F12,1,0))');
    expect(rows[2][column("Status")]).toBe('=IF(L11="","",KPI.STATUS(L11,M11,,"increase",E11,F11))');
    expect(rows[3][column("Status")]).toBe('=IF(L12="","",KPI.STATUS(L12,M12))');
  });

  it("rolls an objective up as the weighted mean of the key results that carry its id, never by position", () => {
    const mine = (r: number) => `($S$10:$S$14=$R${r})`;
    expect(rows[1][column("Progress")]).toBe(`=IFERROR(SUMPRODUCT(${mine(10)}*1,$T$10:$T$14)/SUMPRODUCT(${mine(10)}*($T$10:$T$14<>""),$P$10:$P$14),"")`);
    expect(rows[4][column("Progress")]).toBe(`=IFERROR(SUMPRODUCT(${mine(13)}*1,$T$10:$T$14)/SUMPRODUCT(${mine(13)}*($T$10:$T$14<>""),$P$10:$P$14),"")`);
    expect(rows.slice(1).map((row) => row[column("Objective id")])).toEqual([null, "objective:delight", "objective:delight", null, "objective:repeat"]);
    expect(rows[2][column("Weighted progress")]).toBe('=IF(OR(L11="",P11=""),"",L11*P11)');
  });

  it("keeps what the user typed and defaults the rest", () => {
    expect(rows[2][column("Target")]).toBe(50);
    expect(rows[2][column("Owner")]).toBe("Ann");
    expect(rows[5][column("Target")]).toBeNull();
    expect(rows[5][column("Weight")]).toBe(2);
    expect(rows[2][column("Weight")]).toBe(1);
  });

  it("writes user text so it can never run as a formula", () => {
    expect(rows[3][column("Key result")]).toBe("'=cmd|' /C calc'!A0");
  });

  it("puts the period and its baseline, the previous quarter, in cells the formulas read, and says which", () => {
    // 2026-Q2 is 2026-04-01 (46113) to 2026-06-30 (46203): 91 days, where Q3 has 92.
    expect(plan.header.formulas.slice(1, 7)).toEqual([
      ["Period from", 46204, null],
      ["Period to", 46295, null],
      ["Baseline from", 46113, "previous quarter (2026-Q2)"],
      ["Baseline to", 46203, null],
      ["As of", "=TODAY()", null],
      ["Elapsed", "=MAX(0,MIN(1,(INT($B$6)-$B$2+1)/($B$3-$B$2+1)))", null],
    ]);
    // The same quarter a year before: 2025-07-01 (45839) to 2025-09-30 (45930).
    expect(buildPlan({ ...settings, baseline: "lastYear" }).header.formulas[3]).toEqual(["Baseline from", 45839, "same quarter last year (2025-Q3)"]);
  });

  it("formats each KPI's values and colours statuses by rule", () => {
    expect(plan.table.numberFormats[2][column("Current")]).toBe("0.0");
    expect(plan.table.numberFormats[3][column("Target")]).toBe("0.0%");
    expect(plan.conditionalFormats.map((f) => f.rule.kind === "textEquals" && f.rule.text).filter(Boolean)).toEqual(["Done", "On track", "At risk", "Off track", "Missed", "Check target"]);
    expect(plan.conditionalFormats[0]).toEqual({ range: "L10:L14", rule: { kind: "dataBar", color: "#0078D4" } });
  });

  it("compares each key result with the period before and the same period last year, ▲ when it got better", () => {
    // 2026-Q3's previous quarter is 2026-04-01 .. 2026-06-30, the same quarter last year 2025-07-01 .. 2025-09-30.
    // The previous quarter is the baseline's (B4:B5), so the row's Baseline (E) while B4:B5 still hold it.
    expect(rows[2][column("Previous period")]).toBe("=IF(AND($B$4=DATE(2026,4,1),$B$5=DATE(2026,6,30)),E11,KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,4,1),DATE(2026,6,30)))");
    expect(rows[2][column("Same period last year")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2025,7,1),DATE(2025,9,30))");
    // Current is G, the previous period H, last year J: a higher NPS is better, so the change is Current minus earlier.
    expect(rows[2][column("vs previous")]).toBe('=IFERROR(G11-H11,"")');
    expect(rows[2][column("vs last year")]).toBe('=IFERROR(G11-J11,"")');
    expect(plan.table.numberFormats[2][column("vs previous")]).toBe('"▲ "0.0;"▼ "0.0;0.0');
    expect(plan.table.numberFormats[3][column("Previous period")]).toBe("0.0%");
    // Objective rows compare nothing.
    expect(rows[1][column("Previous period")]).toBeNull();
    const changes = plan.conditionalFormats.filter((format) => format.rule.kind === "compare");
    expect(changes.map(({ range, rule }) => [range, rule.kind === "compare" && rule.operator])).toEqual([
      ["I10:I14", "Between"],
      ["I10:I14", "LessThan"],
      ["K10:K14", "Between"],
      ["K10:K14", "LessThan"],
    ]);
  });

  it("signs a change by the KPI's direction: a shorter response time is better", () => {
    const hours = buildPlan({
      ...settings,
      columns: { date: 0, requested: 1, responded: 2 },
      keyResults: [{ id: "kr-rt", objectiveId: "fast", objective: "Answer fast", name: "Answer within 2 h", kpi: "responseTime", type: "decrease" }],
    });
    expect(hours.table.formulas[2][column("vs previous")]).toBe('=IFERROR(H11-G11,"")');
    expect(hours.table.numberFormats[2][column("vs last year")]).toBe('"▲ "0.0 "h";"▼ "0.0 "h";0.0 "h"');
  });

  it("keeps the KPI over the four periods before the previous one, oldest first, in hidden columns after the others", () => {
    // 2026-Q3's previous quarter is 2026-Q2; before it 2026-Q1, 2025-Q4, 2025-Q3 and 2025-Q2.
    const history = ["5 periods ago", "4 periods ago", "3 periods ago", "2 periods ago"] as const;
    expect(TABLE_COLUMNS.slice(-4)).toEqual(history);
    const nps = (from: string, to: string) => `=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],${from},${to})`;
    expect(history.map((name) => rows[2][column(name)])).toEqual([
      nps("DATE(2025,4,1)", "DATE(2025,6,30)"),
      // 2025-Q3 is the same period last year: its cell in this row (J11) rather than the KPI again.
      "=J11",
      nps("DATE(2025,10,1)", "DATE(2025,12,31)"),
      nps("DATE(2026,1,1)", "DATE(2026,3,31)"),
    ]);
    expect(history.map((name) => plan.table.numberFormats[3][column(name)])).toEqual(["0.0%", "0.0%", "0.0%", "0.0%"]);
    expect(history.map((name) => rows[1][column(name)])).toEqual([null, null, null, null]);
    // Hidden with the ids: Id is column R, the last history column X.
    expect(plan.hiddenColumns).toEqual(["R:X"]);
  });

  it("steps a month's history back across the new year", () => {
    // 2026-03's previous month is 2026-02; before it 2026-01, 2025-12, 2025-11, 2025-10 (2025-10-01 is 45931, 2026-03-01 is 46082).
    const march = buildPlan({ ...settings, period: { from: 46082, to: 46112 } });
    expect(march.table.formulas[2][column("5 periods ago")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2025,10,1),DATE(2025,10,31))");
    expect(march.table.formulas[2][column("2 periods ago")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,1,1),DATE(2026,1,31))");
  });

  it("writes money in the job log's own currency format when it has one, and only money", () => {
    const money = (moneyFormat: string | undefined) =>
      buildPlan({
        ...settings,
        columns: { date: 0, amount: 1, nps: 2 },
        moneyFormat,
        keyResults: [
          { id: "kr-ticket", objectiveId: "grow", objective: "Grow", name: "Raise the ticket", kpi: "avgTicket", type: "increase" },
          { id: "kr-nps", objectiveId: "grow", objective: "Grow", name: "Raise NPS", kpi: "nps", type: "increase" },
        ],
      }).table.numberFormats;
    const euro = money("[$€-407] #,##0.00");
    for (const name of ["Baseline", "Target", "Current", "Previous period", "Same period last year"] as const) expect(euro[2][column(name)]).toBe("[$€-407] #,##0.00");
    expect(euro[2][column("vs previous")]).toBe('"▲ "[$€-407] #,##0.00;"▼ "[$€-407] #,##0.00;[$€-407] #,##0.00');
    expect(euro[3][column("Current")]).toBe("0.0");
    // Without one, the add-in's own.
    expect(money(undefined)[2][column("Current")]).toBe("#,##0.00");
  });

  describe("the comparison column over the baseline's own period", () => {
    const formulasWith = (baseline: PlanSettings["baseline"], period = settings.period) => buildPlan({ ...settings, baseline, period }).table.formulas;

    it("is the row's Baseline while B4:B5 hold that period, else its own KPI: the previous quarter by default", () => {
      // Row 11: Baseline is E, Previous period H. 2026-Q2 is 2026-04-01 .. 2026-06-30.
      expect(formulasWith(undefined)[2][column("Previous period")]).toBe("=IF(AND($B$4=DATE(2026,4,1),$B$5=DATE(2026,6,30)),E11,KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,4,1),DATE(2026,6,30)))");
      // Every key-result row refers to its own Baseline.
      expect(formulasWith("previous")[5][column("Previous period")]).toMatch(/^=IF\(AND\(\$B\$4=DATE\(2026,4,1\),\$B\$5=DATE\(2026,6,30\)\),E14,KPI\.REPEATRATE\(/);
    });

    it("is the same period last year when that is the baseline, and Previous period then computes its own", () => {
      const rows = formulasWith("lastYear");
      expect(rows[2][column("Same period last year")]).toBe("=IF(AND($B$4=DATE(2025,7,1),$B$5=DATE(2025,9,30)),E11,KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2025,7,1),DATE(2025,9,30)))");
      expect(rows[2][column("Previous period")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,4,1),DATE(2026,6,30))");
    });
  });

  it("takes a custom period's previous period as the same number of days just before it", () => {
    // 2026-07-10 (46213) .. 2026-07-19 (46222): ten days; the ten before are 2026-06-30 .. 2026-07-09.
    const custom = buildPlan({ ...settings, period: { from: 46213, to: 46222 } });
    expect(custom.table.formulas[2][column("Previous period")]).toBe("=IF(AND($B$4=DATE(2026,6,30),$B$5=DATE(2026,7,9)),E11,KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,6,30),DATE(2026,7,9)))");
    expect(custom.table.formulas[2][column("Same period last year")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2025,7,10),DATE(2025,7,19))");
  });

  it("gives retention and churn the period before each column's period: from the header's cells, or as dates", () => {
    const kept = buildPlan({
      ...settings,
      keyResults: [
        { id: "kr-kept", objectiveId: "repeat", objective: "Grow repeat business", name: "Keep customers", kpi: "retention", type: "increase" },
        { id: "kr-new", objectiveId: "repeat", objective: "Grow repeat business", name: "Win customers", kpi: "newCustomers", type: "increase" },
      ],
    }).table.formulas;
    const [c, d] = ["Jobs[[Customer]]", "Jobs[[Date]]"];
    // The period before B2:B3 (or B4:B5), worked out on the sheet as periods.ts's previousPeriod.
    const before = (from: string, to: string) =>
      `IF(AND(DAY(${from})=1,${to}=EOMONTH(${from},0)),EDATE(${from},-1),IF(AND(DAY(${from})=1,MOD(MONTH(${from}),3)=1,${to}=EOMONTH(${from},2)),EDATE(${from},-3),2*${from}-${to}-1)),(${from}-1)`;
    expect(kept[2][column("Current")]).toBe(`=KPI.RETAINED(${c},${d},${before("$B$2", "$B$3")},$B$2,$B$3)/KPI.CUSTOMERS(${c},${d},${before("$B$2", "$B$3")})`);
    expect(kept[2][column("Baseline")]).toBe(`=KPI.RETAINED(${c},${d},${before("$B$4", "$B$5")},$B$4,$B$5)/KPI.CUSTOMERS(${c},${d},${before("$B$4", "$B$5")})`);
    // 2026-Q2 against 2026-Q1; 2025-Q3 against 2025-Q2.
    expect(kept[2][column("Previous period")]).toBe(
      `=IF(AND($B$4=DATE(2026,4,1),$B$5=DATE(2026,6,30)),E11,KPI.RETAINED(${c},${d},DATE(2026,1,1),DATE(2026,3,31),DATE(2026,4,1),DATE(2026,6,30))/KPI.CUSTOMERS(${c},${d},DATE(2026,1,1),DATE(2026,3,31)))`,
    );
    expect(kept[2][column("Same period last year")]).toBe(`=KPI.RETAINED(${c},${d},DATE(2025,4,1),DATE(2025,6,30),DATE(2025,7,1),DATE(2025,9,30))/KPI.CUSTOMERS(${c},${d},DATE(2025,4,1),DATE(2025,6,30))`);
    expect(kept[3][column("Current")]).toBe(`=KPI.NEWCUSTOMERS(${c},${d},$B$2,$B$3)`);
  });

  it("references a plain range between its first row and how far it reaches, quoting the sheet", () => {
    const ranged = buildPlan({ ...settings, mode: "portable", source: { kind: "range", sheet: "Bob's jobs", headers, headerRow: 1, firstColumn: 0, lastRow: 2001 } });
    const current = String(ranged.table.formulas[2][column("Current")]);
    expect(current.match(/'Bob''s jobs'!\$[A-Z]\$\d+:\$[A-Z]\$\d+/g)).toEqual([
      ...Array.from({ length: 2 }, () => ["'Bob''s jobs'!$C$2:$C$2001", "'Bob''s jobs'!$C$2:$C$2001", "'Bob''s jobs'!$A$2:$A$2001", "'Bob''s jobs'!$A$2:$A$2001"]).flat(),
      "'Bob''s jobs'!$C$2:$C$2001", "'Bob''s jobs'!$C$2:$C$2001", "'Bob''s jobs'!$A$2:$A$2001", "'Bob''s jobs'!$A$2:$A$2001",
    ]);
    expect(current).not.toContain("1048576");
  });
});

describe("valueNumberFormat", () => {
  it("the @example: money in the log's own format", () => {
    expect(valueNumberFormat("currency", "[$€-407] #,##0.00")).toBe("[$€-407] #,##0.00");
  });

  describe("edge cases", () => {
    it.each([
      ["currency", undefined, "#,##0.00"],
      ["currency", "", "#,##0.00"],
      ["score", '"$"#,##0.00', "0.0"],
      ["percent", '"$"#,##0.00', "0.0%"],
      ["count", "[$¥-411]#,##0", "0"],
    ] as const)("%s with the log's format %j is %j", (format, money, shown) => {
      expect(valueNumberFormat(format, money)).toBe(shown);
    });
  });
});

describe("dateFormula", () => {
  it("the @example: 46204 is 2026-07-01", () => {
    expect(dateFormula(46204)).toBe("DATE(2026,7,1)");
  });

  it("names a leap day and a year's last day", () => {
    // 2024-02-29 is 45351; 2025-12-31 is 46022.
    expect([dateFormula(45351), dateFormula(46022)]).toEqual(["DATE(2024,2,29)", "DATE(2025,12,31)"]);
  });
});

describe("planProblems", () => {
  it("accepts a plan it can build", () => {
    expect(planProblems(settings)).toEqual([]);
  });

  it.each([
    [{ columns: { customer: 1, nps: 2, firstVisitFix: 3 } }, "No job-date column was found: map one to build the sheet."],
    [{ keyResults: [] }, "Choose at least one key result."],
    [{ period: { from: 46295, to: 46204 } }, "The period ends before it starts."],
    [{ columns: { date: 0, nps: 2, firstVisitFix: 3 } }, '"Bring customers back" needs the customer column.'],
  ])("says what is missing %#", (change, problem) => {
    expect(planProblems({ ...settings, ...change }).map((found) => renderProblem(found, "en"))).toContain(problem);
  });

  it("gives the key result and the missing columns as data, so each language words them", () => {
    const problems = planProblems({ ...settings, columns: { date: 0, nps: 2, firstVisitFix: 3 } });
    expect(problems).toContainEqual({ code: "missingColumns", keyResult: "Bring customers back", roles: ["customer"] });
  });
});

describe("comment sentiment, which has no native formula", () => {
  const sentiment = { id: "delight:sentiment", objectiveId: "delight", objective: "Delight customers", name: "Earn warmer comments", kpi: "sentiment" as const, type: "increase" as const };
  const withComments: PlanSettings = { ...settings, source: { kind: "table", table: "Jobs", headers: [...headers, "Comment"] }, columns: { ...settings.columns, comment: 4 }, keyResults: [sentiment] };

  it("is a key result like any other with KPI functions", () => {
    expect(planProblems(withComments)).toEqual([]);
    expect(buildPlan(withComments).table.formulas[2][column("Current")]).toBe("=KPI.SENTIMENT(Jobs[[Comment]],Jobs[[Date]],$B$2,$B$3)");
  });

  it("cannot be built with native formulas, and the problem says so", () => {
    expect(planProblems({ ...withComments, mode: "portable" })).toEqual([{ code: "needsKpiFunctions", keyResult: "Earn warmer comments" }]);
  });

  it("stays on the sheet as the user left it when the sheet is rebuilt with native formulas without it", () => {
    const built = buildPlan(withComments).table.formulas;
    const nps = settings.keyResults[0];
    const again = buildPlan({ ...withComments, mode: "portable", keyResults: [nps] }, built);
    const row = again.table.formulas.find((cells) => cells[column("Id")] === "delight:sentiment")!;
    expect(row[column("Current")]).toBe("=KPI.SENTIMENT(Jobs[[Comment]],Jobs[[Date]],$B$2,$B$3)");
  });
});

describe("table names", () => {
  it.each([
    ["OKR 2026-Q3", "OKR_2026_Q3"],
    ["2026 目标", "OKR_2026"],
  ])("%p becomes %p", (title, name) => {
    expect(buildPlan({ ...settings, title }).table.name).toBe(name);
  });
});

describe("re-running over an existing sheet", () => {
  it("keeps typed cells and hand-made rows, and stretches the table and its rules over them", () => {
    const first = buildPlan(settings);
    const typed = first.table.formulas.map((row) => row.slice());
    typed[2][column("Target")] = 60; // the user raised the NPS target on the sheet
    typed.push(TABLE_COLUMNS.map((name) => (name === "Key result" ? "Fewer callbacks" : null)));
    const again = buildPlan(settings, typed);
    expect(again.table.formulas[2][column("Target")]).toBe(60);
    expect(again.table.formulas[6][column("Key result")]).toBe("Fewer callbacks");
    expect(again.table.address).toBe("A9:X15");
    expect(again.table.numberFormats).toHaveLength(7);
    expect(again.conditionalFormats[0].range).toBe("L10:L15");
  });

  it("re-runs a sheet an earlier build laid out without the history columns, keeping what the user typed", () => {
    // The earlier build's table: every column up to Weighted progress, none after.
    const earlier = buildPlan(settings).table.formulas.map((row) => row.slice(0, column("Weighted progress") + 1));
    earlier[2][column("Target")] = 60;
    earlier[2][column("Notes")] = "from the spring survey";
    earlier[5][column("Owner")] = "Bo";
    const again = buildPlan(settings, earlier);
    const rows = again.table.formulas;
    expect(rows[0]).toEqual([...TABLE_COLUMNS]);
    expect([rows[2][column("Target")], rows[2][column("Notes")], rows[2][column("Owner")], rows[5][column("Owner")]]).toEqual([60, "from the spring survey", "Ann", "Bo"]);
    expect(rows[2][column("2 periods ago")]).toBe("=KPI.NPS(Jobs[[NPS]],Jobs[[Date]],DATE(2026,1,1),DATE(2026,3,31))");
    expect(again.table.address).toBe("A9:X14");
  });
});
