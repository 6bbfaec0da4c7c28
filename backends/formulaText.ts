/**
 * Pieces of a formula's text that are what they are, for the backends that rewrite formulas: "text",
 * a 'quoted sheet name', and a structured reference's [brackets] (' escapes [ ] # and ', one level of
 * nesting as in Jobs[[First-visit fix]]). Regular-expression source, to combine with what each looks for.
 */
export const QUOTED = String.raw`"(?:[^"]|"")*"|'(?:[^']|'')*'`;
export const BRACKETS = String.raw`\[(?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*\]`;
