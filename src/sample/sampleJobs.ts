import { serialFromParts } from "../kpi/coerce";
import { seededRandom } from "./random";

/**
 * A realistic job log for a small home-service business, the same on every run: two years of jobs
 * and lost leads, six technicians, 800 customers (a few loyal, many one-off), summer and winter
 * peaks, blank survey answers, the odd "n/a", late arrivals now and then.
 */

/** The sample job log's table name, in the shipped workbook and when the pane inserts it. */
export const SAMPLE_TABLE = "Jobs";

export const SAMPLE_HEADERS = [
  "Job date",
  "Customer",
  "Technician",
  "Service",
  "Amount",
  "NPS",
  "CSAT",
  "Effort",
  "First-visit fix",
  "Promised",
  "Arrival",
  "Requested",
  "Responded",
  "Resolved",
  "Lead source",
  "Booked",
  "Comment",
] as const;

export type SampleCell = number | string | boolean | null;

const TECHNICIANS = ["Maria Lopez", "James Carter", "Wei Zhang", "Aisha Khan", "Tom Becker", "Li Na"];
const SERVICES: readonly { name: string; price: number; peak: "summer" | "winter" | "none" }[] = [
  { name: "AC repair", price: 320, peak: "summer" },
  { name: "Lawn care", price: 85, peak: "summer" },
  { name: "Furnace tune-up", price: 180, peak: "winter" },
  { name: "Water heater", price: 640, peak: "winter" },
  { name: "Drain cleaning", price: 210, peak: "none" },
  { name: "Deep clean", price: 260, peak: "none" },
];
const SOURCES = ["Google", "Referral", "Repeat customer", "Yelp", "Facebook"];
const COMMENTS = [
  "Great service, very friendly tech",
  "On time and tidy, thank you",
  "Fixed it fast, excellent work",
  "Good job but a bit pricey",
  "Technician was late and did not call",
  "Had to come back twice, frustrating",
  "Professional and clean",
  "Terrible communication about the arrival time",
  "Happy with the result",
  "师傅很专业,准时到达",
  "服务很好",
];
const SLOTS = [8, 10, 13, 15];

export interface SampleOptions {
  seed?: number;
  /** First and last day, as Excel serials. */
  from?: number;
  to?: number;
  jobs?: number;
  customers?: number;
}

/** 2024-10-01 to 2026-09-30: eight whole quarters. */
const SAMPLE_FROM = serialFromParts(2024, 10, 1);
const SAMPLE_TO = serialFromParts(2026, 9, 30);

/** Rows of SAMPLE_HEADERS, dates and times as Excel serials, in date order. */
export function sampleJobs(options: SampleOptions = {}): SampleCell[][] {
  const { seed = 2026, from = SAMPLE_FROM, to = SAMPLE_TO, jobs = 6000, customers = 800 } = options;
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
  // Times are recorded to the minute, as people type them: they survive any round trip through
  // millisecond-precision dates (ExcelJS reads date cells as JavaScript Dates).
  const toMinute = (serial: number) => Math.round(serial * 1440) / 1440;
  // Regulars book again and again (squaring skews picks towards a loyal few); the rest come once.
  const regulars = Math.round(customers * 0.4);
  let nextOneOff = regulars;
  const oneOffShare = (customers - regulars) / jobs;
  const id = (n: number) => `Customer ${String(n + 1).padStart(3, "0")}`;
  const customer = () => (nextOneOff < customers && chance(oneOffShare) ? id(nextOneOff++) : id(Math.floor(next() ** 2 * regulars)));

  const rows: SampleCell[][] = [];
  while (rows.length < jobs) {
    const day = from + Math.floor(next() * (to - from + 1));
    const month = new Date((day - 25_569) * 86_400_000).getUTCMonth() + 1;
    const weekday = (day - 1) % 7; // 0 is Sunday in Excel's serials from 1900-03-01
    if (weekday === 0 && !chance(0.2)) continue; // few Sunday jobs
    const service = pick(SERVICES);
    const inSeason = service.peak === "summer" ? month >= 5 && month <= 8 : service.peak === "winter" ? month >= 11 || month <= 2 : true;
    if (!inSeason && !chance(0.35)) continue; // seasonality
    const promised = day + pick(SLOTS) / 24;
    const requested = toMinute(promised - 1 - Math.floor(next() * 4) - next() * 0.4);
    const responded = toMinute(requested + (5 + Math.floor(next() ** 2 * 600)) / 1440);
    const source = pick(SOURCES);
    if (chance(0.15)) {
      // a lead that did not book: only what the office recorded
      rows.push([day, customer(), null, service.name, null, null, null, null, null, null, null, requested, responded, null, source, false, null]);
      continue;
    }
    const late = chance(0.12) ? 20 + Math.floor(next() * 70) : 0;
    const arrival = toMinute(promised + (Math.floor(next() * 20) - 18 + late) / 1440);
    const fixed = chance(0.84);
    const resolved = toMinute(arrival + (1 + next() * (fixed ? 4 : 30)) / 24);
    const happy = fixed && late === 0;
    const nps = chance(0.3) ? null : chance(0.02) ? "n/a" : Math.min(10, Math.max(0, Math.round((happy ? 9.1 : 5.5) + (next() - 0.5) * 4)));
    const csat = chance(0.4) ? null : Math.min(5, Math.max(1, Math.round((happy ? 4.4 : 3) + (next() - 0.5) * 2)));
    const effort = chance(0.6) ? null : Math.min(7, Math.max(1, Math.round((happy ? 2 : 4) + (next() - 0.5) * 3)));
    const amount = chance(0.02) ? 0 : round(service.price * (0.7 + next() * 0.8), 2);
    rows.push([
      day,
      customer(),
      pick(TECHNICIANS),
      service.name,
      amount,
      nps,
      csat,
      effort,
      chance(0.03) ? null : fixed,
      toMinute(promised),
      chance(0.02) ? null : arrival,
      requested,
      responded,
      resolved,
      source,
      true,
      chance(0.7) ? null : pick(COMMENTS),
    ]);
  }
  return rows.sort((a, b) => (a[0] as number) - (b[0] as number));
}
