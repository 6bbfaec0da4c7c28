import { LOCALES } from "./locale";
import { MESSAGE_TEXTS, MessageId } from "./messageCatalogue";
import { Reason } from "./renderMessage";

/** Every text of every language, as [group.key, text]. */
function entries(locale: (typeof LOCALES)[number]): [string, string][] {
  return Object.entries(MESSAGE_TEXTS[locale]).flatMap(([group, texts]) =>
    Object.entries(texts as Record<string, string>).map(([key, text]): [string, string] => [`${group}.${key}`, text]),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// A message id no reason produces would be dead text: this line stops compiling if one appears.
const everyIdUsed: [Exclude<MessageId, Reason["id"]>] extends [never] ? true : false = true;

describe("the KPI message catalogue", () => {
  const english = new Map(entries("en"));

  it("has every message id in use", () => {
    expect(everyIdUsed).toBe(true);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys, none empty", (locale) => {
    const texts = entries(locale);
    expect(texts.map(([key]) => key)).toEqual([...english.keys()]);
    for (const [key, text] of texts) expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s names the same values as English in every text", (locale) => {
    for (const [key, text] of entries(locale)) {
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(english.get(key) ?? "") });
    }
  });

  it("writes Chinese in Chinese: every zh-CN text but the bare quoted cell holds Han characters", () => {
    const han = /\p{Script=Han}/u;
    expect(entries("zh-CN").filter(([key, text]) => key !== "values.text" && !han.test(text))).toEqual([]);
  });
});
