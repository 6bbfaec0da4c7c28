import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { runInThisContext } from "vm";
import "../backends/customFunctionsShim";
import { build } from "../test/builtSite";

/**
 * The custom functions as Excel runs them: functions.js from a production build, which registers
 * each function through CustomFunctions.associate when it loads.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's functions take whatever Excel hands over
export type CustomFunction = (...args: any[]) => unknown;

/** The bundle Excel loads for the custom functions (the `functions` entry of webpack.config.js). */
const FUNCTIONS_BUNDLE = "functions.js";

/** Builds the add-in as `npm run build` does, into a temporary folder, and returns functions.js's code. */
export function buildFunctionsBundle(): string {
  const out = mkdtempSync(path.join(tmpdir(), "kpi-bench-build-"));
  try {
    build(out);
    return readFileSync(path.join(out, FUNCTIONS_BUNDLE), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Runs the bundle in this process and returns the functions it registers, by id. Excel's
 * CustomFunctions global is the shim's (its Error and ErrorCode) with associate capturing each function.
 */
export function loadFunctions(code: string): Map<string, CustomFunction> {
  const registered = new Map<string, CustomFunction>();
  const global = globalThis as Record<string, unknown>;
  const shim = global.CustomFunctions as object;
  global.CustomFunctions = { ...shim, associate: (id: string, fn: CustomFunction) => registered.set(id, fn) };
  try {
    runInThisContext(code, { filename: FUNCTIONS_BUNDLE });
  } finally {
    global.CustomFunctions = shim;
  }
  return registered;
}
