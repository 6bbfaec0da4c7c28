/**
 * How a job log's technician cell names the technicians of a job: one name, or several on a shared job
 * ("Ann Lee, Bob", "Ann & Bob", "张三、李四"), each of whom gets the credit.
 */

/** What separates the names of a shared job's technicians. */
export const NAME_SEPARATORS = [",", ";", "/", "&", "、"] as const;

const SEPARATOR = new RegExp(`[${NAME_SEPARATORS.join("")}]`, "u");
/** Excel's error values as Range.values gives them: a cell holding one names nobody (the sheet's IFERROR reads it as blank). */
const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/**
 * The names a technician cell holds, as written, with spaces trimmed and runs of spaces joined (as
 * Excel's TRIM does, so the sheet's native formulas find the same names); a number is its text, and
 * a blank, a TRUE or FALSE or an error value holds none.
 * @example technicianNames(" Ann  Lee & Bob,,") //=> ["Ann Lee", "Bob"]
 */
export function technicianNames(cell: unknown): string[] {
  if ((typeof cell !== "string" && typeof cell !== "number") || ERROR_TEXT.test(String(cell))) return [];
  return String(cell)
    .split(SEPARATOR)
    .map((name) => name.replace(/ +/g, " ").replace(/^ | $/g, ""))
    .filter((name) => name !== "");
}

/**
 * The key two spellings of one technician share: the name in lower case, as the sheet's formulas compare it.
 * @example technicianKey("Ann Lee") === technicianKey("ANN LEE") //=> true
 */
export function technicianKey(name: string): string {
  return name.toLowerCase();
}
