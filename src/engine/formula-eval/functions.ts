/**
 * The worksheet functions the evaluator knows: IF, AND, OR, NOT, ISNUMBER, ISTEXT, ISBLANK,
 * ISERROR, IFERROR, SEARCH, SUBSTITUTE, LOWER, UPPER, TRIM, LEN, MID, LEFT, RIGHT, VALUE, SIGN,
 * ABS, ROUND, CHOOSE, SUM. Any other name is Unsupported.
 */
import type { Node } from "./parse";
import { Unsupported } from "./unsupported";
import { ERR, isErr, textNumber, toBool, toNumber, toText, type Value } from "./values";

/** What a function reads its arguments through: an argument's value, a cell of a range. */
export interface Scope {
  value(n: Node): Value;
  cell(row: number, col: number): Value;
}

/** The value of the call `name(args…)`; the arguments are evaluated only as the function needs them. */
export function callFunction(name: string, args: Node[], scope: Scope): Value {
  const v = (i: number) => scope.value(args[i]);
  const arity = (min: number, max = min) => {
    if (args.length < min || args.length > max) throw new Unsupported(`${name} arity`);
  };
  const text = (i: number) => toText(v(i));
  const num = (i: number) => toNumber(v(i));
  switch (name) {
    case "IF": {
      arity(1, 3);
      const c = toBool(v(0));
      if (isErr(c)) return c;
      if (c) return args.length > 1 ? v(1) : true;
      return args.length > 2 ? v(2) : false;
    }
    case "AND":
    case "OR": {
      if (!args.length) throw new Unsupported(name);
      let acc = name === "AND";
      for (let i = 0; i < args.length; i++) {
        const b = toBool(v(i));
        if (isErr(b)) return b;
        acc = name === "AND" ? acc && b : acc || b;
      }
      return acc;
    }
    case "NOT": {
      arity(1);
      const b = toBool(v(0));
      return isErr(b) ? b : !b;
    }
    case "ISNUMBER":
      arity(1);
      return typeof v(0) === "number";
    case "ISTEXT":
      arity(1);
      return typeof v(0) === "string";
    case "ISBLANK":
      arity(1);
      return v(0) === null;
    case "ISERROR":
      arity(1);
      return isErr(v(0));
    case "IFERROR": {
      arity(2);
      const a = v(0);
      return isErr(a) ? v(1) : a;
    }
    case "SEARCH": {
      arity(2, 3);
      const find = text(0);
      const within = text(1);
      if (isErr(find)) return find;
      if (isErr(within)) return within;
      if (/[?*~]/.test(find)) throw new Unsupported("SEARCH wildcards");
      const start = args.length > 2 ? num(2) : 1;
      if (isErr(start)) return start;
      const at = within.toLocaleLowerCase("vi").indexOf(find.toLocaleLowerCase("vi"), Math.max(0, Math.trunc(start) - 1));
      return at < 0 ? ERR("#VALUE!") : at + 1;
    }
    case "SUBSTITUTE": {
      arity(3);
      const [s, from, to] = [text(0), text(1), text(2)];
      if (isErr(s)) return s;
      if (isErr(from)) return from;
      if (isErr(to)) return to;
      return from === "" ? s : s.split(from).join(to);
    }
    case "LOWER":
    case "UPPER":
    case "TRIM": {
      arity(1);
      const s = text(0);
      if (isErr(s)) return s;
      return name === "LOWER" ? s.toLocaleLowerCase("vi") : name === "UPPER" ? s.toLocaleUpperCase("vi") : s.replace(/ +/g, " ").trim();
    }
    case "LEN": {
      arity(1);
      const s = text(0);
      return isErr(s) ? s : [...s].length;
    }
    case "MID":
    case "LEFT":
    case "RIGHT": {
      arity(name === "MID" ? 3 : 1, name === "MID" ? 3 : 2);
      const s = text(0);
      if (isErr(s)) return s;
      const chars = [...s];
      if (name === "MID") {
        const [start, len] = [num(1), num(2)];
        if (isErr(start)) return start;
        if (isErr(len)) return len;
        if (start < 1 || len < 0) return ERR("#VALUE!");
        return chars.slice(Math.trunc(start) - 1, Math.trunc(start) - 1 + Math.trunc(len)).join("");
      }
      const n = args.length > 1 ? num(1) : 1;
      if (isErr(n)) return n;
      if (n < 0) return ERR("#VALUE!");
      return name === "LEFT" ? chars.slice(0, Math.trunc(n)).join("") : chars.slice(Math.max(0, chars.length - Math.trunc(n))).join("");
    }
    case "VALUE": {
      arity(1);
      const a = v(0);
      if (isErr(a)) return a;
      if (typeof a === "number") return a;
      const n = textNumber(toText(a) as string);
      return n === null ? ERR("#VALUE!") : n;
    }
    case "SIGN":
    case "ABS": {
      arity(1);
      const n = num(0);
      if (isErr(n)) return n;
      return name === "SIGN" ? Math.sign(n) : Math.abs(n);
    }
    case "ROUND": {
      arity(2);
      const [n, d] = [num(0), num(1)];
      if (isErr(n)) return n;
      if (isErr(d)) return d;
      const f = Math.pow(10, Math.trunc(d));
      return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-9)) / f;
    }
    case "CHOOSE": {
      if (args.length < 2) throw new Unsupported("CHOOSE");
      const i = num(0);
      if (isErr(i)) return i;
      const k = Math.trunc(i);
      return k < 1 || k >= args.length ? ERR("#VALUE!") : v(k);
    }
    case "SUM": {
      let total = 0;
      for (const a of args) {
        if (a.t === "range") {
          for (let r = a.top; r <= a.bottom; r++)
            for (let c = a.left; c <= a.right; c++) {
              const x = scope.cell(r, c);
              if (isErr(x)) return x;
              if (typeof x === "number") total += x;
            }
          continue;
        }
        const x = toNumber(scope.value(a));
        if (isErr(x)) return x;
        total += x;
      }
      return total;
    }
  }
  throw new Unsupported(`function ${name}`);
}
