/** A formula's text as tokens: numbers, text, error literals, cell references, names, operators. */
import { Unsupported } from "./unsupported";

export type Token = { k: "num" | "str" | "ref" | "name" | "op" | "err" | "(" | ")" | ","; v: string };

export function tokenise(src: string): Token[] {
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
