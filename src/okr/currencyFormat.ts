import type { ColumnMap } from "./columns";
import type { Locale } from "./locale";

/**
 * The currency an Excel number format shows, as an ISO 4217 code: `"$"#,##0.00` is USD, `[$€-407] #,##0.00`
 * EUR, `[$¥-411]#,##0` JPY and `[$¥-804]#,##0.00` CNY. Only the first section counts (the one that
 * shows positive amounts); colours, conditions, padding (`_)`) and fill (`* `) are skipped, and quoted
 * text counts only when it is a currency sign or code as a whole ("€", "USD", not "Total: ").
 */

/** A sign or code written as text in a format, and the currency it means when nothing else says which. */
const SIGNS: Readonly<Record<string, string>> = {
  $: "USD",
  US$: "USD",
  USD: "USD",
  "€": "EUR",
  EUR: "EUR",
  "£": "GBP",
  GBP: "GBP",
  CNY: "CNY",
  RMB: "CNY",
  元: "CNY",
  JPY: "JPY",
  円: "JPY",
  "₩": "KRW",
  원: "KRW",
  "₹": "INR",
  "₽": "RUB",
  "₪": "ILS",
  "₫": "VND",
  "₺": "TRY",
  "₱": "PHP",
  "฿": "THB",
  HK$: "HKD",
  HKD: "HKD",
  NT$: "TWD",
  A$: "AUD",
  AUD: "AUD",
  C$: "CAD",
  CA$: "CAD",
  CAD: "CAD",
  S$: "SGD",
  SGD: "SGD",
  R$: "BRL",
  CHF: "CHF",
  zł: "PLN",
  Kč: "CZK",
};

/** ¥ alone is the yuan to a Chinese reader and the yen to anyone else. */
const YEN_SIGN = "¥";
const YEN_BY_LOCALE: Readonly<Record<Locale, string>> = { en: "JPY", "zh-CN": "CNY" };

/**
 * Windows locale ids (hex, as `[$sym-LCID]` writes them) of the locales whose currency a shared sign
 * ($, ¥, kr, R) can mean, from Microsoft's [MS-LCID] list.
 */
const LCID_LOCALES: Readonly<Record<number, string>> = {
  0x0401: "ar-SA", 0x0404: "zh-TW", 0x0405: "cs-CZ", 0x0406: "da-DK", 0x0407: "de-DE", 0x0408: "el-GR", 0x0409: "en-US",
  0x040a: "es-ES", 0x040b: "fi-FI", 0x040c: "fr-FR", 0x040d: "he-IL", 0x040e: "hu-HU", 0x040f: "is-IS", 0x0410: "it-IT",
  0x0411: "ja-JP", 0x0412: "ko-KR", 0x0413: "nl-NL", 0x0414: "nb-NO", 0x0415: "pl-PL", 0x0416: "pt-BR", 0x0418: "ro-RO",
  0x0419: "ru-RU", 0x041d: "sv-SE", 0x041e: "th-TH", 0x041f: "tr-TR", 0x0421: "id-ID", 0x0422: "uk-UA", 0x042a: "vi-VN",
  0x0439: "hi-IN", 0x043e: "ms-MY", 0x0804: "zh-CN", 0x0807: "de-CH", 0x0809: "en-GB", 0x080a: "es-MX", 0x080c: "fr-BE",
  0x0813: "nl-BE", 0x0816: "pt-PT", 0x0c04: "zh-HK", 0x0c07: "de-AT", 0x0c09: "en-AU", 0x0c0a: "es-ES", 0x0c0c: "fr-CA",
  0x1004: "zh-SG", 0x1009: "en-CA", 0x100c: "fr-CH", 0x1404: "zh-MO", 0x1409: "en-NZ", 0x1809: "en-IE", 0x1c09: "en-ZA",
  0x2c0a: "es-AR", 0x340a: "es-CL", 0x3409: "en-PH", 0x4009: "en-IN", 0x4809: "en-SG",
};

/** Each region's currency (ISO 4217), for the regions above. */
const REGION_CURRENCIES: Readonly<Record<string, string>> = {
  AR: "ARS", AT: "EUR", AU: "AUD", BE: "EUR", BR: "BRL", CA: "CAD", CH: "CHF", CL: "CLP", CN: "CNY", CZ: "CZK", DE: "EUR",
  DK: "DKK", ES: "EUR", FI: "EUR", FR: "EUR", GB: "GBP", GR: "EUR", HK: "HKD", HU: "HUF", ID: "IDR", IE: "EUR", IL: "ILS",
  IN: "INR", IS: "ISK", IT: "EUR", JP: "JPY", KR: "KRW", MO: "MOP", MX: "MXN", MY: "MYR", NL: "EUR", NO: "NOK", NZ: "NZD",
  PH: "PHP", PL: "PLN", PT: "EUR", RO: "RON", RU: "RUB", SA: "SAR", SE: "SEK", SG: "SGD", TH: "THB", TR: "TRY", TW: "TWD",
  UA: "UAH", US: "USD", VN: "VND", ZA: "ZAR",
};

/**
 * A part of a format section, as written (`raw`): a character shown as it is (unquoted, \-escaped or
 * quoted text), a `[$sign-locale]` currency, anything else in brackets ([Red], [>=100], [h]), or
 * padding and fill (`_)`, `* `), which show no sign.
 */
type Token = { raw: string } & (
  | { kind: "plain" | "quoted"; text: string }
  | { kind: "currency"; sign: string; locale: string | undefined }
  | { kind: "bracket"; text: string }
  | { kind: "layout" }
);

/** "kr." and "kr", "￥" and "¥" are one sign. */
const sameSign = (sign: string) => sign.trim().replace(/\.$/, "").replace("￥", YEN_SIGN);

/** The end of the part that starts at `from` with `open` (a quote or a bracket): the index of its closing mark, or the format's length. */
function closing(format: string, from: number, open: string): number {
  const end = format.indexOf(open === '"' ? '"' : "]", from + 1);
  return end < 0 ? format.length : end;
}

/** A format's sections as tokens, split on the semicolons that are not quoted, escaped or in brackets. */
function sections(format: string): Token[][] {
  const result: Token[][] = [[]];
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    const section = result[result.length - 1];
    if (char === '"' || char === "[") {
      const end = closing(format, i, char);
      const [inside, raw] = [format.slice(i + 1, end), format.slice(i, end + 1)];
      const currency = char === "[" ? /^\$([^-]*)(?:-(.*))?$/.exec(inside) : null;
      if (char === '"') section.push({ raw, kind: "quoted", text: inside });
      else section.push(currency ? { raw, kind: "currency", sign: currency[1], locale: currency[2] } : { raw, kind: "bracket", text: inside });
      i = end;
    } else if (char === "\\") {
      section.push({ raw: format.slice(i, i + 2), kind: "quoted", text: format.slice(i + 1, i + 2) });
      i++;
    } else if (char === "_" || char === "*") {
      // Padding as wide as the next character, or the next character repeated to fill: no sign shown as such.
      section.push({ raw: format.slice(i, i + 2), kind: "layout" });
      i++;
    } else if (char === ";") {
      result.push([]);
    } else {
      section.push({ raw: char, kind: "plain", text: char });
    }
  }
  return result;
}

/** The currency a `[$…-locale]` locale part names: an LCID in hex (the low 16 bits; the rest picks calendars and digits) or a language tag. */
function localeCurrency(locale: string | undefined): { currency: string; tag: string } | undefined {
  const tag = locale && /^[0-9A-Fa-f]{1,8}$/.test(locale) ? LCID_LOCALES[parseInt(locale, 16) & 0xffff] : locale;
  if (!tag) return undefined;
  let region: string | undefined;
  try {
    region = new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined; // neither an LCID in the list nor a language tag
  }
  const currency = region ? REGION_CURRENCIES[region] : undefined;
  return currency ? { currency, tag } : undefined;
}

/** The signs a currency is written with in a locale and in English ("$" and "US$" for USD; "kr." and "kr" for DKK). */
function signsOf(currency: string, tag: string): string[] {
  return [tag, "en"].flatMap((locale) =>
    (["symbol", "narrowSymbol"] as const).map((currencyDisplay) => {
      const parts = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay }).formatToParts(1);
      return sameSign(parts.find((part) => part.type === "currency")?.value ?? "");
    }),
  );
}

/** The currency a sign written on its own means: ¥ by the pane's language, the others by SIGNS. */
function currencyOfSign(sign: string, paneLocale: Locale): string | undefined {
  const written = sameSign(sign);
  return written === YEN_SIGN ? YEN_BY_LOCALE[paneLocale] : SIGNS[written];
}

/** Whether a three-letter code is a currency Intl knows (so "XYZ" is not). */
const isCurrencyCode = (code: string) => /^[A-Z]{3}$/.test(code) && new Intl.DisplayNames(["en"], { type: "currency", fallback: "none" }).of(code) !== undefined;

/** The currency of a `[$sign-locale]` part: a code as sign is itself; else the locale's currency when it is written with that sign; else the sign's own. */
function currencyOfPart(sign: string, locale: string | undefined, paneLocale: Locale): string | undefined {
  if (isCurrencyCode(sign)) return sign;
  const named = localeCurrency(locale);
  if (sign !== "" && named && signsOf(named.currency, named.tag).includes(sameSign(sign))) return named.currency;
  return currencyOfSign(sign, paneLocale);
}

/** A token's currency, if it shows one. Quoted text counts only as a whole sign ("€ ", "USD"), never inside words ("Total $"). */
function currencyOfToken(token: Token, paneLocale: Locale): string | undefined {
  if (token.kind === "currency") return currencyOfPart(token.sign, token.locale, paneLocale);
  return token.kind === "plain" || token.kind === "quoted" ? currencyOfSign(token.text, paneLocale) : undefined;
}

/**
 * The currency a number format shows amounts in (ISO 4217), or undefined when it shows none. A lone ¥
 * follows the pane's language (zh-CN: CNY, else JPY); `[$¥-411]` and `[$¥-804]` say which themselves.
 * @example currencyOfFormat("[$€-407] #,##0.00", "en") //=> "EUR"
 */
export function currencyOfFormat(format: string, paneLocale: Locale): string | undefined {
  const [first] = sections(format);
  if (first.some((token) => token.kind === "plain" && token.text === "@")) return undefined; // a text format
  for (const token of first) {
    const currency = currencyOfToken(token, paneLocale);
    if (currency) return currency;
  }
  return undefined;
}

/**
 * The format to write money in so it looks as it does in the job log: the log's first section (positive
 * amounts) as written, without its colour; undefined when the log shows no currency, or picks sections
 * by condition (`[>=1000]`: no one section shows every amount), and the add-in's own format should be used.
 * @example moneyFormat('[Blue]"$"#,##0.00;[Red]("$"#,##0.00)') //=> '"$"#,##0.00'
 */
export function moneyFormat(format: string): string | undefined {
  const all = sections(format);
  const byCondition = all.flat().some((token) => token.kind === "bracket" && /^[<>=]/.test(token.text));
  if (byCondition || currencyOfFormat(format, "en") === undefined) return undefined;
  return all[0]
    .filter((token) => token.kind !== "bracket")
    .map((token) => token.raw)
    .join("");
}

/**
 * The format money is written in on the sheets, from the job log: its amount column's format on the first
 * row (JobData.numberFormats) when that shows a currency; undefined for the add-in's own.
 * @example logMoneyFormat(["yyyy-mm-dd", '"$"#,##0.00'], { date: 0, amount: 1 }) //=> '"$"#,##0.00'
 */
export function logMoneyFormat(numberFormats: readonly string[] | undefined, columns: ColumnMap): string | undefined {
  const format = columns.amount === undefined ? undefined : numberFormats?.[columns.amount];
  return format === undefined ? undefined : moneyFormat(format);
}
