/** Tokens as a tree, with Excel's precedence: comparisons, &, + -, * /, ^, then unary signs and %. */
import { columnIndex } from "../address";
import type { Token } from "./tokenise";
import { Unsupported } from "./unsupported";

export type Node =
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

const BINARY: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

export function parse(tokens: Token[]): Node {
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
      const at = { row: Number(r), col: columnIndex(c) };
      if (peek()?.k === "op" && peek().v === ":" && tokens[p + 1]?.k === "ref") {
        p++;
        const [c2, r2] = tokens[p++].v.split(":");
        const end = { row: Number(r2), col: columnIndex(c2) };
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
