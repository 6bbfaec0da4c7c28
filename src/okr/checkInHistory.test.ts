import { buildCheckInHistoryPlan, CHECK_IN_HISTORY_NOTE, CheckIn, checkInsFromTable, earlierBlocks, checkInProgressFormula } from "./checkInHistory";

const HEADERS = ["Date", "Sheet", "Key result", "Current", "Target", "Progress", "Status", "Confidence", "Note"];
const JULY_1 = 46204; // 2026-07-01
const row = (date: unknown, sheet: unknown, keyResult: unknown, progress: unknown = 0.5) => [date, sheet, keyResult, 1, 2, progress, "On track", "High", ""];

describe("checkInsFromTable", () => {
  it("takes each row with a date, a sheet and a key result, as Excel gives the table's values", () => {
    const rows = [row(JULY_1 + 0.75, "OKR 2026-Q3", "Raise NPS"), row(JULY_1 + 1, "OKR 2026-Q3", "=1+1", "")];
    expect(checkInsFromTable(HEADERS, rows)).toEqual({
      checkIns: [
        { date: JULY_1 + 0.75, sheet: "OKR 2026-Q3", keyResult: "Raise NPS" },
        { date: JULY_1 + 1, sheet: "OKR 2026-Q3", keyResult: "=1+1" },
      ],
    });
  });

  it("finds the columns by name, in any order and case", () => {
    expect(checkInsFromTable(["progress", "KEY RESULT", "sheet", "date"], [[0.5, "NPS", "OKR", JULY_1]])).toEqual({ checkIns: [{ date: JULY_1, sheet: "OKR", keyResult: "NPS" }] });
  });

  it("runs its example", () => {
    expect(checkInsFromTable(["Date", "Sheet", "Key result", "Progress"], [[46204.5, "OKR Q3", "NPS", 0.5]])).toEqual({ checkIns: [{ date: 46204.5, sheet: "OKR Q3", keyResult: "NPS" }] });
  });

  describe("edge cases", () => {
    it.each([
      ["the empty row of a table with no row yet", ["", "", "", "", "", "", "", "", ""]],
      ["a date typed as text", row("2026-07-01", "OKR", "NPS")],
      ["no date", row("", "OKR", "NPS")],
      ["no sheet", row(JULY_1, "", "NPS")],
      ["no key result", row(JULY_1, "OKR", "")],
    ])("leaves out %s; with nothing left, there are no check-ins", (_, skipped) => {
      expect(checkInsFromTable(HEADERS, [skipped])).toEqual({ problem: { code: "noCheckIns", table: "CheckIns" } });
    });

    it("reads a number or TRUE typed as a name as its text, which the formulas compare with", () => {
      expect(checkInsFromTable(HEADERS, [row(JULY_1, 2026, true)])).toEqual({ checkIns: [{ date: JULY_1, sheet: "2026", keyResult: "true" }] });
    });

    it("names every column the formulas read that the table lacks", () => {
      expect(checkInsFromTable(["Date", "Key result", "Note"], [[JULY_1, "NPS", ""]])).toEqual({ problem: { code: "checkInColumnsMissing", table: "CheckIns", columns: "Sheet, Progress", count: 2 } });
    });

    it("has no check-ins in a table with no rows at all", () => {
      expect(checkInsFromTable(HEADERS, [])).toEqual({ problem: { code: "noCheckIns", table: "CheckIns" } });
    });
  });
});

describe("checkInProgressFormula", () => {
  it("averages the day's progress of the sheet and key result named in the cells, exactly, blank when there is none", () => {
    const mine = '(CheckIns[[Sheet]]&""=$B$4)*(CheckIns[[Key result]]&""=C$5)*(CheckIns[[Date]]>=$A6)*(CheckIns[[Date]]<$A6+1)';
    expect(checkInProgressFormula("$B$4", "C$5", "$A6")).toBe(`=IFERROR(SUMPRODUCT(${mine},CheckIns[[Progress]])/SUMPRODUCT(${mine}*ISNUMBER(CheckIns[[Progress]])),"")`);
  });

  it("never uses COUNTIFS, SUMIFS or AVERAGEIFS, whose criteria read names as patterns", () => {
    expect(checkInProgressFormula("$B$4", "C$5", "$A6")).not.toMatch(/IFS\(/);
  });
});

describe("buildCheckInHistoryPlan", () => {
  const checkIns: CheckIn[] = [
    { date: JULY_1 + 0.25, sheet: "OKR 2026-Q2", keyResult: "Raise NPS" },
    { date: JULY_1 + 30.5, sheet: "OKR 2026-Q3", keyResult: "Smith*" },
    { date: JULY_1 + 30.5, sheet: "OKR 2026-Q3", keyResult: "=1+1" },
    { date: JULY_1 + 0.9, sheet: "OKR 2026-Q2", keyResult: "~?" },
    { date: JULY_1 + 0.1, sheet: "okr 2026-q2", keyResult: "raise nps" }, // the same sheet and key result to Excel's =
    { date: JULY_1 - 5, sheet: "OKR 2026-Q2", keyResult: "Raise NPS" },
  ];
  const plan = buildCheckInHistoryPlan(checkIns);

  it("has a block per OKR sheet, the one checked in most recently first", () => {
    expect(plan.blocks.map((block) => block.sheet)).toEqual(["OKR 2026-Q3", "OKR 2026-Q2"]);
  });

  it("lists each sheet's key results in the order first met (one column per name Excel can tell apart) and its days ascending", () => {
    expect(plan.blocks.map(({ keyResults, dates }) => ({ keyResults, dates }))).toEqual([
      { keyResults: ["Smith*", "=1+1"], dates: [JULY_1 + 30] },
      { keyResults: ["Raise NPS", "~?"], dates: [JULY_1 - 5, JULY_1] },
    ]);
  });

  it("writes the names as text and a formula per day and key result, pointing at the block's own cells", () => {
    const [q3, q2] = plan.blocks;
    // Q3 from row 4: label, header, one day (rows 4 to 6); then as tall as its chart (15 rows) and a gap: Q2 from row 20.
    expect(q3.address).toBe("A4:C6");
    expect(q3.formulas).toEqual([
      ["OKR sheet", "OKR 2026-Q3", null],
      ["Date", "Smith*", "'=1+1"],
      [JULY_1 + 30, checkInProgressFormula("$B$4", "B$5", "$A6"), checkInProgressFormula("$B$4", "C$5", "$A6")],
    ]);
    expect(q2.address).toBe("A20:C23");
    expect(q2.formulas.slice(2)).toEqual([
      [JULY_1 - 5, checkInProgressFormula("$B$20", "B$21", "$A22"), checkInProgressFormula("$B$20", "C$21", "$A22")],
      [JULY_1, checkInProgressFormula("$B$20", "B$21", "$A23"), checkInProgressFormula("$B$20", "C$21", "$A23")],
    ]);
    expect(q2.numberFormats).toEqual([
      ["General", "General", "General"],
      ["General", "General", "General"],
      ["yyyy-mm-dd", "0%", "0%"],
      ["yyyy-mm-dd", "0%", "0%"],
    ]);
  });

  it("charts each block beside it: a line per key result over its days, named for a re-run to find", () => {
    expect(plan.blocks[1].chart).toEqual({
      name: "Check-in history: OKR 2026-Q2",
      title: "OKR 2026-Q2",
      series: [
        { name: "Raise NPS", source: "B21:B23", values: "B22:B23", axisGroup: "Primary" },
        { name: "~?", source: "C21:C23", values: "C22:C23", axisGroup: "Primary" },
      ],
      categories: "A22:A23",
      // Past the block's columns A to C and a gap column: E to L, rows 20 to 34.
      position: { start: "E20", end: "L34" },
    });
  });

  it("titles the sheet and says that new dates appear on the next build", () => {
    expect(plan.header).toEqual({ address: "A1:A2", formulas: [["Check-in history"], [CHECK_IN_HISTORY_NOTE]] });
    expect(CHECK_IN_HISTORY_NOTE).toContain("New check-in dates, sheets and key results appear on the next build.");
    expect(plan.columnWidths).toEqual([12, 18, 18]);
  });

  it("runs its example", () => {
    expect(buildCheckInHistoryPlan([{ date: 46204, sheet: "OKR", keyResult: "NPS" }]).blocks[0].address).toBe("A4:B6");
  });

  describe("edge cases", () => {
    it("starts a block below a taller one where the block ends, not where its chart does", () => {
      const days = Array.from({ length: 20 }, (_, d): CheckIn => ({ date: JULY_1 + d, sheet: "Long", keyResult: "NPS" }));
      const [long, short] = buildCheckInHistoryPlan([...days, { date: JULY_1, sheet: "Short", keyResult: "NPS" }]).blocks;
      // Long: rows 4 to 25 (label, header, 20 days); a gap row; Short from row 27.
      expect([long.address, short.address]).toEqual(["A4:B25", "A27:B29"]);
    });

    it("has no block and no chart without check-ins", () => {
      expect(buildCheckInHistoryPlan([])).toMatchObject({ blocks: [], columnWidths: [12, 18] });
    });
  });
});

describe("earlierBlocks", () => {
  const f = '=IFERROR(SUMPRODUCT((CheckIns[[Sheet]]&""=$B$4)*1,CheckIns[[Progress]]),"")';

  it("finds an earlier build's title, note and blocks, and nothing the user typed beside them", () => {
    const rows = [
      ["Check-in history"],
      ["note"],
      [],
      ["OKR sheet", "OKR 2026-Q3", null, "mine"],
      ["Date", "Smith*", "=1+1", "mine too", "=SUM(1)"],
      [JULY_1, f, f.replace("CheckIns[[Sheet]]", "'Check-ins'!$B$2:$B$9").toLowerCase(), "=SUMPRODUCT(B6:C6)", 7],
      [JULY_1 + 1, f, f],
      ["my total", 3],
      ["OKR sheet", "OKR 2026-Q2"],
      ["Date", "NPS"],
      [JULY_1, f],
    ];
    expect(earlierBlocks(rows)).toEqual(["A1:A2", "A4:C7", "A9:B11"]);
  });

  it("runs its example", () => {
    expect(earlierBlocks([[], [], [], ["OKR sheet", "OKR"], ["Date", "NPS", "mine"], [46204, '=IFERROR(SUMPRODUCT(CheckIns[Progress]),"")']])).toEqual(["A1:A2", "A4:B6"]);
  });

  describe("edge cases", () => {
    it.each([
      ["an empty sheet", []],
      ["a label with no date header under it", [["OKR sheet", "OKR"], ["Day", "NPS"], [JULY_1, f]]],
      ["a label on the last row", [["OKR sheet", "OKR"]]],
    ])("finds only the title and note on %s", (_, rows) => {
      expect(earlierBlocks(rows)).toEqual(["A1:A2"]);
    });

    it("keeps a block as wide as its sheet's name when no formula of ours is left on its first day", () => {
      expect(earlierBlocks([["OKR sheet", "OKR"], ["Date", "NPS"], [JULY_1, 0.5]])).toEqual(["A1:A2", "A1:B3"]);
    });
  });
});
