import { mkdtempSync } from "fs";
import os from "os";
import path from "path";
import { exportOkr } from "../scripts/okr";
import { exportScorecard } from "../scripts/scorecard";
import { exportTrends } from "../scripts/trends";
import { writeSecondLog } from "./secondLog";

/**
 * The CLIs run one after the other on a job log that is a plain range (the second log: sheet "Work
 * orders", no table). Each writes a file that opens on the sheet it built, so the next must find the
 * log on its own sheet, not read the OKR sheet, the scorecard or the Trends sheet as a log.
 */
describe("npm run okr, scorecard and trends chained on a plain-range log", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cli-chain-"));
  const file = (name: string) => path.join(dir, name);
  const warned: string[] = [];
  const warn = (message: string) => void warned.push(message);
  const readFrom = (sheet: string) => expect.stringMatching(new RegExp(`^The job log on "${sheet}" is a plain range`));

  it("finds the log on its own sheet after each build", async () => {
    await writeSecondLog(file("log.xlsx"));
    await exportOkr(file("log.xlsx"), file("okr.xlsx"), { period: "2026-Q3", warn });
    // The OKR sheet is active in okr.xlsx; the scorecard, the Trends sheet and the OKR sheet again follow.
    const scorecard = await exportScorecard(file("okr.xlsx"), file("scorecard.xlsx"), { period: "2026-Q3", warn });
    const trends = await exportTrends(file("scorecard.xlsx"), file("trends.xlsx"), { period: "2026-Q3", warn });
    const again = await exportOkr(file("trends.xlsx"), file("again.xlsx"), { period: "2026-Q3", warn });
    expect(scorecard.title).toBe("Scorecard 2026-Q3");
    expect(trends.title).toBe("Trends");
    expect(again.title).toBe("OKR 2026-Q3");
    expect(warned.filter((message) => message.includes("plain range"))).toEqual([readFrom("Work orders"), readFrom("Work orders"), readFrom("Work orders"), readFrom("Work orders")]);
  }, 240_000);
});
