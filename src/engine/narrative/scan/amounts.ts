/**
 * Amounts in prose: a figure with its unit, money in đồng whatever scale it was written in
 * ("1,4 tỷ đồng", "400 ngàn con" is not money), compound amounts ("20 tỷ 556 triệu đồng",
 * "186 triệu 500 nghìn đồng"), and the bound word that makes it a floor or a ceiling.
 */
import { Decimal } from "../../decimal";
import { formatViNumber, type NumberToken } from "../../numbers";
import { unitAfter, type UnitReading } from "../units";
import { boundBefore, type BoundKind } from "./bounds";

export type Num = NumberToken & { parsed: { value: Decimal; decimals: number; dotDecimal: boolean } };

export function isNum(t: NumberToken | undefined): t is Num {
  return t !== undefined && t.parsed !== "malformed";
}

export interface Amount {
  /** Token index of the first and last figure. */
  first: number;
  last: number;
  start: number;
  /** Just past the unit. */
  end: number;
  /** In đồng for money, else as written. */
  value: Decimal;
  unit: UnitReading;
  /** Half the last written unit, in the same terms as value: the rounding a written figure may hide. */
  half: Decimal;
  /** Written in a money scale above đồng with decimals or as a compound: visibly rounded. */
  rounded: boolean;
  bound: BoundKind | null;
  percent: boolean;
}

const SCALE_WORD = /^[ \t]*(?:tỷ|tỉ|triệu|nghìn|ngàn)(?![\p{L}])/iu;

const HALVES: Decimal[] = [];

/** Half the last written unit of a figure with `decimals` decimals: 0,5 × 10^-decimals, made once each. */
function halfUnit(decimals: number): Decimal {
  if (decimals > 30) return new Decimal(10).pow(-decimals).div(2);
  return (HALVES[decimals] ??= new Decimal(10).pow(-decimals).div(2));
}

/** Amounts already read, per token list (one list per text): each token's amount is read once. */
const CACHE = new WeakMap<NumberToken[], (Amount | null | undefined)[]>();

/** The amount starting at token k (a compound amount takes the tokens after it). */
export function amountAt(text: string, tokens: NumberToken[], k: number): Amount | null {
  let cache = CACHE.get(tokens);
  if (!cache) CACHE.set(tokens, (cache = []));
  const hit = cache[k];
  if (hit !== undefined) return hit;
  return (cache[k] = readAmount(text, tokens, k));
}

function readAmount(text: string, tokens: NumberToken[], k: number): Amount | null {
  const t = tokens[k];
  if (!isNum(t)) return null;
  const percent = /^[ \t]*%/.test(text.slice(t.end, t.end + 3));
  let unit = unitAfter(text, t.end, 2);
  let value = t.parsed.value;
  let last = k;
  let half = halfUnit(t.parsed.decimals);
  let rounded = false;
  if (unit.scale && !/(?:đ|vn)/iu.test(unit.text)) {
    // "7 triệu con", "400 ngàn tấn": a scale word before another unit counts that unit, not money.
    const w = unitAfter(text, unit.end, 1);
    if (w.text && !w.scale) {
      const scale = unit.scale;
      return { first: k, last, start: t.start, end: w.end, value: value.times(scale), unit: w, half: half.times(scale), rounded: true, bound: boundBefore(text, t.start), percent };
    }
  }
  if (unit.scale && SCALE_WORD.test(text.slice(t.end, t.end + 8))) {
    // "20 tỷ 556 triệu đồng": a scale word right after the figure, then a smaller-scale figure.
    const scaleOnly = /^[ \t]*(?:tỷ|tỉ|triệu|nghìn|ngàn)/iu.exec(text.slice(t.end))![0];
    let scale = unit.scale;
    value = value.times(scale);
    half = half.times(scale);
    rounded = scale.gt(1);
    let end = t.end + scaleOnly.length;
    let j = k + 1;
    let finalUnit = unit;
    while (isNum(tokens[j]) && /^[ \t]*$/.test(text.slice(end, tokens[j].start))) {
      const u = unitAfter(text, tokens[j].end, 2);
      if (!u.scale || !u.scale.lt(scale)) break;
      const next = tokens[j] as Num;
      value = value.plus(next.parsed.value.times(u.scale));
      half = halfUnit(next.parsed.decimals).times(u.scale);
      scale = u.scale;
      last = j;
      finalUnit = u;
      const so = /^[ \t]*(?:tỷ|tỉ|triệu|nghìn|ngàn)/iu.exec(text.slice(next.end));
      end = so ? next.end + so[0].length : u.end;
      j++;
    }
    if (last > k) {
      rounded = true;
      unit = { text: unit.text, scale: new Decimal(1), end: finalUnit.end };
      return { first: k, last, start: t.start, end: finalUnit.end, value, unit, half, rounded, bound: boundBefore(text, t.start), percent };
    }
    return { first: k, last, start: t.start, end: unit.end, value, unit: { ...unit, scale: new Decimal(1) }, half, rounded, bound: boundBefore(text, t.start), percent };
  }
  if (unit.scale) {
    value = value.times(unit.scale);
    half = half.times(unit.scale);
    unit = { ...unit, scale: new Decimal(1) };
  }
  return { first: k, last, start: t.start, end: percent ? t.end + /^[ \t]*%/.exec(text.slice(t.end))![0].length : unit.end, value, unit, half, rounded, bound: boundBefore(text, t.start), percent };
}

/** Two amounts measure the same thing: both money, or the same unit word (an empty unit fits any). */
export function sameKind(a: UnitReading, b: UnitReading): boolean {
  if (a.scale && b.scale) return true;
  if (a.scale || b.scale) return false;
  if (!a.text || !b.text) return true;
  return a.text.toLowerCase() === b.text.toLowerCase();
}

/** The values an amount with a bound word may stand for: [low, high] (high null: no upper end). */
export function interval(a: Amount): [Decimal, Decimal | null] {
  if (a.bound === "floor") return [a.value, null];
  if (a.bound === "ceiling") return [new Decimal(0), a.value];
  if (a.bound === "approx") return [new Decimal(0), null];
  return [a.value, a.value];
}

/** An amount as a reader would say it in the total's terms: "152,4" for 152,4 tỷ beside a tỷ total, else as written. */
export function sayIn(text: string, tokens: NumberToken[], a: Amount, total: Amount): string {
  if (a.value.isZero()) return "0";
  const scale = scaleOf(tokens, total);
  const own = scaleOf(tokens, a);
  if (scale && own && scale.eq(own)) return formatViNumber(a.value.div(scale));
  return text.slice(a.start, a.end).trim();
}

/** The scale a single-figure amount was written in (value / figure), or null for a compound. */
export function scaleOf(tokens: NumberToken[], a: Amount): Decimal | null {
  const t = tokens[a.first];
  if (a.first !== a.last || !isNum(t) || t.parsed.value.isZero()) return null;
  return a.value.div(t.parsed.value);
}
