import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelWorkbook, officeRun } from "../excel/excelWorkbook";
import { App } from "./App";

Office.onReady(() => {
  const root = document.getElementById("root");
  // Follow Office's theme: a dark Excel gets a dark pane.
  const theme = Office.context?.officeTheme?.isDarkTheme ? webDarkTheme : webLightTheme;
  if (root) createRoot(root).render(<App workbook={createExcelWorkbook(officeRun)} theme={theme} />);
});
