import { dateSerial, flagValue, isBlank, numericValue } from "../kpi/coerce";

/** The job-log columns the OKR builder knows how to use. */
export type Role =
  | "date"
  | "customer"
  | "technician"
  | "amount"
  | "nps"
  | "csat"
  | "effort"
  | "firstVisitFix"
  | "arrival"
  | "promised"
  | "requested"
  | "responded"
  | "resolved"
  | "leadSource"
  | "booked"
  | "comment";

/** Header names for each role, English and Chinese, compared after normalising (case, spaces, punctuation). */
const SYNONYMS: Record<Role, readonly string[]> = {
  date: ["date", "job date", "service date", "visit date", "completed date", "day", "日期", "工作日期", "服务日期", "上门日期"],
  customer: ["customer", "client", "customer name", "client name", "account", "homeowner", "客户", "客户名称", "顾客", "客户名"],
  technician: ["technician", "tech", "crew", "staff", "employee", "worker", "assigned to", "技师", "技术员", "师傅", "员工"],
  amount: ["amount", "total", "invoice", "invoice total", "invoice amount", "revenue", "price", "ticket", "金额", "总额", "发票金额", "收入", "价格"],
  nps: ["nps", "nps score", "recommend", "likelihood to recommend", "promoter score", "净推荐值", "推荐", "推荐度", "nps评分"],
  csat: ["csat", "csat score", "satisfaction", "satisfaction score", "customer satisfaction", "rating", "满意度", "客户满意度", "满意度评分"],
  effort: ["ces", "effort", "effort score", "customer effort", "customer effort score", "费力度", "客户费力度"],
  firstVisitFix: ["first visit fix", "first-visit fix", "fixed first visit", "first time fix", "fcr", "first contact resolution", "resolved first visit", "首次修复", "一次修复", "一次解决", "首次解决"],
  arrival: ["arrival", "arrived", "arrival time", "actual arrival", "到达时间", "到达", "实际到达"],
  promised: ["promised", "promised time", "appointment", "appointment time", "scheduled", "scheduled time", "window start", "预约时间", "承诺时间", "约定时间"],
  requested: ["requested", "request time", "requested at", "lead received", "inquiry", "inquiry time", "请求时间", "咨询时间", "报修时间"],
  responded: ["responded", "response time", "responded at", "first response", "first reply", "回复时间", "响应时间", "首次回复"],
  resolved: ["resolved", "resolved time", "resolved at", "closed", "closed at", "completed at", "解决时间", "完成时间", "关闭时间"],
  leadSource: ["lead source", "source", "channel", "marketing source", "来源", "渠道", "客户来源"],
  booked: ["booked", "converted", "won", "booked job", "成交", "已预约", "已成交"],
  comment: ["comment", "comments", "feedback", "review", "customer comment", "评论", "反馈", "评价", "客户评价"],
};

export const ROLES = Object.keys(SYNONYMS) as Role[];

/** What a role's values must look like in the sample, so a "Total" of text is not taken for money. */
const VALUE_CHECKS: Partial<Record<Role, (cell: unknown) => boolean>> = {
  date: (cell) => isDateLike(cell),
  arrival: (cell) => dateSerial(cell) !== undefined,
  promised: (cell) => dateSerial(cell) !== undefined,
  requested: (cell) => isDateLike(cell),
  responded: (cell) => isDateLike(cell),
  resolved: (cell) => isDateLike(cell),
  amount: (cell) => (numericValue(cell) ?? -1) >= 0,
  nps: (cell) => isWholeBetween(cell, 0, 10),
  csat: (cell) => isWholeBetween(cell, 1, 10),
  effort: (cell) => isBetween(cell, 1, 10),
  firstVisitFix: (cell) => flagValue(cell) !== undefined,
  booked: (cell) => flagValue(cell) !== undefined,
};

/** A calendar date: a serial from 1982 on (so small counts are not taken for dates) or ISO text. */
function isDateLike(cell: unknown): boolean {
  const serial = dateSerial(cell);
  return serial !== undefined && (typeof cell === "string" || serial >= 30_000);
}

function isBetween(cell: unknown, low: number, high: number): boolean {
  const number = numericValue(cell);
  return number !== undefined && number >= low && number <= high;
}

function isWholeBetween(cell: unknown, low: number, high: number): boolean {
  return isBetween(cell, low, high) && Number.isInteger(numericValue(cell));
}

export function normaliseHeader(header: unknown): string {
  return String(header ?? "")
    .toLowerCase()
    .replace(/[_\-./:()#?]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How well a header names a role: 2 for an exact synonym, 1 when a synonym is a whole word of it, else 0. */
function headerScore(header: string, role: Role): number {
  let best = 0;
  for (const synonym of SYNONYMS[role]) {
    if (header === synonym) return 2;
    const chinese = /[\u4e00-\u9fff]/.test(synonym);
    const contains = chinese ? header.includes(synonym) : ` ${header} `.includes(` ${synonym} `);
    if (contains) best = 1;
  }
  return best;
}

/** The share of a column's non-blank sample cells that look like the role's values (1 with no check or no sample). */
function valueFit(role: Role, sample: readonly (readonly unknown[])[], column: number): number {
  const check = VALUE_CHECKS[role];
  if (!check) return 1;
  const cells = sample.map((row) => row[column]).filter((cell) => !isBlank(cell));
  if (cells.length === 0) return 1;
  return cells.filter(check).length / cells.length;
}

/** Column index for each role that was found (0-based, within the data's columns). */
export type ColumnMap = Partial<Record<Role, number>>;

/** Values that do not look right still pass when most do: real logs have the odd "n/a". */
const MIN_VALUE_FIT = 0.6;

/**
 * Maps header names to roles, using a sample of rows to check the values fit. Each column takes
 * at most one role and each role at most one column, best matches first.
 * @example detectColumns(["Job date", "Client", "金额"], [[46023, "Ann", 120]]) //=> { date: 0, customer: 1, amount: 2 }
 */
export function detectColumns(headers: readonly unknown[], sample: readonly (readonly unknown[])[] = []): ColumnMap {
  const candidates: { role: Role; column: number; score: number }[] = [];
  headers.forEach((header, column) => {
    const name = normaliseHeader(header);
    if (name === "") return;
    for (const role of ROLES) {
      const score = headerScore(name, role);
      if (score === 0) continue;
      const fit = valueFit(role, sample, column);
      if (fit >= MIN_VALUE_FIT) candidates.push({ role, column, score: score + fit });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const { role, column } of candidates) {
    if (map[role] !== undefined || taken.has(column)) continue;
    map[role] = column;
    taken.add(column);
  }
  return map;
}
