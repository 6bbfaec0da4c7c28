import { useCallback } from "react";
import { useIntl } from "react-intl";
import type { Locale } from "../../okr/locale";
import { MessageId } from "../i18n/messages";

/** Values an ICU message is given: numbers for plurals and number formats, text for everything else. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A message of the pane's catalogue in the pane's language. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The pane's translator and language; only ids the catalogues have type-check. */
export function usePaneText(): { t: Translate; locale: Locale; list: (items: readonly string[]) => string } {
  const intl = useIntl();
  const t = useCallback<Translate>((id, values) => intl.formatMessage({ id }, values), [intl]);
  // "a, b, c" in English, "甲、乙、丙" in Chinese: no "and", as the list follows a colon.
  const list = useCallback((items: readonly string[]) => intl.formatList(items, { type: "conjunction", style: "narrow" }), [intl]);
  return { t, locale: intl.locale as Locale, list };
}
