import { KpiError, KpiErrorCode } from "./errors";
import * as customers from "./customers";
import * as finance from "./finance";
import { localeFor } from "./locale";
import * as okr from "./okr";
import * as operations from "./operations";
import { fill, renderMessage } from "./renderMessage";
import { sentiment } from "./sentiment";
import * as surveys from "./surveys";
import { column, expectKpiError, JAN_1_2026 } from "./testing";

// Each Chinese message written out by hand from the catalogue's zh-CN texts, beside the English one.
const FORTY_A = "a".repeat(40);

describe("KPI messages in both languages", () => {
  it.each([
    ["a cell out of range", () => surveys.nps(column(10, 9, 7, 11)), "VALUE",
      "KPI.NPS: 11 at row 4, column 1 is not a whole score from 0 to 10",
      "KPI.NPS：第 4 行第 1 列的 11 不是介于 0 到 10 之间的整数评分"],
    ["a cell of a named range", () => finance.leadCost([[100], [-5]], 4), "VALUE",
      "KPI.LEADCOST: -5 at row 2, column 1 of spend is not a number of 0 or more",
      "KPI.LEADCOST：spend 中第 2 行第 1 列的 -5 不是大于或等于 0 的数字"],
    ["a date that is not one", () => sentiment(column("good"), { dates: column("soon") }), "VALUE",
      'KPI.SENTIMENT: "soon" at row 1, column 1 of dates is not a date (an Excel date or text like 2026-03-31 or 2026-03-31 14:05)',
      'KPI.SENTIMENT：dates 中第 1 行第 1 列的 "soon" 不是日期（Excel 日期，或 2026-03-31、2026-03-31 14:05 这样的文本）'],
    ["long text, cut", () => operations.rate(column("a".repeat(45))), "VALUE",
      `KPI.RATE: "${FORTY_A}…" (45 characters) at row 1, column 1 is not a yes/no value (TRUE/FALSE, 1/0, yes/no, y/n, 是/否)`,
      `KPI.RATE：第 1 行第 1 列的 "${FORTY_A}…"（共 45 个字符） 不是表示是或否的值（TRUE/FALSE、1/0、yes/no、y/n、是/否）`],
    ["an argument out of range", () => customers.lifespan(1.5), "VALUE",
      "KPI.LIFESPAN: annualChurn 1.5 is not a share from 0 to 1 (0% to 100%)",
      "KPI.LIFESPAN：annualChurn 的值 1.5 不是介于 0 到 1 之间的比例（0% 到 100%）"],
    ["a blank argument", () => okr.progress(40, 60, ""), "VALUE",
      "KPI.PROGRESS: current is blank; it must be a number",
      "KPI.PROGRESS：current 为空，应为数字"],
    ["an unknown unit", () => operations.responseTime(column(JAN_1_2026), column(JAN_1_2026), "weeks"), "VALUE",
      'KPI.RESPONSETIME: unit "weeks" is not one of "minutes", "hours" or "days"',
      'KPI.RESPONSETIME：unit 的值 "weeks" 不是以下之一："minutes"、"hours"、"days"（也可写 "分钟"、"小时"、"天"）'],
    ["a part above its whole", () => finance.conversion(61, 60), "VALUE",
      "KPI.CONVERSION: booked (61) is more than leads (60)",
      "KPI.CONVERSION：booked（61）大于 leads（60）"],
    ["customers kept beyond the start", () => customers.retention(100, 150, 10), "VALUE",
      "KPI.RETENTION: end 150 − new 10 = 140 customers kept, which must be between 0 and start 100",
      "KPI.RETENTION：end 150 − new 10 = 留存客户 140 位，应在 0 到 start 100 之间"],
    ["a ragged range", () => operations.sla(column(1, 2), [[1], [2, 3]]), "VALUE",
      "KPI.SLA: targets is not a rectangular range: row 2 has 2 cells but row 1 has 1 cell",
      "KPI.SLA：targets 不是矩形区域：第 2 行有 2 个单元格，而第 1 行有 1 个单元格"],
    ["ranges of two sizes", () => sentiment(column("good", "rude"), { dates: column(JAN_1_2026) }), "VALUE",
      "KPI.SENTIMENT: texts has 2 cells but dates has 1; they must be the same size",
      "KPI.SENTIMENT：texts 有 2 个单元格，而 dates 有 1 个；两者大小必须相同"],
    ["a period backwards", () => okr.elapsed("2026-01-10", "2026-01-01", "2026-01-05"), "VALUE",
      "KPI.ELAPSED: from (2026-01-10) is after to (2026-01-01)",
      "KPI.ELAPSED：from（2026-01-10）晚于 to（2026-01-01）"],
    ["a period without dates", () => surveys.nps(column(10), { from: "2026-01-01" }), "VALUE",
      "KPI.NPS: from and to need the dates range to filter on",
      "KPI.NPS：使用 from 和 to 时，需要提供用于筛选的 dates 区域"],
    ["comments in another script only", () => sentiment(column("", 5, "不满意")), "NA",
      'KPI.SENTIMENT: no comment is in English: "不满意" at row 3, column 1 and any others are in another script, and SENTIMENT understands English only',
      'KPI.SENTIMENT：没有英文评论：第 3 行第 1 列的 "不满意" 等评论使用其他文字，而 SENTIMENT 只能理解英文'],
    ["nothing to count", () => sentiment(column("", 4)), "DIV0",
      "KPI.SENTIMENT: no comments to count",
      "KPI.SENTIMENT：没有可计算的评论"],
    ["a zero divisor", () => finance.dso(100, 0, 30), "DIV0",
      "KPI.DSO: revenue is 0",
      "KPI.DSO：revenue 为 0"],
    ["a result past Excel's largest number", () => customers.lifespan(5e-324), "NUM",
      "KPI.LIFESPAN: the result is too large to show",
      "KPI.LIFESPAN：结果太大，无法显示"],
    ["a total past it", () => finance.leadCost([[1e308], [1e308]], 1), "NUM",
      "KPI.LEADCOST: the total of spend is too large to show",
      "KPI.LEADCOST：spend 的合计太大，无法显示"],
    ["a KR span past it", () => okr.progress(-1e308, 1e308, 0), "NUM",
      "KPI.PROGRESS: target − baseline is too large to show",
      "KPI.PROGRESS：target − baseline 的差太大，无法显示"],
  ] as const)("%s", (_, run, code: KpiErrorCode, english, chinese) => {
    const error = run();
    expectKpiError(error, code, english);
    expect((error as KpiError).messageIn("zh-CN")).toBe(chinese);
  });

  it("renders a reason without an error around it", () => {
    expect(renderMessage({ id: "zeroDivisor", fn: "DSO", name: "revenue" }, "zh-CN")).toBe("KPI.DSO：revenue 为 0");
  });
});

describe("fill", () => {
  it("fills each placeholder", () => {
    expect(fill("row {row}, column {column}", { row: 4, column: 1 })).toBe("row 4, column 1");
  });

  describe("edge cases", () => {
    it("never reads a filled-in value as a placeholder", () => {
      expect(fill("{value} at {where}", { value: '"{where}"', where: "row 1" })).toBe('"{where}" at row 1');
    });

    it("throws on a missing value: a bug, not bad input", () => {
      expect(() => fill("row {row}", {})).toThrow('No value for {row} in "row {row}"');
    });

    it("leaves text without placeholders as it is", () => {
      expect(fill("", {})).toBe("");
      expect(fill("a {b c}", {})).toBe("a {b c}");
    });
  });
});

describe("localeFor", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["en-US", "en"],
    ["fr-FR", "en"],
  ])("%s → %s", (tag, locale) => {
    expect(localeFor(tag)).toBe(locale);
  });

  describe("edge cases", () => {
    it.each([["zh-TW"], ["zh-HK"], ["zh-Hant-CN"], [""], [undefined], ["not a tag!"]])("%p → en", (tag) => {
      expect(localeFor(tag)).toBe("en");
    });
  });
});
