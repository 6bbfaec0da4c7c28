// `npm start`: build and serve the add-in over https on localhost, then say how to sideload it.
// The server runs in the background (its log in .tmp/dev-server.log) until `npm stop`.
import { spawn } from "node:child_process";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import https from "node:https";
import { PID_FILE, LOG_FILE, PORT, readPid } from "./devServer.mjs";

const BASE = `https://localhost:${PORT}`;
const READY_TIMEOUT_MS = 180_000;

function isServing() {
  return new Promise((resolve) => {
    const request = https.get(`${BASE}/taskpane.html`, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
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

Sideload manifest.xml into Excel:
  Excel on the web : Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > manifest.xml
  Excel on Windows : share this folder, add it under File > Options > Trust Center > Trusted Add-in
                     Catalogs, restart Excel, then Home > Add-ins > Advanced > Shared Folder
  Excel on Mac     : copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
                     and restart Excel

Then type =KPI. in a cell, or open the pane from the Home tab. Stop the server with: npm stop
`);
}

if (readPid() !== undefined && (await isServing())) {
  console.log("The add-in server is already running.");
  printHowToSideload();
  process.exit(0);
}

mkdirSync(".tmp", { recursive: true });
const log = openSync(LOG_FILE, "w");
console.log(`Building and starting the https server on port ${PORT} (log: ${LOG_FILE}) ...`);
const child = spawn(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "serve", "--mode", "development"], {
  detached: true,
  stdio: ["ignore", log, log],
});
writeFileSync(PID_FILE, String(child.pid));

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
