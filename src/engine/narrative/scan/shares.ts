/**
 * A share whose base stands elsewhere in the text (issue 11, pattern 5): "tiếp nhận 1.240 hồ sơ, đã
 * giải quyết 1.198 hồ sơ (đạt 96,6%)", "tổng số cử tri là 76.436; số cử tri đi bầu 76.188 (đạt tỉ
 * lệ 99,68%)", "chỉ tiêu giao là 700 triệu đồng … đã vận động được 430 triệu đồng, đạt 61,4%".
 * The base is not named, so the reader only says "right" when one of the amounts of the same
 * kind around it gives the stated percent; otherwise it says nothing (a guess at the base would
 * be a false alarm). "A đạt P% dự toán (KH B)" names its base: that one is judged.
 * Per percent: a window of at most WINDOW characters back and one sentence forward.
 */
import type { Decimal } from "../../decimal";
import { judgeStatedPercent } from "../../percent";
import { amountAt, isNum, sameKind, sayIn } from "./amounts";
import { boundBefore, labelled } from "./bounds";
import type { ScanContext } from "./context";
import { judgeRatio } from "./ratios";
import { CONNECT_VERBS, PLAN_AFTER as PLAN, RATE } from "../vocab";

/** How far back (characters) a base may stand. */
const WINDOW = 700;

/** Between an amount's unit and its percent: "đạt", ", chiếm tỷ lệ", "(đạt", "(tỷ lệ", "(". */
const CONNECT = new RegExp(`^[ \\t]*(?:[\\p{L}²]+(?![\\p{L}²])[ \\t]*){0,3}?[,(]?[ \\t]*(?:(${CONNECT_VERBS})(?:[ \\t]+(?:${RATE}))?|(${RATE})|)[ \\t]*:?[ \\t]*$`, "iu");

/** "đạt 61% dự toán (KH 250 triệu đồng)": the base named in a bracket after the percent. */
const NAMED = /^[ \t]*(?:[\p{L}]+[ \t]*){0,4}?\([ \t]*(?:kh|kế hoạch|dự toán|chỉ tiêu)[ \t]*(?:giao|năm)?[ \t]*:?[ \t]*$/iu;


export function scanShares(ctx: ScanContext): void {
  const { text, tokens, used } = ctx;
  // Candidate bases: amounts seen so far, kept in a window that slides forward (linear).
  let from = 0;
  for (let k = 1; k < tokens.length; k++) {
    const p = tokens[k];
    if (!isNum(p) || used.has(k)) continue;
    const pct = /^[ \t]*%/.exec(text.slice(p.end, p.end + 3));
    if (!pct) continue;
    const pEnd = p.end + pct[0].length;
    // The amount: the figure before P (a compound amount ends a few tokens back).
    let ai = k - 1;
    while (ai > 0 && tokens[ai - 1].end >= tokens[ai].start - 12 && isNum(tokens[ai - 1]) && /tỷ|tỉ|triệu/iu.test(text.slice(tokens[ai - 1].end, tokens[ai].start))) ai--;
    if (used.has(ai) || used.has(k - 1)) continue;
    const a = amountAt(text, tokens, ai);
    if (!a || a.percent || a.last !== k - 1 || a.value.isZero()) continue;
    const mid = text.slice(a.end, p.start);
    const c = CONNECT.exec(mid);
    if (!c) continue;
    const bracket = /\(/.test(mid);
    const rate = Boolean(c[2]) || /chiếm/iu.test(c[1] ?? "");
    if (!c[1] && !c[2] && !bracket) continue;
    if (boundBefore(text, p.start) || a.bound === "approx") continue;
    // A base named right after: "đạt 61% dự toán (KH 250 triệu đồng)".
    const q = tokens[k + 1];
    if (isNum(q) && NAMED.test(text.slice(pEnd, q.start))) {
      const b = amountAt(text, tokens, k + 1);
      if (b && !b.percent && sameKind(a.unit, b.unit) && !b.value.isZero()) {
        const close = text.indexOf(")", b.end);
        const end = close >= 0 && close - b.end < 4 ? close + 1 : b.end;
        judgeRatio(ctx, a.value, b.value, sayIn(text, tokens, a, b), sayIn(text, tokens, b, a), p, true, a.start, end);
        used.add(ai).add(k).add(k + 1);
        continue;
      }
    }
    const plan = !rate && PLAN.test(text.slice(pEnd, pEnd + 30));
    // Bases around: amounts of the same kind in the window back and to the end of the sentence.
    while (tokens[from].start < a.start - WINDOW) from++;
    const sentenceEnd = nextSentenceEnd(text, pEnd);
    let found: Decimal | null = null;
    const aNum = a.value.toNumber();
    const pNum = p.parsed.value.toNumber();
    for (let j = from; j < tokens.length && tokens[j].start < sentenceEnd; j++) {
      if (j >= ai && j <= k) continue;
      const t = tokens[j];
      if (!isNum(t) || /^[ \t]*%/.test(text.slice(t.end, t.end + 3))) continue;
      const b = amountAt(text, tokens, j);
      if (!b || b.value.isZero() || !sameKind(a.unit, b.unit)) continue;
      // A cheap look in binary floating point first; the exact test only for a near fit.
      if (Math.abs((aNum / b.value.toNumber()) * 100 - pNum) > 1) continue;
      const exact = a.value.div(b.value).times(100);
      if (judgeStatedPercent(p.parsed.value, p.parsed.decimals, exact) === "ok" && !labelled(text, t.start)) {
        found = b.value;
        break;
      }
    }
    if (found) {
      ctx.addClaim("share", a.start, pEnd, true);
      used.add(ai).add(k);
    } else if (rate && !plan) ctx.addClaim("share", a.start, pEnd, null);
  }
}

/** The end of the sentence after `pos` (at most 300 characters on). */
function nextSentenceEnd(text: string, pos: number): number {
  const m = /[.!?](?=\s|$)|\n/u.exec(text.slice(pos, pos + 300));
  return m ? pos + m.index : Math.min(text.length, pos + 300);
}
