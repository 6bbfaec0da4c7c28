// `npm start [-- --port 3100]`: build and serve the add-in over https on localhost, then say how to
// sideload it. The server runs in the background (its log in .tmp/dev-server.log) until `npm stop`.
import { spawn } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { DEFAULT_PORT, LOG_FILE, parsePort, PID_FILE, PORT_FILE, readPid, readPort } from "./devServer.mjs";

const { untrustedCertificateWarning } = createRequire(import.meta.url)("./devCerts.js");

const READY_TIMEOUT_MS = 180_000;

let values;
try {
  ({ values } = parseArgs({ options: { port: { type: "string" } } }));
} catch (error) {
  console.error(`${error.message}\nUsage: npm start [-- --port ${DEFAULT_PORT}]`);
  process.exit(1);
}
const PORT = values.port === undefined ? DEFAULT_PORT : parsePort(values.port);
if (PORT === undefined) {
  console.error(`--port ${values.port} is not a port number (1 to 65535).`);
  process.exit(1);
}
const BASE = `https://localhost:${PORT}`;
// The manifest matching the port: manifest.xml itself is written for the default one.
const MANIFEST = PORT === DEFAULT_PORT ? "manifest.xml" : "dist/manifest.xml";

function isServing(base = BASE) {
  return new Promise((resolve) => {
    const request = https.get(`${base}/taskpane.html`, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => request.destroy());
  });
}

async function waitUntilServing(child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    if (await isServing()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

function printHowToSideload() {
  console.log(`
The add-in is served at ${BASE}/taskpane.html

No Excel here? Open the demo workbook: the real task pane beside a spreadsheet with sample jobs:
  ${BASE}/demo.html

Sideload ${MANIFEST} (it points at port ${PORT}) into Excel:
  Excel on the web : Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > ${MANIFEST}
  Excel on Windows : share its folder, add it under File > Options > Trust Center > Trusted Add-in
                     Catalogs, restart Excel, then Home > Add-ins > Advanced > Shared Folder
  Excel on Mac     : copy ${MANIFEST} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                     and restart Excel

Then type =KPI. in a cell, or open the pane from the Home tab. Stop the server with: npm stop
`);
  // Said last, where it is seen: without it the browser and Excel refuse the page.
  const warning = untrustedCertificateWarning(PORT === DEFAULT_PORT ? "npm start" : `npm start -- --port ${PORT}`);
  if (warning) console.warn(warning);
}

const running = readPid();
if (running !== undefined && (await isServing(`https://localhost:${readPort()}`))) {
  if (readPort() !== PORT) {
    console.error(`The add-in server is already running on port ${readPort()}. Stop it first: npm stop`);
    process.exit(1);
  }
  console.log("The add-in server is already running.");
  printHowToSideload();
  process.exit(0);
}

mkdirSync(".tmp", { recursive: true });
const log = openSync(LOG_FILE, "w");
console.log(`Building and starting the https server on port ${PORT} (log: ${LOG_FILE}) ...`);
const child = spawn(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "serve", "--mode", "development", "--env", `port=${PORT}`], {
  detached: true,
  stdio: ["ignore", log, log],
});
writeFileSync(PID_FILE, String(child.pid));
writeFileSync(PORT_FILE, String(PORT));

if (await waitUntilServing(child)) {
  child.unref();
  printHowToSideload();
} else {
  console.error(`The server did not start; see ${LOG_FILE}.`);
  try {
    process.kill(-child.pid);
  } catch {
    // already gone
  }
  process.exit(1);
}
