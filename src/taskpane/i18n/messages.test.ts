import { MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { LOCALES } from "../../okr/locale";
import { PROBLEM_MESSAGES } from "../../okr/problems";
import { TEMPLATE_TEXT } from "../../okr/templates";
import { MESSAGES } from "./messages";

/** Every catalogue pair: the pane's, the OKR templates' names a new sheet starts with, and the workbook's problems. */
const CATALOGUES: [string, Readonly<Record<string, Readonly<Record<string, string>>>>][] = [
  ["pane", MESSAGES],
  ["templates", TEMPLATE_TEXT],
  ["problems", PROBLEM_MESSAGES],
];

/** Every source file (tests aside) a message id could be used in. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [readFileSync(path, "utf8")] : [];
  });
}
const SOURCE = [...sources(join(__dirname, "..")), ...sources(join(__dirname, "../../okr"))].join("\n");

/** A message's placeholders and what kind each is: "count:plural", "name:argument", "#" for a plural's count. */
function placeholders(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element): string[] => {
    switch (element.type) {
      case TYPE.literal:
        return [];
      case TYPE.pound:
        return ["#"];
      case TYPE.tag:
        return [`${element.value}:tag`, ...placeholders(element.children)];
      case TYPE.plural:
      case TYPE.select:
        return [`${element.value}:${TYPE[element.type]}`, ...Object.values(element.options).flatMap((option) => placeholders(option.value))];
      default:
        return [`${element.value}:${TYPE[element.type]}`];
    }
  });
}
/** A message's own text, placeholders left out. */
function literals(elements: readonly MessageFormatElement[]): string {
  return elements
    .map((element) =>
      element.type === TYPE.literal
        ? element.value
        : element.type === TYPE.plural || element.type === TYPE.select
          ? Object.values(element.options).map((option) => literals(option.value)).join(" ")
          : element.type === TYPE.tag
            ? literals(element.children)
            : " ",
    )
    .join("");
}
const placeholderSet = (message: string) => [...new Set(placeholders(parse(message)))].sort();

describe.each(CATALOGUES)("the %s catalogues", (_, catalogues) => {
  const ids = Object.keys(catalogues.en).sort();

  it.each(LOCALES.filter((locale) => locale !== "en"))("have the same ids in %s as in English", (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(ids);
  });

  it("use every id somewhere in the code, written out whole", () => {
    expect(ids.filter((id) => !SOURCE.includes(`"${id}"`))).toEqual([]);
  });

  it.each(LOCALES)("parse as ICU messages in %s", (locale) => {
    const unparsed = Object.entries(catalogues[locale]).filter(([, message]) => {
      try {
        parse(message);
        return false;
      } catch {
        return true;
      }
    });
    expect(unparsed).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("have the placeholders of English in %s, of the same kinds", (locale) => {
    const differing = ids.filter((id) => placeholderSet(catalogues[locale][id]).join() !== placeholderSet(catalogues.en[id]).join());
    expect(differing).toEqual([]);
  });

  it("are written in Chinese in zh-CN, not left in English", () => {
    // Text with Latin letters (names such as NPS and Excel aside) needs Chinese beside it; "{name}：{progress}" has none of either.
    const english = ids.filter((id) => {
      const text = literals(parse(catalogues["zh-CN"][id]));
      return /[A-Za-z]/.test(text) && !/\p{Script=Han}/u.test(text);
    });
    expect(english).toEqual([]);
  });
});

describe("plurals", () => {
  /** Each plural in a message, with the categories it spells out. */
  function plurals(elements: readonly MessageFormatElement[]): string[][] {
    return elements.flatMap((element) =>
      element.type === TYPE.plural ? [Object.keys(element.options).sort()] : element.type === TYPE.select ? Object.values(element.options).flatMap((option) => plurals(option.value)) : [],
    );
  }

  it("spell out one and other in English, and only other in Chinese, which has no plural forms", () => {
    const ids = Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[];
    const withPlurals = ids.filter((id) => plurals(parse(MESSAGES.en[id])).length > 0);
    expect(withPlurals.length).toBeGreaterThan(0);
    for (const id of withPlurals) {
      expect([id, plurals(parse(MESSAGES.en[id]))]).toEqual([id, plurals(parse(MESSAGES.en[id])).map(() => ["one", "other"])]);
      expect([id, plurals(parse(MESSAGES["zh-CN"][id]))]).toEqual([id, plurals(parse(MESSAGES.en[id])).map(() => ["other"])]);
    }
  });
});
