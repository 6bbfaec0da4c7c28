import "../backends/customFunctionsShim";
// Imported after the fake is installed, as Excel's runtime defines the global before the bundle runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const functions = require("../src/functions/functions") as typeof import("../src/functions/functions");
import { displayLocale } from "../src/functions/displayLocale";

/** Excel passes null for an omitted optional argument; the signatures say `?` so the metadata stays a matrix. */
const omitted = null as unknown as undefined;

describe("custom-function wrappers", () => {
  it("return the KPI for good input", () => {
    expect(functions.NPS([[10], [9], [7], [3]])).toBe(25);
    expect(functions.RETENTION(200, 210, 30)).toBe(0.9);
    expect(functions.STATUS(0.45, 0.5)).toBe("On track");
    expect(functions.STATUS(1, 0.5, omitted, "increase", 60, 40)).toBe("Check target");
    expect(functions.STATUS(0.95, 1, omitted, omitted, omitted, omitted)).toBe("Missed");
  });

  it("pass omitted optional arguments through as null, as Excel does", () => {
    expect(functions.CSAT([[5], [3]], omitted, omitted, omitted, omitted)).toBe(0.5);
    expect(functions.AVGTICKET([[100], [300]], [[46023], [46054]], "2026-02-01", omitted)).toBe(300);
  });

  it("turn bad input into #VALUE! with the message", () => {
    expect(() => functions.NPS([[10], [11]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: "KPI.NPS: 11 at row 2, column 1 is not a whole score from 0 to 10" }),
    );
  });

  it("turn an empty range into #DIV/0! without a message, which Excel would reject", () => {
    expect(() => functions.FCR([[""]])).toThrow(expect.objectContaining({ code: "#DIV/0!", message: undefined }));
  });

  it("turn an overflow into #NUM!", () => {
    expect(() => functions.LIFESPAN(5e-324)).toThrow(expect.objectContaining({ code: "#NUM!" }));
  });

  it("measure ELAPSED against today when asOf is omitted", () => {
    const now = new Date();
    const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000 + 25_569;
    // A ten-day period whose fourth day is today
    expect(functions.ELAPSED(today - 3, today + 6, omitted)).toBe(0.4);
  });
});

/** Runs with Office's and the browser's globals as given (undefined: absent), then puts back what was there. */
function withGlobals(globals: { Office?: unknown; navigator?: unknown }, run: () => void): void {
  const saved = (["Office", "navigator"] as const).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  try {
    for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
    run();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}

const office = (displayLanguage?: string) => ({ context: displayLanguage === undefined ? undefined : { displayLanguage } });

describe("messages in Office's display language", () => {
  it("writes a #VALUE! message in Chinese when Office speaks Chinese", () => {
    withGlobals({ Office: office("zh-CN") }, () => {
      expect(() => functions.NPS([[10], [11]])).toThrow(
        expect.objectContaining({ code: "#VALUE!", message: "KPI.NPS：第 2 行第 1 列的 11 不是介于 0 到 10 之间的整数评分" }),
      );
    });
  });

  it("writes SENTIMENT's #N/A for Chinese-only comments in Chinese", () => {
    withGlobals({ Office: office("zh-CN") }, () => {
      expect(() => functions.SENTIMENT([["不满意"]], omitted, omitted, omitted)).toThrow(
        expect.objectContaining({
          code: "#N/A",
          message: 'KPI.SENTIMENT：没有英文评论：第 1 行第 1 列的 "不满意" 等评论使用其他文字，而 SENTIMENT 只能理解英文',
        }),
      );
    });
  });

  it("keeps English for any other display language", () => {
    withGlobals({ Office: office("fr-FR") }, () => {
      expect(() => functions.NPS([[10], [11]])).toThrow(
        expect.objectContaining({ message: "KPI.NPS: 11 at row 2, column 1 is not a whole score from 0 to 10" }),
      );
    });
  });

  it.each([
    ["Office's language before the browser's", office("en-US"), { language: "zh-CN" }, "en"],
    ["Office's Chinese", office("zh-CN"), { language: "en-US" }, "zh-CN"],
    ["the browser's language before Office.js has initialised", office(), { language: "zh-CN" }, "zh-CN"],
    ["the browser's language outside Office", undefined, { language: "zh-SG" }, "zh-CN"],
    ["English for Traditional Chinese, as Office never falls back to Simplified", office("zh-TW"), undefined, "en"],
    ["English with neither language known", undefined, undefined, "en"],
  ])("%s", (_, officeGlobal, navigatorGlobal, locale) => {
    withGlobals({ Office: officeGlobal, navigator: navigatorGlobal }, () => expect(displayLocale()).toBe(locale));
  });
});
