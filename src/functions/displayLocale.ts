import { Locale, localeFor } from "../kpi/locale";

/**
 * The language to write =KPI.* error messages in: Office's display language.
 *
 * This add-in's functions run in the shared runtime (manifest.xml: SharedRuntime 1.1 and one
 * `<Runtime lifetime="long">` for the pane and the functions), a browser runtime with Office.js loaded;
 * "custom functions (except when the runtime is shared …)" run in the JavaScript-only runtime, which has
 * no Office.js (https://learn.microsoft.com/office/dev/add-ins/testing/runtimes). There
 * `Office.context.displayLanguage` "specifies the locale (or language) of the user interface of the
 * Office application" (https://learn.microsoft.com/office/dev/add-ins/develop/localization).
 *
 * Read at each error, not once at load: Office.context is set only once Office.js has initialised,
 * which may be after the first recalculation. Until then, and wherever there is no Office at all (the
 * demo's engine, Node), the browser's language is the best guess, and English when there is none.
 */
export function displayLocale(): Locale {
  const office = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
  const browser = typeof navigator === "undefined" ? undefined : navigator.language;
  return localeFor(office || browser);
}
