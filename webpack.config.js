/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads this file as CommonJS */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");

const { readFileSync } = require("fs");
const { localizeFunctions } = require("./scripts/localizedFunctions");

/** Office.js's home: add-ins in AppSource must load it from here, and it loads its host scripts from here. */
const OFFICE_JS_HOST = "https://appsforoffice.microsoft.com";

/**
 * The Content-Security-Policy of every page: a <meta> in each HTML file (static hosts cannot always
 * set headers; the demo also opens from file://, where Chromium matches 'self' to file: URLs) and a
 * header from the dev server.
 * - script-src: our bundles and Office.js with the host scripts it loads from its own folder. No
 *   'unsafe-eval': webpack's output is eval-free with a non-eval devtool (webpack's `devtool` docs).
 * - style-src: our .css files, and only *empty* inline <style> elements (the hash of ""): Griffel and
 *   FluentProvider append an empty <style> and fill it through CSSOM insertRule (@griffel/core
 *   getStyleSheetForBucket, @fluentui/react-provider useFluentProviderThemeStyleTag), which CSP does
 *   not inspect; the element itself is checked against style-src (see microsoft/fluentui-system-icons#484,
 *   whose violation names exactly this hash). A nonce (microsoft/griffel#75) needs a server that makes a
 *   new one per response, which a static host cannot.
 * - frame-src: Office.js on Excel on the web may open its AgaveErrorUX page from its own host in a
 *   hidden frame to ask whether the user trusts the host (excel-web-16.00.js).
 * - connect-src (via default-src 'self'): the dev server's live-reload WebSocket (CSP3 lets 'self'
 *   match wss: on the same host and port). Office.js's own telemetry (aria) is not allowed.
 * React's `style` props are set through CSSOM and need nothing.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_HOST}`,
  "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  `frame-src 'self' ${OFFICE_JS_HOST}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Stylesheets as files, since the policy refuses inline ones. */
const STYLESHEETS = {
  "page.css": "body{margin:0}\n",
  "functions.css": `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}code{background:#f3f3f3}\n`,
};

/**
 * The function reference, one page per language, so each function's help link in Excel opens its own
 * section (the same anchors in both) in the language of the metadata that links to it.
 */
const HELP_PAGES = {
  en: { source: "docs/functions.md", page: "functions.html", title: "KPI functions reference" },
  "zh-CN": { source: "docs/functions.zh-CN.md", page: "functions.zh-CN.html", title: "KPI 函数参考" },
};

/** Each language's custom-function metadata: the generated English file and the translated ones. */
const FUNCTIONS_METADATA = "functions.json";
const LOCALIZED_FUNCTIONS = { "zh-CN": { output: "functions.zh-CN.json", catalogue: "src/functions/functions.zh-CN.json" } };

/**
 * A reference page in one language. Links between the Markdown files (which work on GitHub) become
 * links between the pages they are rendered to.
 */
async function functionReferencePage(lang) {
  const { Marked } = await import("marked");
  const pageOf = new Map(Object.values(HELP_PAGES).map(({ source, page }) => [path.basename(source), page]));
  const marked = new Marked({
    walkTokens(token) {
      if (token.type !== "link") return;
      const [file, anchor] = token.href.split("#");
      if (pageOf.has(file)) token.href = pageOf.get(file) + (anchor === undefined ? "" : `#${anchor}`);
    },
  });
  const { source, title } = HELP_PAGES[lang];
  const body = marked.parse(readFileSync(path.join(__dirname, source), "utf8"));
  return `<!doctype html><html lang="${lang}"><head><meta charset="UTF-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="functions.css">
</head><body>${body}</body></html>`;
}

/**
 * Writes each translated functions JSON next to the generated functions.json (see
 * scripts/localizedFunctions.js), before PublicUrlPlugin moves their help links to the public URL. A
 * catalogue that misses or adds a function or a parameter fails the build, naming it.
 */
class LocalizedFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const english = compilation.getAsset(FUNCTIONS_METADATA);
        if (!english) return; // custom-functions-metadata-plugin has reported why
        for (const [lang, { output, catalogue }] of Object.entries(LOCALIZED_FUNCTIONS)) {
          const cataloguePath = path.join(__dirname, catalogue);
          compilation.fileDependencies.add(cataloguePath);
          try {
            const pages = { helpPage: HELP_PAGES.en.page, localHelpPage: HELP_PAGES[lang].page };
            const localized = localizeFunctions(JSON.parse(english.source.source().toString()), JSON.parse(readFileSync(cataloguePath, "utf8")), pages);
            compilation.emitAsset(output, new sources.RawSource(`${JSON.stringify(localized, null, 4)}\n`));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${catalogue}: ${error.message}`));
          }
        }
      });
    });
  }
}

/**
 * The address the add-in is served from, ending in "/": `--env url=...` for a production site (https,
 * as Office requires), otherwise https://localhost on `--env port=...` or the default port.
 */
function publicUrl(env, defaultPort) {
  if (env.url) {
    let url;
    try {
      url = new URL(env.url);
    } catch {
      throw new Error(`--env url=${env.url} is not a URL; give the address the add-in will be served from, such as https://example.com/kpi/`);
    }
    if (url.protocol !== "https:") throw new Error(`--env url=${env.url} must start with https://: Office loads add-ins over https only`);
    if (url.search || url.hash) throw new Error(`--env url=${env.url} must be a plain folder address, without ? or #`);
    return url.href.endsWith("/") ? url.href : `${url.href}/`;
  }
  const port = env.port === undefined ? defaultPort : Number(env.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--env port=${env.port} is not a port number`);
  return `https://localhost:${port}/`;
}

/**
 * Points every emitted text file at the public URL (manifest.xml and the @helpurl tags that become
 * functions.json are written with SOURCE_URL), as the Office templates' webpack configs replace their
 * dev URL in the manifest; the origin alone (AppDomain) becomes the public origin.
 */
class PublicUrlPlugin {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }

  apply(compiler) {
    if (this.from === this.to) return;
    const fromOrigin = new URL(this.from).origin;
    const toOrigin = new URL(this.to).origin;
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        for (const file of Object.keys(assets).filter((name) => /\.(html|json|xml|js|css|txt)$/.test(name))) {
          const text = assets[file].source().toString();
          const moved = text.split(this.from).join(this.to).split(fromOrigin).join(toOrigin);
          if (moved !== text) compilation.updateAsset(file, new sources.RawSource(moved));
        }
      });
    });
  }
}

/** The policy as the first thing after <meta charset> in every HTML page html-webpack-plugin writes. */
class ContentSecurityPolicyPlugin {
  apply(compiler) {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;
    compiler.hooks.thisCompilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("ContentSecurityPolicyPlugin", (data) => {
        const at = /<meta charset="[^"]*"\s*\/?>/i.exec(data.html) ?? /<head>/i.exec(data.html);
        if (!at) throw new Error(`${data.outputName} has no <head> to put the Content-Security-Policy in`);
        const end = at.index + at[0].length;
        return { ...data, html: `${data.html.slice(0, end)}${meta}${data.html.slice(end)}` };
      });
      compilation.hooks.processAssets.tap({ name: "ContentSecurityPolicyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [file, css] of Object.entries(STYLESHEETS)) compilation.emitAsset(file, new sources.RawSource(css));
      });
    });
  }
}

module.exports = async (env, options) => {
  const { SOURCE_URL, DEFAULT_PORT } = await import("./scripts/devServer.mjs");
  const dev = options.mode !== "production";
  const url = publicUrl(env, DEFAULT_PORT);
  return {
    // Never an eval devtool: the pages' policy has no 'unsafe-eval', in development as in production.
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
        output: FUNCTIONS_METADATA,
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
        templateContent:
          '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>KPI &amp; OKR demo workbook</title><link rel="stylesheet" href="page.css"></head><body><div id="root"></div></body></html>',
        chunks: ["demo"],
      }),
      ...(await Promise.all(
        Object.entries(HELP_PAGES).map(async ([lang, { page }]) => new HtmlWebpackPlugin({ filename: page, templateContent: await functionReferencePage(lang), inject: false })),
      )),
      new LocalizedFunctionsPlugin(),
      new ContentSecurityPolicyPlugin(),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }, { from: "manifest.xml" }],
      }),
      new PublicUrlPlugin(SOURCE_URL, url),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": CONTENT_SECURITY_POLICY },
      port: Number(new URL(url).port || DEFAULT_PORT),
      // dist/manifest.xml on disk too, pointing at this port, for sideloading (the rest stays in memory).
      devMiddleware: { writeToDisk: (file) => path.basename(file) === "manifest.xml" },
      // Certificates only when serving: a plain build needs none.
      server: env.WEBPACK_SERVE ? { type: "https", options: await require("./scripts/devCerts").httpsOptions() } : undefined,
      client: { overlay: false },
    },
  };
};
