/** The languages the add-in speaks to a person: English and Simplified Chinese. */
export const LOCALES = ["en", "zh-CN"] as const;

export type Locale = (typeof LOCALES)[number];

/**
 * The language for a display-language tag (Office's, else the browser's): Simplified Chinese for any
 * Chinese written in Simplified characters (zh, zh-CN, zh-SG, zh-Hans-*), English for everything else,
 * Traditional Chinese (zh-TW, zh-HK, zh-Hant-*) included, as Office never falls back from Traditional
 * to Simplified. The pane's paneLocale follows the same rule.
 * @example localeFor("zh-SG") //=> "zh-CN"
 */
export function localeFor(tag: string | undefined): Locale {
  if (!tag) return "en";
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.language === "zh" && locale.script === "Hans" ? "zh-CN" : "en";
  } catch {
    // Not a well-formed tag (Intl.Locale throws a RangeError): no language we know.
    return "en";
  }
}
