import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";

/**
 * SORTBY for the demo's HyperFormula, which has SORT but not SORTBY: SORTBY(array, by1, [order1], [by2,
 * order2, ...]) gives the rows of `array` ordered by the column `by1` (1 ascending, -1 descending),
 * ties by `by2`, and so on, as Excel does
 * (https://support.microsoft.com/en-us/office/sortby-function-cd2d7a62-1b93-435c-b561-d6a35134f28f).
 * Values compare as HyperFormula's SORT compares them (its ArithmeticHelper: numbers before text, text
 * by the engine's collation), blanks last whatever the order; equal rows keep their order. Only sorting
 * rows, by columns as tall as `array`: what the customer counts of formulas.ts ask.
 */

type Scalar = unknown;

/** The first error among the cells of some arrays, if any. */
function firstError(arrays: readonly SimpleRangeValue[]): CellError | undefined {
  for (const array of arrays) for (const row of array.data) for (const cell of row) if (cell instanceof CellError) return cell;
  return undefined;
}

class SortByPlugin extends FunctionPlugin {
  static implementedFunctions = {
    SORTBY: {
      method: "sortBy",
      sizeOfResultArrayMethod: "sortBySize",
      enableArrayArithmeticForArguments: true,
      vectorizationForbidden: true,
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1, emptyAsDefault: true },
      ],
      repeatLastArgs: 2,
    },
  };

  /** -1, 0 or 1 as SORT orders two cells ascending: blanks after everything else. */
  private compare(a: Scalar, b: Scalar): number {
    if (a === EmptyValue || b === EmptyValue) return a === b ? 0 : a === EmptyValue ? 1 : -1;
    const helper = this.arithmeticHelper;
    return helper.lt(a as never, b as never) ? -1 : helper.gt(a as never, b as never) ? 1 : 0;
  }

  // HyperFormula does not export its AST and state types; they only pass through to runFunction.
  sortBy(ast: { args: unknown }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("SORTBY"), (array: SimpleRangeValue, ...rest: unknown[]) => {
      const keys: { by: SimpleRangeValue; order: number }[] = [];
      for (let i = 0; i < rest.length; i += 2) keys.push({ by: rest[i] as SimpleRangeValue, order: (rest[i + 1] as number | undefined) ?? 1 });
      const error = firstError([array, ...keys.map((key) => key.by)]);
      if (error) return error;
      if (keys.some(({ order }) => order !== 1 && order !== -1)) return new CellError(ErrorType.VALUE, "SORTBY's sort orders must be 1 or -1");
      if (keys.some(({ by }) => by.width() !== 1 || by.height() !== array.height())) {
        return new CellError(ErrorType.VALUE, "SORTBY sorts rows by columns as tall as its array");
      }
      const order = array.data.map((_, row) => row);
      order.sort((r1, r2) => {
        for (const { by, order: direction } of keys) {
          const [a, b] = [by.data[r1][0], by.data[r2][0]];
          // Blanks go last in either direction, as in SORT.
          const blanks = a === EmptyValue || b === EmptyValue;
          const compared = blanks ? this.compare(a, b) : direction * this.compare(a, b);
          if (compared !== 0) return compared;
        }
        return 0;
      });
      return SimpleRangeValue.onlyValues(order.map((row) => array.data[row].slice()) as never);
    });
  }

  /** The result has the array's shape. */
  sortBySize(ast: { args: unknown[] }, state: unknown) {
    if (ast.args.length < 2) return ArraySize.error();
    const size = this.arraySizeForAst(ast.args[0] as never, state as never);
    return new ArraySize(size.width, size.height);
  }
}

let registered = false;

/** Adds SORTBY to HyperFormula for engines built after this call (once per process). */
export function registerSortBy(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(SortByPlugin, { enGB: { SORTBY: "SORTBY" }, enUS: { SORTBY: "SORTBY" } });
  registered = true;
}
