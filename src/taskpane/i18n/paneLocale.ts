import type { Locale } from "../../okr/locale";

/**
 * The pane's language for a display-language tag (Office's, else the browser's): Simplified Chinese for
 * any Chinese written in Simplified characters (zh, zh-CN, zh-SG, zh-Hans-*), English for everything else.
 * Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant-*) gets English too, as Office itself never falls back
 * from Traditional to Simplified: a reader in Taipei or Hong Kong is better served by the language Office
 * would show them than by another script.
 * @example paneLocale("zh-TW") //=> "en"
 */
export function paneLocale(tag: string | undefined): Locale {
  if (!tag) return "en";
  try {
    const locale = new Intl.Locale(tag).maximize();
    return locale.language === "zh" && locale.script === "Hans" ? "zh-CN" : "en";
  } catch {
    // Not a well-formed tag (Intl.Locale throws a RangeError): no language we know.
    return "en";
  }
}
