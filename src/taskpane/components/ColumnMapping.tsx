import { Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { ColumnMap, Role, ROLES } from "../../okr/columns";
import { usePaneText } from "../hooks/usePaneText";
import { ROLE_MESSAGES } from "../i18n/labels";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
});

/** A label as it reads inside a sentence: "arrival time", but "NPS score" (Chinese has no case to change). */
const inSentence = (label: string) => (/^\p{Lu}{2}/u.test(label) ? label : label[0].toLowerCase() + label.slice(1));

interface Props {
  headers: readonly string[];
  columns: ColumnMap;
  onChange: (columns: ColumnMap) => void;
}

/** One dropdown per role: the detected column, which the user can change or clear; and the roles no column is used for. */
export function ColumnMapping({ headers, columns, onChange }: Props) {
  const styles = useStyles();
  const { t, list } = usePaneText();
  const choose = (role: Role, value: string) => {
    const next = { ...columns };
    if (value === "") delete next[role];
    else next[role] = Number(value);
    onChange(next);
  };
  const missing = ROLES.filter((role) => columns[role] === undefined);
  return (
    <>
      {missing.length > 0 && <Caption1 as="p">{t("columns.notFound", { roles: list(missing.map((role) => inSentence(t(ROLE_MESSAGES[role])))) })}</Caption1>}
      <div className={styles.grid}>
        {ROLES.map((role) => (
          <Field key={role} label={t(ROLE_MESSAGES[role])} size="small">
            <Select size="small" value={columns[role] === undefined ? "" : String(columns[role])} onChange={(_, data) => choose(role, data.value)}>
              <option value="">{t("columns.none")}</option>
              {headers.map((header, i) => (
                <option key={i} value={String(i)}>
                  {header || t("columns.unnamed", { number: i + 1 })}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
    </>
  );
}
