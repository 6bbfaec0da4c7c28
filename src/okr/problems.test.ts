import { Problem, PROBLEM_MESSAGES, renderProblem, renderProblems } from "./problems";

/** One problem of each code, with its English and Chinese text worked out by hand from the catalogues' intent. */
const CASES: [Problem, string, string][] = [
  [{ code: "noSheetNamed", sheet: "Nope" }, 'The workbook has no sheet named "Nope".', "工作簿中没有名为“Nope”的工作表。"],
  [
    { code: "emptySheetNoTable", sheet: "Job log" },
    'No job data found: the sheet "Job log" is empty and the workbook has no table.',
    "未找到工单数据：工作表“Job log”为空，且工作簿中没有表格。",
  ],
  [
    { code: "noJobLog", sheet: "OKR 2026-Q3" },
    'No job data found: select the sheet with your job log (the sheet "OKR 2026-Q3" is empty or is the add-in\'s own) and choose Look again.',
    "未找到工单数据：请选择存放工单记录的工作表（工作表“OKR 2026-Q3”为空或是本加载项自己的工作表），然后选择“重新查找”。",
  ],
  [
    { code: "headerRowOutOfReach", row: 40, firstRow: 1, rows: 10 },
    "Row 40 cannot be the header row: the data starts on row 1, and the header must be within its first 10 rows.",
    "第 40 行不能作为标题行：数据从第 1 行开始，标题行必须在其前 10 行之内。",
  ],
  [
    { code: "jobDataGone", kind: "table", name: "Jobs" },
    'The job data (table "Jobs") is no longer in the workbook. Pick the data again.',
    "工单数据（表格“Jobs”）已不在工作簿中。请重新选择数据。",
  ],
  [{ code: "sheetGone", sheet: "Job log" }, 'The sheet "Job log" is no longer in the workbook.', "工作表“Job log”已不在工作簿中。"],
  [
    { code: "sheetProtected", sheet: "OKR 2026-Q1" },
    'The sheet "OKR 2026-Q1" is protected. Unprotect it (Review > Unprotect Sheet) and build again.',
    "工作表“OKR 2026-Q1”受保护。请先撤销保护（审阅 > 撤销工作表保护），再重新生成。",
  ],
  [
    { code: "entriesInTheWay", lastColumn: "T", sheet: "OKR 2026-Q3", cells: "Q10, R3, S4", more: 2 },
    'The OKR table now has columns up to T, where "OKR 2026-Q3" holds your own entries (Q10, R3, S4 and 2 more). Move them further right or to another sheet, and build again.',
    "OKR 表格现在的列已延伸到 T 列，而“OKR 2026-Q3”在这些位置有您自己填写的内容（Q10, R3, S4，另有 2 处）。请把它们移到更右侧或其他工作表，再重新生成。",
  ],
  [{ code: "sheetExists", sheet: "Sample jobs" }, 'The workbook already has a sheet named "Sample jobs".', "工作簿中已有名为“Sample jobs”的工作表。"],
  [{ code: "noDateColumn" }, "No job-date column was found: map one to build the sheet.", "未找到工单日期列：请先指定一列，才能生成工作表。"],
  [{ code: "noKeyResults" }, "Choose at least one key result.", "请至少选择一个关键结果。"],
  [{ code: "periodReversed" }, "The period ends before it starts.", "期间的结束日期早于开始日期。"],
  [
    { code: "missingColumns", keyResult: "Answer leads faster", roles: ["requested", "resolved"] },
    '"Answer leads faster" needs the requested and resolved columns.',
    "“Answer leads faster”需要请求时间和解决时间列。",
  ],
  [{ code: "negativeWeight", keyResult: "Raise NPS" }, '"Raise NPS" has a negative weight.', "“Raise NPS”的权重为负数。"],
  [
    { code: "notAFormula", keyResult: "Revenue", formula: "=SUM(B2:B9", fault: "parentheses" },
    'The value of "Revenue" is not a formula Excel can take: "=SUM(B2:B9" has unmatched parentheses.',
    "“Revenue”的值不是 Excel 能接受的公式：“=SUM(B2:B9”括号不成对。",
  ],
  [
    { code: "needsKpiFunctions", keyResult: "Earn warmer comments" },
    '"Earn warmer comments" has no native formula: choose KPI functions under Formulas, or leave it out.',
    "“Earn warmer comments”没有原生公式：请在“公式”下选择 KPI 函数，或不选这个关键结果。",
  ],
  [
    { code: "textDates", column: "Job date", texts: 1, rows: 2, example: "2026-07-05", role: "date" },
    'The column "Job date" holds dates as text in 1 of 2 rows read (for example "2026-07-05"): formulas skip those rows. Make them real dates in Excel (select the column, Data > Text to Columns, Finish) and build again.',
    "“Job date”列中有日期是以文本形式保存的：读取的 2 行中有 1 行（例如“2026-07-05”）。公式会跳过这些行。请在 Excel 中把它们转换为真正的日期（选中该列，数据 > 分列，完成），再重新生成。",
  ],
  [
    { code: "plainRange", sheet: "Job log", firstRow: 5, lastRow: 1010 },
    'The job log on "Job log" is a plain range: formulas read rows 5 to 1,010. Make it a table in Excel (Insert > Table) so every new job counts.',
    "“Job log”上的工单记录是普通区域：公式读取第 5 行到第 1,010 行。请在 Excel 中把它转换为表格（插入 > 表格），这样每一张新工单都会计入。",
  ],
  [{ code: "noScorecardColumn", role: "date" }, "No job-date column was found: map one to build the scorecard.", "未找到工单日期列：请先指定一列，才能生成计分卡。"],
  [{ code: "noScorecardColumn", role: "technician" }, "No technician column was found: map one to build the scorecard.", "未找到技术员列：请先指定一列，才能生成计分卡。"],
  [
    { code: "noOneToScore", from: "2026-07-01", to: "2026-09-30" },
    "No job from 2026-07-01 to 2026-09-30 names a technician: there is no one to score.",
    "从 2026-07-01 到 2026-09-30 没有任何工单注明技术员：没有可评分的人。",
  ],
  [{ code: "noTrendsDateColumn" }, "No job-date column was found: map one to build the trends.", "未找到工单日期列：请先指定一列，才能生成趋势表。"],
  [
    { code: "circularReference", keyResult: "Revenue", formula: "=SUM(G:G)", reference: "G:G", cell: "G11" },
    'The formula of "Revenue", "=SUM(G:G)", reads G:G, which is its own Current cell, G11, or is computed from it: a circular reference. Point the formula at the cells its value comes from.',
    "“Revenue”的公式“=SUM(G:G)”读取了 G:G，它就是该关键结果自己的当前值单元格 G11，或由该单元格计算得出：这是循环引用。请让公式指向数值来源的单元格。",
  ],
  [
    { code: "noCheckIns", table: "CheckIns" },
    'No check-in history was built: the table "CheckIns" holds no check-in yet. Record a check-in, then build the trends again.',
    "未生成进展记录历史：表格“CheckIns”中还没有任何进展记录。请先记录一次进展，再重新生成趋势。",
  ],
  [
    { code: "checkInColumnsMissing", table: "CheckIns", columns: "Sheet, Progress", count: 2 },
    'No check-in history was built: the table "CheckIns" lacks 2 columns the history reads: Sheet, Progress. Put them back, then build the trends again.',
    "未生成进展记录历史：表格“CheckIns”缺少历史所读取的 2 列：Sheet, Progress。请恢复后再重新生成趋势。",
  ],
];

describe("renderProblem", () => {
  it.each(CASES)("words %j in English and Chinese", (problem, english, chinese) => {
    expect(renderProblem(problem, "en")).toBe(english);
    expect(renderProblem(problem, "zh-CN")).toBe(chinese);
  });

  it("has a case above for every problem message, and a message for every case", () => {
    const listHelpers = ["columnList", "columnName"];
    const codes = [...new Set(CASES.map(([problem]) => problem.code))].sort();
    expect(Object.keys(PROBLEM_MESSAGES.en).filter((id) => !listHelpers.includes(id)).sort()).toEqual(codes);
  });

  describe("edge cases", () => {
    it.each([
      [{ code: "missingColumns", keyResult: "Raise NPS", roles: ["nps"] } as Problem, '"Raise NPS" needs the NPS column.', "“Raise NPS”需要NPS列。"],
      [{ code: "missingColumns", keyResult: "Fix it", roles: ["firstVisitFix"] } as Problem, '"Fix it" needs the first-visit fix column.', "“Fix it”需要首次上门解决列。"],
      [{ code: "entriesInTheWay", lastColumn: "T", sheet: "Q", cells: "Q10", more: 0 } as Problem, "(Q10)", "（Q10）"],
      [{ code: "textDates", column: "Resolved at", texts: 1, rows: 1, example: " n/a ", role: "time" } as Problem, 'in 1 of 1 row read (for example " n/a "): formulas may skip those rows or show #VALUE!.', "读取的 1 行中有 1 行（例如“ n/a ”）。公式可能跳过这些行或显示 #VALUE!。"],
      [{ code: "checkInColumnsMissing", table: "CheckIns", columns: "Date", count: 1 } as Problem, 'lacks the column the history reads: Date. Put it back,', "缺少历史所读取的 1 列：Date。"],
      [{ code: "jobDataGone", kind: "range", name: "Job log" } as Problem, 'The job data (sheet "Job log")', "工单数据（工作表“Job log”）"],
      [{ code: "headerRowOutOfReach", row: 1500, firstRow: 1, rows: 1 } as Problem, "Row 1,500 cannot be the header row: the data starts on row 1, and the header must be within its first 1 row.", "第 1,500 行"],
      // A sheet name with ICU syntax in it is a value, never read as a placeholder.
      [{ code: "sheetProtected", sheet: "{a} #1 'b'" } as Problem, 'The sheet "{a} #1 \'b\'" is protected.', "工作表“{a} #1 'b'”受保护。"],
    ])("words %j", (problem, english, chinese) => {
      expect(renderProblem(problem, "en")).toContain(english);
      expect(renderProblem(problem, "zh-CN")).toContain(chinese);
    });
  });
});

describe("renderProblems", () => {
  it.each([
    ["en", "Choose at least one key result. The period ends before it starts."],
    ["zh-CN", "请至少选择一个关键结果。期间的结束日期早于开始日期。"],
  ] as const)("writes several problems as one paragraph in %s", (locale, text) => {
    expect(renderProblems([{ code: "noKeyResults" }, { code: "periodReversed" }], locale)).toBe(text);
  });

  it("runs the JSDoc examples", () => {
    expect(renderProblem({ code: "sheetExists", sheet: "Sample jobs" }, "zh-CN")).toBe("工作簿中已有名为“Sample jobs”的工作表。");
    expect(renderProblems([], "en")).toBe("");
  });
});
