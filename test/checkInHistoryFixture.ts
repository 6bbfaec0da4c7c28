/**
 * Check-in rows for the check-in history tests (HyperFormula and LibreOffice), with the progress each
 * block should show worked out by hand from them. Key results are named as COUNTIFS would read
 * patterns or operators (Smith*, =1+1, ~?), each beside the name such a pattern would match (Smith and
 * sons, 1+1, ?): an exact match keeps them apart.
 */

export const SHEET = "OKR 2026-Q3";
export const OLDER_SHEET = "OKR 2026-Q2";
export const Q3 = { from: 46204, to: 46295 }; // 2026-07-01 .. 2026-09-30
export const JOB_HEADERS = ["Job date", "NPS"];
export const JOBS = [
  [46204, 10],
  [46235, 0],
];

/** [Date, Sheet, Key result, Current, Target, Progress, Status, Confidence, Note], as the Check-ins table holds them. */
const checkIn = (date: number, sheet: string, keyResult: string, progress: number | "") => [date, sheet, keyResult, 1, 2, progress, "On track", "High", ""];
export const CHECK_INS = [
  checkIn(46204.4, SHEET, "Smith*", 0.2), // 2026-07-01 09:36
  checkIn(46204.4, SHEET, "=1+1", 0.5),
  checkIn(46204.4, SHEET, "~?", 0.1),
  checkIn(46204.7, SHEET, "Smith*", 0.4), // the same day, 16:48: averaged with 0.2
  checkIn(46204.7, SHEET, "~?", ""), // no progress: not counted
  checkIn(46174.5, OLDER_SHEET, "Smith*", 0.9), // 2026-06-01, another OKR sheet
  checkIn(46235.25, SHEET, "Smith*", 0.6), // 2026-08-01 06:00 (the table's seventh row: sheet row 8)
  checkIn(46235.25, SHEET, "=1+1", 0.75),
  checkIn(46235.25, SHEET, "~?", 1),
  checkIn(46235.25, SHEET, "Smith and sons", 0.9),
  checkIn(46235.25, SHEET, "1+1", 0.05),
  checkIn(46235.25, SHEET, "?", 0.33),
];

/** The Q3 block's key results, in the order first checked in. */
export const Q3_KEY_RESULTS = ["Smith*", "=1+1", "~?", "Smith and sons", "1+1", "?"];
/**
 * By hand, per day: 2026-07-01 Smith* (0.2 + 0.4) / 2, =1+1 0.5, ~? 0.1 (its second check-in has no
 * progress), the other three not checked in (blank); 2026-08-01 each its one check-in.
 */
export const Q3_BY_HAND = [
  [46204, 0.3, 0.5, 0.1, "", "", ""],
  [46235, 0.6, 0.75, 1, 0.9, 0.05, 0.33],
];

/** What a user types for a cell: text after an apostrophe, so "=1+1" stays text. */
export const typed = (cell: unknown) => (typeof cell === "string" && cell !== "" ? `'${cell}` : cell);
