/**
 * The target grammar (SPEC §4): what a target cell, or a task's wording, asks for.
 *
 *   100, 25 ha, 1.105 tấn                     quantity (higher is better unless lower-is-better)
 *   ≥ 92, từ 92% trở lên, ít nhất 92 …         at least            > 5, trên 5%     more than
 *   ≤ 8, không quá 8, tối đa 8, giảm còn 8%    at most             < 15, dưới 15%   less than
 *   75 - 80, từ 75 đến 80, 1-2 nội dung        inclusive range
 *   vượt 10% dự toán                           actual ≥ 110% of the budget named
 *   tăng 5% so với năm trước, giảm 10%         relative change (needs its baseline)
 *   Khoảng 50, Giảm so với năm trước, text     qualitative: no computed verdict
 */
import { Decimal, HUNDRED } from "./decimal";
import { parseViNumber } from "./numbers";
import { normalise } from "./text";
import type { Verdict } from "./report";

export type Target =
  | { kind: "quantity"; value: Decimal; unit: string; percent: boolean; text: string }
  | { kind: "atLeast"; value: Decimal; strict: boolean; percent: boolean; text: string }
  | { kind: "atMost"; value: Decimal; strict: boolean; percent: boolean; text: string }
  | { kind: "range"; low: Decimal; high: Decimal; percent: boolean; text: string }
  | { kind: "exceed"; by: Decimal; text: string }
  | { kind: "relative"; direction: "increase" | "decrease"; by: Decimal; text: string }
  | { kind: "qualitative"; text: string }
  | { kind: "none"; text: string };

/** A number as written inside a target phrase: Vietnamese digits, optional "%" and unit after. */
const NUM = String.raw`(\d[\d.,]*\d|\d)\s*(%?)`;

interface Pattern {
  re: RegExp;
  make: (n: Decimal[], pct: boolean, text: string) => Target;
}

const atLeast = (strict: boolean) => (n: Decimal[], pct: boolean, text: string): Target => ({ kind: "atLeast", value: n[0], strict, percent: pct, text });
const atMost = (strict: boolean) => (n: Decimal[], pct: boolean, text: string): Target => ({ kind: "atMost", value: n[0], strict, percent: pct, text });
const range = (n: Decimal[], pct: boolean, text: string): Target =>
  n[0].lte(n[1]) ? { kind: "range", low: n[0], high: n[1], percent: pct, text } : { kind: "qualitative", text };

/** Tried in order on the normalised text; the first that matches decides. All are anchored and linear. */
const PATTERNS: Pattern[] = [
  { re: new RegExp(String.raw`^(?:khoảng|khoang|gần|xấp xỉ|dự kiến)\s`), make: (_n, _p, text) => ({ kind: "qualitative", text }) },
  { re: new RegExp(String.raw`^(?:≥|>=|=>)\s*${NUM}`), make: atLeast(false) },
  { re: new RegExp(String.raw`^(?:≤|<=|=<)\s*${NUM}`), make: atMost(false) },
  { re: new RegExp(String.raw`^>\s*${NUM}`), make: atLeast(true) },
  { re: new RegExp(String.raw`^<\s*${NUM}`), make: atMost(true) },
  { re: new RegExp(String.raw`^từ\s+${NUM}\s*[\p{L}²/ ]*?\s*(?:đến|-|–|tới)\s*${NUM}`, "u"), make: range },
  { re: new RegExp(String.raw`^(?:từ\s+)?${NUM}\s*[\p{L}²/ ]*?\s*trở lên`, "u"), make: atLeast(false) },
  { re: new RegExp(String.raw`^(?:ít nhất|tối thiểu|không dưới|không thấp hơn|đạt tối thiểu|đạt ít nhất)\s*(?:là\s*)?${NUM}`), make: atLeast(false) },
  { re: new RegExp(String.raw`^(?:trên|hơn|cao hơn)\s*${NUM}`), make: atLeast(true) },
  { re: new RegExp(String.raw`^(?:không quá|tối đa|không vượt quá|không cao hơn|giảm còn|còn không quá|giảm xuống còn)\s*${NUM}`), make: atMost(false) },
  { re: new RegExp(String.raw`^(?:từ\s+)?${NUM}\s*[\p{L}²/ ]*?\s*trở xuống`, "u"), make: atMost(false) },
  { re: new RegExp(String.raw`^(?:còn dưới|giảm còn dưới|giảm xuống dưới|dưới|thấp hơn|ít hơn)\s*${NUM}`), make: atMost(true) },
  {
    re: new RegExp(String.raw`^(?:thu\s+)?vượt\s*${NUM}`),
    make: (n, _p, text) => ({ kind: "exceed", by: n[0], text }),
  },
  {
    re: new RegExp(String.raw`^tăng\s*(?:thêm\s*)?${NUM}`),
    make: (n, _p, text) => ({ kind: "relative", direction: "increase", by: n[0], text }),
  },
  {
    re: new RegExp(String.raw`^giảm\s*(?:thêm\s*)?${NUM}`),
    make: (n, _p, text) => ({ kind: "relative", direction: "decrease", by: n[0], text }),
  },
  { re: new RegExp(String.raw`^${NUM}\s*(?:-|–|đến|tới)\s*${NUM}`), make: range },
];

function readNumber(text: string): Decimal | undefined {
  const p = parseViNumber(text);
  return p && p !== "malformed" ? p.value : undefined;
}

/**
 * Reads a target cell (or a target phrase). Numbers are quantities; "8/8" and "100%" are
 * completeness (a quantity of 8, of 100%); empty is "none".
 */
export function parseTarget(input: unknown): Target {
  if (input === null || input === undefined || input === "") return { kind: "none", text: "" };
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { kind: "quantity", value: new Decimal(String(input)), unit: "", percent: false, text: String(input) }
      : { kind: "qualitative", text: String(input) };
  }
  if (typeof input !== "string") return { kind: "qualitative", text: String(input) };
  const raw = input;
  const t = normalise(raw);
  if (!t) return { kind: "none", text: "" };

  for (const { re, make } of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const nums: Decimal[] = [];
    let pct = false;
    for (let i = 1; i < m.length; i += 2) {
      if (m[i] === undefined) continue;
      const v = readNumber(m[i]);
      if (v === undefined) return { kind: "qualitative", text: raw };
      nums.push(v);
      if (m[i + 1] === "%") pct = true;
    }
    return make(nums, pct, raw);
  }

  // "8/8": completeness, a quantity of the denominator.
  const frac = /^(\d[\d.,]*)\s*\/\s*(\d[\d.,]*)(?:\s+[\p{L} ]{0,30})?$/u.exec(t);
  if (frac) {
    const num = readNumber(frac[1]);
    const den = readNumber(frac[2]);
    if (num !== undefined && den !== undefined && num.eq(den)) {
      return { kind: "quantity", value: den, unit: "", percent: false, text: raw };
    }
    return { kind: "qualitative", text: raw };
  }

  // A plain quantity with an optional unit: "100", "25 ha", "1.105 tấn", "100%".
  const q = /^(\d[\d.,]*\d|\d)\s*(%?)\s*([\p{L}²³/.]*(?:\s[\p{L}²³/.]+){0,2})$/u.exec(t);
  if (q) {
    const v = readNumber(q[1]);
    if (v !== undefined) return { kind: "quantity", value: v, unit: q[3] || (q[2] ? "%" : ""), percent: q[2] === "%", text: raw };
  }
  return { kind: "qualitative", text: raw };
}

export interface EvaluateOptions {
  lowerIsBetter?: boolean;
  /** The baseline a relative or "vượt N%" target is measured against, when known. */
  baseline?: Decimal;
}

/** Đạt / Chưa đạt for an actual figure against a target; null when the target cannot decide. */
export function evaluateTarget(target: Target, actual: Decimal, options: EvaluateOptions = {}): Verdict | null {
  const ok = (b: boolean): Verdict => (b ? "Đạt" : "Chưa đạt");
  switch (target.kind) {
    case "quantity":
      return ok(options.lowerIsBetter ? actual.lte(target.value) : actual.gte(target.value));
    case "atLeast":
      return ok(target.strict ? actual.gt(target.value) : actual.gte(target.value));
    case "atMost":
      return ok(target.strict ? actual.lt(target.value) : actual.lte(target.value));
    case "range":
      return ok(actual.gte(target.low) && actual.lte(target.high));
    case "exceed":
      if (!options.baseline) return null;
      return ok(actual.gte(options.baseline.times(HUNDRED.plus(target.by)).div(HUNDRED)));
    case "relative": {
      if (!options.baseline) return null;
      const factor = target.direction === "increase" ? HUNDRED.plus(target.by) : HUNDRED.minus(target.by);
      const bound = options.baseline.times(factor).div(HUNDRED);
      return ok(target.direction === "increase" ? actual.gte(bound) : actual.lte(bound));
    }
    default:
      return null;
  }
}

/** actual / target × 100 for a plain quantity target other than 0; null otherwise (SPEC §5). */
export function percentOf(target: Target, actual: Decimal): Decimal | null {
  if (target.kind !== "quantity" || target.value.isZero()) return null;
  return actual.div(target.value).times(HUNDRED);
}

/** The target's threshold for messages: "≥ 55", "< 6", "75–80", "100". */
export function describeTarget(target: Target): string {
  const f = (d: Decimal) => d.toFixed().replace(".", ",");
  switch (target.kind) {
    case "quantity":
      return f(target.value);
    case "atLeast":
      return `${target.strict ? ">" : "≥"} ${f(target.value)}`;
    case "atMost":
      return `${target.strict ? "<" : "≤"} ${f(target.value)}`;
    case "range":
      return `${f(target.low)}–${f(target.high)}`;
    default:
      return target.text;
  }
}
