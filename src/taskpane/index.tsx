import { createRoot } from "react-dom/client";
import { excelWorkbook } from "../excel/excelWorkbook";
import { App } from "./App";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App workbook={excelWorkbook} />);
});
