/** A few formulas to show a new user in the pane. */
export const FUNCTION_EXAMPLES: readonly { formula: string; meaning: string }[] = [
  { formula: "=KPI.NPS(F2:F500)", meaning: "Net Promoter Score of the survey answers" },
  { formula: "=KPI.CSAT(G2:G500)", meaning: "share of satisfied customers (4-5 of 5)" },
  { formula: "=KPI.FCR(I2:I500)", meaning: "share of jobs fixed on the first visit" },
  { formula: "=KPI.ONTIME(K2:K500, J2:J500, 15)", meaning: "on-time arrivals, 15 minutes' grace" },
  { formula: "=KPI.REPEATRATE(B2:B500)", meaning: "share of customers who came back" },
  { formula: "=KPI.AVGTICKET(E2:E500, A2:A500, \"2026-07-01\", \"2026-09-30\")", meaning: "average ticket in Q3" },
];
