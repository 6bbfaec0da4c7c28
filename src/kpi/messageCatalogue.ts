import { Locale } from "./locale";

/**
 * Every text a KPI function shows the user, per language, in one file (as HyperFormula keeps its
 * error messages). `{name}` marks a value filled in when the message is rendered (renderMessage.ts):
 * each language must use the same placeholders, so a message names the same value and cell in both.
 * Parameter names (scores, dates, from …) stay as they are: they are the ids Excel shows in formulas.
 */
const en = {
  messages: {
    badCell: "KPI.{fn}: {value} {where} is not {expected}",
    badArgument: "KPI.{fn}: {name} {value} is not {expected}",
    blankArgument: "KPI.{fn}: {name} is blank; it must be {expected}",
    sizeMismatch: "KPI.{fn}: {a} has {aCells} cells but {b} has {bCells}; they must be the same size",
    periodReversed: "KPI.{fn}: from ({from}) is after to ({to})",
    periodWithoutDates: "KPI.{fn}: from and to need the dates range to filter on",
    nothingToCount: "KPI.{fn}: no {counted} to count",
    zeroDivisor: "KPI.{fn}: {name} is 0",
    tooLarge: "KPI.{fn}: {subject} is too large to show",
    notRectangular: "KPI.{fn}: {name} is not a rectangular range: row {row} has {rowCells} but row {firstRow} has {firstRowCells}",
    partOverWhole: "KPI.{fn}: {part} ({partValue}) is more than {whole} ({wholeValue})",
    keptOutOfRange: "KPI.{fn}: end {end} − new {fresh} = {kept} customers kept, which must be between 0 and start {start}",
    notEnglish:
      "KPI.{fn}: no comment is in English: {value} {where} and any others are in another script, and SENTIMENT understands English only",
    irregularRow: "a row not shaped like the first",
  },
  where: {
    cell: "at row {row}, column {column}",
    cellOfRange: "at row {row}, column {column} of {range}",
  },
  /** How a cell reads in a message; {quoted} is the text in JSON quotes, so hidden characters show. */
  values: {
    text: "{quoted}",
    longText: "{quoted} ({length} characters)",
    blank: "a blank",
    range: "a range of several cells",
    error: "an error value",
  },
  /** What a value should have been, so the same rule reads the same everywhere. */
  expected: {
    number: "a number",
    nonNegative: "a number of 0 or more",
    wholeCount: "a whole count of 0 or more",
    share: "a share from 0 to 1 (0% to 100%)",
    date: "a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)",
    flag: "a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)",
    score: "a whole score from {low} to {high}",
    scoreRange: "a score from {low} to {high}",
    scale: "a whole number of 2 or more",
    unit: 'one of "minutes", "hours" or "days"',
    krType: 'one of "increase", "decrease", "above" or "below"',
    nonNegativeDuration: "a time on or after the start it is paired with",
    positiveDays: "a number of days above 0",
    dateTime: "a date with its time of day (not a time alone, which has no day to pair with)",
    positiveHours: "a number of hours above 0",
  },
  /** What a function found none of, when it has nothing to count. */
  counted: {
    scores: "scores",
    comments: "comments",
    flags: "yes/no values",
    arrivals: "arrivals",
    pairs: "pairs",
    timePairs: "pairs of times",
    technicians: "technicians",
    dates: "dates",
    customers: "customers",
    amounts: "amounts",
  },
  /** What overflowed, when a result is beyond Excel's largest number. */
  tooLarge: {
    result: "the result",
    span: "target − baseline",
    total: "the total of {name}",
  },
  cells: {
    one: "1 cell",
    many: "{count} cells",
  },
};

/** One language's texts: the same groups and keys as English. */
export type MessageTexts = { [Group in keyof typeof en]: Record<keyof (typeof en)[Group], string> };

// Spaces around Latin words and digits, full-width punctuation, as the pane's zh-CN catalogue writes;
// every expectation starts with a Chinese word, as the messages put it right after 不是 or 应为.
const zhCN: MessageTexts = {
  messages: {
    badCell: "KPI.{fn}：{where}的 {value} 不是{expected}",
    badArgument: "KPI.{fn}：{name} 的值 {value} 不是{expected}",
    blankArgument: "KPI.{fn}：{name} 为空，应为{expected}",
    sizeMismatch: "KPI.{fn}：{a} 有 {aCells} 个单元格，而 {b} 有 {bCells} 个；两者大小必须相同",
    periodReversed: "KPI.{fn}：from（{from}）晚于 to（{to}）",
    periodWithoutDates: "KPI.{fn}：使用 from 和 to 时，需要提供用于筛选的 dates 区域",
    nothingToCount: "KPI.{fn}：没有可计算的{counted}",
    zeroDivisor: "KPI.{fn}：{name} 为 0",
    tooLarge: "KPI.{fn}：{subject}太大，无法显示",
    notRectangular: "KPI.{fn}：{name} 不是矩形区域：第 {row} 行有 {rowCells}，而第 {firstRow} 行有 {firstRowCells}",
    partOverWhole: "KPI.{fn}：{part}（{partValue}）大于 {whole}（{wholeValue}）",
    keptOutOfRange: "KPI.{fn}：end {end} − new {fresh} = 留存客户 {kept} 位，应在 0 到 start {start} 之间",
    notEnglish: "KPI.{fn}：没有英文评论：{where}的 {value} 等评论使用其他文字，而 SENTIMENT 只能理解英文",
    irregularRow: "某一行的形状与第一行不同",
  },
  where: {
    cell: "第 {row} 行第 {column} 列",
    cellOfRange: "{range} 中第 {row} 行第 {column} 列",
  },
  values: {
    text: "{quoted}",
    longText: "{quoted}（共 {length} 个字符）",
    blank: "空白单元格",
    range: "包含多个单元格的区域",
    error: "错误值",
  },
  expected: {
    number: "数字",
    nonNegative: "大于或等于 0 的数字",
    wholeCount: "大于或等于 0 的整数",
    share: "介于 0 到 1 之间的比例（0% 到 100%）",
    date: "日期（Excel 日期，或 2026-03-31、2026-03-31 14:05 这样的文本）",
    flag: "表示是或否的值（TRUE/FALSE、1/0、yes/no、y/n、是/否）",
    score: "介于 {low} 到 {high} 之间的整数评分",
    scoreRange: "介于 {low} 到 {high} 之间的评分",
    scale: "大于或等于 2 的整数",
    unit: '以下之一："minutes"、"hours"、"days"（也可写 "分钟"、"小时"、"天"）',
    krType: '以下之一："increase"、"decrease"、"above"、"below"',
    nonNegativeDuration: "不早于其对应开始时间的时间",
    positiveDays: "大于 0 的天数",
    dateTime: "带时刻的日期（不能只有时刻：没有日期就无法与另一列配对）",
    positiveHours: "大于 0 的小时数",
  },
  counted: {
    scores: "评分",
    comments: "评论",
    flags: "是/否值",
    arrivals: "到达记录",
    pairs: "数据对",
    timePairs: "时间对",
    technicians: "技术员",
    dates: "日期",
    customers: "客户",
    amounts: "金额",
  },
  tooLarge: {
    result: "结果",
    span: "target − baseline 的差",
    total: "{name} 的合计",
  },
  cells: {
    one: "1 个单元格",
    many: "{count} 个单元格",
  },
};

export const MESSAGE_TEXTS: Record<Locale, MessageTexts> = { en, "zh-CN": zhCN };

export type MessageId = keyof MessageTexts["messages"];
export type ExpectationId = keyof MessageTexts["expected"];
export type Counted = keyof MessageTexts["counted"];
