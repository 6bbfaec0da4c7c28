import type { Locale } from "../../okr/locale";
import en from "./en.json";
import zhCN from "./zh-CN.json";

/** Every message the pane shows, by id: a typo or a message missing in a language fails the type check. */
export type MessageId = keyof typeof en;

/** The pane's catalogues, flat ids to ICU messages; messages.test.ts checks both have the same ids and placeholders. */
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = { en, "zh-CN": zhCN };
