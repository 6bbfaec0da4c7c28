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
  | "comment"
  | "slaHours"
  | "spend"
  | "abandoned";

/**
 * Header names for each role, English and Chinese, compared after normalising (see normaliseHeader).
 * A header equal to one is an exact match; a header holding all of one's words, in any order (Chinese:
 * its characters in a row), is a partial match, so "Time of arrival" and "回访满意度" are found too.
 */
const SYNONYMS: Record<Role, readonly string[]> = {
  date: ["date", "job date", "service date", "visit date", "work date", "day", "日期", "工作日期", "工单日期", "服务日期", "上门日期", "维修日期"],
  customer: ["customer", "client", "customer name", "client name", "account", "homeowner", "member", "caller name", "your name", "客户", "客户名称", "顾客", "客户名", "客户姓名", "用户", "报修人", "业主"],
  technician: [
    "technician", "tech", "techs", "techs assigned", "assigned techs", "crew", "staff", "employee", "assigned employees", "worker", "assigned to", "assigned provider",
    "plumber", "electrician", "cleaner", "installer", "技师", "技术员", "师傅", "员工", "维修人员", "维修工", "服务人员", "保洁员", "工程师",
  ],
  amount: [
    "amount", "amt", "total", "invoice total", "invoice amount", "job total", "jobs total", "revenue", "job revenue", "price", "ticket", "charge", "sales",
    "金额", "总额", "发票金额", "收入", "价格", "费用", "收费", "总价",
  ],
  nps: ["nps", "nps score", "recommend", "likelihood to recommend", "promoter score", "净推荐值", "推荐", "推荐度", "nps评分", "推荐意愿"],
  csat: ["csat", "csat score", "satisfaction", "satisfaction score", "customer satisfaction", "satisfied", "rating", "满意度", "客户满意度", "满意度评分", "评分"],
  effort: ["ces", "effort", "effort score", "customer effort", "customer effort score", "how easy", "费力度", "客户费力度"],
  firstVisitFix: [
    "first visit fix", "fixed first visit", "first time fix", "ftf", "fcr", "first contact resolution", "resolved first visit",
    "首次修复", "一次修复", "一次解决", "首次解决",
  ],
  arrival: [
    "arrival", "arrived", "arrival time", "actual arrival", "on site", "onsite", "check in", "check in time", "checked in", "time in", "started",
    "到达时间", "到达", "实际到达", "实际到达时间", "签到时间", "签到", "到场时间", "上门时间",
  ],
  promised: [
    "promised", "promised time", "promised by", "appointment", "appointment time", "scheduled", "scheduled time", "scheduled date", "scheduled arrival",
    "scheduled start", "window", "arrival window", "arrival window end", "window end", "expected arrival", "eta", "arrive by",
    "预约时间", "承诺时间", "约定时间", "预约到达时间", "预约上门时间", "预计到达时间",
  ],
  requested: [
    "requested", "request time", "request date", "requested at", "lead received", "lead date", "inquiry", "inquiry time", "enquiry", "call received",
    "call date", "date called", "created", "created at", "created date", "date created", "opened", "opened at", "date opened",
    "请求时间", "咨询时间", "报修时间", "下单时间", "来电时间", "创建时间", "咨询日期", "报修日期", "下单日期",
  ],
  responded: ["responded", "response time", "responded at", "first response", "first reply", "contacted", "contacted on", "回复时间", "响应时间", "首次回复", "首次响应"],
  resolved: [
    "resolved", "resolved time", "resolved at", "closed", "closed at", "completed", "completed at", "completed date", "date completed", "completion date",
    "completion time", "job completed", "complete", "finished", "解决时间", "完成时间", "关闭时间", "完工时间", "服务结束时间",
  ],
  leadSource: ["lead source", "source", "channel", "marketing source", "campaign", "ad source", "referral source", "来源", "渠道", "客户来源"],
  booked: ["booked", "converted", "won", "booked job", "hired", "成交", "已预约", "已成交"],
  comment: ["comment", "comments", "feedback", "review", "customer comment", "customer feedback", "anything else", "评论", "反馈", "评价", "客户评价", "意见"],
  slaHours: [
    "sla", "sla hours", "sla target", "sla target hours", "target hours", "response target", "resolution target", "target resolution hours",
    "时效要求", "承诺时效", "sla时长", "时效", "目标时长", "服务时效",
  ],
  spend: [
    "spend", "ad spend", "marketing spend", "advertising spend", "campaign spend", "lead cost", "cost per lead", "marketing cost", "ad cost", "advertising",
    "推广费用", "广告费", "广告费用", "获客成本", "营销费用", "推广费", "营销成本",
  ],
  abandoned: ["abandoned", "hung up", "missed call", "call abandoned", "abandoned call", "dropped call", "caller hung up", "放弃", "未接来电", "挂断", "未接", "呼叫放弃"],
};

/** Dates that are not the job's: deadlines and estimates, record keeping, payments. */
const OTHER_DATES = [
  "due", "end", "target", "estimated", "expected", "projected", "created", "modified", "updated", "paid", "payment", "birth", "expiry", "expires",
  "last", "next", "到期", "结束", "预计", "创建", "付款",
];
/** Numbers that can pass for date serials: job 48213 would be a day in 2032. */
const IDENTIFIERS = ["number", "no", "id", "code", "ref", "reference", "编号", "单号", "号码"];

/**
 * Words that turn a partial match into something else: an "Arrival window" is a promise, a "Due
 * date" is not the job's. Written as normaliseHeader writes them.
 */
const UNLESS: Partial<Record<Role, readonly string[]>> = {
  date: OTHER_DATES,
  customer: ["phone", "email", "address", "type", "memo", "note", "notes", "tags", "since", "电话", "地址", "类型", "备注"],
  technician: ["rating", "score", "notes", "phone", "email", "commission", "cost", "pay", "电话", "评分"],
  amount: [
    "number", "no", "id", "date", "time", "duration", "hours", "minutes", "qty", "quantity", "count", "tax", "discount", "tip", "cost", "quote",
    "estimate", "nte", "budget", "limit", "lead", "编号", "单号", "税", "成本", "数量", "spend", "推广", "广告", "营销", "获客",
  ],
  arrival: [
    "window", "scheduled", "schedule", "promised", "appointment", "expected", "estimated", "eta", "target", "planned", "duration", "hours", "minutes",
    "预约", "承诺", "约定", "计划", "预计", "预定", "时长",
  ],
  promised: ["end", "finish", "finished", "completed", "actual", "实际", "结束", "完成"],
  requested: ["payment", "paid", "amount"],
  resolved: ["target", "estimated", "expected", "planned", "scheduled", "projected", "due", "预计", "计划", "预约", "要求"],
  // A flag saying whether the SLA was met, or when it falls due, is not the target.
  slaHours: ["met", "breach", "breached", "missed", "status", "within", "compliance", "compliant", "due", "deadline", "date", "达标", "超时", "是否", "状态", "截止", "日期"],
  // The costs of doing the job are not marketing spend.
  spend: [
    "part", "parts", "labour", "labor", "material", "materials", "fuel", "travel", "mileage", "wage", "wages", "payroll", "job",
    "零件", "配件", "材料", "人工", "工资", "油费", "差旅",
  ],
  abandoned: ["time", "at", "reason", "count", "rate", "number", "duration", "seconds", "原因", "时间", "次数", "率", "时长"],
};

export const ROLES = Object.keys(SYNONYMS) as Role[];

/** What a role's values must look like in the sample, so a "Total" of text is not taken for money. */
const VALUE_CHECKS: Partial<Record<Role, (cell: unknown) => boolean>> = {
  date: (cell) => isDateLike(cell),
  customer: (cell) => flagValue(cell) === undefined,
  technician: (cell) => isText(cell),
  arrival: (cell) => isTimeOfDay(cell),
  promised: (cell) => isTimeOfDay(cell),
  requested: (cell) => isDateLike(cell),
  responded: (cell) => isDateLike(cell),
  resolved: (cell) => isDateLike(cell),
  amount: (cell) => (numericValue(cell) ?? -1) >= 0,
  nps: (cell) => isWholeBetween(cell, 0, 10),
  csat: (cell) => isWholeBetween(cell, 1, 10),
  effort: (cell) => isBetween(cell, 1, 10),
  firstVisitFix: (cell) => flagValue(cell) !== undefined,
  booked: (cell) => flagValue(cell) !== undefined,
  comment: (cell) => isText(cell),
  // Hours, not a deadline: a date serial is a positive number too.
  slaHours: (cell) => (numericValue(cell) ?? 0) > 0 && !isDateLike(cell),
  spend: (cell) => (numericValue(cell) ?? -1) >= 0,
  abandoned: (cell) => flagValue(cell) !== undefined,
};

/** A calendar date: a serial from 1982 on (so small counts are not taken for dates) or ISO text. */
function isDateLike(cell: unknown): boolean {
  const serial = dateSerial(cell);
  return serial !== undefined && (typeof cell === "string" || serial >= 30_000);
}

/** A moment in a day: a time alone or a date with a time. A promised or arrival *day* cannot tell early from late. */
function isTimeOfDay(cell: unknown): boolean {
  const serial = dateSerial(cell);
  return serial !== undefined && (serial < 1 || (isDateLike(cell) && serial % 1 !== 0));
}

function isWholeDay(cell: unknown): boolean {
  return isDateLike(cell) && Number.isInteger(dateSerial(cell));
}

/** Words, not numbers or yes/no: names and comments. */
function isText(cell: unknown): boolean {
  return typeof cell === "string" && numericValue(cell) === undefined && flagValue(cell) === undefined;
}

function isBetween(cell: unknown, low: number, high: number): boolean {
  const number = numericValue(cell);
  return number !== undefined && number >= low && number <= high;
}

function isWholeBetween(cell: unknown, low: number, high: number): boolean {
  return isBetween(cell, low, high) && Number.isInteger(numericValue(cell));
}

/** A unit or scale at the end of a header: "(h)", "($)", "(1-5)", "（元）", "(是/否)". */
const TRAILING_UNIT =
  /\s*[([]\s*(?:[^\p{L}()[\]]*|h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|days?|usd|cad|aud|eur|gbp|rmb|cny|hkd|twd|元|小时|分钟|分|天|y\/n|yes\/no|是\/否)\s*[)\]]\s*$/u;
/** Traditional characters of the Chinese synonyms, and their Simplified forms, so 客戶 reads as 客户. */
const TRADITIONAL = "戶務門稱顧師術員額總發價淨薦滿評費復決達時間實際簽預約諾請諮詢報單覆響應關閉來論饋見號維訂結潔備註電話類編計劃匯";
const SIMPLIFIED = "户务门称顾师术员额总发价净荐满评费复决达时间实际签预约诺请咨询报单复响应关闭来论馈见号维订结洁备注电话类编计划汇";

/**
 * A header as detection compares it: full-width forms folded (NFKC), camelCase split, lower case,
 * Traditional Chinese read as Simplified, a trailing unit dropped, "#" read as "number", and
 * punctuation and runs of spaces made single spaces.
 * @example normaliseHeader("Amount ($)") //=> "amount"
 * @example normaliseHeader("ＴｘｎＤａｔｅ") //=> "txn date"
 */
export function normaliseHeader(header: unknown): string {
  return [...String(header ?? "").normalize("NFKC")]
    .map((char) => SIMPLIFIED[TRADITIONAL.indexOf(char)] ?? char)
    .join("")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase()
    .replace(TRAILING_UNIT, "")
    .replace(/#/g, " number ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** Whether a normalised header holds a term: Chinese as characters in a row, other scripts as whole words. */
function mentions(header: string, term: string): boolean {
  if (hasHan(term)) return header.includes(term);
  const words = header.split(" ");
  return term.split(" ").every((word) => words.includes(word));
}

/** Whether the header ends on the term, as "Customer rating" ends on a rating: the last word says what a column holds. */
function endsOn(header: string, term: string): boolean {
  return hasHan(term) ? header.endsWith(term) : term.split(" ").includes(header.slice(header.lastIndexOf(" ") + 1));
}

const NORMALISED = Object.fromEntries(ROLES.map((role) => [role, SYNONYMS[role].map(normaliseHeader)])) as Record<Role, string[]>;

export type Confidence = "exact" | "partial" | "values only";

interface HeaderMatch {
  confidence: Confidence;
  /** 1 when the header ends on the synonym (or is it). */
  head: number;
  /** How much of the header the synonym covers. */
  coverage: number;
}

/** How well a normalised header names a role, or undefined when it does not. */
function headerMatch(header: string, role: Role): HeaderMatch | undefined {
  if (header === "") return undefined;
  let best: HeaderMatch | undefined;
  for (const synonym of NORMALISED[role]) {
    if (header === synonym) return { confidence: "exact", head: 1, coverage: 1 };
    if (!mentions(header, synonym)) continue;
    const match = { confidence: "partial" as const, head: endsOn(header, synonym) ? 1 : 0, coverage: synonym.length / header.length };
    if (!best || match.head > best.head || (match.head === best.head && match.coverage > best.coverage)) best = match;
  }
  if (best && UNLESS[role]?.some((word) => mentions(header, word))) return undefined;
  return best;
}

type Sample = readonly (readonly unknown[])[];

function cellsOf(sample: Sample, column: number): unknown[] {
  return sample.map((row) => row[column]).filter((cell) => !isBlank(cell));
}

/** The share of a column's non-blank sample cells that look like the role's values (1 with no check or no sample). */
function valueFit(role: Role, sample: Sample, column: number): number {
  const check = VALUE_CHECKS[role];
  const cells = cellsOf(sample, column);
  if (!check || cells.length === 0) return 1;
  return cells.filter(check).length / cells.length;
}

/** Values that do not look right still pass when most do: real logs have the odd "n/a". */
const MIN_VALUE_FIT = 0.6;

/** Column index for each role that was found (0-based, within the data's columns). */
export type ColumnMap = Partial<Record<Role, number>>;

export interface DetectionReport {
  /** The column found for each role, and what it was found by. */
  found: Partial<Record<Role, { column: number; confidence: Confidence }>>;
  /** The roles no column was found for, in ROLES order. */
  missing: Role[];
}

const STRENGTH: Record<Confidence, number> = { exact: 2, partial: 1, "values only": 0 };

/**
 * Maps header names to roles, with how sure each mapping is: "exact" (the header is a known name
 * for the role), "partial" (it holds one) or "values only" (a nameless column of days, taken for the
 * job date when nothing is named so). Each column takes at most one role and each role at most one
 * column: exact names first, then partial ones ending on the role's name, then the better value fit.
 * @example detectionReport(["Job date", "Client name", "Amount ($)"], [[46023, "Ann", 120]]).found
 * //=> { date: { column: 0, confidence: "exact" }, customer: { column: 1, confidence: "exact" }, amount: { column: 2, confidence: "exact" } }
 */
export function detectionReport(headers: readonly unknown[], sample: Sample = []): DetectionReport {
  const names = headers.map(normaliseHeader);
  const candidates: (HeaderMatch & { role: Role; column: number; fit: number })[] = [];
  names.forEach((name, column) => {
    for (const role of ROLES) {
      const match = headerMatch(name, role);
      const fit = match ? valueFit(role, sample, column) : 0;
      if (match && fit >= MIN_VALUE_FIT) candidates.push({ ...match, role, column, fit });
    }
  });
  candidates.sort(
    (a, b) => STRENGTH[b.confidence] - STRENGTH[a.confidence] || b.head - a.head || b.fit - a.fit || b.coverage - a.coverage || a.column - b.column,
  );
  const found: DetectionReport["found"] = {};
  const taken = new Set<number>();
  for (const { role, column, confidence } of candidates) {
    if (found[role] || taken.has(column)) continue;
    found[role] = { column, confidence };
    taken.add(column);
  }
  if (!found.date) {
    const column = names.findIndex((name, i) => !taken.has(i) && isUnnamedDay(name, cellsOf(sample, i)));
    if (column >= 0) found.date = { column, confidence: "values only" };
  }
  return { found, missing: ROLES.filter((role) => !found[role]) };
}

/** A column of whole days whose header names no role, no other date ("Due date") and no identifier ("Job number"). */
function isUnnamedDay(name: string, cells: readonly unknown[]): boolean {
  const namesSomething = ROLES.some((role) => headerMatch(name, role)) || [...OTHER_DATES, ...IDENTIFIERS].some((word) => mentions(name, word));
  return !namesSomething && cells.length > 0 && cells.every(isWholeDay);
}

/**
 * Maps header names to roles, using a sample of rows to check the values fit (see detectionReport).
 * @example detectColumns(["Job date", "Client", "金额"], [[46023, "Ann", 120]]) //=> { date: 0, customer: 1, amount: 2 }
 */
export function detectColumns(headers: readonly unknown[], sample: Sample = []): ColumnMap {
  const { found } = detectionReport(headers, sample);
  return Object.fromEntries(Object.entries(found).map(([role, { column }]) => [role, column])) as ColumnMap;
}
