/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const { readFileSync } = require("fs");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** docs/functions.md as a page, so each function's help link in Excel opens its own section. */
async function functionReferencePage() {
  const { marked } = await import("marked");
  const body = marked.parse(readFileSync(path.join(__dirname, "docs/functions.md"), "utf8"));
  return `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>KPI functions reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}code{background:#f3f3f3}</style>
</head><body>${body}</body></html>`;
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      // The demo workbook (HyperFormula, GPL-3.0): its own page and bundle, never in what Excel loads.
      demo: "./demo/demo.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    plugins: [
      // Builds functions.json from the JSDoc in functions.ts, appends the CustomFunctions.associate
      // calls to that entry, and fails the build on any metadata error.
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the pane page also hosts the custom functions.
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "demo.html",
        title: "KPI & OKR for Home Services: demo workbook",
        templateContent: '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>KPI &amp; OKR demo workbook</title></head><body style="margin:0"><div id="root"></div></body></html>',
        chunks: ["demo"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        templateContent: await functionReferencePage(),
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: DEV_PORT,
      // Certificates only when serving: a plain build needs none.
      server: env.WEBPACK_SERVE ? { type: "https", options: await require("./scripts/devCerts").httpsOptions() } : undefined,
      client: { overlay: false },
    },
  };
};
