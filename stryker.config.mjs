// Mutation testing of src/kpi and src/okr: `npm run mutation` (not part of `npm test`, not run in CI).
// See docs/testing.md. Reports and Stryker's sandbox are git-ignored.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { configFile: "jest.stryker.config.js" },
  mutate: ["src/kpi/**/*.ts", "src/okr/**/*.ts", "!src/**/*.test.ts", "!src/kpi/testing.ts"],
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants: message tables, templates, column names) would each need
  // every test, ~80% of the run time; they are reported as ignored, not counted in the score.
  ignoreStatic: true,
  // A shared two-core machine: one jest at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Re-tests only the mutants whose code or tests changed since the last run; `-- --force` for all.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  tempDirName: ".stryker-tmp",
  // Only what the tests import is needed in the sandbox.
  ignorePatterns: ["/assets", "/bench", "/demo", "/docs", "/backends", "/scripts", "/reports", "/coverage", "/dist"],
  cleanTempDir: true,
};
