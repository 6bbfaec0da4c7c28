import type { MessageId } from "./i18n/messages";

/** A few formulas to show a new user in the pane, each with what it gives. */
export const FUNCTION_EXAMPLES: readonly { formula: string; meaning: MessageId }[] = [
  { formula: "=KPI.NPS(F2:F500)", meaning: "functions.nps" },
  { formula: "=KPI.CSAT(G2:G500)", meaning: "functions.csat" },
  { formula: "=KPI.FCR(I2:I500)", meaning: "functions.fcr" },
  { formula: "=KPI.ONTIME(K2:K500, J2:J500, 15)", meaning: "functions.ontime" },
  { formula: "=KPI.REPEATRATE(B2:B500)", meaning: "functions.repeatRate" },
  { formula: "=KPI.AVGTICKET(E2:E500, A2:A500, \"2026-07-01\", \"2026-09-30\")", meaning: "functions.avgTicket" },
];
