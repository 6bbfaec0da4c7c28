/**
 * The pane's language for a display-language tag (Office's, else the browser's): the same rule as the
 * =KPI.* error messages, so the pane and the cells always speak the same language (see localeFor).
 * @example paneLocale("zh-TW") //=> "en"
 */
export { localeFor as paneLocale } from "../../kpi/locale";
