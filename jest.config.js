/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFilesAfterEnv: ["<rootDir>/test/setupTests.ts"],
  // CI machines can be busy: a test that reads a 6,000-row workbook may take far longer than jest's 5 s default.
  testTimeout: 120_000,
};
