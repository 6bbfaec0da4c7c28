import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelWorkbook, officeRun } from "../excel/excelWorkbook";
import { App } from "./App";
import { OutsideOffice } from "./components/OutsideOffice";
import { paneLocale } from "./i18n/paneLocale";

/**
 * How long to wait for Office before saying the page is not in Excel. In a browser Office.onReady
 * answers at once with no host; this is for an Office.js that never answers (it could not reach its
 * host). If Office answers later after all, the pane replaces the message.
 */
const OFFICE_WAIT_MS = 3000;

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
      // Follow Office's theme: a dark Excel gets a dark pane.
      const theme = Office.context?.officeTheme?.isDarkTheme ? webDarkTheme : webLightTheme;
      // Speak Office's display language ("zh-CN", "en-US").
      const locale = paneLocale(Office.context.displayLanguage || navigator.language);
      document.documentElement.lang = locale;
      root.render(<App workbook={createExcelWorkbook(officeRun)} theme={theme} locale={locale} />);
    });
  }
}
