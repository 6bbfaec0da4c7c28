import { identifiers, inPeriodMask } from "./formulaParts";

/** The shared parts as text, worked out by hand; what they compute is checked in real engines (sortedRuns.test.ts, customerRuns.test.ts). */
describe("the parts of the KPI formulas", () => {
  const ctx = { column: () => "D", from: "$B$2", to: "$B$3" };

  it("mask the period's rows, counting its last day in full (the @example)", () => {
    expect(inPeriodMask(ctx)).toBe("(D>=$B$2)*(D<$B$3+1)");
  });

  it("key names as text: trimmed, lower case, an error as a blank (the @example)", () => {
    expect(identifiers("C2:C9")).toBe('LOWER(TRIM(IFERROR(C2:C9&"","")))');
  });

  describe("edge cases", () => {
    it("multiply a row mask (one technician's jobs) into the period's", () => {
      expect(inPeriodMask({ ...ctx, rows: "(X2:X9=1)" })).toBe("(D>=$B$2)*(D<$B$3+1)*(X2:X9=1)");
    });

    it("read the date column the context names, whatever the other roles", () => {
      expect(inPeriodMask({ ...ctx, column: (role) => (role === "date" ? "Jobs[[Job date]]" : "?") })).toBe("(Jobs[[Job date]]>=$B$2)*(Jobs[[Job date]]<$B$3+1)");
    });
  });
});
