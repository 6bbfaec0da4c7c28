import { createRoot } from "react-dom/client";
import { createExcelWorkbook, officeRun } from "../excel/excelWorkbook";
import { App } from "./App";
import { OutsideOffice } from "./components/OutsideOffice";
import { FORCED_COLORS_QUERY, followOfficeTheme, OfficeThemeSource } from "./followOfficeTheme";
import { paneLocale } from "./i18n/paneLocale";
import { PANE_THEMES } from "./theme";

/**
 * How long to wait for Office before saying the page is not in Excel. In a browser Office.onReady
 * answers at once with no host; this is for an Office.js that never answers (it could not reach its
 * host). If Office answers later after all, the pane replaces the message.
 */
const OFFICE_WAIT_MS = 3000;

/** Office.context.officeTheme, and its change event where the host has one (Office documents it for Outlook only). */
const officeThemeSource: OfficeThemeSource = {
  theme: () => Office.context?.officeTheme,
  onThemeChanged(listener) {
    const changed = Office.EventType?.OfficeThemeChanged;
    if (!changed || !Office.context?.document?.addHandlerAsync) return;
    // A host without the event answers with a failed result (or throws): nothing to do, the look stays.
    Office.context.document.addHandlerAsync(changed, (event: { officeTheme?: Office.OfficeTheme }) => listener(event.officeTheme));
  },
};

const element = document.getElementById("root");
if (element) {
  const root = createRoot(element);
  const outsideOffice = () => root.render(<OutsideOffice locale={paneLocale(navigator.language)} />);
  // Office.js comes from Microsoft's CDN: offline, or blocked, it is not there at all.
  if (typeof Office === "undefined") outsideOffice();
  else {
    const timer = setTimeout(outsideOffice, OFFICE_WAIT_MS);
    void Office.onReady(({ host }) => {
      clearTimeout(timer);
      if (!host) return outsideOffice();
      // Speak Office's display language ("zh-CN", "en-US").
      const locale = paneLocale(Office.context.displayLanguage || navigator.language);
      document.documentElement.lang = locale;
      const workbook = createExcelWorkbook(officeRun);
      // Follow Office's theme (a dark Excel gets a dark pane) and Windows high contrast, live where they tell.
      followOfficeTheme(officeThemeSource, window.matchMedia(FORCED_COLORS_QUERY), (look) =>
        root.render(<App workbook={workbook} theme={PANE_THEMES[look]} locale={locale} />),
      );
    });
  }
}
