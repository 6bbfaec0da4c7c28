import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { Area } from "../backends/address";
import { cellKey, SheetState } from "../backends/store";
import { DemoWorkbook } from "./demoWorkbook";
import { formatValue } from "./format";
import { Icon, IconPicker, iconPicker } from "./iconSets";
import { SheetCharts } from "./SheetCharts";

const ROW_HEIGHT = 24;
/** Rows drawn beyond the visible ones, so a fast scroll never shows a gap. */
const OVERSCAN = 10;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  scroll: { overflow: "auto", flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "0 6px", height: `${ROW_HEIGHT - 1}px`, whiteSpace: "nowrap", maxWidth: "16rem", overflow: "hidden", textOverflow: "ellipsis" },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  rowNumber: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right" },
  icon: { marginRight: tokens.spacingHorizontalXS },
  input: { width: "100%", font: "inherit", border: "none", padding: 0, color: "inherit", backgroundColor: tokens.colorNeutralBackground1 },
});

/** A rule's bound: its formula is a number ("=0", "=1E-9"). */
const bound = (formula: string | undefined) => Number((formula ?? "").replace(/^=/, ""));

/** Whether a cell-value rule holds for a value: text equal to a quoted text, or a number compared with numbers (text never is). */
function holds(rule: { formula1?: string; formula2?: string; operator?: string }, value: unknown): boolean {
  if (rule.operator === "EqualTo") return rule.formula1 === `=${JSON.stringify(String(value))}`;
  if (typeof value !== "number") return false;
  if (rule.operator === "Between") return value >= bound(rule.formula1) && value <= bound(rule.formula2);
  if (rule.operator === "LessThan") return value < bound(rule.formula1);
  return false;
}

const inside = (area: Area, row: number, column: number) => row >= area.top && row < area.top + area.height && column >= area.left && column < area.left + area.width;

/** The fill and font of the first cell-value rule that holds for a cell, as Excel draws it. */
function ruleColours(sheet: SheetState, row: number, column: number, value: unknown): { backgroundColor?: string; color?: string } | undefined {
  for (const format of sheet.conditionalFormats) {
    const { area, type, properties } = format;
    if (!inside(area, row, column) || type !== "CellValue") continue;
    const rule = properties.get("rule") as { formula1?: string; formula2?: string; operator?: string } | undefined;
    if (rule && holds(rule, value)) return { backgroundColor: properties.get("format.fill.color") as string, color: properties.get("format.font.color") as string };
  }
  return undefined;
}

/** The sheet's icon sets the demo draws, each set up once per drawing (a percent criterion reads its whole range). */
function iconSetsOf({ book, engine }: DemoWorkbook, sheet: SheetState): { area: Area; picker: IconPicker }[] {
  return sheet.conditionalFormats.flatMap(({ area, type, properties }) => {
    if (type !== "IconSet") return [];
    const numbers = () =>
      Array.from({ length: area.height * area.width }, (_, i) => book.store.value(sheet.name, area.top + Math.floor(i / area.width), area.left + (i % area.width))).filter(
        (value): value is number => typeof value === "number",
      );
    const picker = iconPicker(properties, numbers, (formula) => engine.calculateFormula(formula, engine.getSheetId(sheet.name) ?? 0));
    return picker ? [{ area, picker }] : [];
  });
}

/** A cell's icon from the first icon set over it that gives one. */
function cellIcon(iconSets: { area: Area; picker: IconPicker }[], row: number, column: number, value: unknown): { icon: Icon; iconOnly: boolean } | undefined {
  for (const { area, picker } of iconSets) {
    const icon = inside(area, row, column) ? picker.pick(value) : undefined;
    if (icon) return { icon, iconOnly: picker.iconOnly };
  }
  return undefined;
}

/** A spreadsheet grid over the demo workbook: sheet tabs, every row (drawn as it scrolls into view), formats, rule colours, icon sets, editing, and the sheet's charts below. */
export function Grid({ workbook }: { workbook: DemoWorkbook }) {
  const styles = useStyles();
  const [, setVersion] = useState(0);
  const { book } = workbook;
  const [sheetName, setSheetName] = useState(book.activeSheet);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [editing, setEditing] = useState<{ row: number; column: number; text: string } | undefined>(undefined);
  const [followed, setFollowed] = useState(book.activeSheet);
  useEffect(() => workbook.onChange(() => setVersion((v) => v + 1)), [workbook]);
  // The adapter activates the sheet it builds: show it, as Excel does.
  if (book.activeSheet !== followed) {
    setFollowed(book.activeSheet);
    setSheetName(book.activeSheet);
  }

  const sheet = book.sheet(sheetName) ?? book.sheets[0];
  const used: Area = book.store.usedArea(sheet.name) ?? { top: 0, left: 0, height: 1, width: 1 };
  const [rowCount, columnCount] = [used.top + used.height, used.left + used.width];
  const columns = Array.from({ length: columnCount }, (_, c) => c).filter((c) => !sheet.hiddenColumns.has(c));
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const headerRows = new Set(book.tables.filter((table) => table.sheet === sheet.name).map((table) => table.area.top));
  const iconSets = iconSetsOf(workbook, sheet);

  const commit = async (row: number, column: number, text: string) => {
    setEditing(undefined);
    await workbook.edit(sheet.name, row, column, text);
  };

  return (
    <div className={styles.root}>
      <TabList selectedValue={sheet.name} onTabSelect={(_, data) => setSheetName(String(data.value))} size="small" aria-label="Sheets">
        {book.sheets.map(({ name }) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      {/* Focusable, so the keyboard alone can scroll the sheet (arrow keys, Page Down). */}
      <div
        className={styles.scroll}
        tabIndex={0}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        ref={(element) => {
          if (element && element.clientHeight !== viewport && element.clientHeight > 0) setViewport(element.clientHeight);
        }}
      >
        <table className={styles.table} aria-label={`Sheet ${sheet.name}`} aria-rowcount={rowCount} data-sheet={sheet.name}>
          <tbody>
            {first > 0 && <tr style={{ height: first * ROW_HEIGHT }} aria-hidden />}
            {Array.from({ length: last - first }, (_, i) => first + i).map((r) => (
              <tr key={r} aria-rowindex={r + 1}>
                <td className={`${styles.cell} ${styles.rowNumber}`}>{r + 1}</td>
                {columns.map((c) => {
                  const value = book.store.value(sheet.name, r, c);
                  const isEditing = editing?.row === r && editing.column === c;
                  const shown = cellIcon(iconSets, r, c, value);
                  return (
                    <td
                      key={c}
                      data-cell={`${r + 1}:${c + 1}`}
                      className={`${styles.cell} ${headerRows.has(r) ? styles.head : ""}`}
                      style={ruleColours(sheet, r, c, value)}
                      onDoubleClick={() => setEditing({ row: r, column: c, text: String(book.store.content(sheet.name, r, c) ?? "") })}
                    >
                      {isEditing ? (
                        <input
                          className={styles.input}
                          aria-label={`Edit row ${r + 1}, column ${c + 1}`}
                          autoFocus
                          value={editing.text}
                          onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                          onKeyDown={(event) => {
                            if (event.key === "Enter") void commit(r, c, editing.text);
                            else if (event.key === "Escape") setEditing(undefined);
                          }}
                        />
                      ) : (
                        <>
                          {shown && (
                            <span role="img" aria-label={shown.icon.label} title={shown.icon.label} className={styles.icon} style={{ color: shown.icon.colour }}>
                              {shown.icon.glyph}
                            </span>
                          )}
                          {shown?.iconOnly ? "" : formatValue(value, sheet.numberFormats.get(cellKey(r, c)))}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < rowCount && <tr style={{ height: (rowCount - last) * ROW_HEIGHT }} aria-hidden />}
          </tbody>
        </table>
      </div>
      <SheetCharts book={book} sheet={sheet.name} />
    </div>
  );
}
