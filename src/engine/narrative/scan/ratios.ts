/**
 * Ratios in prose (SPEC §6): "6/26 = 23,01%", "X/Y (P%)", "27,35/25ha/năm đạt 109,4%", "X ha trong
 * tổng số Y ha, chiếm P%", "3.220.000 đồng đạt 32% so với dự toán … 10.000.000 đồng", and the
 * judgement of a stated percent against x/y that the totals and shares scanners use too. Dates,
 * decree numbers and "tháng 11/2024" are never ratios. Per pair of tokens: short anchored looks.
 */
import { Decimal } from "../../decimal";
import { formatEnNumber, formatEnPercent, formatMoreDecimals, formatPercent, formatViNumber, type NumberToken } from "../../numbers";
import { judgeStatedPercent } from "../../percent";
import { unitAfter, sameUnit, type UnitReading } from "../units";
import { isNum, type Num } from "./amounts";
import { boundAround, boundBefore, OWN_RATE } from "./bounds";
import type { ScanContext } from "./context";
import { headingBase, planFinding } from "./heading";
import { CONNECT_VERBS, CONNECT_VERBS_OPENING, OTHER_BASE, RATE } from "../vocab";

const val = (t: Num): Decimal => t.parsed.value;
const decs = (t: Num): number => t.parsed.decimals;

/** A "/" that belongs to a date or a document number: 29/5/2024, 11/2024, 08/2019/NQ-HĐND, 01/01. */
function dateLike(text: string, a: NumberToken, b: NumberToken): boolean {
  const before = text.slice(Math.max(0, a.start - 20), a.start).toLowerCase();
  if (/[/\-.]$/.test(before)) return true;
  if (/\/\s*[\dA-ZĐa-zđ]/u.test(text.slice(b.end, b.end + 3))) return true;
  const x = Number(a.text.replace(/\D/g, ""));
  const y = Number(b.text.replace(/\D/g, ""));
  // "số 12/…" is a document number, but "quân số 6/6", "tổng số 30/35" are counts.
  if (/(?:ngày|tháng|năm|quý|kỳ|khóa|khoá|(?<!(?:quân|tổng|sĩ|dân)\s)số)\s*$/u.test(before)) return true;
  if (y >= 1900 && y <= 2100 && !b.text.includes(",") && !b.text.includes(".")) return true;
  if (x >= 1 && x <= 31 && y >= 1 && y <= 12 && /^\s*(?:\/|năm)/u.test(text.slice(b.end, b.end + 5))) return true;
  return false;
}

/** "…, đạt", "chiếm tỷ lệ:", "tỷ lệ huy động", "bằng" ending the words between a ratio and its percent (words: rules/prose.json). */
const CONNECT = new RegExp(`^[^\\d\\n;]{0,80}?(?:^|[\\s,:(*])((?:${CONNECT_VERBS})(?:[ \\t]+(?:${RATE}))?|(?:${RATE})(?:[ \\t]+\\p{L}+(?!\\p{L})){0,2})[ \\t]*:?[ \\t]*$`, "iu");
/** A rate word in the connector: the percent is then a rate even without "%". */
const SAYS_RATE = new RegExp(RATE, "iu");

/** "X/Y xã (79,3%)": a bare bracket right before the percent. */
const BRACKET = /^[ \t]*(?:[\p{L}²]+(?![\p{L}²])[ \t]*){0,3}\([ \t]*$/u;

/** "212/230 ha. Đạt 92,1%": the percent opens the next sentence. */
const NEXT_SENTENCE = new RegExp(`^[ \\t]*(?:[\\p{L}²]+(?![\\p{L}²])[ \\t]*){0,2}\\.[ \\t]+(?:${CONNECT_VERBS_OPENING})([ \\t]+(?:${RATE}))?[ \\t]*:?[ \\t]*$`, "u");

const SENTENCE_END = /[.!?](?:\s+\p{Lu}|\s*\n)|\n/u;

function connector(mid: string): { rate: boolean } | null {
  if (BRACKET.test(mid)) return { rate: false };
  const next = NEXT_SENTENCE.exec(mid);
  if (next) return { rate: Boolean(next[1]) };
  if (mid.length > 100 || SENTENCE_END.test(mid)) return null;
  // A closing bracket before any opening one ends the ratio's own clause ("03 đơn/3 vụ việc) đạt …").
  const close = mid.indexOf(")");
  if (close >= 0 && (mid.indexOf("(") < 0 || mid.indexOf("(") > close)) return null;
  const m = CONNECT.exec(mid);
  return m ? { rate: SAYS_RATE.test(m[1]) } : null;
}

/** The words between a ratio and its percent, when they say "the ratio is P": token index of P, and whether "tỷ lệ" was said. */
function connected(text: string, tokens: NumberToken[], k: number, from: number): { k: number; rate: boolean } | null {
  const p = tokens[k];
  if (!isNum(p) || p.start - from > 100) return null;
  const mid = text.slice(from, p.start);
  const direct = connector(mid);
  if (direct) return { k, rate: direct.rate };
  const open = mid.indexOf("(");
  if (open < 0 || mid.indexOf(")") >= 0) return null;
  const close = text.indexOf(")", from + open);
  if (close < 0 || close - (from + open) > 160 || text.slice(from + open, close).includes("\n")) return null;
  let j = k;
  while (j < tokens.length && tokens[j].start < close) j++;
  const q = tokens[j];
  if (!isNum(q) || q.start - close > 60) return null;
  const skipped = connector(`${mid.slice(0, open)} ${text.slice(close + 1, q.start)}`);
  return skipped ? { k: j, rate: skipped.rate } : null;
}

/** Judges x/y against the stated percent p (written with "%" or not), adding the claim and any finding. */
export function judgeRatio(ctx: ScanContext, x: Decimal, y: Decimal, xText: string, yText: string, p: Num, hasPct: boolean, start: number, end: number): void {
  if (y.isZero()) return;
  const exact = x.div(y).times(100);
  const stated = val(p);
  const d = decs(p);
  const judgement = judgeStatedPercent(stated, d, exact);
  if (!hasPct) {
    // Without "%", a percent only when it reads as one; a mismatch is then too unsure to report.
    const quotient = x.div(y);
    if (judgeStatedPercent(stated, d, quotient) === "ok") return ctx.addClaim("ratio", start, end, true);
    if (judgement === "mismatch") return ctx.addClaim("ratio", start, end, null);
  }
  const statedText = `${formatViNumber(stated, d)}${hasPct ? "%" : ""}`;
  const exactText = formatPercent(exact, Math.max(2, d));
  if (judgement === "ok") return ctx.addClaim("ratio", start, end, true);
  ctx.addClaim("ratio", start, end, false);
  if (judgement === "truncated") {
    ctx.say(
      "percent-rounding",
      start,
      end,
      `Tỷ lệ ghi ${statedText} là số bị cắt bớt chữ số thập phân: ${xText}/${yText} = ${formatMoreDecimals(exact, d)}%, làm tròn đúng là ${formatViNumber(exact, d)}%.`,
      `The percent ${statedText} was truncated: ${xText}/${yText} = ${formatMoreDecimals(exact, d, "en")}%, which rounds to ${formatEnNumber(exact, d)}%.`,
      stated.toNumber(),
      exact.toNumber(),
    );
    return;
  }
  ctx.say(
    "percent-mismatch",
    start,
    end,
    `Tỷ lệ ghi ${statedText} nhưng ${xText}/${yText} = ${exactText}%.`,
    `The percent says ${statedText} but ${xText}/${yText} = ${formatEnPercent(exact, Math.max(2, d))}%.`,
    stated.toNumber(),
    exact.toNumber(),
  );
}

/**
 * "X/Y … đạt P% kế hoạch" where P ≠ X/Y. In real reports X/Y in this form is actual/plan: say it,
 * as a warning while the words leave the base open, as an error when Y itself is named the plan
 * ("19,3/30 tỷ đồng chỉ tiêu … đạt 70%"). A base announced in a list's heading ("các thôn đạt so
 * với kế hoạch: …, 5/6 thôn đạt 100%") makes P another quantity: nothing is said.
 */
function planMismatch(ctx: ScanContext, a: Num, b: Num, pTok: Num, x: Decimal, y: Decimal, end: number): void {
  const { text } = ctx;
  const base = unitAfter(text, b.end).end;
  if (headingBase(text, a.start)) return ctx.addClaim("ratio", a.start, end, null);
  ctx.addClaim("ratio", a.start, end, false);
  ctx.findings.push(planFinding(ctx.cell, text, a.start, end, val(a), val(b), val(pTok), decs(pTok), x.div(y).times(100), OTHER_BASE.test(text.slice(base, base + 30))));
}

/** Ratios "X/Y = P%", "X/Y … đạt P%", and "A đồng đạt P% so với dự toán … B đồng[, đạt P2% so với … B2 đồng]". */
export function scanRatios(ctx: ScanContext): void {
  slashRatios(ctx);
  baselineRatios(ctx);
}

function slashRatios(ctx: ScanContext): void {
  const { text, tokens, used } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!isNum(a) || !isNum(b)) continue;
    const between = text.slice(a.end, b.start);
    // "X/Y", "1.870 học sinh đỗ tốt nghiệp/1.912", "X ha trong tổng số Y ha", "X hộ trên tổng số Y hộ".
    if (!/^[ \t]*(?:[\p{L}²]+(?![\p{L}²])[ \t]*){0,4}(?:\/|(?:trên|trong)[ \t]+tổng(?:[ \t]+số)?)[ \t]*$/iu.test(between)) continue;
    if (dateLike(text, a, b)) continue;
    const uA = unitAfter(text, a.end);
    const uB = unitAfter(text, b.end);
    if ((uA.scale || uB.scale) && uA.text && !sameUnit(uA, uB) && !(uA.scale && uB.text === "")) continue;
    const after = text.slice(b.end, b.end + 90);
    const eq = /^[ \t]*\**[ \t]*(?:[\p{L}²]+(?![\p{L}²])(?:\/[\p{L}]+(?![\p{L}]))?[ \t]*){0,3}\**[ \t]*=[ \t]*/u.exec(after);
    const p = tokens[i + 2];
    let scale = (u: UnitReading) => u.scale ?? new Decimal(1);
    if (!uA.scale || !uB.scale) scale = () => new Decimal(1);
    const x = val(a).times(scale(uA));
    const y = val(b).times(scale(uB));
    if (eq && isNum(p) && p.start === b.end + eq[0].length) {
      const pct = /^[ \t]*%/.exec(text.slice(p.end, p.end + 3));
      const end = pct ? p.end + pct[0].length : p.end;
      judgeRatio(ctx, x, y, formatViNumber(val(a)), formatViNumber(val(b)), p, Boolean(pct), a.start, end);
      used.add(i).add(i + 1).add(i + 2);
      continue;
    }
    // "X/Y unit, đạt | chiếm | bằng [tỷ lệ] P%", "X/Y tỷ lệ huy động P%": the connector stands right
    // before P; a bracketed remark between them is skipped ("5/5 đơn (trong đó …) đạt tỷ lệ 100%").
    const tail = connected(text, tokens, i + 2, b.end);
    if (!tail) continue;
    const pTok = tokens[tail.k] as Num;
    const pct = /^[ \t]*%/.exec(text.slice(pTok.end, pTok.end + 3));
    if (!pct && !tail.rate) continue;
    const end = pct ? pTok.end + pct[0].length : pTok.end;
    used.add(i).add(i + 1).add(tail.k);
    // "7/12 trường đạt tỷ lệ này trên 90%", "5/5 thôn có tỷ lệ hộ nghèo dưới 3%": X/Y counts units that
    // meet a threshold on their own rate; there is no ratio claim.
    if (boundAround(text, pTok.start, end) || OWN_RATE.test(text.slice(b.end, pTok.start))) continue;
    if (y.isZero()) continue;
    const judgement = judgeStatedPercent(val(pTok), decs(pTok), x.div(y).times(100));
    // "trên 46,2 ha/50 ha, đạt 92,5%": a bound on X makes it a floor (or ceiling); a percent on the
    // bound's side fits it, and "khoảng X" fits anything.
    const bound = boundBefore(text, a.start);
    if (bound && judgement !== "ok") {
      const exact = x.div(y).times(100);
      const fits = bound === "approx" || (bound === "floor" ? val(pTok).gte(exact) : val(pTok).lte(exact));
      if (fits) {
        ctx.addClaim("ratio", a.start, end, null);
        continue;
      }
    }
    // "18/20 đơn, đạt 100% kế hoạch": a percent "đạt" against a named plan may have another base than X/Y.
    if (!tail.rate && judgement === "mismatch" && OTHER_BASE.test(text.slice(end, end + 30))) {
      planMismatch(ctx, a, b, pTok, x, y, end);
      continue;
    }
    judgeRatio(ctx, x, y, formatViNumber(val(a)), formatViNumber(val(b)), pTok, Boolean(pct), a.start, end);
  }
}

/** "A đồng đạt P% so với dự toán … B đồng[, đạt P2% so với … B2 đồng]". */
function baselineRatios(ctx: ScanContext): void {
  const { text, tokens, used } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (used.has(i) || used.has(i + 1)) continue;
    const a = tokens[i];
    const p = tokens[i + 1];
    if (!isNum(a) || !isNum(p)) continue;
    const uA = unitAfter(text, a.end);
    const gap = text.slice(uA.end, p.start);
    if (!/^[ \t]*,?[ \t]*(?:đạt|bằng)[ \t]+$/iu.test(gap)) continue;
    if (!/^[ \t]*%/.test(text.slice(p.end, p.end + 3))) continue;
    let k = i + 1;
    let pTok = p;
    while (k + 1 < tokens.length) {
      const pctEnd = pTok.end + /^[ \t]*%/.exec(text.slice(pTok.end, pTok.end + 3))![0].length;
      const b = tokens[k + 1];
      if (!isNum(b)) break;
      const mid = text.slice(pctEnd, b.start);
      if (!/^[ \t]*(?:kế hoạch[ \t]+)?so với[^\d\n.;]{0,80}$/iu.test(mid)) break;
      const uB = unitAfter(text, b.end);
      if (!sameUnit(uA, uB)) break;
      const x = uA.scale && uB.scale ? val(a).times(uA.scale) : val(a);
      const y = uA.scale && uB.scale ? val(b).times(uB.scale) : val(b);
      judgeRatio(ctx, x, y, formatViNumber(val(a)), formatViNumber(val(b)), pTok, true, k === i + 1 ? a.start : pTok.start, uB.end);
      used.add(k).add(k + 1);
      // Chained second baseline: ", đạt P2% so với … B2".
      const next = tokens[k + 2];
      if (!isNum(next)) break;
      if (!/^[ \t]*[,;]?[ \t]*(?:và[ \t]+)?(?:đạt|bằng)[ \t]+$/iu.test(text.slice(uB.end, next.start))) break;
      if (!/^[ \t]*%/.test(text.slice(next.end, next.end + 3))) break;
      pTok = next;
      k += 2;
    }
  }
}
