import { paneLocale } from "./paneLocale";

describe("paneLocale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-Hans-HK", "zh-CN"],
    ["ZH-cn", "zh-CN"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["ja-JP", "en"],
  ])("%s speaks %s", (tag, locale) => {
    expect(paneLocale(tag)).toBe(locale);
  });

  describe("edge cases", () => {
    it.each([["zh-TW"], ["zh-HK"], ["zh-MO"], ["zh-Hant"], ["zh-Hant-CN"]])("Traditional Chinese %s falls back to English, as Office does", (tag) => {
      expect(paneLocale(tag)).toBe("en");
    });

    it.each([[undefined], [""], ["not a tag!"], ["zh_CN_x"]])("%p falls back to English", (tag) => {
      expect(paneLocale(tag)).toBe("en");
    });
  });
});
