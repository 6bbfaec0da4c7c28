import { Body1, FluentProvider, Link, makeStyles, Subtitle1, tokens, webLightTheme } from "@fluentui/react-components";
import { FUNCTION_EXAMPLES } from "./functionExamples";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
  },
});

/** The pane for now: what the KPI functions are and how to use them. The OKR builder comes next. */
export function App() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <Subtitle1 as="h1">KPI functions are ready</Subtitle1>
        <Body1>Type a formula in any cell of your job log, for example:</Body1>
        <ul className={styles.list}>
          {FUNCTION_EXAMPLES.map(({ formula, meaning }) => (
            <li key={formula}>
              <Body1>
                <span className={styles.formula}>{formula}</span> {meaning}
              </Body1>
            </li>
          ))}
        </ul>
        <Body1>
          Every function is described in the <Link href="functions.html" target="_blank">function reference</Link>.
        </Body1>
      </main>
    </FluentProvider>
  );
}
