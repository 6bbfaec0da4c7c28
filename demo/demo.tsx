import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../src/taskpane/App";
import { createDemoWorkbook, DemoWorkbook } from "./demoWorkbook";
import { Grid } from "./Grid";

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalS, boxSizing: "border-box" },
  pane: { width: "320px", flexShrink: 0, overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** The add-in without Excel: the real task pane beside a grid over an in-browser workbook with the sample job log. */
function Demo({ workbook }: { workbook: DemoWorkbook }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <Grid workbook={workbook} />
      <aside className={styles.pane} aria-label="Task pane">
        <App workbook={workbook.okr} />
      </aside>
    </FluentProvider>
  );
}

createDemoWorkbook().then((workbook) => {
  (window as unknown as { demoWorkbook: DemoWorkbook }).demoWorkbook = workbook; // for the end-to-end tests
  createRoot(document.getElementById("root")!).render(<Demo workbook={workbook} />);
});
