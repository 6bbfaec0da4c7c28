/** Excel's CustomFunctions global, for running the custom-function wrappers outside Excel. */
export class ShimError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    // Excel's error carries no message unless one is given.
    if (message === undefined) Object.defineProperty(this, "message", { value: undefined });
  }
}

export function installCustomFunctionsShim(): void {
  const global = globalThis as Record<string, unknown>;
  if (global.CustomFunctions) return;
  global.CustomFunctions = {
    Error: ShimError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
  };
}
