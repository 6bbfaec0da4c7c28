import { OfficeThemeColours, PaneLook, paneLook } from "./theme";

/** Windows high contrast, as the pane's web view reports it. */
export const FORCED_COLORS_QUERY = "(forced-colors: active)";

/** The part of a MediaQueryList the pane listens to. */
export interface MediaQuery {
  matches: boolean;
  addEventListener(type: "change", listener: () => void): void;
  removeEventListener(type: "change", listener: () => void): void;
}

/** The part of Office.js the pane reads its theme from: Office.context.officeTheme and the theme event. */
export interface OfficeThemeSource {
  /** Office.context.officeTheme as it is now (undefined on a host without it). */
  theme(): OfficeThemeColours | undefined;
  /**
   * Asks to hear of Office theme changes (Office.EventType.OfficeThemeChanged), calling back with the
   * new theme. Office documents the event for Outlook only (Mailbox 1.14): elsewhere this may throw or
   * never call back, and the pane keeps the look it opened with.
   */
  onThemeChanged(listener: (theme: OfficeThemeColours | undefined) => void): void;
}

/**
 * Tells `onLook` the pane's look now and whenever it changes: when Windows high contrast is switched on
 * or off (a media query the web view updates live), and when Office reports a theme change, on hosts
 * that do. Returns a function that stops listening to the media query.
 * @example followOfficeTheme(office, forcedColors, (look) => render(look))
 */
export function followOfficeTheme(office: OfficeThemeSource, forcedColors: MediaQuery, onLook: (look: PaneLook) => void): () => void {
  let theme = office.theme();
  let last: PaneLook | undefined;
  const update = () => {
    const look = paneLook(theme, forcedColors.matches);
    if (look !== last) onLook((last = look));
  };
  update();
  forcedColors.addEventListener("change", update);
  try {
    office.onThemeChanged((next) => {
      theme = next ?? office.theme();
      update();
    });
  } catch {
    // The host does not offer the event (Excel today): the look stays Office's theme at opening.
  }
  return () => forcedColors.removeEventListener("change", update);
}
