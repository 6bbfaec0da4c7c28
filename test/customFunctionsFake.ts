/** A stand-in for the CustomFunctions global that Excel's runtime provides, for tests in Node. */
class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    // Excel's error carries no message unless one is given.
    if (message === undefined) Object.defineProperty(this, "message", { value: undefined });
  }
}

export function installCustomFunctionsFake(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}
