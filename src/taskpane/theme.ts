import { teamsHighContrastTheme, Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** The three looks the pane has: Office's White and Colorful themes, its Dark Gray and Black, and Windows high contrast. */
export type PaneLook = "light" | "dark" | "highContrast";

/** The Fluent UI v9 theme that draws each look. */
export const PANE_THEMES: Record<PaneLook, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/**
 * What Office says of its theme (Office.context.officeTheme), any part of which an older host may leave
 * out. `isDarkTheme` is true for Office's Black and Dark Gray themes and is not offered by Outlook;
 * `bodyBackgroundColor` is a hex triplet such as "#FFA500"
 * (https://learn.microsoft.com/javascript/api/office/office.officetheme).
 */
export interface OfficeThemeColours {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/**
 * Relative luminance (WCAG 2) below which white text contrasts more than black text:
 * (1 + 0.05) / (L + 0.05) = (L + 0.05) / (0 + 0.05) gives L = √0.0525 − 0.05.
 */
export const DARK_BELOW = Math.sqrt(0.0525) - 0.05;

/**
 * The relative luminance of a "#RRGGBB" or "#RGB" colour, as WCAG 2 defines it; undefined for anything else.
 * @example relativeLuminance("#FFFFFF") //=> 1
 */
export function relativeLuminance(hex: string): number | undefined {
  const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())?.[1];
  if (!digits) return undefined;
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's look for Office's theme. Windows high contrast reaches the pane's web view as the CSS media
 * feature `forced-colors: active` (Office has no high-contrast theme of its own), and wins over Office's
 * theme. Otherwise Office's `isDarkTheme` decides; a host that does not say gets a look from its body
 * colour, dark where white text would read better on it; no information at all gets the light look.
 * @example paneLook({ isDarkTheme: true }, false) //=> "dark"
 */
export function paneLook(office: OfficeThemeColours | undefined, forcedColors: boolean): PaneLook {
  if (forcedColors) return "highContrast";
  if (typeof office?.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
  const luminance = office?.bodyBackgroundColor === undefined ? undefined : relativeLuminance(office.bodyBackgroundColor);
  return luminance !== undefined && luminance < DARK_BELOW ? "dark" : "light";
}
