import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { sampleColumnFormats } from "../src/sample/sampleFiles";
import { STATUS_COLOURS } from "../src/okr/plan";
import { formatValue } from "./format";
import { DemoWorkbook, JOB_SHEET } from "./hyperWorkbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  scroll: { overflow: "auto", flexGrow: 1, border: `1px solid ${tokens.colorNeutralStroke1}` },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: "2px 6px", whiteSpace: "nowrap", maxWidth: "16rem", overflow: "hidden", textOverflow: "ellipsis" },
  head: { backgroundColor: tokens.colorNeutralBackground3, position: "sticky", top: 0, fontWeight: tokens.fontWeightSemibold },
  rowNumber: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: "right" },
  input: { width: "100%", font: "inherit", border: "none", padding: 0 },
});

/** Rows of the job sheet shown at once: enough to look at, few enough to render instantly. */
const VISIBLE_ROWS = 200;
const JOB_FORMATS = sampleColumnFormats();

/** A plain spreadsheet grid over the demo workbook: sheet tabs, formatted values, status colours, editing. */
export function Grid({ workbook }: { workbook: DemoWorkbook }) {
  const styles = useStyles();
  const [, setVersion] = useState(0);
  const [sheet, setSheet] = useState(JOB_SHEET);
  const [editing, setEditing] = useState<{ row: number; column: number; text: string } | undefined>(undefined);
  useEffect(() => workbook.onChange(() => setVersion((v) => v + 1)), [workbook]);

  const { engine, plans } = workbook;
  const names = engine.getSheetNames();
  const id = engine.getSheetId(sheet) ?? 0;
  const values = engine.getSheetValues(id).slice(0, VISIBLE_ROWS);
  const plan = plans.get(sheet);
  const width = Math.max(0, ...values.map((row) => row.length));

  const formatOf = (row: number, column: number): string | undefined => {
    if (sheet === JOB_SHEET) return row === 0 ? undefined : JOB_FORMATS[column];
    if (!plan) return undefined;
    if (row < plan.header.numberFormats.length) return plan.header.numberFormats[row]?.[column];
    return plan.table.numberFormats[row - 8]?.[column];
  };
  const colourOf = (value: unknown) => (typeof value === "string" ? STATUS_COLOURS[value] : undefined);

  return (
    <div className={styles.root}>
      <TabList selectedValue={sheet} onTabSelect={(_, data) => setSheet(String(data.value))} size="small" aria-label="Sheets">
        {names.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroll}>
        <table className={styles.table} aria-label={`Sheet ${sheet}`} data-sheet={sheet}>
          <tbody>
            {values.map((row, r) => (
              <tr key={r}>
                <td className={`${styles.cell} ${styles.rowNumber}`}>{r + 1}</td>
                {Array.from({ length: width }, (_, c) => {
                  const value = row[c];
                  const colour = colourOf(value);
                  const isEditing = editing?.row === r && editing.column === c;
                  return (
                    <td
                      key={c}
                      data-cell={`${r + 1}:${c + 1}`}
                      className={`${styles.cell} ${r === 0 && sheet === JOB_SHEET ? styles.head : ""}`}
                      style={colour ? { backgroundColor: colour.fill, color: colour.font } : undefined}
                      onDoubleClick={() => setEditing({ row: r, column: c, text: String(engine.getCellSerialized({ sheet: id, row: r, col: c }) ?? "") })}
                    >
                      {isEditing ? (
                        <input
                          className={styles.input}
                          aria-label={`Edit row ${r + 1}, column ${c + 1}`}
                          autoFocus
                          value={editing.text}
                          onChange={(event) => setEditing({ ...editing, text: event.target.value })}
                          onKeyDown={(event) => {
                            if (event.key === "Enter") {
                              workbook.edit(sheet, r, c, editing.text);
                              setEditing(undefined);
                            } else if (event.key === "Escape") setEditing(undefined);
                          }}
                        />
                      ) : (
                        formatValue(value, formatOf(r, c))
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
