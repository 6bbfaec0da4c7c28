import { isoDate } from "../src/kpi/coerce";

/** Shows a value the way the number formats the add-in uses would in Excel (only those formats). */
export function formatValue(value: unknown, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "value" in (value as object)) return String((value as { value: unknown }).value); // #DIV/0! and friends
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value !== "number") return String(value);
  if (format?.includes(";")) return bySign(value, format);
  switch (format) {
    case "0%":
      return `${Math.round(value * 100)}%`;
    case "0.0%":
      return `${(value * 100).toFixed(1)}%`;
    case "0.0":
      return value.toFixed(1);
    case '0.0 "h"':
      return `${value.toFixed(1)} h`;
    case "0.00":
      return value.toFixed(2);
    case "#,##0.00":
      return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case "yyyy-mm-dd":
      return isoDate(value);
    case "yyyy-mm":
      return isoDate(value).slice(0, 7);
    case "yyyy-mm-dd hh:mm": {
      const minutes = Math.round((value - Math.floor(value)) * 1440);
      return `${isoDate(value)} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    }
    default:
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
}

/**
 * A format of sections for positive;negative;zero values, each an optional quoted prefix and one of
 * the formats above (the change columns' "▲ "0.0;"▼ "0.0;0.0): as in Excel, a negative value is shown
 * without its minus sign when it has a section of its own.
 */
function bySign(value: number, format: string): string {
  const sections = format.split(";");
  const section = value > 0 ? sections[0] : value < 0 ? sections[1] : (sections[2] ?? sections[0]);
  const [, prefix = "", core = section] = /^"([^"]*)"(.*)$/.exec(section) ?? [];
  return `${prefix}${formatValue(Math.abs(value), core)}`;
}
