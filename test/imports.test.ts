import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "..");
/** Every folder of our own code; test/ is left out because tests import across layers by design. */
const CODE_FOLDERS = ["src", "demo", "scripts", "backends", "bench"];
const SOURCE_EXTENSIONS = [".ts", ".tsx"];

/** Adjacency list keyed by repository-relative path with forward slashes, so failures read the same on every OS. */
type ImportGraph = Map<string, string[]>;

function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

const repoPath = (absolute: string): string => relative(ROOT, absolute).split(sep).join("/");

/** The file a relative specifier lands on, tried the way TypeScript's node resolution tries it. */
function resolveRelative(fromFile: string, specifier: string, known: Set<string>): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  // ESM-style sources may spell a .ts file with the .js it compiles to.
  const stem = base.replace(/\.(?:js|jsx|mjs|cjs)$/, "");
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => stem + ext),
    ...SOURCE_EXTENSIONS.map((ext) => join(base, "index" + ext)),
  ];
  return candidates.find((candidate) => known.has(candidate));
}

function buildImportGraph(): ImportGraph {
  const files = CODE_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    // preProcessFile reads the import syntax itself, so imports inside comments or strings don't count,
    // and `import type`, `export ... from`, `require` and `import()` all do. A type-only cycle still
    // counts: it erases at run time, but the two modules still can't be understood or moved apart.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveRelative(file, specifier, known))
      .filter((target): target is string => target !== undefined)
      .map(repoPath);
    graph.set(repoPath(file), [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * Tarjan's strongly connected components, keeping those that hold a cycle: two or more modules, or
 * one that imports itself. Each component is sorted and the list is sorted, so a failure is stable.
 */
function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;

  const connect = (node: string): void => {
    index.set(node, next);
    lowLink.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(target)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };

  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) connect(node);
  }
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** One concrete loop through a component, so the failure shows which import to cut, not just who is involved. */
function loopThrough(graph: ImportGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return component;
}

/** src/<layer> for code under src/, else the top-level folder: the units the lint rules give borders to. */
const layerOf = (file: string): string => file.split("/").slice(0, file.startsWith("src/") ? 2 : 1).join("/");

/** The file graph collapsed onto layers, without the self-edges every layer has. */
function layerGraph(files: ImportGraph): ImportGraph {
  const layers: ImportGraph = new Map();
  for (const [file, targets] of files) {
    const layer = layerOf(file);
    const outside = targets.map(layerOf).filter((target) => target !== layer);
    layers.set(layer, [...new Set([...(layers.get(layer) ?? []), ...outside])].sort());
  }
  return layers;
}

describe("import cycles", () => {
  it("finds a cycle in a tiny graph and none in an acyclic one", () => {
    const cyclic: ImportGraph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    const acyclic: ImportGraph = new Map([
      ["a", ["b", "c"]],
      ["b", ["c"]],
      ["c", []],
    ]);
    const selfImport: ImportGraph = new Map([["a", ["a"]]]);

    expect(findCycles(cyclic)).toEqual([["a", "b", "c"]]);
    expect(loopThrough(cyclic, ["a", "b", "c"])).toEqual(["a", "b", "c", "a"]);
    expect(findCycles(acyclic)).toEqual([]);
    expect(findCycles(selfImport)).toEqual([["a"]]);
  });

  it("has none among our modules", () => {
    const graph = buildImportGraph();
    // Guards against a resolver that silently finds no edges and so passes vacuously.
    expect(graph.get("src/okr/columns.ts")).toContain("src/kpi/coerce.ts");

    const loops = findCycles(graph).map((component) => loopThrough(graph, component).join(" -> "));
    expect(loops).toEqual([]);
  });

  it("has none between layers", () => {
    // A folder loop can exist with no file loop: src/excel once imported a type from src/taskpane while
    // src/taskpane/index.tsx imports src/excel. The entry point stays inside its folder here on purpose.
    const graph = layerGraph(buildImportGraph());
    expect(graph.get("src/okr")).toContain("src/kpi");

    const loops = findCycles(graph).map((component) => loopThrough(graph, component).join(" -> "));
    expect(loops).toEqual([]);
  });
});

type ImportRow = [filePath: string, specifier: string, allowed: boolean];
type GlobalRow = [filePath: string, global: string, allowed: boolean];

const FORBIDDEN = false;
const ALLOWED = true;

/** Each layer's border, probed from just inside it; the allowed rows keep a rule from passing by forbidding everything. */
const importRows: ImportRow[] = [
  // src/kpi: nothing of ours outside itself, no UI, Office mock or workbook engine.
  ["src/kpi/probe.ts", "./coerce", ALLOWED],
  ["src/kpi/probe.ts", "./okr", ALLOWED], // kpi has its own okr.ts, which is not src/okr
  ["src/kpi/probe.ts", "sentiment", ALLOWED],
  ["src/kpi/probe.ts", "../okr/plan", FORBIDDEN],
  ["src/kpi/probe.ts", "../functions/functions", FORBIDDEN],
  ["src/kpi/probe.ts", "../excel/okrSheet", FORBIDDEN],
  ["src/kpi/probe.ts", "../sample/sampleJobs", FORBIDDEN],
  ["src/kpi/probe.ts", "../taskpane/App", FORBIDDEN],
  ["src/kpi/probe.ts", "../../demo/format", FORBIDDEN],
  ["src/kpi/probe.ts", "../../scripts/okr", FORBIDDEN],
  ["src/kpi/probe.ts", "../../backends/hyperWorkbook", FORBIDDEN],
  ["src/kpi/probe.ts", "react", FORBIDDEN],
  ["src/kpi/probe.ts", "react-dom/client", FORBIDDEN],
  ["src/kpi/probe.ts", "@fluentui/react-components", FORBIDDEN],
  ["src/kpi/probe.ts", "hyperformula", FORBIDDEN],
  ["src/kpi/probe.ts", "exceljs", FORBIDDEN],

  // src/okr: only src/kpi, and the same packages as src/kpi.
  ["src/okr/probe.ts", "./columns", ALLOWED],
  ["src/okr/probe.ts", "../kpi/coerce", ALLOWED],
  ["src/okr/probe.ts", "../excel/okrSheet", FORBIDDEN],
  ["src/okr/nested/probe.ts", "../../excel/okrSheet", FORBIDDEN],
  ["src/okr/probe.ts", "../excel", FORBIDDEN],
  ["src/okr/probe.ts", "../taskpane/App", FORBIDDEN],
  ["src/okr/probe.ts", "../functions/functions", FORBIDDEN],
  ["src/okr/probe.ts", "../sample/sampleJobs", FORBIDDEN],
  ["src/okr/probe.ts", "react", FORBIDDEN],
  ["src/okr/probe.ts", "@fluentui/react-components", FORBIDDEN],
  ["src/okr/probe.ts", "hyperformula", FORBIDDEN],
  ["src/okr/probe.ts", "exceljs", FORBIDDEN],

  // src/functions: only src/kpi.
  ["src/functions/probe.ts", "../kpi/okr", ALLOWED],
  ["src/functions/probe.ts", "./toExcelError", ALLOWED],
  ["src/functions/probe.ts", "../okr/plan", FORBIDDEN],
  ["src/functions/probe.ts", "../excel/okrSheet", FORBIDDEN],
  ["src/functions/probe.ts", "../sample/sampleJobs", FORBIDDEN],
  ["src/functions/probe.ts", "../taskpane/App", FORBIDDEN],

  // src/excel: src/okr, src/kpi and src/sample; no UI and no workbook engine.
  ["src/excel/probe.ts", "../okr/plan", ALLOWED],
  ["src/excel/probe.ts", "../kpi/coerce", ALLOWED],
  ["src/excel/probe.ts", "../sample/sampleJobs", ALLOWED],
  ["src/excel/probe.ts", "./checkIns", ALLOWED],
  ["src/excel/probe.ts", "../taskpane/App", FORBIDDEN],
  ["src/excel/probe.ts", "../functions/functions", FORBIDDEN],
  ["src/excel/probe.ts", "../../demo/hyperWorkbook", FORBIDDEN],
  ["src/excel/probe.ts", "../../scripts/okr", FORBIDDEN],
  ["src/excel/probe.ts", "../../backends/hyperWorkbook", FORBIDDEN],
  ["src/excel/probe.ts", "react", FORBIDDEN],
  ["src/excel/probe.ts", "react-dom", FORBIDDEN],
  ["src/excel/probe.ts", "@fluentui/react-components", FORBIDDEN],
  ["src/excel/probe.ts", "hyperformula", FORBIDDEN],
  ["src/excel/probe.ts", "exceljs", FORBIDDEN],

  // src/sample: only src/kpi.
  ["src/sample/probe.ts", "../kpi/coerce", ALLOWED],
  ["src/sample/probe.ts", "./random", ALLOWED],
  ["src/sample/probe.ts", "../okr/plan", FORBIDDEN],
  ["src/sample/probe.ts", "../excel/sampleData", FORBIDDEN],
  ["src/sample/probe.ts", "../taskpane/App", FORBIDDEN],

  // src/taskpane: src/okr, src/kpi, src/sample and its UI packages; never src/excel.
  ["src/taskpane/Probe.tsx", "../okr/workbook", ALLOWED],
  ["src/taskpane/Probe.tsx", "../kpi/coerce", ALLOWED],
  ["src/taskpane/Probe.tsx", "../sample/sampleJobs", ALLOWED],
  ["src/taskpane/Probe.tsx", "react", ALLOWED],
  ["src/taskpane/Probe.tsx", "@fluentui/react-components", ALLOWED],
  ["src/taskpane/components/Probe.tsx", "../../okr/columns", ALLOWED],
  ["src/taskpane/components/Probe.tsx", "../hooks/useJobData", ALLOWED],
  ["src/taskpane/Probe.tsx", "../excel/excelWorkbook", FORBIDDEN],
  ["src/taskpane/hooks/useProbe.ts", "../../excel/excelWorkbook", FORBIDDEN],
  ["src/taskpane/Probe.tsx", "../functions/functions", FORBIDDEN],
  ["src/taskpane/Probe.tsx", "../../demo/hyperWorkbook", FORBIDDEN],
  ["src/taskpane/Probe.tsx", "../../backends/hyperWorkbook", FORBIDDEN],

  // src/taskpane/index.tsx: the entry point may also wire in src/excel, but nothing else new.
  ["src/taskpane/index.tsx", "../excel/excelWorkbook", ALLOWED],
  ["src/taskpane/index.tsx", "./App", ALLOWED],
  ["src/taskpane/index.tsx", "react-dom/client", ALLOWED],
  ["src/taskpane/index.tsx", "../functions/functions", FORBIDDEN],
  ["src/taskpane/index.tsx", "../../demo/hyperWorkbook", FORBIDDEN],
  ["src/taskpane/index.tsx", "../../backends/hyperWorkbook", FORBIDDEN],

  // backends: src/kpi and src/okr, plus the engine they wrap.
  ["backends/probe.ts", "../src/kpi/coerce", ALLOWED],
  ["backends/probe.ts", "../src/okr/plan", ALLOWED],
  ["backends/probe.ts", "./probeHelpers", ALLOWED],
  ["backends/probe.ts", "hyperformula", ALLOWED],
  ["backends/probe.ts", "exceljs", ALLOWED],
  ["backends/probe.ts", "../src/excel/okrSheet", FORBIDDEN],
  ["backends/probe.ts", "../src/taskpane/App", FORBIDDEN],
  ["backends/probe.ts", "../src/functions/functions", ALLOWED],
  ["backends/probe.ts", "../src/sample/sampleJobs", FORBIDDEN],
  ["backends/probe.ts", "../demo/hyperWorkbook", FORBIDDEN],
  ["backends/probe.ts", "../scripts/okr", FORBIDDEN],

  // demo and scripts: anything of ours, but a workbook engine only through a backend.
  ["demo/probe.tsx", "../src/excel/excelWorkbook", ALLOWED],
  ["demo/probe.tsx", "../src/taskpane/App", ALLOWED],
  ["demo/probe.tsx", "../backends/hyperWorkbook", ALLOWED],
  ["demo/probe.tsx", "react-dom/client", ALLOWED],
  ["demo/probe.tsx", "hyperformula", FORBIDDEN],
  ["demo/probe.tsx", "exceljs", FORBIDDEN],
  ["scripts/makeSampleData.ts", "exceljs", FORBIDDEN],
  ["scripts/probe.ts", "../src/excel/excelWorkbook", ALLOWED],
  ["scripts/probe.ts", "../backends/xlsxWorkbook", ALLOWED],
  ["scripts/probe.ts", "exceljs", FORBIDDEN],
  ["scripts/probe.ts", "exceljs/dist/exceljs.min.js", FORBIDDEN],
  ["scripts/probe.ts", "hyperformula", FORBIDDEN],
  ["scripts/probe.mjs", "exceljs", FORBIDDEN],

  // Tests sit outside the layers: they wire real layers together.
  ["src/okr/probe.test.ts", "../excel/okrSheet", ALLOWED],
  ["src/kpi/probe.test.ts", "hyperformula", ALLOWED],
  ["src/taskpane/Probe.test.tsx", "../excel/excelWorkbook", ALLOWED],
  ["test/probe.test.ts", "exceljs", ALLOWED],
  ["test/probeHelper.ts", "../src/excel/okrSheet", ALLOWED],
];

const globalRows: GlobalRow[] = [
  ...["Office", "Excel", "CustomFunctions", "document", "window"].flatMap((global): GlobalRow[] => [
    ["src/kpi/probe.ts", global, FORBIDDEN],
    ["src/okr/probe.ts", global, FORBIDDEN],
  ]),
  ["src/taskpane/Probe.tsx", "Excel", FORBIDDEN],
  ["src/taskpane/Probe.tsx", "Office", FORBIDDEN],
  ["src/taskpane/hooks/useProbe.ts", "Excel", FORBIDDEN],
  ["src/taskpane/index.tsx", "Excel", ALLOWED],
  ["src/taskpane/index.tsx", "Office", ALLOWED],
  ["src/taskpane/Probe.tsx", "document", ALLOWED],
  ["src/functions/probe.ts", "CustomFunctions", ALLOWED],
  ["src/kpi/probe.test.ts", "window", ALLOWED],
];

/** What the lint child process reports per probe: only the fields the assertions read. */
interface ProbeMessage {
  ruleId: string | null;
  message: string;
  fatal: boolean;
}

/**
 * Lints every probe with `new ESLint({ cwd }).lintText(code, { filePath })` in a plain Node process:
 * ESLint loads eslint.config.mjs with a dynamic import(), which jest's module sandbox refuses
 * without --experimental-vm-modules. One process for all probes pays the config and parser load once.
 */
const LINT_PROBES = `
const { ESLint } = require("eslint");
const probes = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const results = [];
  for (const { filePath, code } of probes) {
    const [result] = await eslint.lintText(code, { filePath });
    results.push(result.messages.map(({ ruleId, message, fatal }) => ({ ruleId, message, fatal: Boolean(fatal) })));
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const importProbe = (specifier: string): string => `import { probe } from "${specifier}";\nexport const used = probe;\n`;
const globalProbe = (global: string): string => `export const probe = typeof ${global};\n`;
const TYPE_ONLY_PROBE: [filePath: string, code: string] = [
  "src/taskpane/Probe.tsx",
  `import type { ExcelRun } from "../excel/run";\nexport type Probe = ExcelRun;\n`,
];

describe("layer borders in eslint.config.mjs", () => {
  const probes: [filePath: string, code: string][] = [
    ...importRows.map(([filePath, specifier]): [string, string] => [filePath, importProbe(specifier)]),
    ...globalRows.map(([filePath, global]): [string, string] => [filePath, globalProbe(global)]),
    TYPE_ONLY_PROBE,
  ];
  const linted = new Map<string, ProbeMessage[]>();
  const probeKey = (filePath: string, code: string): string => `${filePath}\n${code}`;

  beforeAll(() => {
    const input = JSON.stringify(probes.map(([filePath, code]) => ({ filePath: join(ROOT, filePath), code })));
    const output = execFileSync(process.execPath, ["-e", LINT_PROBES], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    const results = JSON.parse(output) as ProbeMessage[][];
    probes.forEach(([filePath, code], i) => linted.set(probeKey(filePath, code), results[i]));
  }, 60_000);

  /** The messages of one rule for a file that exists only as text, linted as if it sat at filePath. */
  function ruleMessages(filePath: string, code: string, ruleId: string): string[] {
    const messages = linted.get(probeKey(filePath, code)) ?? [];
    // A parse error would hide every rule, and so make a forbidden row look allowed.
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return messages.filter((message) => message.ruleId === ruleId).map((message) => message.message);
  }

  it.each(importRows)("%s importing %s: allowed %s", (filePath, specifier, allowed) => {
    const messages = ruleMessages(filePath, importProbe(specifier), "no-restricted-imports");
    if (allowed) expect(messages).toEqual([]);
    else expect(messages).toEqual([expect.stringContaining(`'${specifier}'`)]);
  });

  it("counts a type-only import as crossing the border", () => {
    const messages = ruleMessages(...TYPE_ONLY_PROBE, "no-restricted-imports");
    expect(messages).toEqual([expect.stringContaining("only src/taskpane/index.tsx wires in src/excel")]);
  });

  it.each(globalRows)("%s using the global %s: allowed %s", (filePath, global, allowed) => {
    const messages = ruleMessages(filePath, globalProbe(global), "no-restricted-globals");
    if (allowed) expect(messages).toEqual([]);
    else expect(messages).toEqual([expect.stringContaining(`'${global}'`)]);
  });
});
