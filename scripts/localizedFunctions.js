// A translated copy of the custom functions' metadata (functions.json), built from a catalogue.
//
// Microsoft's guide, "Custom functions naming and localization" (learn.microsoft.com/office/dev/
// add-ins/excel/custom-functions-naming#localize-custom-functions): metadata generated from JSDoc
// cannot be localized in place, so each language gets its own JSON file, which the manifest names in
// a <bt:Override Locale="..."> of the metadata URL. In that file a function's `name` and
// `description`, and each parameter's `name` and `description`, may be translated; the `id` never
// is. We translate the descriptions only and keep every name: the help pages, the README and the OKR
// sheet's =KPI.* formulas all spell functions and parameters the one way, so the word a user sees in
// formula autocomplete is the word the Chinese help page explains. Types, dimensionality, options
// and results are copied as they are. The help link points at the same section of the page in the
// catalogue's language.

/**
 * The metadata with its descriptions taken from `catalogue` and each help link moved from
 * `helpPage` to `localHelpPage`; throws an Error listing every function or parameter the catalogue
 * lacks, or has in excess, so a new function or parameter cannot ship untranslated.
 * @param {{ functions: object[] }} metadata functions.json as custom-functions-metadata writes it
 * @param {Record<string, { description: string, parameters: Record<string, string> }>} catalogue
 * @param {{ helpPage: string, localHelpPage: string }} pages file names of the two help pages
 * @example localizeFunctions({ functions: [{ id: "LIFESPAN", name: "LIFESPAN", description: "Expected customer lifetime", parameters: [{ name: "annualChurn", description: "Share lost per year", type: "any" }] }] },
 *   { LIFESPAN: { description: "预期客户生命周期", parameters: { annualChurn: "每年流失的客户比例" } } }, { helpPage: "functions.html", localHelpPage: "functions.zh-CN.html" })
 * //=> { functions: [{ id: "LIFESPAN", name: "LIFESPAN", description: "预期客户生命周期", parameters: [{ name: "annualChurn", description: "每年流失的客户比例", type: "any" }] }] }
 */
function localizeFunctions(metadata, catalogue, pages) {
  const problems = [];
  const ids = new Set(metadata.functions.map((fn) => fn.id));
  for (const id of Object.keys(catalogue)) if (!ids.has(id)) problems.push(`KPI.${id} is translated but is not a function in functions.json`);

  const functions = metadata.functions.map((fn) => {
    const entry = catalogue[fn.id];
    if (entry === undefined) {
      problems.push(`KPI.${fn.id} has no translation`);
      return fn;
    }
    for (const key of Object.keys(entry)) if (key !== "description" && key !== "parameters") problems.push(`KPI.${fn.id}: "${key}" is not translated (only "description" and "parameters" are)`);
    if (!isText(entry.description)) problems.push(`KPI.${fn.id} has no translated description`);

    const translatedParameters = entry.parameters ?? {};
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(translatedParameters)) if (!names.has(name)) problems.push(`KPI.${fn.id}: "${name}" is translated but is not one of its parameters (${[...names].join(", ")})`);
    const parameters = fn.parameters.map((parameter) => {
      const description = translatedParameters[parameter.name];
      if (!isText(description)) problems.push(`KPI.${fn.id}: parameter "${parameter.name}" has no translated description`);
      return { ...parameter, description };
    });

    const localized = { ...fn, description: entry.description, parameters };
    if (fn.helpUrl !== undefined) localized.helpUrl = movedHelpUrl(fn, pages, problems);
    return localized;
  });

  if (problems.length > 0) throw new Error(problems.join("\n"));
  return { ...metadata, functions };
}

const isText = (value) => typeof value === "string" && value.trim() !== "";

/** The function's help link on the other language's page, at the same anchor. */
function movedHelpUrl(fn, { helpPage, localHelpPage }, problems) {
  const url = new URL(fn.helpUrl);
  if (!url.pathname.endsWith(`/${helpPage}`)) {
    problems.push(`KPI.${fn.id}: its help link ${fn.helpUrl} is not on ${helpPage}, so there is no translated page to point it at`);
    return fn.helpUrl;
  }
  url.pathname = url.pathname.slice(0, -helpPage.length) + localHelpPage;
  return url.href;
}

module.exports = { localizeFunctions };
