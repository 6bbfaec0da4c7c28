import { renderProblems } from "./problems";
import { buildScorecardPlan, scorecardProblems, ScorecardSettings, scorecardTitle, techniciansInPeriod } from "./scorecard";
import { technicianKey, technicianNames } from "./technicianNames";
import { quarterOf } from "./periods";

const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30

describe("technicianNames", () => {
  it.each([
    ["Ann", ["Ann"]],
    ["Ann Lee, Bob", ["Ann Lee", "Bob"]],
    ["Ann;Bob/Cy & Di、Ed", ["Ann", "Bob", "Cy", "Di", "Ed"]],
    ["  Ann   Lee  ", ["Ann Lee"]],
    ["Smith*, Jo?", ["Smith*", "Jo?"]],
    ["=x & <na>", ["=x", "<na>"]],
    ["n/a", ["n", "a"]],
    [1001, ["1001"]],
  ])("reads %p as %p", (cell, names) => {
    expect(technicianNames(cell)).toEqual(names);
  });

  describe("edge cases", () => {
    it.each([[null], [""], ["   "], [",;/"], [true], ["#N/A"], ["#DIV/0!"], [{ type: "Error" }]])("finds no one in %p", (cell) => {
      expect(technicianNames(cell)).toEqual([]);
    });

    it("keys names in any case, as the sheet's formulas compare them", () => {
      expect(technicianKey("SMITH*")).toBe(technicianKey("smith*"));
      expect(technicianKey("Jo?")).not.toBe(technicianKey("Joe"));
    });
  });
});

describe("techniciansInPeriod", () => {
  // Worked by hand: rows 1-5 and 9 are in 2026-Q3 and name someone; Bob's job is in June; "#N/A" and a blank name no one.
  const technicians = ["Ann, Smith*", "smith*", "Jo?", " ann  ", "=x & Jo?", "Bob", "#N/A", null, 1001];
  const dates = [46204, 46210, 46220, 46230, 46240, 46100, 46205, 46206, 46295.9];

  it("lists everyone named on a job in the period once, first spelling, in alphabetical order of their keys", () => {
    expect(techniciansInPeriod(technicians, dates, Q3)).toEqual(["1001", "=x", "Ann", "Jo?", "Smith*"]);
  });

  it("counts the last day in full and no day after it; dates as text are not dates, as in the sheet's formulas", () => {
    expect(techniciansInPeriod(["Ann", "Bob", "Cy"], [46295.99, 46296, "2026-07-02"], Q3)).toEqual(["Ann"]);
  });
});

const settings: ScorecardSettings = {
  title: scorecardTitle(quarterOf(2026, 7)),
  period: Q3,
  mode: "portable",
  source: { kind: "table", table: "Jobs", headers: ["Date", "Tech", "NPS"] },
  columns: { date: 0, technician: 1, nps: 2 },
};
const PEOPLE = ["1001", "=x", "Ann", "Jo?", "Smith*"];

/** Row r's test for "names the technician in $A r", spelled out by hand. */
const names = (r: number) =>
  `ISNUMBER(FIND(","&LOWER(TRIM($A${r}))&",",","&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(LOWER(TRIM(Jobs[[Tech]]&"")),";",","),"/",","),"&",","),"、",","),"` +
  ` ,",","),", ",",")&","))`;
const inQ3 = "(Jobs[[Date]]>=$B$2)*(Jobs[[Date]]<$B$3+1)";
// 2026-Q2, the quarter before: 2026-04-01 .. 2026-06-30, named in the formulas as dates.
const inQ2 = "(Jobs[[Date]]>=DATE(2026,4,1))*(Jobs[[Date]]<DATE(2026,6,30)+1)";

describe("buildScorecardPlan", () => {
  const plan = buildScorecardPlan(settings, PEOPLE);
  const rows = plan.table.formulas;

  it("is named after the period, with the period in B2:B3 and the notes on shared jobs and blanks", () => {
    expect(plan.title).toBe("Scorecard 2026-Q3");
    expect(plan.header.formulas.slice(0, 3)).toEqual([["Scorecard 2026-Q3", null], ["Period from", 46204], ["Period to", 46295]]);
    expect(plan.header.formulas[3][0]).toContain("A job shared by several technicians (names separated by , ; / & or 、) counts in full for each of them");
  });

  it("has technicians in column A, a column, a change and a rank per KPI the columns allow, Notes last, the team in the last row", () => {
    expect(plan.table.address).toBe("A7:H13"); // header row 7, five technicians (8-12), the team (13)
    expect(rows[0]).toEqual(["Technician", "JOBS", "JOBS vs previous", "JOBS rank", "NPS", "NPS vs previous", "NPS rank", "Notes"]);
    expect(rows.map((row) => row[0])).toEqual(["Technician", "'1001", "'=x", "Ann", "Jo?", "Smith*", "Team (all jobs)"]);
    expect(plan.technicians).toBe(5);
  });

  it("counts each technician's jobs in the period by exact name, a shared job for each of them", () => {
    expect(rows[1][1]).toBe(`=IFERROR(SUMPRODUCT(${inQ3}*${names(8)}),"")`);
  });

  it("scores NPS per technician over the same mask, as COUNTIFS would over their rows", () => {
    const count = (low: number, high: number) => `SUMPRODUCT(${inQ3}*${names(9)}*ISNUMBER(Jobs[[NPS]])*(Jobs[[NPS]]>=${low})*(Jobs[[NPS]]<=${high}))`;
    expect(rows[2][4]).toBe(`=IFERROR(100*(${count(9, 10)}-${count(0, 6)})/${count(0, 10)},"")`);
  });

  it("gives the team the OKR sheet's own formulas: every job of the period once", () => {
    const team = rows[6];
    // The jobs KR's formula: every row dated in the period, whether it names a technician or not.
    expect(team[1]).toBe(`=SUMPRODUCT(${inQ3})`);
    expect(team[4]).toBe('=100*(COUNTIFS(Jobs[[NPS]],">=9",Jobs[[NPS]],"<=10",Jobs[[Date]],">="&$B$2,Jobs[[Date]],"<"&($B$3+1))-COUNTIFS(Jobs[[NPS]],">=0",Jobs[[NPS]],"<=6",Jobs[[Date]],">="&$B$2,Jobs[[Date]],"<"&($B$3+1)))/COUNTIFS(Jobs[[NPS]],">=0",Jobs[[NPS]],"<=10",Jobs[[Date]],">="&$B$2,Jobs[[Date]],"<"&($B$3+1))');
    expect([team[3], team[6]]).toEqual([null, null]);
  });

  it("compares each technician's and the team's value with the quarter before, positive when better", () => {
    expect(rows[1][2]).toBe(`=IFERROR(B8-SUMPRODUCT(${inQ2}*${names(8)}),"")`);
    expect(rows[6][2]).toBe(`=IFERROR(B13-SUMPRODUCT(${inQ2}),"")`);
    const count = (low: number, high: number) => `SUMPRODUCT(${inQ2}*${names(9)}*ISNUMBER(Jobs[[NPS]])*(Jobs[[NPS]]>=${low})*(Jobs[[NPS]]<=${high}))`;
    expect(rows[2][5]).toBe(`=IFERROR(E9-100*(${count(9, 10)}-${count(0, 6)})/${count(0, 10)},"")`);
  });

  it("shows each change with Excel's three arrows, technicians and team: up from a hair above 0, down below 0", () => {
    expect(plan.changeIcons).toEqual([
      { range: "C8:C13", betterFrom: "=1E-9", worseBelow: "=0" },
      { range: "F8:F13", betterFrom: "=1E-9", worseBelow: "=0" },
    ]);
  });

  it("ranks among the technicians only, best first, ties sharing a rank, blank without a value", () => {
    expect(rows[1][3]).toBe('=IF(ISNUMBER(B8),1+SUMPRODUCT(ISNUMBER(B$8:B$12)*(B$8:B$12>B8)),"")');
    expect(rows[5][6]).toBe('=IF(ISNUMBER(E12),1+SUMPRODUCT(ISNUMBER(E$8:E$12)*(E$8:E$12>E12)),"")');
  });

  it("colours each KPI's best and worst technician", () => {
    expect(plan.highlights.map(({ range, formula }) => [range, formula])).toEqual([
      ["B8:B12", "=MAX($B$8:$B$12)"],
      ["B8:B12", "=MIN($B$8:$B$12)"],
      ["E8:E12", "=MAX($E$8:$E$12)"],
      ["E8:E12", "=MIN($E$8:$E$12)"],
    ]);
  });

  it("formats values and the size of their changes by KPI, ranks as whole numbers, the period as dates", () => {
    expect(plan.table.numberFormats[1]).toEqual(["General", "0", "0;0;0", "0", "0.0", "0.0;0.0;0.0", "0", "General"]);
    expect(plan.header.numberFormats[1][1]).toBe("yyyy-mm-dd");
    expect(plan.freezeRows).toBe(7);
  });

  it("reads the selected rows through FILTER in KPI mode, and ranks response time lowest first", () => {
    const kpi = buildScorecardPlan({ ...settings, mode: "kpi", source: { kind: "table", table: "Jobs", headers: ["Date", "Tech", "Req", "Resp"] }, columns: { date: 0, technician: 1, requested: 2, responded: 3 } }, ["Ann"]);
    const [, annRow] = kpi.table.formulas;
    expect(kpi.table.formulas[0]).toEqual(["Technician", "JOBS", "JOBS vs previous", "JOBS rank", "RESPONSETIME", "RESPONSETIME vs previous", "RESPONSETIME rank", "Notes"]);
    const filtered = (column: string) => `FILTER(Jobs[[${column}]],${names(8)})`;
    expect(annRow[1]).toBe(`=IFERROR(KPI.JOBS(${filtered("Date")},$B$2,$B$3),"")`);
    expect(kpi.table.formulas[2][1]).toBe("=KPI.JOBS(Jobs[[Date]],$B$2,$B$3)"); // the team
    expect(annRow[4]).toBe(`=IFERROR(KPI.RESPONSETIME(${filtered("Req")},${filtered("Resp")},"hours",${filtered("Date")},$B$2,$B$3),"")`);
    // A shorter response time is better: the change is the quarter before minus this one.
    expect(annRow[5]).toBe(`=IFERROR(KPI.RESPONSETIME(${filtered("Req")},${filtered("Resp")},"hours",${filtered("Date")},DATE(2026,4,1),DATE(2026,6,30))-E8,"")`);
    expect(annRow[6]).toBe('=IF(ISNUMBER(E8),1+SUMPRODUCT(ISNUMBER(E$8:E$8)*(E$8:E$8<E8)),"")');
    expect(kpi.highlights.map((h) => h.formula).slice(2)).toEqual(["=MIN($E$8:$E$8)", "=MAX($E$8:$E$8)"]);
  });

  it("leaves out KPIs whose columns the log lacks", () => {
    const more = buildScorecardPlan({ ...settings, source: { kind: "table", table: "Jobs", headers: ["Date", "Tech", "Amount", "Fix"] }, columns: { date: 0, technician: 1, amount: 2, firstVisitFix: 3 } }, ["Ann"]);
    expect(more.table.formulas[0]).toEqual(["Technician", ...["JOBS", "REVENUE", "AVGTICKET", "FCR"].flatMap((h) => [h, `${h} vs previous`, `${h} rank`]), "Notes"]);
    // The revenue KR's formulas: SUMIFS for the team, the same sum over a technician's mask.
    expect(more.table.formulas[1][4]).toBe(`=IFERROR(SUMPRODUCT(${inQ3}*${names(8)},Jobs[[Amount]]),"")`);
    expect(more.table.formulas[2][4]).toBe('=SUMIFS(Jobs[[Amount]],Jobs[[Date]],">="&$B$2,Jobs[[Date]],"<"&($B$3+1))');
    expect(more.table.numberFormats[1].slice(1, 7)).toEqual(["0", "0;0;0", "0", "#,##0.00", "#,##0.00;#,##0.00;#,##0.00", "0"]);
  });

  it("writes money in the job log's own currency format, technicians and team, and only money", () => {
    const euro = "[$€-407] #,##0.00";
    const columns = { date: 0, technician: 1, amount: 2, nps: 3 };
    const plan = buildScorecardPlan({ ...settings, source: { kind: "table", table: "Jobs", headers: ["Date", "Tech", "Amount", "NPS"] }, columns, moneyFormat: euro }, ["Ann"]);
    expect(plan.table.formulas[0].slice(1, 13)).toEqual(["JOBS", "REVENUE", "AVGTICKET", "NPS"].flatMap((h) => [h, `${h} vs previous`, `${h} rank`]));
    const money = [euro, `${euro};${euro};${euro}`, "0"];
    // Ann's row and the team's: jobs, revenue, average ticket, NPS; each a value, its change and its rank.
    for (const row of [1, 2]) expect(plan.table.numberFormats[row].slice(1, 13)).toEqual(["0", "0;0;0", "0", ...money, ...money, "0.0", "0.0;0.0;0.0", "0"]);
  });
});

describe("a re-run", () => {
  // What the user has on the sheet, read as typed: they moved Smith* up and typed notes; "=x" reads back as '=x.
  // An earlier build's layout, without the change columns.
  const existing = [
    ["Technician", "JOBS", "JOBS rank", "NPS", "NPS rank", "Notes"],
    ["smith*", "=…", "=…", "=…", "=…", "'=call him"],
    ["Gone", "=…", "=…", "=…", "=…", "left in June"],
    ["Quiet", "=…", "=…", "=…", "=…", null],
    ["'=x", "=…", "=…", "=…", "=…", "new van"],
    ["Team (all jobs)", "=…", null, "=…", null, "good quarter"],
  ];
  const again = buildScorecardPlan(settings, PEOPLE, existing);
  const rows = again.table.formulas;

  it("keeps the user's order and notes by name, keeps a technician no longer found while they have notes, and adds new ones after", () => {
    expect(rows.map((row) => [row[0], row[7]])).toEqual([
      ["Technician", "Notes"],
      ["Smith*", "'=call him"],
      ["Gone", "left in June"],
      ["'=x", "new van"],
      ["'1001", null],
      ["Ann", null],
      ["Jo?", null],
      ["Team (all jobs)", "good quarter"],
    ]);
  });

  it("makes every formula for the row it is on", () => {
    expect(String(rows[2][1])).toContain("LOWER(TRIM($A9))");
    expect(rows[2][3]).toBe('=IF(ISNUMBER(B9),1+SUMPRODUCT(ISNUMBER(B$8:B$13)*(B$8:B$13>B9)),"")');
    expect(rows[2][2]).toMatch(/^=IFERROR\(B9-SUMPRODUCT\(.*LOWER\(TRIM\(\$A9\)\)/);
    expect(again.table.address).toBe("A7:H14");
  });

  it("reads notes from wherever the Notes column was", () => {
    const moved = [["Notes", "Technician"], ["hi", "Ann"]];
    expect(buildScorecardPlan(settings, ["Ann"], moved).table.formulas[1][7]).toBe("hi");
  });
});

describe("scorecardProblems", () => {
  it.each([
    [{ columns: { technician: 1 } }, ["Ann"], { code: "noScorecardColumn", role: "date" }, "No job-date column was found: map one to build the scorecard."],
    [{ columns: { date: 0 } }, ["Ann"], { code: "noScorecardColumn", role: "technician" }, "No technician column was found: map one to build the scorecard."],
    [{ period: { from: 46295, to: 46204 } }, ["Ann"], { code: "periodReversed" }, "The period ends before it starts."],
    [{}, [], { code: "noOneToScore", from: "2026-07-01", to: "2026-09-30" }, "No job from 2026-07-01 to 2026-09-30 names a technician: there is no one to score."],
  ])("refuses %p with %p", (change, people, problem, english) => {
    const problems = scorecardProblems({ ...settings, ...change }, people);
    expect(problems).toEqual([problem]);
    expect(renderProblems(problems, "en")).toBe(english);
  });

  it("gives every problem at once", () => {
    expect(scorecardProblems({ ...settings, columns: {} }, [])).toEqual([
      { code: "noScorecardColumn", role: "date" },
      { code: "noScorecardColumn", role: "technician" },
    ]);
  });

  it("has nothing against a log with dates, technicians and someone to score", () => {
    expect(scorecardProblems(settings, ["Ann"])).toEqual([]);
  });
});
