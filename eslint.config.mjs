import tseslint from "typescript-eslint";

/** Layers import one way: kpi and okr know nothing of Office, React or the DOM; see ../shared/STYLE.md. */
const officeAndUi = {
  paths: ["react", "react-dom", "@fluentui/react-components", "office-addin-mock"],
  patterns: ["react-dom/*", "../functions/*", "../excel/*", "../taskpane/*"],
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".tmp/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/kpi/**/*.ts", "src/okr/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", officeAndUi],
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window"],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/kpi/**/*.test.ts", "test/**/*.ts"],
    rules: { "no-restricted-globals": "off" },
  },
);
