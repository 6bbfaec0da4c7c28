/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  // FormatJS (react-intl and what it imports) ships ES modules only: compile them to CommonJS like our own code.
  transform: {
    "^.+\\.tsx?$": "ts-jest",
    "/node_modules/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true }, isolatedModules: true }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(react-intl|@formatjs|intl-messageformat)/)"],
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFilesAfterEnv: ["<rootDir>/test/setupTests.ts"],
  // CI machines can be busy: a test that reads a 6,000-row workbook may take far longer than jest's 5 s default.
  testTimeout: 120_000,
};
