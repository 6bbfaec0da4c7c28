import { CellError, EmptyValue, FunctionArgumentType, FunctionMetadata, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { ShimError } from "./customFunctionsShim"; // first: it defines the CustomFunctions global
import * as excelFunctions from "../src/functions/functions";

/**
 * The =KPI.* functions inside HyperFormula, for the demo workbook and the tests that compare the OKR
 * sheet's two formula modes. They call the very wrappers Excel calls (src/functions/functions.ts), so
 * arguments, defaults and errors are Excel's. HyperFormula is GPL-3.0: this stays out of the add-in bundle.
 */

const wrappers = excelFunctions as unknown as Record<string, (...args: unknown[]) => number | string>;

/** Each function's parameters: R a range, S a single value; ? optional. Checked against functions.json in the tests. */
export const PARAMETERS: Record<string, string> = {
  NPS: "R R? S? S?",
  CSAT: "R S? R? S? S?",
  CES: "R S? R? S? S?",
  RATE: "R R? S? S?",
  FCR: "R R? S? S?",
  ONTIME: "R R S? R? S? S?",
  SLA: "R R R? S? S?",
  RESPONSETIME: "R R S? R? S? S?",
  RESOLUTIONTIME: "R R S? R? S? S?",
  RETENTION: "S S S",
  CHURN: "S S S",
  LTV: "S S S S? S?",
  LIFESPAN: "S",
  REPEATRATE: "R R? S? S?",
  AVGTICKET: "R R? S? S?",
  JOBSPERTECH: "R R? S? S?",
  JOBSPERDAY: "R S? S?",
  LEADCOST: "R R",
  CONVERSION: "R R",
  ABANDONMENT: "R R",
  DSO: "R R S",
  PROGRESS: "S S S S?",
  STATUS: "S S S? S? S? S?",
  ELAPSED: "S S S?",
  SENTIMENT: "R R? S? S?",
  WITHINSLA: "R R R R? S? S?",
  TIMEONSITE: "R R S? R? S? S?",
  REVENUE: "R R? S? S?",
  JOBS: "R S? S?",
  CUSTOMERS: "R R? S? S?",
  RETAINED: "R R S S S S",
  NEWCUSTOMERS: "R R S S",
};

/** A HyperFormula cell value as Excel hands it to a custom function. */
function toExcelCell(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) return { type: "Error", value: value.type };
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val; // dates, percentages
  return value;
}

function toExcelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toExcelCell));
  if (value === undefined) return null; // omitted optional argument, as Excel passes it
  return toExcelCell(value);
}

const ERROR_TYPES: Record<string, string> = { "#VALUE!": "VALUE", "#DIV/0!": "DIV_BY_ZERO", "#NUM!": "NUM", "#N/A": "NA" };

class KpiPlugin extends FunctionPlugin {
  static implementedFunctions: Record<string, FunctionMetadata> = Object.fromEntries(
    Object.entries(PARAMETERS).map(([name, kinds]) => [
      `KPI.${name}`,
      {
        method: "evaluate",
        parameters: kinds.split(" ").map((kind) => ({
          argumentType: kind.startsWith("R") ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
          optionalArg: kind.endsWith("?"),
        })),
        isVolatile: name === "ELAPSED",
      },
    ]),
  );

  // HyperFormula does not export its AST and state types; they only pass through to runFunction.
  evaluate(ast: { procedureName: string; args: unknown }, state: unknown) {
    const name = ast.procedureName.replace(/^KPI\./, "");
    return this.runFunction(ast.args as never, state as never, this.metadata(ast.procedureName), (...args: unknown[]) => {
      try {
        return wrappers[name](...args.map(toExcelArgument));
      } catch (error) {
        if (!(error instanceof ShimError)) throw error;
        return new CellError(ERROR_TYPES[error.code] as never, error.message);
      }
    });
  }
}

let registered = false;

/** Registers =KPI.* in HyperFormula (once per process). */
export function registerKpiFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(Object.keys(KpiPlugin.implementedFunctions).map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(KpiPlugin, { enGB: names, enUS: names });
  registered = true;
}
