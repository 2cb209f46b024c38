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
 */
import type { CellValue } from "./snapshot";

type Value = number | string | boolean | null | { error: string };
type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "ref"; row: number; col: number }
  | { t: "range"; top: number; left: number; bottom: number; right: number }
  | { t: "un"; op: string; a: Node }
  | { t: "pct"; a: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "call"; name: string; args: Node[] };

class Unsupported extends Error {}

const ERR = (e: string): Value => ({ error: e });
const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c;
}

type Token = { k: "num" | "str" | "ref" | "name" | "op" | "err" | "(" | ")" | ","; v: string };

function tokenise(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Unsupported("unterminated text");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: "str", v: s });
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    if (ch === "#") {
      const e = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)/.exec(src.slice(i));
      if (!e) throw new Unsupported("error literal");
      out.push({ k: "err", v: e[0] });
      i += e[0].length;
      continue;
    }
    if (ch === "'" || (/[A-Za-z_]/.test(ch) && /^[A-Za-z_][\w.]*!/.test(src.slice(i)))) throw new Unsupported("another sheet");
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(])/.exec(src.slice(i));
    if (ref) {
      out.push({ k: "ref", v: `${ref[1]}:${ref[2]}` });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(src.slice(i));
    if (name) {
      out.push({ k: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%:".includes(ch)) {
      out.push({ k: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      out.push({ k: ch, v: ch });
      i++;
      continue;
    }
    throw new Unsupported(`character ${ch}`);
  }
  return out;
}

const BINARY: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const expect = (k: Token["k"]) => {
    if (tokens[p]?.k !== k) throw new Unsupported(`expected ${k}`);
    return tokens[p++];
  };
  const primary = (): Node => {
    const tok = tokens[p++];
    if (!tok) throw new Unsupported("end of formula");
    if (tok.k === "num") return { t: "num", v: Number(tok.v) };
    if (tok.k === "str") return { t: "str", v: tok.v };
    if (tok.k === "err") return { t: "err", v: tok.v };
    if (tok.k === "op" && (tok.v === "-" || tok.v === "+")) return { t: "un", op: tok.v, a: unary() };
    if (tok.k === "(") {
      const e = expr(0);
      expect(")");
      return e;
    }
    if (tok.k === "ref") {
      const [c, r] = tok.v.split(":");
      const at = { row: Number(r), col: colNumber(c) };
      if (peek()?.k === "op" && peek().v === ":" && tokens[p + 1]?.k === "ref") {
        p++;
        const [c2, r2] = tokens[p++].v.split(":");
        const end = { row: Number(r2), col: colNumber(c2) };
        return { t: "range", top: Math.min(at.row, end.row), left: Math.min(at.col, end.col), bottom: Math.max(at.row, end.row), right: Math.max(at.col, end.col) };
      }
      return { t: "ref", ...at };
    }
    if (tok.k === "name") {
      if (peek()?.k === "(") {
        p++;
        const args: Node[] = [];
        if (peek()?.k !== ")") {
          for (;;) {
            args.push(expr(0));
            if (peek()?.k === ",") {
              p++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { t: "call", name: tok.v.replace(/^_XLFN\./, ""), args };
      }
      if (tok.v === "TRUE" || tok.v === "FALSE") return { t: "bool", v: tok.v === "TRUE" };
      throw new Unsupported(`name ${tok.v}`);
    }
    throw new Unsupported(`token ${tok.v}`);
  };
  const postfix = (): Node => {
    let n = primary();
    while (peek()?.k === "op" && peek().v === "%") {
      p++;
      n = { t: "pct", a: n };
    }
    return n;
  };
  // Excel: unary minus binds tighter than ^ (=-2^2 is 4).
  const unary = (): Node => postfix();
  const expr = (min: number): Node => {
    let left = unary();
    for (;;) {
      const tok = peek();
      if (!tok || tok.k !== "op" || !(tok.v in BINARY)) break;
      const prec = BINARY[tok.v];
      if (prec < min) break;
      p++;
      const right = expr(tok.v === "^" ? prec + 1 : prec + 1);
      left = { t: "bin", op: tok.v, a: left, b: right };
    }
    return left;
  };
  const root = expr(0);
  if (p !== tokens.length) throw new Unsupported("trailing tokens");
  return root;
}

export type Lookup = (row: number, col: number) => CellValue | undefined;

function toNumber(v: Value): number | { error: string } {
  if (isErr(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = textNumber(v);
  return n === null ? { error: "#VALUE!" } : n;
}

/** Text read as a number the way VALUE() reads it in an en-US spreadsheet ("5.5", "1,000", "55%"). */
function textNumber(s: string): number | null {
  const t = s.trim();
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%?)$/.exec(t);
  if (!m || (!m[2] && !m[3]) || m[3] === ".") return null;
  let n = Number(`${m[1]}${m[2].replace(/,/g, "") || "0"}${m[3] ?? ""}${m[4] ? `e${m[4]}` : ""}`);
  if (m[5]) n /= 100;
  return Number.isFinite(n) ? n : null;
}

function toText(v: Value): string | { error: string } {
  if (isErr(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function toBool(v: Value): boolean | { error: string } {
  if (isErr(v)) return v;
  if (typeof v === "boolean") return v;
  if (v === null || v === "") return false;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return { error: "#VALUE!" };
}

function compare(a: Value, b: Value): number {
  // Blank against text is "", against a number 0; text sorts above numbers, booleans above text.
  const rank = (v: Value) => (typeof v === "boolean" ? 2 : typeof v === "string" ? 1 : 0);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLocaleLowerCase("vi");
    const y = b.toLocaleLowerCase("vi");
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

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
        return this.call(n.name, n.args);
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

  call(name: string, args: Node[]): Value {
    const v = (i: number) => this.value(args[i]);
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
                const x = this.cell(r, c);
                if (isErr(x)) return x;
                if (typeof x === "number") total += x;
              }
            continue;
          }
          const x = toNumber(this.value(a));
          if (isErr(x)) return x;
          total += x;
        }
        return total;
      }
    }
    throw new Unsupported(`function ${name}`);
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
