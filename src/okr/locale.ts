/** The languages are defined once, beside the KPI messages that are written in both. */
export { LOCALES, type Locale } from "../kpi/locale";
