// Where the add-in is served in development, and where `npm start` leaves the background dev
// server's process id, port and log, for `npm stop` and for a second `npm start`.
import { existsSync, readFileSync } from "node:fs";

/**
 * The address manifest.xml and the @helpurl tags in src/functions/functions.ts are written with. The
 * build replaces it with the address the add-in is served from (webpack.config.js): another port with
 * `npm start -- --port 3100`, the public site with `npm run build -- --env url=https://example.com/kpi/`.
 */
export const SOURCE_URL = "https://localhost:3000/";
export const DEFAULT_PORT = Number(new URL(SOURCE_URL).port);

export const PID_FILE = ".tmp/dev-server.pid";
export const PORT_FILE = ".tmp/dev-server.port";
export const LOG_FILE = ".tmp/dev-server.log";

const readNumber = (file) => {
  if (!existsSync(file)) return undefined;
  const value = Number(readFileSync(file, "utf8"));
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

export const readPid = () => readNumber(PID_FILE);
/** The port the running server was started on (older runs did not record it: the default). */
export const readPort = () => readNumber(PORT_FILE) ?? DEFAULT_PORT;

/** A TCP port number from the command line, or undefined when the text is not one. */
export function parsePort(text) {
  const port = Number(text);
  return /^\d+$/.test(String(text)) && port >= 1 && port <= 65535 ? port : undefined;
}
