import { readFileSync } from "fs";
import path from "path";

/**
 * One Chinese word for a job of the log: 工单 (a work order, the field-service term), as the function
 * metadata and its help always said. 工作 may stay only in the words where it does not mean a job:
 * 工作表 (worksheet), 工作簿 (workbook), 工作日 (workday, not 工作日期, the job date), 工作帐户 (a
 * work account), and two places where it means work itself. What this replaced, for the record:
 * 工作记录 → 工单记录, 工作数据 → 工单数据, 工作日期 → 工单日期, 工作数 → 工单数, 每项工作 → 每张工单,
 * 每一项新工作 → 每一张新工单, 更多工作 → 更多工单, and 工作 alone for a job ("没有任何工作", "工作完成").
 */

const read = (file: string) => readFileSync(path.join(__dirname, "..", file), "utf8");
/** Every place a user reads Chinese: the pane, the OKR sheet's texts, the problems, the function metadata and help, the README, the manifest's zh-CN texts. */
const CHINESE_TEXTS: Record<string, string> = {
  "src/taskpane/i18n/zh-CN.json": read("src/taskpane/i18n/zh-CN.json"),
  "src/okr/messages/zh-CN.json": read("src/okr/messages/zh-CN.json"),
  "src/okr/messages/problems.zh-CN.json": read("src/okr/messages/problems.zh-CN.json"),
  "src/functions/functions.zh-CN.json": read("src/functions/functions.zh-CN.json"),
  "docs/functions.zh-CN.md": read("docs/functions.zh-CN.md"),
  "README.zh-CN.md": read("README.zh-CN.md"),
  "manifest.xml": [...read("manifest.xml").matchAll(/Locale="zh-CN" Value="([^"]*)"/g)].map((m) => m[1]).join("\n"),
};
/** Where 工作 does not mean a job. */
const NOT_A_JOB = /工作(?=表|簿|帐|日(?!期))|正常工作|工作在各位技术员之间的分配/g;

describe("the Chinese texts", () => {
  it.each(Object.keys(CHINESE_TEXTS))("call a job of the log 工单 in %s", (file) => {
    const jobsAsWork = [...CHINESE_TEXTS[file].replace(NOT_A_JOB, "").matchAll(/.{0,8}工作.{0,8}/g)].map((m) => m[0]);
    expect(jobsAsWork).toEqual([]);
  });

  it("still keep 工作 where it is not a job, and say 工单 where it is", () => {
    const all = Object.values(CHINESE_TEXTS).join("\n");
    for (const word of ["工作表", "工作簿", "每个工作日的工单数", "工单记录", "工单日期", "每张工单"]) expect(all).toContain(word);
    expect(CHINESE_TEXTS["src/taskpane/i18n/zh-CN.json"]).toContain('"role.date": "工单日期"');
  });

  it("count jobs with 张, as work orders are counted (每张工单, not 每项 or 每个; 整个工单记录 is the whole log)", () => {
    const all = Object.values(CHINESE_TEXTS).join("\n");
    expect([...all.matchAll(/.{0,8}(?<!整)(?:项|个)工单.{0,8}/g)].map((m) => m[0])).toEqual([]);
  });
});
