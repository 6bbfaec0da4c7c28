/** The languages the add-in speaks to a person: English and Simplified Chinese. */
export const LOCALES = ["en", "zh-CN"] as const;

export type Locale = (typeof LOCALES)[number];
