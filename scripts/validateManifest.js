// Offline check of the add-in manifest. `office-addin-manifest validate` sends XML manifests to a web
// service, which CI and offline machines cannot reach; this checks what breaks sideloading most often.
// Usage: node scripts/validateManifest.js manifest.xml
const { readFileSync, existsSync } = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** A parsed element: its tag, attributes and child elements in document order. */
function toTree(node) {
  const tag = Object.keys(node).find((key) => key !== ":@");
  const children = Array.isArray(node[tag]) ? node[tag].filter((child) => !("#text" in child)).map(toTree) : [];
  const text = Array.isArray(node[tag]) ? node[tag].filter((child) => "#text" in child).map((child) => String(child["#text"])).join("") : "";
  return { tag, attributes: node[":@"] || {}, children, text: text.trim() };
}

function* descendants(element) {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}

const local = (tag) => tag.replace(/^.*:/, "");
const find = (element, name) => [...descendants(element)].filter((e) => local(e.tag) === name);

/** The width and height in a PNG's IHDR chunk, or undefined for a file that is not a PNG. */
function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+\.\d+$/;
const NAMESPACE = /^[A-Za-z0-9]{1,32}$/;

/**
 * The problems in a manifest's text, as sentences; none means it passed.
 * `assetsDir` is where the icons the manifest names (…/assets/x.png) are found.
 */
function checkManifest(xml, { assetsDir }) {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
  const root = parsed.map(toTree).find((e) => local(e.tag) === "OfficeApp");
  if (!root) return ["no <OfficeApp> root element"];
  const problems = [];
  const text = (name) => find(root, name)[0]?.text;

  if (!GUID.test(text("Id") || "")) problems.push(`<Id> "${text("Id")}" is not a GUID`);
  if (!VERSION.test(text("Version") || "")) problems.push(`<Version> "${text("Version")}" is not a four-part version like 1.0.0.0`);

  // Resources: every resid used is defined, and every definition is used.
  const defined = new Map();
  for (const kind of ["Image", "Url", "String"]) {
    for (const resource of find(root, kind)) if (resource.attributes.id) defined.set(resource.attributes.id, resource);
  }
  const used = [...descendants(root)].filter((e) => e.attributes.resid).map((e) => e.attributes.resid);
  for (const resid of new Set(used)) if (!defined.has(resid)) problems.push(`resid "${resid}" is used but not defined under <Resources>`);
  for (const id of defined.keys()) if (!used.includes(id)) problems.push(`resource "${id}" is defined but never used`);

  // Shared runtime: Runtimes first under the Host, one long-lived runtime, and the functions'
  // page, the function file and the runtime all the same page.
  const sets = find(root, "Set").map((s) => s.attributes.Name);
  if (!sets.includes("SharedRuntime")) problems.push('the "SharedRuntime" requirement set is not declared');
  for (const host of find(root, "Host").filter((h) => h.children.length > 0)) {
    if (local(host.children[0].tag) !== "Runtimes") problems.push(`<Runtimes> must be the first element in <Host>, not <${local(host.children[0].tag)}>`);
  }
  const runtimes = find(root, "Runtime");
  if (!runtimes.some((r) => r.attributes.lifetime === "long")) problems.push('no <Runtime> has lifetime="long"');
  const pageResid = find(root, "Page")[0] && find(find(root, "Page")[0], "SourceLocation")[0]?.attributes.resid;
  const functionFile = find(root, "FunctionFile")[0]?.attributes.resid;
  for (const [what, resid] of [["<Runtime>", runtimes[0]?.attributes.resid], ["<FunctionFile>", functionFile]]) {
    if (resid !== pageResid) problems.push(`${what} uses "${resid}" but the custom functions' <Page> uses "${pageResid}": a shared runtime needs one page`);
  }

  // Custom functions' namespace.
  const namespaceResid = find(root, "Namespace")[0]?.attributes.resid;
  const namespace = defined.get(namespaceResid)?.attributes.DefaultValue;
  if (namespace === undefined) problems.push("no custom-functions <Namespace>");
  else if (!NAMESPACE.test(namespace)) problems.push(`namespace "${namespace}" must be 1 to 32 letters or digits`);

  // URLs: https, all on the add-in's own origin (help and support links may point elsewhere).
  const external = new Set(["SupportUrl", "LearnMoreUrl"]);
  const urls = [];
  for (const element of descendants(root)) {
    const value = element.attributes.DefaultValue;
    if (local(element.tag) === "AppDomain") urls.push({ where: "<AppDomain>", url: element.text });
    else if (value && (["SourceLocation", "IconUrl", "HighResolutionIconUrl"].includes(local(element.tag)) || ["Url", "Image"].includes(local(element.tag)))) {
      if (!(element.attributes.id || "").includes("LearnMore")) urls.push({ where: element.attributes.id || `<${local(element.tag)}>`, url: value });
    } else if (value && external.has(local(element.tag)) && !value.startsWith("https://")) {
      problems.push(`<${local(element.tag)}> "${value}" must use https`);
    }
  }
  const origins = new Set();
  for (const { where, url } of urls) {
    let parsedUrl;
    try {
      parsedUrl = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsedUrl.protocol !== "https:") problems.push(`${where}: "${url}" must use https`);
    origins.add(parsedUrl.origin);
  }
  if (origins.size > 1) problems.push(`the add-in's URLs use more than one origin: ${[...origins].join(", ")}`);

  // Icons: each file exists and has the size its use declares.
  const declaredSize = new Map();
  for (const image of find(root, "Image")) if (image.attributes.size) declaredSize.set(image.attributes.resid, Number(image.attributes.size));
  const icons = [
    ...find(root, "Image").filter((i) => i.attributes.id).map((i) => ({ where: i.attributes.id, url: i.attributes.DefaultValue, size: declaredSize.get(i.attributes.id) })),
    { where: "<IconUrl>", url: find(root, "IconUrl")[0]?.attributes.DefaultValue, size: 32 },
    { where: "<HighResolutionIconUrl>", url: find(root, "HighResolutionIconUrl")[0]?.attributes.DefaultValue, size: 64 },
  ];
  for (const { where, url, size } of icons) {
    const file = url && url.match(/\/assets\/([^/?#]+)$/)?.[1];
    if (!file) {
      problems.push(`${where}: "${url}" is not an image under /assets/`);
      continue;
    }
    const onDisk = path.join(assetsDir, file);
    if (!existsSync(onDisk)) {
      problems.push(`${where}: ${file} is not in assets/`);
      continue;
    }
    const actual = pngSize(onDisk);
    if (!actual) problems.push(`${where}: ${file} is not a PNG`);
    else if (size && (actual.width !== size || actual.height !== size)) problems.push(`${where}: ${file} is ${actual.width}×${actual.height}, not ${size}×${size}`);
  }
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  const problems = checkManifest(readFileSync(file, "utf8"), { assetsDir: path.join(path.dirname(path.resolve(file)), "assets") });
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${file}: ${problem}`);
    process.exit(1);
  }
  console.log(`${file}: OK`);
}
