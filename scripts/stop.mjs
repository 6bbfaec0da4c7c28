// `npm stop`: stop the dev server that `npm start` left running.
import { rmSync } from "node:fs";
import { PID_FILE, PORT_FILE, readPid } from "./devServer.mjs";

const pid = readPid();
if (pid === undefined) {
  console.log("No add-in server is running.");
} else {
  try {
    process.kill(-pid); // the whole process group: webpack and its workers
    console.log("Stopped the add-in server.");
  } catch {
    console.log("The add-in server had already stopped.");
  }
  rmSync(PID_FILE, { force: true });
  rmSync(PORT_FILE, { force: true });
}
