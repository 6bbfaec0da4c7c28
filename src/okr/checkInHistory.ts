import { CellContent } from "./krTable";
import type { Problem } from "./problems";
import { asText, columnLetters, tableColumn } from "./references";
import { CHECK_IN_TABLE, DATE_FORMAT, SHARE_FORMAT } from "./sheetLayout";
import { TrendChart } from "./trendCharts";

/**
 * The Check-in history sheet as plain data: a block per OKR sheet named in the check-ins (the most
 * recently checked in first), its check-in days down and its key results across, each cell a live
 * formula over the CheckIns table, and a line chart beside each block. src/excel writes it as part of
 * the Trends build; tests read it without Office.
 */

export const CHECK_IN_HISTORY_LAYOUT = {
  title: "Check-in history",
  /** The title and the note under it. */
  headerAddress: "A1:A2",
  /** 1-based row of the first block's label row. */
  firstBlockRow: 4,
  /** Column A of a block's first row: the row that names its OKR sheet (in column B). */
  sheetLabel: "OKR sheet",
  /** Column A of a block's second row, above its days; the key results' names follow. */
  dateHeader: "Date",
  /** Empty rows between a block (or its chart, when taller) and the next. */
  gapRows: 1,
  /** Characters: the date column, then each key result's. */
  dateWidth: 12,
  keyResultWidth: 18,
  chart: {
    /** Every chart the history makes is named with this prefix: a re-run replaces those, and only those. */
    namePrefix: "Check-in history: ",
    /** Empty columns between a block's last key result and its chart. */
    gapColumns: 1,
    widthColumns: 8,
    heightRows: 15,
  },
} as const;

export const CHECK_IN_HISTORY_NOTE =
  "Each cell is the progress recorded for its OKR sheet and key result on that day (their average when checked in more than once), read from the CheckIns table: edit a check-in and it follows. New check-in dates, sheets and key results appear on the next build.";

/** The columns of the CheckIns table the history reads. */
const READ_COLUMNS = { date: "Date", sheet: "Sheet", keyResult: "Key result", progress: "Progress" } as const;

/** One check-in row as the history needs it: the day is read from the date, the progress by the formulas. */
export interface CheckIn {
  /** The check-in's date serial, possibly with a time of day. */
  date: number;
  sheet: string;
  keyResult: string;
}

/** A block: the OKR sheet it follows, its key results across and its days down, written in one call. */
export interface HistoryBlock {
  sheet: string;
  keyResults: string[];
  /** Day serials, ascending. */
  dates: number[];
  address: string;
  formulas: CellContent[][];
  numberFormats: string[][];
  chart: TrendChart;
}

export interface CheckInHistoryPlan {
  title: string;
  header: { address: string; formulas: CellContent[][] };
  blocks: HistoryBlock[];
  /** In characters, from column A: as wide as the widest block. */
  columnWidths: number[];
}

/**
 * The check-ins in the CheckIns table's rows (values as Excel gives them, `headers` its header row):
 * the rows with a date, a sheet and a key result. A problem when the table lacks a column the formulas
 * read, or holds no such row.
 * @example checkInsFromTable(["Date", "Sheet", "Key result", "Progress"], [[46204.5, "OKR Q3", "NPS", 0.5]]) //=> { checkIns: [{ date: 46204.5, sheet: "OKR Q3", keyResult: "NPS" }] }
 */
export function checkInsFromTable(headers: readonly unknown[], rows: readonly (readonly unknown[])[]): { checkIns: CheckIn[] } | { problem: Problem } {
  // Excel's structured references find a column whatever its case.
  const lower = headers.map((header) => String(header ?? "").toLowerCase());
  const missing = Object.values(READ_COLUMNS).filter((name) => !lower.includes(name.toLowerCase()));
  if (missing.length > 0) return { problem: { code: "checkInColumnsMissing", table: CHECK_IN_TABLE, columns: missing.join(", "), count: missing.length } };
  const at = (name: string) => lower.indexOf(name.toLowerCase());
  const [date, sheet, keyResult] = [at(READ_COLUMNS.date), at(READ_COLUMNS.sheet), at(READ_COLUMNS.keyResult)];
  // The formulas compare the names as text (&""), so a number typed as a name is its digits.
  const name = (cell: unknown) => (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean" ? String(cell) : "");
  const checkIns = rows
    .map((row) => ({ date: row[date], sheet: name(row[sheet]), keyResult: name(row[keyResult]) }))
    .filter((row): row is CheckIn => typeof row.date === "number" && Number.isFinite(row.date) && row.sheet !== "" && row.keyResult !== "");
  if (checkIns.length === 0) return { problem: { code: "noCheckIns", table: CHECK_IN_TABLE } };
  return { checkIns };
}

/** Excel's = ignores case: names it cannot tell apart share a column, under the first spelling met. */
const sameName = (name: string) => name.toLowerCase();

/** Each OKR sheet's check-ins: sheets by their latest check-in, newest first (ties in the table's order); key results in the order first met; days ascending. */
function groupBySheet(checkIns: readonly CheckIn[]): { sheet: string; keyResults: string[]; dates: number[] }[] {
  const sheets = new Map<string, { sheet: string; latest: number; keyResults: Map<string, string>; dates: Set<number> }>();
  for (const { date, sheet, keyResult } of checkIns) {
    const group = sheets.get(sameName(sheet)) ?? { sheet, latest: -Infinity, keyResults: new Map(), dates: new Set() };
    sheets.set(sameName(sheet), group);
    group.latest = Math.max(group.latest, date);
    if (!group.keyResults.has(sameName(keyResult))) group.keyResults.set(sameName(keyResult), keyResult);
    group.dates.add(Math.floor(date));
  }
  return [...sheets.values()]
    .sort((a, b) => Math.floor(b.latest) - Math.floor(a.latest))
    .map(({ sheet, keyResults, dates }) => ({ sheet, keyResults: [...keyResults.values()], dates: [...dates].sort((a, b) => a - b) }));
}

/** How each progress formula starts: how a re-run knows its cells (an engine may show the table's columns as plain ranges). */
const FORMULA_START = "=IFERROR(SUMPRODUCT(";

const column = (name: keyof typeof READ_COLUMNS) => tableColumn(CHECK_IN_TABLE, READ_COLUMNS[name]);

/**
 * The progress recorded for the sheet named in `sheetCell`, the key result named in `keyResultCell`
 * and the day in `dayCell`, averaged over that day's check-ins; blank when there is none. The names
 * are compared with =, exactly (no wildcard or operator, so "Smith*", "~?" or "=1+1" name themselves),
 * ignoring case as Excel does; the day takes any time of day. SUMPRODUCT's second array reads a
 * blank or text progress as 0, and ISNUMBER leaves it out of the count.
 * @example checkInProgressFormula("$B$4", "B$5", "$A6") //=> '=IFERROR(SUMPRODUCT((CheckIns[[Sheet]]&""=$B$4)*...,CheckIns[[Progress]])/SUMPRODUCT(...),"")'
 */
export function checkInProgressFormula(sheetCell: string, keyResultCell: string, dayCell: string): string {
  const [date, progress] = [column("date"), column("progress")];
  const mine = `(${column("sheet")}&""=${sheetCell})*(${column("keyResult")}&""=${keyResultCell})*(${date}>=${dayCell})*(${date}<${dayCell}+1)`;
  return `${FORMULA_START}${mine},${progress})/SUMPRODUCT(${mine}*ISNUMBER(${progress})),"")`;
}

/**
 * The history sheet for the check-ins: a block per OKR sheet, one under another from
 * CHECK_IN_HISTORY_LAYOUT.firstBlockRow, each with its chart beside it (a block is as tall as its
 * chart at least, so charts never overlap).
 * @example buildCheckInHistoryPlan([{ date: 46204, sheet: "OKR", keyResult: "NPS" }]).blocks[0].address //=> "A4:B6"
 */
export function buildCheckInHistoryPlan(checkIns: readonly CheckIn[]): CheckInHistoryPlan {
  const { title, headerAddress, firstBlockRow, sheetLabel, dateHeader, gapRows, chart } = CHECK_IN_HISTORY_LAYOUT;
  let top = firstBlockRow;
  const blocks = groupBySheet(checkIns).map(({ sheet, keyResults, dates }) => {
    const [headerRow, firstDay, lastDay] = [top + 1, top + 2, top + 1 + dates.length];
    const letter = (k: number) => columnLetters(k + 1);
    const formulas: CellContent[][] = [
      [sheetLabel, asText(sheet), ...keyResults.slice(1).map(() => null)],
      [dateHeader, ...keyResults.map(asText)],
      ...dates.map((day, d) => [day, ...keyResults.map((_, k) => checkInProgressFormula(`$B$${top}`, `${letter(k)}$${headerRow}`, `$A${firstDay + d}`))]),
    ];
    const left = keyResults.length + 1 + chart.gapColumns;
    const block: HistoryBlock = {
      sheet,
      keyResults,
      dates,
      address: `A${top}:${letter(keyResults.length - 1)}${lastDay}`,
      formulas,
      numberFormats: [formulas[0].map(() => "General"), formulas[1].map(() => "General"), ...dates.map(() => [DATE_FORMAT, ...keyResults.map(() => SHARE_FORMAT)])],
      chart: {
        name: `${chart.namePrefix}${sheet}`,
        title: sheet,
        series: keyResults.map((name, k) => ({
          name,
          source: `${letter(k)}${headerRow}:${letter(k)}${lastDay}`,
          values: `${letter(k)}${firstDay}:${letter(k)}${lastDay}`,
          axisGroup: "Primary" as const,
        })),
        categories: `A${firstDay}:A${lastDay}`,
        position: { start: `${columnLetters(left)}${top}`, end: `${columnLetters(left + chart.widthColumns - 1)}${top + chart.heightRows - 1}` },
      },
    };
    top += Math.max(lastDay - top + 1, chart.heightRows) + gapRows;
    return block;
  });
  const widest = Math.max(1, ...blocks.map((block) => block.keyResults.length));
  return {
    title,
    header: { address: headerAddress, formulas: [[title], [CHECK_IN_HISTORY_NOTE]] },
    blocks,
    columnWidths: [CHECK_IN_HISTORY_LAYOUT.dateWidth, ...Array.from({ length: widest }, () => CHECK_IN_HISTORY_LAYOUT.keyResultWidth)],
  };
}

/**
 * The cells an earlier build wrote, to clear before writing again, as addresses: its title and note,
 * and each block found in `rows` (the sheet's formulas from A1): a row with the sheet label in column
 * A, the date header below it, then the rows with a day in column A; as wide as its first day's
 * progress formulas run. Whatever the user typed elsewhere (beside a block, even on
 * its header row, below, in another column) stays.
 * @example earlierBlocks([[], [], [], ["OKR sheet", "OKR"], ["Date", "NPS", "mine"], [46204, '=IFERROR(SUMPRODUCT(CheckIns[Progress]),"")']]) //=> ["A1:A2", "A4:B6"]
 */
export function earlierBlocks(rows: readonly (readonly unknown[])[]): string[] {
  const { headerAddress, sheetLabel, dateHeader } = CHECK_IN_HISTORY_LAYOUT;
  const ours = (cell: unknown) => typeof cell === "string" && cell.toUpperCase().startsWith(FORMULA_START);
  const areas = [headerAddress as string];
  rows.forEach((row, r) => {
    if (row[0] !== sheetLabel || rows[r + 1]?.[0] !== dateHeader) return;
    let last = r + 1;
    while (typeof rows[last + 1]?.[0] === "number") last++;
    const firstDay = rows[r + 2] ?? [];
    let width = 1;
    while (ours(firstDay[width])) width++;
    areas.push(`A${r + 1}:${columnLetters(Math.max(width, 2) - 1)}${last + 1}`);
  });
  return areas;
}
