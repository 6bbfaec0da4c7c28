import { ReactNode } from "react";
import { IntlProvider } from "react-intl";
import type { Locale } from "../../okr/locale";
import { MESSAGES } from "./messages";

/** The pane's language and its catalogue, for every component below. */
export function PaneIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={MESSAGES[locale]}>
      {children}
    </IntlProvider>
  );
}
