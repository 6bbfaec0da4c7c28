import { useSyncExternalStore } from "react";
import { FORCED_COLORS_QUERY } from "../src/taskpane/followOfficeTheme";
import { PaneLook } from "../src/taskpane/theme";

/** The system's dark mode, as browsers report it. */
export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The look the system asks for now: Windows high contrast first, then its dark or light mode. */
function systemLook(): PaneLook {
  if (window.matchMedia(FORCED_COLORS_QUERY).matches) return "highContrast";
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/** Calls back whenever the system switches dark mode or high contrast; returns a function that stops it. */
function onSystemChange(listener: () => void): () => void {
  const queries = [DARK_QUERY, FORCED_COLORS_QUERY].map((query) => window.matchMedia(query));
  queries.forEach((query) => query.addEventListener("change", listener));
  return () => queries.forEach((query) => query.removeEventListener("change", listener));
}

/** The system's look, kept current while the page is open, as the pane in Excel follows Office's theme. */
export function useSystemLook(): PaneLook {
  return useSyncExternalStore(onSystemChange, systemLook);
}
