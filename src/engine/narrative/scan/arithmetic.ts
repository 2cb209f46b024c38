/**
 * Arithmetic written out in prose (SPEC §6): "184 hs x 4 tháng x 150.000 = 88.810.000", "45 hộ x
 * 2.000.000 đ = 80.000.000 đ", each factor with its unit; money scales count only when the result
 * has one too. One pass over the tokens: a chain of factors is read once and skipped.
 */
import { Decimal } from "../../decimal";
import { formatViNumber } from "../../numbers";
import { unitAfter, type UnitReading } from "../units";
import { isNum, type Num } from "./amounts";
import type { ScanContext } from "./context";

const val = (t: Num): Decimal => t.parsed.value;

/** Arithmetic "a x b x c = d". */
export function scanArithmetic(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!isNum(first)) continue;
    const factors: { t: Num; u: UnitReading }[] = [{ t: first, u: unitAfter(text, first.end, 8) }];
    let j = i;
    for (;;) {
      const cur = factors[factors.length - 1];
      const nextTok = tokens[j + 1];
      if (!isNum(nextTok)) break;
      const from = cur.u.end > cur.t.end ? cur.u.end : cur.t.end;
      const words = text.slice(cur.t.end, nextTok.start);
      if (!/^[ \t]*(?:[\p{L}²,]+[ \t]+){0,8}[x×*][ \t]*$/u.test(words) && !/^[ \t]*[x×*][ \t]*$/u.test(text.slice(from, nextTok.start))) break;
      factors.push({ t: nextTok, u: unitAfter(text, nextTok.end, 2) });
      j++;
    }
    if (factors.length < 2) continue;
    const lastF = factors[factors.length - 1];
    const res = tokens[j + 1];
    if (!isNum(res)) {
      i = j;
      continue;
    }
    const toEq = text.slice(lastF.t.end, res.start);
    if (!/^[ \t]*(?:[\p{L}²]+(?![\p{L}²])[ \t]*){0,2}\)?[ \t]*(?:=|bằng)[ \t]*$/u.test(toEq)) {
      i = j;
      continue;
    }
    const uR = unitAfter(text, res.end, 2);
    const anyScale = factors.some((f) => f.u.scale) && uR.scale;
    let product = new Decimal(1);
    for (const f of factors) product = product.times(val(f.t)).times(anyScale && f.u.scale ? f.u.scale : 1);
    const stated = anyScale ? val(res).times(uR.scale!) : val(res);
    const start = first.start;
    const end = uR.end > res.end ? uR.end : res.end;
    const expr = factors.map((f) => formatViNumber(val(f.t))).join(" × ");
    if (product.eq(stated)) ctx.addClaim("arithmetic", start, end, true);
    else {
      const computed = anyScale ? product.div(uR.scale!) : product;
      ctx.addClaim("arithmetic", start, end, false);
      ctx.say(
        "arithmetic-mismatch",
        start,
        end,
        `Phép tính ghi ${expr} = ${formatViNumber(val(res))} nhưng ${expr} = ${formatViNumber(computed)}.`,
        `The sum says ${expr} = ${formatViNumber(val(res))} but ${expr} = ${formatViNumber(computed)}.`,
        val(res).toNumber(),
        computed.toNumber(),
      );
    }
    i = j + 1;
  }
}
