/**
 * Excel's CustomFunctions global, for running the custom-function wrappers outside Excel. Installed
 * when this module is evaluated: import it before src/functions/functions, whose build appends
 * CustomFunctions.associate calls that run at load.
 */
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

const global = globalThis as Record<string, unknown>;
global.CustomFunctions ??= {
  Error: ShimError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
  associate: () => undefined,
};
