/**
 * Totals and their parts (SPEC §6, claims in prose): "235 hồ sơ, trong đó: hộ tịch 98, chứng thực
 * 130, khác 5"; the total before "trong đó" past its "đạt / bằng / tăng P%" tails and across a full
 * stop; a ratio's X as the total ("18,5/25 ha, đạt 74%; trong đó …"); parts after "gồm:" or "Cụ
 * thể", on "+"/"-" lines, joined by "và", with commas in their names; a part's amount is the
 * figure in the total's unit; one part with its share. Categories that may overlap (nữ, đảng
 * viên) are no partition. Parts written in a money scale may each hide half a unit of rounding.
 * Work per trigger is bounded (a sentence back, LIST_SPAN forward): linear in the text.
 */
import { Decimal } from "../../decimal";
import { formatViNumber, type NumberToken } from "../../numbers";
import { judgeStatedPercent } from "../../percent";
import { amountAt, interval, isNum, sameKind, sayIn, scaleOf, type Amount, type Num } from "./amounts";
import { labelled, overlapping } from "./bounds";
import type { ScanContext } from "./context";
import { judgeRatio } from "./ratios";
import { PLAN_AFTER as PLAN } from "../vocab";

const LIST_SPAN = 600;

/** "trong đó", "gồm:", "bao gồm:", "Cụ thể," / "cụ thể như sau:". */
const TRIGGER = /(?<![\p{L}])(?:trong đó|(?:bao )?gồm(?=[ \t]*:)|cụ thể(?:[ \t]+như sau)?(?=[ \t]*[,:])|có(?=[ \t]+\d))(?![\p{L}])/giu;

/** "7.172 hồ sơ, có 5.950 …": "có" opens a list of parts only right after a figure, its unit and a comma. */
const AFTER_FIGURE = /\d[ \t]*[\p{L}]+(?:[ \t]+[\p{L}]+)?[ \t]*,[ \t]*$/u;

/** Words a tail clause after a total starts with ("đạt 61% dự toán", "tăng 12% so với cùng kỳ"). */
const TAIL = /^[ \t]*(?:đạt|bằng|tăng|giảm|chiếm|vượt|so|ước|tương đương|tỷ lệ|tỉ lệ|là|và|trong)(?![\p{L}])/iu;

/** A part that closes the list: whatever is left. */
const REST = /(?<![\p{L}])(?:khác|còn lại|còn)(?![\p{L}])/iu;

/** The words between a part and its share: "đạt", "chiếm tỷ lệ", "(chiếm", "tỷ lệ". */
const SHARE = /^[ \t]*(?:[\p{L}²]+(?![\p{L}²])[ \t]*){0,4}?[,(]?[ \t]*(đạt|chiếm|(?:tỷ|tỉ)[ \t]+lệ)(?:[ \t]+(?:tỷ|tỉ)[ \t]+lệ)?[ \t]*:?[ \t]*\(?[ \t]*$/iu;
const BARE_SHARE = /^[ \t]*(?:[\p{L}²]+(?![\p{L}²])[ \t]*){0,3}\([ \t]*$/u;


const SENTENCE = /[.!?](?=[ \t]+\p{Lu}|[ \t]*\n|$)|\n[ \t]*\n|\n(?=[ \t]*[-+*•])/gu;

/** The start of the sentence holding `pos` (looking back at most `limit` characters). */
function sentenceStart(text: string, pos: number, limit = 400): number {
  const from = Math.max(0, pos - limit);
  const left = text.slice(from, pos);
  let cut = 0;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(left); m; m = SENTENCE.exec(left)) cut = m.index + m[0].length;
  return from + cut;
}

function isYearOrDate(text: string, t: NumberToken): boolean {
  if (/[/\-.][ \t]*$/.test(text.slice(Math.max(0, t.start - 2), t.start))) return true;
  if (/^[ \t]*[/-]/.test(text.slice(t.end, t.end + 2))) return true;
  const before = text.slice(Math.max(0, t.start - 12), t.start);
  if (/(?:năm|kỳ|quý|tháng|ngày|giai đoạn|khóa|khoá)[ \t]*$/iu.test(before)) return true;
  return /^(?:19|20)\d\d$/.test(t.text);
}

/** "18,5/25 ha": x and y a ratio, not a date ("29/5/2024", "11/2024"). */
function isRatio(text: string, x: NumberToken, y: NumberToken): boolean {
  if (!/^[ \t]*(?:[\p{L}²]+[ \t]*){0,2}\/[ \t]*$/u.test(text.slice(x.end, y.start))) return false;
  if (/^[ \t]*\//.test(text.slice(y.end, y.end + 2)) || /[/\-.][ \t]*$/.test(text.slice(Math.max(0, x.start - 2), x.start))) return false;
  return !/^(?:19|20)\d\d$/.test(y.text) && !/(?:ngày|tháng|năm|quý)[ \t]*$/iu.test(text.slice(Math.max(0, x.start - 8), x.start));
}

/** The total the clause before `at` is about, or null. */
function findTotal(ctx: ScanContext, at: number, lo: number): Amount | null {
  const { text, tokens } = ctx;
  let from = sentenceStart(text, at);
  // "… 15 thanh niên nhập ngũ. Trong đó có …": the total stands in the sentence before.
  if (!/\S/.test(text.slice(from, at).replace(/^[ \t(]*$/, ""))) from = sentenceStart(text, Math.max(0, from - 1));
  // Bracket depth at each token of the sentence, in one pass.
  let first = lo;
  while (first >= 0 && tokens[first].start >= from) first--;
  const depths = new Map<number, number>();
  let d = 0;
  let pos = from;
  for (let j = first + 1; j <= lo; j++) {
    for (; pos < tokens[j].start; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 40) d++;
      else if (c === 41 && d > 0) d--;
    }
    depths.set(j, d);
  }
  let k = lo;
  while (k > first) {
    const t = tokens[k];
    const right = text.slice(t.end, t.end + 8);
    const left = text.slice(Math.max(0, t.start - 24), t.start);
    const ratioY = k - 1 > first && isNum(tokens[k - 1]) && isRatio(text, tokens[k - 1], t);
    if (/^[ \t]*%/.test(right) || /^[ \t]*lần(?![\p{L}])/iu.test(right) || (!ratioY && isYearOrDate(text, t)) || (depths.get(k) ?? 0) > 0) {
      k--;
      continue;
    }
    // "vượt hơn 1,7 tỷ đồng so kế hoạch", "tăng 160 xã so với": a tail's own figure.
    if (/(?:vượt|tăng|giảm)[ \t]*(?:hơn|gần|trên)?[ \t]*$/iu.test(left)) {
      k--;
      continue;
    }
    break;
  }
  if (k <= first || !isNum(tokens[k])) return null;
  // "96 tỷ 894 triệu đồng": the last figure may be a compound amount's tail.
  while (k - 1 > first && (amountAt(text, tokens, k - 1)?.last ?? -1) >= k) k--;
  let total = amountAt(text, tokens, k);
  if (!total || total.percent) return null;
  let after = total.end;
  // "18,5/25 ha, đạt 74%; trong đó …": the parts make up X, not the plan Y; X is in Y's unit.
  if (k - 1 > first && isNum(tokens[k - 1]) && isRatio(text, tokens[k - 1], tokens[k])) {
    const x = amountAt(text, tokens, k - 1);
    if (!x || x.percent) return null;
    if (!x.unit.text && !x.unit.scale) {
      const scale = scaleOf(tokens, total) ?? new Decimal(1);
      total = { ...x, value: x.value.times(scale), half: x.half.times(scale), unit: total.unit, rounded: total.rounded, end: total.end };
    } else total = x;
  }
  // Between the total and the trigger: its unit's words, then only tail clauses.
  const gap = text.slice(after, at).replace(/\([^()]*\)/g, ",");
  const pieces = gap.split(/[,;.:](?!\d)/);
  if ((pieces[0].match(/\p{L}+/gu) ?? []).length > 7) return null;
  for (const p of pieces.slice(1)) if (/\S/.test(p) && !TAIL.test(p)) return null;
  after = 0;
  return total;
}

/** Where the parts end: the sentence's end, the trigger's bracket, or the last "+"/"-" line. */
function listEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + LIST_SPAN);
  // "trong đó:\n+ Lúa 507 ha\n+ Màu: 265 ha.": bullet lines.
  const lines = /^[ \t]*:?[ \t]*\n(?:[ \t]*\n)*[ \t]*([-+*•])/u.exec(text.slice(from, limit));
  if (lines) {
    const bullet = lines[1];
    let pos = from + lines[0].length - 1;
    let end = pos;
    while (pos < limit) {
      const nl = text.indexOf("\n", pos);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(pos, lineEnd).trim();
      if (line && !line.startsWith(bullet)) break;
      if (line) end = lineEnd;
      if (nl < 0) break;
      pos = nl + 1;
    }
    return end;
  }
  let d = 0;
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === "(") d++;
    else if (c === ")") {
      if (d === 0) return i;
      d--;
    } else if (d === 0 && (c === "\n" || (c === "." && (i + 1 >= text.length || /\s/.test(text[i + 1]))))) return i;
  }
  return limit < text.length ? -1 : text.length;
}

interface Part {
  amount: Amount;
  shareIndex: number;
  name: string;
  share: Num | null;
  shareEnd: number;
  /** The percent was said as a share ("chiếm", "tỷ lệ", a bare bracket), not "đạt" (maybe against a plan). */
  sure: boolean;
}

export function scanTotals(ctx: ScanContext): void {
  const { text, tokens } = ctx;
  let before = -1;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const at = m.index;
    if (/^có$/iu.test(m[0]) && !AFTER_FIGURE.test(text.slice(Math.max(0, at - 40), at))) continue;
    while (before + 1 < tokens.length && tokens[before + 1].end <= at) before++;
    if (before < 0) continue;
    const total = findTotal(ctx, at, before);
    if (!total) continue;
    const listFrom = at + m[0].length;
    const stop = listEnd(text, listFrom);
    if (stop < 0) continue;
    // The parts: each figure in the total's unit outside brackets, with the words before it as its name.
    const parts: Part[] = [];
    let k = before + 1;
    let nameFrom = listFrom;
    let usable = true;
    let depth = 0;
    let depthPos = listFrom;
    while (k < tokens.length && tokens[k].start < stop) {
      const t = tokens[k];
      for (; depthPos < t.start; depthPos++) {
        const c = text.charCodeAt(depthPos);
        if (c === 40) depth++;
        else if (c === 41 && depth > 0) depth--;
      }
      const a = amountAt(text, tokens, k);
      if (!a || depth > 0 || a.percent || isYearOrDate(text, t) || !sameKind(a.unit, total.unit) || (!a.unit.text && labelled(text, t.start))) {
        k = a ? a.last + 1 : k + 1;
        continue;
      }
      const name = text.slice(nameFrom, a.start);
      if (parts.length && !/[,;+\n]|(?<![\p{L}])và(?![\p{L}])|\)/u.test(name)) {
        // Two figures in one part: the one in the total's unit is its amount ("nhóm 1 có 210 em").
        const prev = parts[parts.length - 1];
        if (!prev.amount.unit.text && a.unit.text && !prev.share) {
          prev.amount = a;
          prev.shareEnd = a.end;
        } else {
          usable = false;
          break;
        }
        nameFrom = a.end;
        k = a.last + 1;
        continue;
      }
      // The part's share: "…, chiếm tỷ lệ 98,81%", "(chiếm 79%)", "(79%)", "đạt 79%".
      let share: Num | null = null;
      let shareIndex = -1;
      let shareEnd = a.end;
      let sure = false;
      const next = tokens[a.last + 1];
      if (isNum(next) && next.start < stop && /^[ \t]*%/.test(text.slice(next.end, next.end + 3))) {
        const mid = text.slice(a.end, next.start);
        const sm = SHARE.exec(mid);
        const pctEnd = next.end + /^[ \t]*%/.exec(text.slice(next.end))![0].length;
        // "đạt 142,07% chỉ tiêu huyện giao": plan fulfilment, not a share of the total.
        const plan = sm && /^đạt$/iu.test(sm[1]) && !/lệ/iu.test(mid) && PLAN.test(text.slice(pctEnd, pctEnd + 30));
        if ((sm || BARE_SHARE.test(mid)) && !plan) {
          share = next;
          shareIndex = a.last + 1;
          shareEnd = next.end + /^[ \t]*%/.exec(text.slice(next.end))![0].length;
          sure = !sm || !/^đạt$/iu.test(sm[1]) || /lệ/iu.test(mid);
        }
      }
      parts.push({ amount: a, shareIndex, name, share, shareEnd, sure });
      nameFrom = a.end;
      k = a.last + 1;
    }
    if (!usable || parts.length === 0) continue;
    const totalValue = total.value;
    // Shares of the total, one part or many.
    let shareSum = new Decimal(0);
    let shareCount = 0;
    for (const p of parts) {
      if (!p.share || totalValue.isZero()) continue;
      shareSum = shareSum.plus(p.share.parsed.value);
      shareCount++;
      const exact = p.amount.value.div(totalValue).times(100);
      const ok = judgeStatedPercent(p.share.parsed.value, p.share.parsed.decimals, exact) === "ok";
      // A unitless part beside a total with a unit may be a label's number ("loại 1 và 2 chiếm 37%"): never flagged.
      const plain = !p.amount.unit.text && Boolean(total.unit.text);
      if (ok || (p.sure && !plain && !total.bound && !p.amount.bound)) judgeRatio(ctx, p.amount.value, total.value, sayIn(text, tokens, p.amount, p.amount), sayIn(text, tokens, total, total), p.share, true, p.amount.start, p.shareEnd);
      else ctx.addClaim("ratio", p.amount.start, p.shareEnd, null);
      ctx.used.add(p.amount.first).add(p.shareIndex);
    }
    if (parts.length < 2) continue;
    const end = stop;
    // Overlapping categories (nữ, dân tộc thiểu số, đảng viên) are not a partition.
    // (A part's name runs from the previous part's amount, so words after a part's figure count too.)
    const overlap = parts.some((p) => overlapping(p.name)) || overlapping(text.slice(parts[parts.length - 1].amount.end, stop));
    // Shares that add up to 100% say the list is the whole.
    const byShares = shareCount === parts.length && shareSum.minus(100).abs().lte(0.5 * parts.length);
    const lastPart = parts[parts.length - 1];
    const whole = REST.test(lastPart.name + text.slice(lastPart.amount.end, stop)) || byShares;
    let sum = new Decimal(0);
    let lo = new Decimal(0);
    let hi: Decimal | null = new Decimal(0);
    let allow = total.rounded ? total.half : new Decimal(0);
    for (const p of parts) {
      sum = sum.plus(p.amount.value);
      const [l, h] = interval(p.amount);
      lo = lo.plus(l);
      hi = hi && h ? hi.plus(h) : null;
      if (p.amount.rounded) allow = allow.plus(p.amount.half);
    }
    const [tLo, tHi] = interval(total);
    const exact = !total.bound && parts.every((p) => !p.amount.bound);
    if (exact && sum.minus(totalValue).abs().lte(allow)) {
      ctx.addClaim("total", total.start, end, true);
      continue;
    }
    if (!exact && (tHi === null || lo.lte(tHi.plus(allow))) && (hi === null || hi.plus(allow).gte(tLo))) {
      ctx.addClaim("total", total.start, end, whole || lo.gte(tLo) ? true : null);
      continue;
    }
    const over = tHi !== null && lo.gt(tHi.plus(allow));
    const under = whole && hi !== null && hi.plus(allow).lt(tLo);
    if (overlap || (!over && !under)) {
      ctx.addClaim("total", total.start, end, null);
      continue;
    }
    ctx.addClaim("total", total.start, end, false);
    totalMismatch(ctx, total, parts.map((p) => p.amount), sum, total.start, end, byShares && !over);
  }
}

/** total-mismatch; `byShares`: the list was taken as the whole because its stated shares add up to 100%. */
function totalMismatch(ctx: ScanContext, total: Amount, parts: Amount[], sum: Decimal, start: number, end: number, byShares: boolean): void {
  const { text, tokens } = ctx;
  const scale = scaleOf(tokens, total) ?? new Decimal(1);
  const totalText = formatViNumber(total.value.div(scale));
  const terms = parts.map((p) => sayIn(text, tokens, p, total)).join(" + ");
  const sumText = formatViNumber(sum.div(scale));
  ctx.say(
    "total-mismatch",
    start,
    end,
    byShares
      ? `Tổng ghi ${totalText} nhưng các phần trong đó, với tỷ lệ cộng lại 100% (tức là đủ cả tổng), chỉ cộng lại: ${terms} = ${sumText}.`
      : `Tổng ghi ${totalText} nhưng các phần trong đó cộng lại: ${terms} = ${sumText}.`,
    byShares
      ? `The total says ${totalText} but its parts, whose shares add up to 100% (so they are the whole), add up to ${terms} = ${sumText}.`
      : `The total says ${totalText} but its parts add up to ${terms} = ${sumText}.`,
    total.value.div(scale).toNumber(),
    sum.div(scale).toNumber(),
  );
}
