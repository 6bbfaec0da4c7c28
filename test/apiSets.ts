import { XMLParser } from "fast-xml-parser";
import path from "path";
import ts from "typescript";

/**
 * Which Excel JavaScript API requirement set each member the adapter touches needs, read from the
 * `[Api set: ExcelApi 1.8]` remarks that Microsoft ships in @types/office-js, and whether manifest.xml
 * declares it. Used by apiSets.test.ts; kept apart so the check can be run on the real adapter and on a
 * probe file that must fail.
 */

/** The one file whose JSDoc is trusted: Microsoft's own declarations, not anything of ours. */
const OFFICE_JS = path.join("node_modules", "@types", "office-js", "index.d.ts");
/**
 * Namespaces whose members are Excel API surface. Excel.RequestContext inherits sync/load/trackedObjects
 * from OfficeExtension (through OfficeCore), and every proxy object inherits isNullObject/context from
 * OfficeExtension.ClientObject, so leaving those out would hide most of the calls the adapter makes.
 */
const API_NAMESPACES = new Set(["Excel", "OfficeExtension", "OfficeCore"]);
/**
 * What an untagged member counts as. The untagged ones are the request-context plumbing (Excel.run,
 * RequestContext.workbook, sync, load, isNullObject, EventHandlers.add, collections' items): the batch
 * model that ExcelApi 1.1 introduced, so no Excel that runs the adapter at all lacks them. They are
 * counted as ExcelApi 1.1 rather than skipped so that the table shows them and a reader can judge.
 */
const UNTAGGED = { set: "ExcelApi", version: "1.1" };
/**
 * A set that needs no declaration: every Excel with the custom-functions and shared runtimes the
 * manifest requires has ExcelApi 1.1, the first Excel JavaScript API set.
 */
const IMPLICIT = { set: "ExcelApi", version: "1.1" };

/** How an expression uses a member: some tags give one version for reading and another for setting. */
export type Access = "read" | "write" | "readwrite";

/** What one `[Api set: ...]` tag says. */
export interface ApiSetTag {
  set: string;
  /** The version the member first appeared in (for a property, the version for reading it). */
  version: string;
  /** Where the tag gives a later version for setting the property ("1.1 for get, 1.8 for set"). */
  writeVersion?: string;
  /** Other conditions ("1.7 for password", "1.4 allows adding of multiple rows"): shown, not enforced. */
  notes: string[];
}

/** One use of a member in the source, with the requirement it implies. */
export interface MemberUse {
  /** Declaring type and member, "Excel.Worksheet.onCalculated"; " (set)" when a setter needs more. */
  member: string;
  set: string;
  version: string;
  /** False when the declaration has no tag and the member counts as {@link UNTAGGED}. */
  tagged: boolean;
  notes: string[];
  /** "src/excel/liveView.ts:57". */
  at: string;
}

/** All uses of one member merged: the highest version any of them needs, and where it is used. */
export interface MemberRequirement {
  member: string;
  set: string;
  version: string;
  tagged: boolean;
  notes: string[];
  at: string[];
}

/**
 * Compares two dotted versions part by part, as numbers: 1.10 comes after 1.9 (as text or as a float
 * it would not).
 *
 * @example
 * compareVersions("1.10", "1.9") //=> 1
 * compareVersions("1.8", "1.8.0") //=> 0
 * compareVersions("1.1", "1.12") //=> -1
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Reads the text inside one `[Api set: ...]` tag. The first version is when the member appeared; a
 * clause naming "set"/"setting" gives the version for setting it; any other clause is a condition on
 * the arguments or values that a static check cannot see, kept as a note.
 *
 * @example
 * parseApiSetTag("ExcelApi 1.8") //=> { set: "ExcelApi", version: "1.8", notes: [] }
 * parseApiSetTag("ExcelApi 1.1 for get, 1.8 for set") //=> { set: "ExcelApi", version: "1.1", writeVersion: "1.8", notes: [] }
 * parseApiSetTag("ExcelApi 1.2 for options; 1.7 for password") //=> { set: "ExcelApi", version: "1.2", notes: ["1.7 for password"] }
 */
export function parseApiSetTag(text: string): ApiSetTag | undefined {
  // Split only where a new version or set starts, so "1.1 for String,Integer,Double" stays one clause.
  const [first, ...rest] = text
    .trim()
    .split(/\s*[;,]\s*(?=\d|ExcelApi)/)
    .map((clause) => clause.trim());
  const head = /^([A-Za-z]\w*)\s+(\d+(?:\.\d+)*)/.exec(first);
  if (!head) return undefined;
  const tag: ApiSetTag = { set: head[1], version: head[2], notes: [] };
  for (const clause of rest) {
    const version = /^(?:[A-Za-z]\w*\s+)?(\d+(?:\.\d+)*)/.exec(clause)?.[1];
    if (version && /\bset(ting)?\b/i.test(clause)) tag.writeVersion = version;
    else tag.notes.push(clause);
  }
  return tag;
}

/** The JSDoc of a declaration in office-js: its remarks' tag, and any tags on single parameters as notes. */
function tagOf(declaration: ts.Declaration): ApiSetTag | undefined {
  const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
  const doc = docs[docs.length - 1];
  if (!doc) return undefined;
  const text = declaration.getSourceFile().text.slice(doc.pos, doc.end);
  // The member's own tag is under @remarks, before the @param blocks; a tag inside a @param block
  // ("[Api set: ExcelApi 1.1 / 1.3. Prior to ExcelApi 1.3, this parameter must be a string...]")
  // only says which argument types need a later version.
  const [main, ...params] = text.split(/@param\s+/);
  const own = /\[Api set:([^\]]*)\]/.exec(main);
  const tag = own ? parseApiSetTag(own[1]) : undefined;
  if (!tag) return undefined;
  for (const block of params) {
    const onParameter = /\[Api set:([^\]]*)\]/.exec(block);
    if (onParameter) tag.notes.push(`${block.split(/\s/)[0]}: ${onParameter[1].trim().replace(/\s+/g, " ")}`);
  }
  return tag;
}

/** "Excel.Worksheet.onCalculated" for the declaration of onCalculated in `declare namespace Excel { class Worksheet ... } }`. */
function qualifiedName(declaration: ts.Node): string[] {
  const parts: string[] = [];
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    if (ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isVariableDeclarationList(node) || ts.isVariableStatement(node)) continue;
    const name = ts.getNameOfDeclaration(node as ts.Declaration);
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name))) parts.unshift(name.text);
  }
  return parts;
}

function isOfficeJs(declaration: ts.Declaration): boolean {
  return path.normalize(declaration.getSourceFile().fileName).endsWith(OFFICE_JS);
}

/** Whether the expression is assigned to, read, or both (`+=`, `++`). */
function accessOf(expression: ts.Expression): Access {
  let node: ts.Node = expression;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node) {
    const operator = parent.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken) return "write";
    if (operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment) return "readwrite";
  }
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && [ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(parent.operator)) {
    return "readwrite";
  }
  return "read";
}

/**
 * The declarations a use refers to. A union receiver (`Excel.Table | Excel.Worksheet`) gives one per
 * member of the union, and each counts; of a method's overloads only the one the call resolves to
 * counts, since overloads can carry different tags; of a getter/setter pair, the one the access uses.
 */
function declarationsOf(checker: ts.TypeChecker, symbol: ts.Symbol, use: ts.Node, access: Access): ts.Declaration[] {
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  let declarations = resolved.declarations ?? [];
  const call = use.parent;
  if (ts.isCallExpression(call) && call.expression === use) {
    const chosen = checker.getResolvedSignature(call)?.declaration;
    if (chosen && declarations.includes(chosen as ts.Declaration)) declarations = declarations.filter((d) => d === chosen || d.parent !== chosen.parent);
  }
  const getters = declarations.filter(ts.isGetAccessorDeclaration);
  const setters = declarations.filter(ts.isSetAccessorDeclaration);
  if (access === "read" && getters.length > 0) declarations = declarations.filter((d) => !ts.isSetAccessorDeclaration(d));
  if (access === "write" && setters.length > 0) declarations = declarations.filter((d) => !ts.isGetAccessorDeclaration(d));
  return declarations;
}

/**
 * Every use of an Excel JavaScript API member in `files` (which must be in `program`): property
 * accesses (`range.values`, `Excel.ClearApplyTo.contents`), element accesses with a string literal
 * (`range["values"]`), destructuring (`const { worksheets } = context.workbook`) and properties of
 * object literals typed by the API (`bar.lowerBoundRule = { type, formula }`), and enum values given as
 * text (`range.clear("Contents")` uses Excel.ClearApplyTo.contents). Names inside load("...")
 * strings are not members used: what the adapter reads after loading is itself a property access.
 */
export function findApiUses(program: ts.Program, files: string[], root: string): MemberUse[] {
  const checker = program.getTypeChecker();
  const uses: MemberUse[] = [];

  const record = (symbol: ts.Symbol | undefined, use: ts.Node, access: Access) => {
    if (!symbol) return;
    const sourceFile = use.getSourceFile();
    const line = sourceFile.getLineAndCharacterOfPosition(use.getStart(sourceFile)).line + 1;
    const at = `${path.relative(root, sourceFile.fileName).split(path.sep).join("/")}:${line}`;
    const seen = new Set<string>();
    for (const declaration of declarationsOf(checker, symbol, use, access)) {
      if (!isOfficeJs(declaration)) continue;
      const name = qualifiedName(declaration);
      if (!API_NAMESPACES.has(name[0])) continue;
      const tag = tagOf(declaration);
      const setter = tag?.writeVersion !== undefined && access !== "read";
      const version = setter && tag.writeVersion ? tag.writeVersion : (tag?.version ?? UNTAGGED.version);
      const member = `${name.join(".")}${setter ? " (set)" : ""}`;
      if (seen.has(member)) continue;
      seen.add(member);
      uses.push({ member, set: tag?.set ?? UNTAGGED.set, version, tagged: tag !== undefined, notes: tag?.notes ?? [], at });
      // `x.p += 1` reads p as well as setting it.
      if (setter && access === "readwrite") uses.push({ member: name.join("."), set: tag.set, version: tag.version, tagged: true, notes: tag.notes, at });
    }
  };

  const propertyOf = (type: ts.Type | undefined, name: ts.PropertyName | ts.BindingName | undefined) => {
    if (!type || !name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return undefined;
    return checker.getPropertyOfType(checker.getApparentType(type), name.text);
  };

  /**
   * Enum values passed as text (`range.clear("Contents")`, `{ type: "Number" }`) are members too, and
   * some have their own, later version (ClearApplyTo.removeHyperlinks is ExcelApi 1.7, ClearApplyTo
   * 1.1). `expected` are the types the value goes into; for a method, every overload's, because
   * office-js declares the text values and the enum in separate overloads (`clear(applyTo?:
   * Excel.ClearApplyTo)` and `clear(applyTo?: "All" | "Contents" | ...)`), and the call resolves to the
   * text one.
   */
  const recordEnumValues = (value: ts.Expression, expected: (ts.Type | undefined)[]) => {
    const valueType = checker.getTypeAtLocation(value);
    const texts = new Set((valueType.isUnion() ? valueType.types : [valueType]).filter((t) => t.isStringLiteral()).map((t) => (t as ts.StringLiteralType).value));
    if (texts.size === 0) return;
    for (const type of expected.flatMap((t) => (t === undefined ? [] : t.isUnion() ? t.types : [t]))) {
      if (type.flags & ts.TypeFlags.EnumLiteral && type.isStringLiteral() && texts.has(type.value)) record(type.symbol, value, "read");
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      record(checker.getSymbolAtLocation(node.name), node, accessOf(node));
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      const symbol = checker.getSymbolAtLocation(node.argumentExpression) ?? propertyOf(checker.getTypeAtLocation(node.expression), node.argumentExpression);
      record(symbol, node, accessOf(node));
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && !node.dotDotDotToken) {
      record(propertyOf(checker.getTypeAtLocation(node.parent), node.propertyName ?? node.name), node, "read");
    } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
      record(propertyOf(checker.getContextualType(node.parent), node.name), node, "write");
      const value = ts.isPropertyAssignment(node) ? node.initializer : node.name;
      recordEnumValues(value, [checker.getContextualType(value)]);
    } else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = checker.getTypeAtLocation(node.expression);
      const signatures = ts.isCallExpression(node) ? callee.getCallSignatures() : callee.getConstructSignatures();
      (node.arguments ?? []).forEach((argument, i) => {
        const parameters = signatures.map((signature) => signature.getParameters()[i]).filter((p) => p !== undefined);
        recordEnumValues(
          argument,
          parameters.map((p) => checker.getTypeOfSymbolAtLocation(p, node)),
        );
      });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      recordEnumValues(node.right, [checker.getContextualType(node.right)]);
    }
    ts.forEachChild(node, visit);
  };

  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new Error(`${file} is not in the program`);
    visit(sourceFile);
  }
  return uses;
}

/**
 * Property accesses on a value typed `any` ("x.y at src/excel/a.ts:3"): the type checker cannot say
 * whose member they are, so the check above cannot see them. Listed so that a reader notices an Excel
 * object that lost its type.
 */
export function untypedAccesses(program: ts.Program, files: string[], root: string): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && checker.getTypeAtLocation(node.expression).flags & ts.TypeFlags.Any) {
      const sourceFile = node.getSourceFile();
      const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
      found.push(`${node.getText(sourceFile)} at ${path.relative(root, sourceFile.fileName).split(path.sep).join("/")}:${line}`);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(program.getSourceFile(file) as ts.SourceFile);
  return found;
}

/** One row per member, needing the highest version any use of it needs; sorted by member. */
export function summarize(uses: MemberUse[]): MemberRequirement[] {
  const byMember = new Map<string, MemberRequirement>();
  for (const use of uses) {
    const row = byMember.get(use.member);
    if (!row) {
      byMember.set(use.member, { member: use.member, set: use.set, version: use.version, tagged: use.tagged, notes: [...use.notes], at: [use.at] });
      continue;
    }
    if (compareVersions(use.version, row.version) > 0) row.version = use.version;
    if (!row.at.includes(use.at)) row.at.push(use.at);
    for (const note of use.notes) if (!row.notes.includes(note)) row.notes.push(note);
  }
  return [...byMember.values()].sort((a, b) => a.member.localeCompare(b.member));
}

/** The member table, one line each: "Excel.Worksheet.onCalculated  ExcelApi 1.8  src/excel/liveView.ts:57". */
export function formatTable(members: MemberRequirement[]): string {
  const width = Math.max(0, ...members.map((m) => m.member.length));
  return members
    .map((m) => {
      const requirement = `${m.set} ${m.version}${m.tagged ? "" : " (untagged)"}`;
      const notes = m.notes.length > 0 ? `  [conditions, not checked: ${m.notes.join(" | ")}]` : "";
      return `${m.member.padEnd(width)}  ${requirement.padEnd(26)}  ${m.at.join(", ")}${notes}`;
    })
    .join("\n");
}

interface ManifestSet {
  Name?: string;
  MinVersion?: string;
}

interface ManifestShape {
  OfficeApp?: { Requirements?: { Sets?: { DefaultMinVersion?: string; Set?: ManifestSet[] } } };
}

/**
 * The requirement sets a manifest declares at its top level (`<Requirements><Sets>`), each with its
 * MinVersion, or the Sets' DefaultMinVersion, or 1.1 (the schema's default) when neither is given.
 *
 * @example
 * readRequirementSets('<OfficeApp><Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.8"/></Sets></Requirements></OfficeApp>')
 * //=> Map { "ExcelApi" => "1.8" }
 */
export function readRequirementSets(manifestXml: string): Map<string, string> {
  // Attribute values stay text: parsed as numbers, MinVersion="1.10" would become 1.1.
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false, removeNSPrefix: true, isArray: (name) => name === "Set" });
  const sets = (parser.parse(manifestXml) as ManifestShape).OfficeApp?.Requirements?.Sets;
  const fallback = sets?.DefaultMinVersion ?? "1.1";
  return new Map((sets?.Set ?? []).filter((s) => s.Name).map((s) => [s.Name as string, s.MinVersion ?? fallback]));
}

/**
 * Each member whose requirement set the manifest does not declare at a high enough version, as a
 * sentence. ExcelApi 1.1 needs no declaration; anything later, or any other set (ExcelApiOnline,
 * ExcelApiDesktop), does, so that Excel never loads the add-in where a member is missing.
 */
export function requirementProblems(members: MemberRequirement[], declared: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const { member, set, version, at } of members) {
    if (set === IMPLICIT.set && compareVersions(version, IMPLICIT.version) <= 0) continue;
    const minVersion = declared.get(set);
    const where = `(used at ${at.join(", ")})`;
    if (minVersion === undefined) problems.push(`${member} needs ${set} ${version}, but the manifest does not declare ${set} ${where}`);
    else if (compareVersions(version, minVersion) > 0) problems.push(`${member} needs ${set} ${version}, but the manifest declares ${set} ${minVersion} ${where}`);
  }
  return problems;
}

/** The repository's compiler options (tsconfig.json), so the analysis types the adapter as tsc does. */
export function repoCompilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, { noEmit: true }, configPath);
  return parsed.options;
}

/** Every non-test .ts file under `folder`, found when the test runs so that new adapter files count. */
export function sourceFilesUnder(folder: string): string[] {
  return ts.sys
    .readDirectory(folder, [".ts"])
    .filter((file) => !/\.(test|spec)\.ts$/.test(file) && !file.endsWith(".d.ts"))
    .sort();
}

/** Parsed declaration files, shared between programs: office-js alone is ~190,000 lines. */
const parsedLibraries = new Map<string, ts.SourceFile>();

/**
 * A program over `rootNames`, where `inMemory` maps paths to file contents that exist only here (the
 * probe a test feeds the analysis).
 */
export function createApiProgram(rootNames: string[], options: ts.CompilerOptions, inMemory: Record<string, string> = {}): ts.Program {
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file in inMemory || fileExists.call(host, file);
  host.readFile = (file) => inMemory[file] ?? readFile.call(host, file);
  host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
    if (file in inMemory) return ts.createSourceFile(file, inMemory[file], languageVersion, true);
    if (!file.endsWith(".d.ts")) return getSourceFile.call(host, file, languageVersion, onError, shouldCreate);
    const cached = parsedLibraries.get(file) ?? getSourceFile.call(host, file, languageVersion, onError, shouldCreate);
    if (cached) parsedLibraries.set(file, cached);
    return cached;
  };
  return ts.createProgram(rootNames, options, host);
}
