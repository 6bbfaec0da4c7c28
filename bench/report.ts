import { existsSync, readFileSync, writeFileSync } from "fs";

/** Where `npm run bench` reports: each benchmark writes its own "## " section and keeps the others. */
const REPORT = "docs/benchmarks.md";
const TITLE = "# Benchmarks";

/** Replaces the section headed `heading` in docs/benchmarks.md (up to the next "## " heading) with `body`, or adds it at the end. */
export function writeSection(heading: string, body: string): void {
  const lines = (existsSync(REPORT) ? readFileSync(REPORT, "utf8") : `${TITLE}\n`).replace(/\n*$/, "").split("\n");
  const section = [heading, "", body.trim(), ""];
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) {
    writeFileSync(REPORT, [...lines, "", ...section].join("\n"));
    return;
  }
  const next = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  writeFileSync(REPORT, [...lines.slice(0, start), ...section, ...(next < 0 ? [] : lines.slice(next))].join("\n").replace(/\n*$/, "\n"));
  console.log(`Wrote "${heading.replace(/^#+ /, "")}" to ${REPORT}`);
}
