import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";

/**
 * LET for the demo's HyperFormula, which has none: LET(name1, value1, [name2, value2, ...], calculation)
 * computes each value once, in order (a value may use the names before it), then the calculation with
 * every name standing for its value, as Excel does. HyperFormula parses a name as a named expression;
 * this plugin puts, in a copy of the formula's tree, a node holding the computed value in place of
 * each such name before evaluating what follows. The distinct counts of formulas.ts use LET.
 */

/** A node of HyperFormula's formula tree, as far as this plugin reads it (its AST types are not exported). */
interface Node {
  type: string;
  expressionName?: string;
  args?: unknown;
  /** The value a LET name stands for, on the nodes this plugin puts in the tree. */
  bound?: unknown;
}

/** The keys of a tree node that hold its operands: functions' args (an array's args are rows of nodes), operators' left/right/value, a parenthesis's expression. */
const CHILDREN = ["args", "left", "right", "value", "expression"] as const;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && typeof (value as Node).type === "string";

/** A LET call in the formula, not a node this plugin put there. */
const isLet = (node: Node) => node.type === "FUNCTION_CALL" && (node as { procedureName?: string }).procedureName === "LET" && !("bound" in node);

/** A copy of `value` (a node, or nested arrays of nodes) with each name in `bound` replaced by its node. */
function substitute(value: unknown, bound: ReadonlyMap<string, Node>): unknown {
  if (Array.isArray(value)) return value.map((item) => substitute(item, bound));
  if (!isNode(value)) return value;
  if (value.type === "NAMED_EXPRESSION" && value.expressionName) return bound.get(value.expressionName.toUpperCase()) ?? value;
  if (isLet(value)) return { ...value, args: substituteLet(value.args as unknown[], bound) };
  const copy: Record<string, unknown> = { ...value };
  for (const key of CHILDREN) if (key in copy) copy[key] = substitute(copy[key], bound);
  return copy;
}

/** A LET's arguments inside another's: its own names stay names, and hide the outer ones of the same name from then on. */
function substituteLet(args: readonly unknown[], bound: ReadonlyMap<string, Node>): unknown[] {
  const visible = new Map(bound);
  return args.map((arg, i) => {
    const name = isNode(arg) && arg.type === "NAMED_EXPRESSION" && i % 2 === 0 && i < args.length - 1 ? arg.expressionName : undefined;
    if (name === undefined) return substitute(arg, visible);
    visible.delete(name.toUpperCase());
    return arg;
  });
}

/**
 * The value to hand on for one use of a name: HyperFormula's operators write their result into an
 * array they computed (x>1 overwrites x), so each use gets its own copy of an array.
 */
const fresh = (value: unknown): unknown => (value instanceof SimpleRangeValue ? SimpleRangeValue.onlyValues(value.data.map((row) => [...row])) : value);

class LetPlugin extends FunctionPlugin {
  static implementedFunctions = {
    // Arrays as arrays inside, as in Excel, whether or not the engine computes every formula so.
    LET: { method: "let", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1, enableArrayArithmeticForArguments: true },
  };

  // HyperFormula does not export its AST and state types; they only pass through to evaluateAst.
  let(ast: Node, state: unknown) {
    if ("bound" in ast) return fresh(ast.bound) as never;
    const args = (ast.args ?? []) as Node[];
    if (args.length < 3 || args.length % 2 === 0) return new CellError(ErrorType.NA, `LET takes names, each with a value, then a calculation: an odd number of arguments, 3 or more, not ${args.length}`);
    const bound = new Map<string, Node>();
    for (let i = 0; i < args.length - 1; i += 2) {
      const name = args[i];
      if (name.type !== "NAMED_EXPRESSION" || !name.expressionName) return new CellError(ErrorType.VALUE, `LET's argument ${i + 1} is not a name`);
      const value = this.evaluateAst(substitute(args[i + 1], bound) as never, state as never);
      bound.set(name.expressionName.toUpperCase(), { type: "FUNCTION_CALL", procedureName: "LET", args: [], bound: value } as Node);
    }
    return this.evaluateAst(substitute(args[args.length - 1], bound) as never, state as never);
  }
}

let registered = false;

/** Adds LET to HyperFormula for engines built after this call (once per process). */
export function registerLet(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(LetPlugin, { enGB: { LET: "LET" }, enUS: { LET: "LET" } });
  registered = true;
}
