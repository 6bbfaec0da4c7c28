// Where `npm start` leaves the background dev server's process id and log, for `npm stop`.
import { existsSync, readFileSync } from "node:fs";

export const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
export const PID_FILE = ".tmp/dev-server.pid";
export const LOG_FILE = ".tmp/dev-server.log";

export function readPid() {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number(readFileSync(PID_FILE, "utf8"));
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
