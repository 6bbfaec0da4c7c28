import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { DARK_BELOW, PANE_THEMES, paneLook, relativeLuminance } from "./theme";

describe("relativeLuminance", () => {
  // Worked by hand from WCAG 2: channel c = v/255, linear ((c + 0.055) / 1.055) ^ 2.4 above 0.04045.
  it.each([
    ["#FFFFFF", 1],
    ["#000000", 0],
    ["#fff", 1],
    // 38/255 = 0.14902 → 0.019382 in each channel.
    ["#262626", 0.019382],
    // 118/255 = 0.46275 → 0.181164: white text 4.54:1, black 4.62:1.
    ["#767676", 0.181164],
    // 117/255 = 0.45882 → 0.177888: white text 4.61:1, black 4.56:1.
    ["#757575", 0.177888],
    // The docs' own example: 0.2126 · 1 + 0.7152 · (165/255 → 0.376262) + 0.0722 · 0.
    ["#FFA500", 0.2126 + 0.7152 * 0.376262],
  ])("%s is %d", (hex, luminance) => {
    expect(relativeLuminance(hex)).toBeCloseTo(luminance, 5);
  });

  it("puts the line between dark and light where white and black text contrast alike", () => {
    // (1.05) / (L + 0.05) = (L + 0.05) / 0.05 at L = 0.179129.
    expect(DARK_BELOW).toBeCloseTo(0.179129, 5);
    expect(1.05 / (DARK_BELOW + 0.05)).toBeCloseTo((DARK_BELOW + 0.05) / 0.05, 9);
  });

  describe("edge cases", () => {
    it.each([[""], ["FFFFFF"], ["#FFFF"], ["#GGGGGG"], ["rgb(0, 0, 0)"], ["black"]])("%p is not a hex triplet", (text) => {
      expect(relativeLuminance(text)).toBeUndefined();
    });
  });
});

describe("paneLook", () => {
  it.each([
    // Office's White and Colorful themes, then Dark Gray and Black: isDarkTheme says which.
    [{ isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }, "light"],
    [{ isDarkTheme: false, bodyBackgroundColor: "#E6E6E6" }, "light"],
    [{ isDarkTheme: true, bodyBackgroundColor: "#666666" }, "dark"],
    [{ isDarkTheme: true, bodyBackgroundColor: "#262626" }, "dark"],
    // isDarkTheme is the word of Office, even where the colour might suggest otherwise.
    [{ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, "dark"],
    // A host that does not say (Outlook): the body colour decides, either side of 0.179129.
    [{ bodyBackgroundColor: "#262626" }, "dark"],
    [{ bodyBackgroundColor: "#757575" }, "dark"],
    [{ bodyBackgroundColor: "#767676" }, "light"],
    [{ bodyBackgroundColor: "#FFFFFF" }, "light"],
  ] as const)("%o is %s", (office, look) => {
    expect(paneLook(office, false)).toBe(look);
  });

  it.each([[{ isDarkTheme: false }], [{ isDarkTheme: true }], [undefined]])("Windows high contrast wins over %o", (office) => {
    expect(paneLook(office, true)).toBe("highContrast");
  });

  it("draws each look with its Fluent UI theme", () => {
    expect(PANE_THEMES).toEqual({ light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme });
  });

  describe("edge cases", () => {
    it.each([[undefined], [{}], [{ bodyBackgroundColor: "" }], [{ bodyBackgroundColor: "dark" }]])("%p gives the light look", (office) => {
      expect(paneLook(office, false)).toBe("light");
    });
  });
});
