/**
 * Plain-number fast paths of the table's arithmetic. The engine's figures are exact decimals
 * (decimal.js); a JavaScript number read from a cell stands for the shortest decimal that reads
 * back as it (String(v)), which is what dec(v) makes. Each function here gives exactly what the
 * decimal path gives, or undefined where it cannot be sure (then the caller takes the decimal
 * path): test/engine/fast.test.ts compares both over many random values.
 */

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const DIGITS15 = 1e15;

/**
 * The decimal a number stands for, as m × 10^-k (m an integer below 10^15 in size, k ≤ 15, m not
 * a multiple of 10 when k > 0), or undefined when it has more than 15 significant digits.
 * Any decimal of at most 15 significant digits reads back from its nearest double, so when
 * m / 10^k (one correctly rounded division) is v, the shortest decimal of v is m × 10^-k.
 */
export function decimalDigits(v: number): { m: number; k: number } | undefined {
  if (!Number.isFinite(v)) return undefined;
  for (let k = 0; k <= 15; k++) {
    const p = POW10[k];
    const m = Math.round(v * p);
    if (Math.abs(m) >= DIGITS15) return undefined;
    if (m / p === v) return { m: m === 0 ? 0 : m, k };
  }
  return undefined;
}

/** Below 2^53 every integer is a double exactly. */
const SAFE = 2 ** 53;

/**
 * actual ÷ target × 100 as a number, exactly what dec(actual).div(dec(target)).times(100)
 * .toNumber() gives (decimal.js at 40 significant digits), when both are decimals of few digits.
 *
 * Why it is the same number: with a = ma·10^-ka and t = mt·10^-kt the percent is the fraction
 * N / D, N = 100·ma·10^kt and D = mt·10^ka, both integers below 2^53 (so exact doubles) and the
 * one division N / D is correctly rounded. decimal.js rounds N / D to 40 digits (relative error
 * ≤ 5·10^-40) and then to the nearest double. The two differ only if N / D lies within that error
 * of a midpoint between two doubles. N / D is never a midpoint (a midpoint between doubles of
 * size 2^e has denominator 2^(53-e), and D divisible by it with N / D ≥ 2^e would need N ≥ 2^53),
 * and when it is not one, it is at least 1 / (D·2^54) away relative, far more than 5·10^-40 for
 * D < 2^53.
 */
export function percentNumber(actual: number, target: number): number | undefined {
  if (target === 0) return undefined;
  const a = decimalDigits(actual);
  const t = decimalDigits(target);
  if (!a || !t) return undefined;
  const n = 100 * a.m * POW10[t.k];
  const d = t.m * POW10[a.k];
  if (Math.abs(n) >= SAFE || Math.abs(d) >= SAFE) return undefined;
  // 0 ÷ a negative target is -0, as decimal.js says too.
  return n / d;
}

/**
 * The stated number `points` (a percent in points) as decimal.js reads it back into a number
 * (its toNumber()), for a cell value `v` that a "%" format shows ×100 (`scaled`) or as is.
 * Undefined when v has more than 15 significant digits.
 */
export function pointsOf(v: number, scaled: boolean): { value: number; decimals: number } | undefined {
  const d = decimalDigits(v);
  if (!d) return undefined;
  if (!scaled) return { value: v === 0 ? 0 : v, decimals: d.k };
  // m·10^(2-k): an exact integer product, or one correctly rounded division by an exact power of ten.
  if (d.k <= 2) {
    const value = d.m * POW10[2 - d.k];
    return Math.abs(value) < SAFE ? { value: value === 0 ? 0 : value, decimals: 0 } : undefined;
  }
  return { value: d.m / POW10[d.k - 2], decimals: d.k - 2 };
}

/**
 * Is a stated percent `stated` (points, shown with `decimals` decimals, or null for a computed
 * value judged within a relative 1e-9) surely "ok" against the exact percent near `exact`?
 * True only when the plain numbers decide it with a wide margin over their rounding errors (a
 * relative 10^-12, against errors of some 10^-15); false means "not sure", and the caller asks
 * the exact path (which is also the one that names what is wrong).
 */
export function surelyOk(stated: number, decimals: number | null, exact: number): boolean {
  const diff = Math.abs(exact - stated);
  const size = Math.max(Math.abs(exact), Math.abs(stated), 1);
  if (decimals === null) return diff <= Math.max(Math.abs(exact), 1) * 1e-9 - size * 1e-12;
  if (!(decimals >= 0 && decimals <= 15)) return false;
  return diff <= 0.5 / POW10[decimals] - size * 1e-12;
}
