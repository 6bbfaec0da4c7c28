/**
 * Jest for `npm run mutation` (stryker.config.mjs) only: the fast unit tests beside the sources in
 * src/kpi and src/okr, compiled without type checking (tsc --noEmit checks types; Stryker's
 * mutants are not meant to type-check). `npm test` uses jest.config.js, not this file.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src/kpi", "<rootDir>/src/okr"],
  testMatch: ["**/*.test.ts"],
  // properties.test.ts runs every function 300 to 1,000 times (25 s of the 30 s these tests take);
  // under Stryker that cost is paid again for each of ~2,000 mutants, so it runs only in `npm test`.
  testPathIgnorePatterns: ["/node_modules/", "/src/kpi/properties\\.test\\.ts$"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true }, diagnostics: false }],
  },
  testTimeout: 120_000,
};
