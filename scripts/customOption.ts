// --custom "<objective>|<key result>|<value>|<target>[|<baseline>[|<shown as>]]" of npm run okr: a key
// result of the user's own, read into the draft the pane would hold, so that it goes the pane's way
// (drafts.ts toKeyResults) onto the sheet. --objective "<name>" adds an objective of the user's own.
import { CUSTOM_FORMATS, CUSTOM_ID_PREFIX, CustomFormat, OWN_OBJECTIVE_PREFIX } from "../src/okr/customKeyResults";
import { CustomDraft, readValue } from "../src/okr/drafts";
import type { KrType } from "../src/okr/templates";
import { sameName } from "./jobLog";

/** An objective a custom key result can name: a template's (by id or name) or one added with --objective. */
export interface NamedObjective {
  id: string;
  name: string;
}

/** The value field's word for a number typed at each check-in, blank until then. */
const MANUAL = "manual";
/** Targets written >=4.5 or <=20: stay above or below, no baseline needed. */
const BOUNDS: readonly [string, KrType][] = [
  [">=", "above"],
  ["<=", "below"],
];
const PERCENT_TYPED = /[%％]\s*$/;

/**
 * A name as part of a stable id, so that a re-run finds the row it wrote: lower case, runs of anything
 * but letters and digits as "-".
 * @example idPart("Revenue (accounts)") //=> "revenue-accounts"
 */
export function idPart(name: string): string {
  return name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
}

/** An objective of the user's own from --objective, with an id that stays the same on every run. */
export function ownObjective(name: string): NamedObjective {
  if (idPart(name) === "") throw new Error(`--objective "${name}" has no letters or digits to name it by`);
  return { id: `${OWN_OBJECTIVE_PREFIX}${idPart(name)}`, name: name.trim() };
}

/** The KR type a target asks for: a bound (>=, <=), or from the baseline, up or down. */
function typeOf(fail: (why: string) => never, targetText: string, baselineText: string | undefined, format: CustomFormat): { type: KrType; target: string } {
  const bound = BOUNDS.find(([sign]) => targetText.startsWith(sign));
  const target = bound ? targetText.slice(bound[0].length).trim() : targetText;
  const number = (text: string, field: string) => {
    const value = readValue(format, text);
    if (typeof value !== "number") fail(`${field} "${text}" is not a number`);
    return value;
  };
  const targetValue = number(target, "the target");
  if (bound) return { type: bound[1], target };
  if (baselineText === undefined) fail(`give a baseline after the target (…|${target}|<baseline>), or write the target as >=${target} to stay above it or <=${target} to stay below it`);
  const baseline = number(baselineText, "the baseline");
  if (targetValue === baseline) fail(`the target equals the baseline, ${baselineText}: write >=${target} to stay above it or <=${target} to stay below it`);
  return { type: targetValue > baseline ? "increase" : "decrease", target };
}

/**
 * One --custom as the pane's draft: objective (a template's id or name, or one added with --objective,
 * any case), key result's name, value (=formula, a number typed now, or "manual" for one typed later),
 * target (120000 with a baseline to go up or down from, >=4.5 to stay above, <=20 to stay below),
 * baseline, and how the value is shown (number, percent, currency, hours; percent when a % is typed).
 * @example customDraft("grow|Reviews|4.2|>=4.5", [{ id: "grow", name: "Grow the business" }]).type //=> "above"
 */
export function customDraft(text: string, objectives: readonly NamedObjective[]): CustomDraft {
  // Typed out, so that TypeScript knows nothing runs after a call to it.
  const fail: (why: string) => never = (why) => {
    throw new Error(`--custom "${text}": ${why}`);
  };
  const fields = text.split("|").map((field) => field.trim());
  if (fields.length < 4 || fields.length > 6) fail(`has ${fields.length} parts: write "<objective>|<key result>|<=formula, a number or manual>|<target>[|<baseline>[|<shown as>]]"`);
  const [objectiveName, name, value, targetText, baselineText = "", shownAs] = fields;
  const objective = objectives.find((o) => sameName(o.id, objectiveName) || sameName(o.name, objectiveName));
  if (!objective) fail(`there is no objective "${objectiveName}": use one of ${objectives.map((o) => `${o.id} (${o.name})`).join(", ")}, or add it with --objective "${objectiveName}"`);
  if (idPart(name) === "") fail(`the key result "${name}" has no letters or digits to name it by`);
  const percentTyped = [targetText, baselineText].some((field) => PERCENT_TYPED.test(field));
  const format = shownAs === undefined ? (percentTyped ? "percent" : "number") : CUSTOM_FORMATS.find((f) => sameName(f, shownAs));
  if (!format) fail(`"${shownAs}" is not how a value can be shown: use one of ${CUSTOM_FORMATS.join(", ")}`);
  const isFormula = value.startsWith("=");
  const isManual = sameName(value, MANUAL);
  if (!isFormula && !isManual && typeof readValue(format, value) !== "number") fail(`the value "${value}" is not a formula (start it with =), a number or ${MANUAL}`);
  const { type, target } = typeOf(fail, targetText, baselineText === "" ? undefined : baselineText, format);
  return {
    id: `${CUSTOM_ID_PREFIX}${idPart(objective.id)}:${idPart(name)}`,
    objectiveId: objective.id,
    objective: objective.name,
    name,
    type,
    target,
    owner: "",
    weight: "",
    custom: { kind: isFormula ? "formula" : "manual", format: format, formula: isFormula ? value : "", current: isFormula || isManual ? "" : value, baseline: baselineText },
  };
}
