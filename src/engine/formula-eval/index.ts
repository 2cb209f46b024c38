/**
 * A small evaluator for the formulas a workbook saved without their computed values (files
 * written by programs: the formula is there, the cached result is not). It knows the forms the
 * template and "Tính lại" write, and plain sheet arithmetic: numbers, text, cell references and
 * ranges of the same sheet, + - * / ^ & % and comparisons, and IF, AND, OR, NOT, ISNUMBER, ISTEXT,
 * ISBLANK, ISERROR, IFERROR, SEARCH, SUBSTITUTE, LOWER, UPPER, TRIM, MID, LEFT, RIGHT, LEN, VALUE,
 * SIGN, ABS, ROUND, CHOOSE, SUM. Anything else (another sheet, an unknown function) gives
 * undefined: the caller says it could not compute the cell, and never guesses.
 *
 * Values follow Excel: an empty cell is 0 in arithmetic and "" in text; text compares above any
 * number and without case; binary floating point, as Excel computes.
 *
 * The rooms: tokenise.ts (text → tokens), parse.ts (tokens → tree), values.ts (Excel's
 * coercions and comparison), functions.ts (the worksheet functions), this file (the operators,
 * the cells, and the one entry, evaluateFormula).
 */
import type { CellValue } from "../snapshot";
import { callFunction } from "./functions";
import { parse, type Node } from "./parse";
import { tokenise } from "./tokenise";
import { Unsupported } from "./unsupported";
import { ERR, compare, isErr, toNumber, toText, type Value } from "./values";

export type Lookup = (row: number, col: number) => CellValue | undefined;

class Evaluator {
  constructor(private readonly lookup: Lookup) {}

  cell(row: number, col: number): Value {
    const v = this.lookup(row, col);
    if (v === undefined) throw new Unsupported("a cell that cannot be computed");
    return v as Value;
  }

  /** A single value; a range in a single-value place is not one of our forms. */
  value(n: Node): Value {
    switch (n.t) {
      case "num":
      case "str":
      case "bool":
        return n.v;
      case "err":
        return ERR(n.v);
      case "ref":
        return this.cell(n.row, n.col);
      case "range":
        throw new Unsupported("range as a value");
      case "un": {
        const a = toNumber(this.value(n.a));
        return isErr(a) ? a : n.op === "-" ? -a : a;
      }
      case "pct": {
        const a = toNumber(this.value(n.a));
        return isErr(a) ? a : a / 100;
      }
      case "bin":
        return this.binary(n.op, this.value(n.a), this.value(n.b));
      case "call":
        return callFunction(n.name, n.args, this);
    }
  }

  binary(op: string, a: Value, b: Value): Value {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === "&") return (toText(a) as string) + (toText(b) as string);
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(a, b);
      return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? ERR("#DIV/0!") : x / y;
      case "^":
        return Math.pow(x, y);
    }
    throw new Unsupported(op);
  }
}

/**
 * The value of `formula` ("=IF(…)", with or without "="), reading other cells through `lookup`
 * (undefined there: a cell that cannot be known); undefined when the formula is not one of the
 * forms above. Errors come back as { error: "#DIV/0!" }, as a spreadsheet would show them.
 */
export function evaluateFormula(formula: string, lookup: Lookup): CellValue | undefined {
  try {
    const v = new Evaluator(lookup).value(parse(tokenise(formula.replace(/^=/, ""))));
    if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" };
    return v as CellValue;
  } catch (e) {
    if (e instanceof Unsupported || e instanceof RangeError) return undefined;
    throw e;
  }
}
