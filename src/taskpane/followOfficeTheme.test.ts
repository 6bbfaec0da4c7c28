import { followOfficeTheme, MediaQuery, OfficeThemeSource } from "./followOfficeTheme";
import { OfficeThemeColours, PaneLook } from "./theme";

/** A media query the test switches, as Windows switches high contrast. */
function fakeMediaQuery(matches: boolean) {
  const listeners = new Set<() => void>();
  const query: MediaQuery = {
    matches,
    addEventListener: (_, listener) => listeners.add(listener),
    removeEventListener: (_, listener) => listeners.delete(listener),
  };
  const set = (next: boolean) => {
    query.matches = next;
    listeners.forEach((listener) => listener());
  };
  return { query, set, listeners };
}

/** An Office whose theme the test changes; `event` says whether it reports the change (Outlook) or not (Excel today). */
function fakeOffice(theme: OfficeThemeColours, event: "reports" | "throws" | "silent") {
  let listener: ((theme: OfficeThemeColours | undefined) => void) | undefined;
  const office: OfficeThemeSource = {
    theme: () => theme,
    onThemeChanged(next) {
      if (event === "throws") throw new Error("Invalid event type");
      if (event === "reports") listener = next;
    },
  };
  const change = (next: OfficeThemeColours) => {
    theme = next;
    listener?.(next);
  };
  return { office, change };
}

describe("followOfficeTheme", () => {
  it("starts with Office's look and follows Office's theme changes where Office reports them", () => {
    const looks: PaneLook[] = [];
    const { office, change } = fakeOffice({ isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }, "reports");
    followOfficeTheme(office, fakeMediaQuery(false).query, (look) => looks.push(look));
    change({ isDarkTheme: true, bodyBackgroundColor: "#262626" });
    change({ isDarkTheme: false, bodyBackgroundColor: "#E6E6E6" });
    expect(looks).toEqual(["light", "dark", "light"]);
  });

  it("turns to high contrast and back as Windows switches it, whatever Office's theme", () => {
    const looks: PaneLook[] = [];
    const media = fakeMediaQuery(false);
    followOfficeTheme(fakeOffice({ isDarkTheme: true }, "silent").office, media.query, (look) => looks.push(look));
    media.set(true);
    media.set(false);
    expect(looks).toEqual(["dark", "highContrast", "dark"]);
  });

  it("tells a look once, not again for a change that leaves it as it was", () => {
    const looks: PaneLook[] = [];
    const { office, change } = fakeOffice({ isDarkTheme: true }, "reports");
    const media = fakeMediaQuery(true);
    followOfficeTheme(office, media.query, (look) => looks.push(look));
    change({ isDarkTheme: false });
    expect(looks).toEqual(["highContrast"]);
  });

  it("stops listening to high contrast when asked", () => {
    const looks: PaneLook[] = [];
    const media = fakeMediaQuery(false);
    const stop = followOfficeTheme(fakeOffice({ isDarkTheme: false }, "silent").office, media.query, (look) => looks.push(look));
    stop();
    expect(media.listeners.size).toBe(0);
    media.set(true);
    expect(looks).toEqual(["light"]);
  });

  describe("edge cases", () => {
    it("keeps Office's look at opening, and still follows high contrast, on a host whose theme event throws (Excel)", () => {
      const looks: PaneLook[] = [];
      const media = fakeMediaQuery(false);
      followOfficeTheme(fakeOffice({ isDarkTheme: true }, "throws").office, media.query, (look) => looks.push(look));
      media.set(true);
      expect(looks).toEqual(["dark", "highContrast"]);
    });

    it("reads the theme again when the event carries none", () => {
      const looks: PaneLook[] = [];
      let theme: OfficeThemeColours = { isDarkTheme: false };
      let listener: (theme: OfficeThemeColours | undefined) => void = () => undefined;
      const office: OfficeThemeSource = { theme: () => theme, onThemeChanged: (next) => (listener = next) };
      followOfficeTheme(office, fakeMediaQuery(false).query, (look) => looks.push(look));
      theme = { isDarkTheme: true };
      listener(undefined);
      expect(looks).toEqual(["light", "dark"]);
    });

    it("gives the light look on a host with no theme at all", () => {
      const looks: PaneLook[] = [];
      const office: OfficeThemeSource = { theme: () => undefined, onThemeChanged: () => undefined };
      followOfficeTheme(office, fakeMediaQuery(false).query, (look) => looks.push(look));
      expect(looks).toEqual(["light"]);
    });
  });
});
