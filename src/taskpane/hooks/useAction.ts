import { useCallback, useRef, useState } from "react";

export type Outcome = { state: "idle" } | { state: "busy" } | { state: "error"; message: string } | { state: "done"; message: string };

export interface Action {
  outcome: Outcome;
  /**
   * Runs the task unless this action is already running; what it returns replaces "busy". A throw becomes
   * an error outcome with the message `failure` makes of the error's text.
   */
  run: (task: () => Promise<Outcome>, failure: (error: string) => string) => Promise<void>;
  /** Back to idle, e.g. when the outcome no longer applies. Does nothing while the action runs. */
  reset: () => void;
}

/**
 * One user action (build, check-in) with its own outcome, running at most once at a time. A ref guards it as
 * well as the state: two clicks can land before React re-renders the button disabled, and both would see
 * the outcome still idle.
 */
export function useAction(): Action {
  const running = useRef(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const run = useCallback(async (task: () => Promise<Outcome>, failure: (error: string) => string) => {
    if (running.current) return;
    running.current = true;
    setOutcome({ state: "busy" });
    try {
      setOutcome(await task());
    } catch (error) {
      setOutcome({ state: "error", message: failure(String(error)) });
    } finally {
      running.current = false;
    }
  }, []);
  const reset = useCallback(() => {
    if (!running.current) setOutcome({ state: "idle" });
  }, []);
  return { outcome, run, reset };
}
