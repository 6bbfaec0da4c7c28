import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App />);
}

// Outside Office (a plain browser, a test page) there is no Office global: render all the same.
if (typeof Office !== "undefined") {
  Office.onReady(render);
} else {
  render();
}
