import tseslint from "typescript-eslint";

/**
 * Layers import one way (see ../shared/STYLE.md); test/imports.test.ts proves each border below and
 * that no import cycle exists.
 *
 * Our folders are matched with `regex` patterns rather than gitignore-style `group` ones: a plain
 * `../excel/*` catches one depth only, and `**\/excel/**` misses the bare `../excel` while `**\/okr`
 * would also flag src/kpi's own `./okr` and `../kpi/okr`. The regex asks that the path climb out
 * (`../`, any depth, optionally through `src/`) and then land on the folder.
 */
const OUR_FOLDERS = ["kpi", "okr", "functions", "excel", "sample", "taskpane", "demo", "scripts", "backends", "bench", "test"];

// The rule compiles with the `u` flag, which rejects needless escapes such as `\-`.
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern that forbids every folder of ours except `allowed`, with a message saying what is allowed. */
function onlyOurs(allowed, message) {
  const forbidden = OUR_FOLDERS.filter((folder) => !allowed.includes(folder));
  return { regex: `^(?:\\./)?(?:\\.\\./)+(?:src/)?(?:${forbidden.join("|")})(?:/|$)`, message };
}

/** A pattern that forbids packages, their subpaths, and every package of a scope given as "@scope". */
function noPackages(names, message) {
  return { regex: `^(?:${names.map(escapeRegex).join("|")})(?:/|$)`, message };
}

const PURE_CORE_PACKAGES = ["react", "react-dom", "@fluentui", "hyperformula", "exceljs"];
const PURE_CORE_GLOBALS = ["Office", "Excel", "CustomFunctions", "document", "window"];
/** A backend is the one place a workbook engine is chosen; everything else reaches it through src/excel. */
const WORKBOOK_ENGINES = ["hyperformula", "exceljs"];

const restrictGlobals = (names, message) => ["error", ...names.map((name) => ({ name, message }))];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".tmp/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/kpi/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(["kpi"], "src/kpi is pure KPI math: it may import nothing of ours outside src/kpi."),
            noPackages(PURE_CORE_PACKAGES, "src/kpi knows nothing of Office, React, Fluent UI or a workbook engine."),
          ],
        },
      ],
      "no-restricted-globals": restrictGlobals(PURE_CORE_GLOBALS, "src/kpi is pure: no Office, Excel, custom-function or DOM globals."),
    },
  },
  {
    files: ["src/okr/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(["okr", "kpi"], "src/okr is the pure OKR model: of ours it may import only src/kpi."),
            noPackages(PURE_CORE_PACKAGES, "src/okr knows nothing of Office, React, Fluent UI or a workbook engine."),
          ],
        },
      ],
      "no-restricted-globals": restrictGlobals(PURE_CORE_GLOBALS, "src/okr is pure: no Office, Excel, custom-function or DOM globals."),
    },
  },
  {
    files: ["src/functions/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [onlyOurs(["functions", "kpi"], "src/functions wraps the KPI math: of ours it may import only src/kpi.")] },
      ],
    },
  },
  {
    files: ["src/excel/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(
              ["excel", "okr", "kpi", "sample"],
              "src/excel may import only src/okr, src/kpi and src/sample of ours; the pane and demos import it, not the reverse.",
            ),
            noPackages(
              ["react", "react-dom", "@fluentui", ...WORKBOOK_ENGINES],
              "src/excel speaks Office.js only: no React or Fluent UI, and a workbook engine comes in through a backend.",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["src/sample/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [onlyOurs(["sample", "kpi"], "src/sample is the sample job log: of ours it may import only src/kpi.")] },
      ],
    },
  },
  {
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(
              ["taskpane", "okr", "kpi", "sample"],
              "src/taskpane may import only src/okr, src/kpi and src/sample of ours; only src/taskpane/index.tsx wires in src/excel.",
            ),
          ],
        },
      ],
      "no-restricted-globals": restrictGlobals(
        ["Excel", "Office"],
        "The pane talks to an OkrWorkbook it is given; only src/taskpane/index.tsx touches Office and Excel.",
      ),
    },
  },
  {
    // The entry point is where the pane meets Excel, so it alone may reach src/excel and the Office globals.
    files: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(
              ["taskpane", "okr", "kpi", "sample", "excel"],
              "src/taskpane/index.tsx may import only src/excel, src/okr, src/kpi, src/sample and the pane of ours.",
            ),
          ],
        },
      ],
      "no-restricted-globals": "off",
    },
  },
  {
    files: ["backends/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            onlyOurs(
              ["backends", "kpi", "okr", "functions"],
              "A backend is an Office.js-shaped workbook: of ours it may import only src/kpi, src/okr and src/functions (the =KPI.* wrappers its engine registers); src/excel runs over it, not inside it.",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["demo/**", "scripts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noPackages(
              WORKBOOK_ENGINES,
              "demo and scripts may import anything in src/ and backends/, but reach a workbook only through src/excel over a backend.",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests cross layers on purpose: they wire real layers together and fake Office and the DOM.
    files: ["**/*.test.ts", "**/*.test.tsx", "test/**"],
    rules: { "no-restricted-imports": "off", "no-restricted-globals": "off" },
  },
);
