import { Field, FluentProvider, makeStyles, mergeClasses, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import type { Locale } from "../src/okr/locale";
import { App } from "../src/taskpane/App";
import { paneLocale } from "../src/taskpane/i18n/paneLocale";
import { PANE_THEMES } from "../src/taskpane/theme";
import { createDemoWorkbook, DemoWorkbook } from "./demoWorkbook";
import { Grid } from "./Grid";
import { useSystemLook } from "./useSystemLook";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalS, boxSizing: "border-box" },
  pane: { width: "320px", flexShrink: 0, overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
  language: { paddingLeft: tokens.spacingHorizontalL, paddingRight: tokens.spacingHorizontalL },
  // Scroll bars and the browser's own controls drawn to match the page.
  light: { colorScheme: "light" },
  dark: { colorScheme: "dark" },
});

/** Each language the pane speaks, named in itself so a reader finds their own. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文（简体）" };

/**
 * The add-in without Excel: the real task pane beside a grid over an in-browser workbook with the sample job log.
 * The pane speaks the browser's language, as it speaks Office's in Excel; the switch above it tries the other.
 * The page and the pane follow the system's light or dark mode (and Windows high contrast), live.
 */
function Demo({ workbook }: { workbook: DemoWorkbook }) {
  const styles = useStyles();
  const look = useSystemLook();
  const [locale, setLocale] = useState<Locale>(() => paneLocale(navigator.language));
  const choose = (next: Locale) => {
    document.documentElement.lang = next;
    setLocale(next);
  };
  return (
    <FluentProvider theme={PANE_THEMES[look]} className={mergeClasses(styles.page, look === "light" ? styles.light : styles.dark)}>
      <Grid workbook={workbook} />
      <aside className={styles.pane} aria-label="Task pane">
        <Field className={styles.language} label="Language / 语言" size="small">
          <Select size="small" value={locale} onChange={(_, data) => choose(data.value as Locale)}>
            {Object.entries(LANGUAGE_NAMES).map(([value, name]) => (
              <option key={value} value={value} lang={value}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <App workbook={workbook.okr} locale={locale} theme={PANE_THEMES[look]} />
      </aside>
    </FluentProvider>
  );
}

createDemoWorkbook().then((workbook) => {
  (window as unknown as { demoWorkbook: DemoWorkbook }).demoWorkbook = workbook; // for the end-to-end tests
  document.documentElement.lang = paneLocale(navigator.language);
  createRoot(document.getElementById("root")!).render(<Demo workbook={workbook} />);
});
