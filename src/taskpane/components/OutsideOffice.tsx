import { Body1, FluentProvider, Link, makeStyles, Subtitle1, tokens, webLightTheme } from "@fluentui/react-components";
import { ReactNode } from "react";
import type { Locale } from "../../okr/locale";
import { REFERENCE_PAGES } from "../i18n/labels";
import { PaneIntl } from "../i18n/PaneIntl";
import { usePaneText } from "../hooks/usePaneText";
import { FormattedMessage } from "react-intl";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

const demoLink = (text: ReactNode[]) => <Link href="demo.html">{text}</Link>;
function Message() {
  const styles = useStyles();
  const { t, locale } = usePaneText();
  const referenceLink = (text: ReactNode[]) => <Link href={REFERENCE_PAGES[locale]}>{text}</Link>;
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{t("outside.title")}</Subtitle1>
      <Body1>{t("outside.what")}</Body1>
      <Body1>
        <FormattedMessage id="outside.demo" values={{ demo: demoLink }} />
      </Body1>
      <Body1>
        <FormattedMessage id="outside.excel" values={{ reference: referenceLink }} />
      </Body1>
    </main>
  );
}

/** What taskpane.html shows when it is opened in a browser rather than in Excel: what it is, and where to go. */
export function OutsideOffice({ locale }: { locale: Locale }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneIntl locale={locale}>
        <Message />
      </PaneIntl>
    </FluentProvider>
  );
}
