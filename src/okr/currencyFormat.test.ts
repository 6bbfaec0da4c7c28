import { currencyOfFormat, logMoneyFormat, moneyFormat } from "./currencyFormat";

describe("currencyOfFormat", () => {
  // Formats as Excel writes them (Format Cells > Currency / Accounting, in several Windows locales), read by hand:
  // the LCIDs from Microsoft's [MS-LCID] list (409 en-US, 407 de-DE, 411 ja-JP, 804 zh-CN, 406 da-DK, C09 en-AU ...).
  it.each([
    ['"$"#,##0.00', "USD"],
    ["$#,##0.00", "USD"],
    ["\\$#,##0.00", "USD"],
    ["[$$-409]#,##0.00", "USD"],
    ["[$$-C09]#,##0.00", "AUD"],
    ["[$$-1009]#,##0.00", "CAD"],
    ["[$$-80A]#,##0.00", "MXN"],
    ["[$€-407] #,##0.00", "EUR"],
    ["[$€-2] #,##0.00", "EUR"],
    ["#,##0.00 [$€-40C]", "EUR"],
    ['"€"#,##0.00', "EUR"],
    ['#,##0.00 "€"', "EUR"],
    ["#,##0.00\\ €", "EUR"],
    ["£#,##0.00", "GBP"],
    ["[$£-809]#,##0.00", "GBP"],
    ["[$¥-411]#,##0", "JPY"],
    ["[$¥-804]#,##0.00", "CNY"],
    ["[$￥-411]#,##0", "JPY"],
    ["[$CNY] #,##0.00", "CNY"],
    ["[$USD] #,##0.00", "USD"],
    ["[$CHF-807] #,##0.00", "CHF"],
    ["#,##0.00 [$kr.-406]", "DKK"],
    ["#,##0.00 [$kr-41D]", "SEK"],
    ["[$R-1C09]#,##0.00", "ZAR"],
    ["[$₹-4009]#,##0.00", "INR"],
    ["[$₩-412]#,##0", "KRW"],
    ["[$$-en-CA]#,##0.00", "CAD"],
    ["[$¥-ja-JP]#,##0", "JPY"],
    ['#,##0.00"元"', "CNY"],
    ['"RMB "#,##0.00', "CNY"],
    ['"US$"#,##0.00', "USD"],
    ['"HK$"#,##0.00', "HKD"],
    // Accounting: padding (_) and fill (*) around the sign.
    ['_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', "USD"],
    ['_-[$€-407]* #,##0.00_-;-[$€-407]* #,##0.00_-;_-[$€-407]* "-"??_-;_-@_-', "EUR"],
  ])("%s → %s", (format, currency) => {
    expect(currencyOfFormat(format, "en")).toBe(currency);
  });

  it.each([
    ["¥#,##0.00", "en", "JPY"],
    ["¥#,##0.00", "zh-CN", "CNY"],
    ['"￥"#,##0.00;"￥"-#,##0.00', "zh-CN", "CNY"],
    // A locale beside the sign says which yen it is, whatever the pane's language.
    ["[$¥-411]#,##0", "zh-CN", "JPY"],
    ["[$¥-804]#,##0.00", "en", "CNY"],
  ] as const)("a ¥ in %s read in %s → %s", (format, locale, currency) => {
    expect(currencyOfFormat(format, locale)).toBe(currency);
  });

  describe("edge cases", () => {
    it.each([
      ["General"],
      [""],
      ["#,##0.00"],
      ["0.0%"],
      ["@"],
      ['@" USD"'],
      ["yyyy-mm-dd"],
      // A locale part with no sign: a date or number shown the US way, not money.
      ["[$-409]mmm d, yyyy"],
      ["[$-F800]dddd, mmmm dd, yyyy"],
      // Quoted text is a sign only as a whole.
      ['"Total: "0.00'],
      ['0.00" per $ spent"'],
      ['0" ALL"'],
      // Colours and conditions are not text.
      ["[Red]0.00"],
      ["[Color10]#,##0"],
      ["[>=100]0;0.00"],
      // The sign in a later section only: the positive amounts show none.
      ['#,##0.00;[Red]-"$"#,##0.00'],
      // Padding as wide as "$", and "$" repeated as fill, show no sign.
      ["_$#,##0.00"],
      ["*$#,##0.00"],
      // An unclosed bracket: read to the end, never thrown on.
      ["[$"],
    ])("%j shows no currency", (format) => {
      expect(currencyOfFormat(format, "en")).toBeUndefined();
    });

    it.each([
      ['[Red]"$"#,##0.00', "USD"],
      ['[Blue][>=0]"€"#,##0.00;[Red]"€"-#,##0.00', "EUR"],
      // An LCID whose own currency is written otherwise: the sign wins (€ is not the US dollar).
      ["[$€-409]#,##0.00", "EUR"],
      // High bits of an LCID pick calendars and digits; the low 16 bits are the locale.
      ["[$¥-1000411]#,##0", "JPY"],
      ["[$$-x-sysdecimal]#,##0.00", "USD"],
      // An unknown locale: the sign's usual currency.
      ["[$$-9999]#,##0.00", "USD"],
      ["[$€-zz-@@]0", "EUR"],
      ["[$XYZ] 0", undefined],
      // An unclosed quote: its text runs to the end.
      ['"$', "USD"],
    ])("%j → %s", (format, currency) => {
      expect(currencyOfFormat(format, "en")).toBe(currency);
    });
  });
});

it("runs the JSDoc examples", () => {
  expect(currencyOfFormat("[$€-407] #,##0.00", "en")).toBe("EUR");
  expect(moneyFormat('[Blue]"$"#,##0.00;[Red]("$"#,##0.00)')).toBe('"$"#,##0.00');
  expect(logMoneyFormat(["yyyy-mm-dd", '"$"#,##0.00'], { date: 0, amount: 1 })).toBe('"$"#,##0.00');
});

describe("logMoneyFormat", () => {
  it.each([
    [["yyyy-mm-dd", '"$"#,##0.00'], { date: 0, amount: 1 }, '"$"#,##0.00'],
    [["yyyy-mm-dd", "#,##0.00"], { date: 0, amount: 1 }, undefined],
    // The currency of another column is not the amount's.
    [['"$"#,##0.00', "#,##0.00"], { date: 1, amount: 1 }, undefined],
    [['"$"#,##0.00'], { date: 0 }, undefined],
    [undefined, { date: 0, amount: 1 }, undefined],
  ])("%j with %j → %j", (formats, columns, written) => {
    expect(logMoneyFormat(formats, columns)).toBe(written);
  });
});

describe("moneyFormat", () => {
  it.each([
    ['"$"#,##0.00', '"$"#,##0.00'],
    ["[$€-407] #,##0.00", "[$€-407] #,##0.00"],
    ['"$"#,##0.00;[Red]("$"#,##0.00)', '"$"#,##0.00'],
    ['[Blue]"$"#,##0.00;[Red]-"$"#,##0.00', '"$"#,##0.00'],
    ["\\$#,##0.00", "\\$#,##0.00"],
    ["#,##0.00\\ [$€-407]", "#,##0.00\\ [$€-407]"],
    ['_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', '_("$"* #,##0.00_)'],
    ['#,##0.00 "€"', '#,##0.00 "€"'],
    ["¥#,##0.00", "¥#,##0.00"],
  ])("%j is written as %j", (format, written) => {
    expect(moneyFormat(format)).toBe(written);
  });

  describe("edge cases", () => {
    it.each([
      ["#,##0.00"],
      ["General"],
      ["@"],
      // Sections picked by condition: no one of them shows every amount.
      ['[>=1000000]"$"0.0,,"M";[>=1000]"$"0.0,"K";"$"0'],
    ])("%j: the add-in's own format", (format) => {
      expect(moneyFormat(format)).toBeUndefined();
    });
  });
});
