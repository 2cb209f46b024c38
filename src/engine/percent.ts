/** SPEC §5.1: is a stated percent right, cut instead of rounded, or wrong? */
import { Decimal } from "./decimal";

export type PercentJudgement = "ok" | "truncated" | "mismatch";

/**
 * `stated` written with `decimals` decimals is right when the exact value lies in
 * [stated − u/2, stated + u/2], u = 10^-decimals. When the exact value was cut instead of
 * rounded (52,367 written 52,36) it is "truncated". Anything else is a "mismatch".
 * There is no fixed tolerance in points.
 */
export function judgeStatedPercent(stated: Decimal, decimals: number, exact: Decimal): PercentJudgement {
  const half = halfUnit(decimals);
  if (exact.minus(stated).abs().lte(half)) return "ok";
  const cut = exact.toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  if (cut.eq(stated)) return "truncated";
  return "mismatch";
}

const HALF_UNITS: Decimal[] = [];

/** u/2 = 10^-decimals / 2, made once per number of decimals. */
function halfUnit(decimals: number): Decimal {
  if (decimals < 0 || decimals > 30 || !Number.isInteger(decimals)) return new Decimal(10).pow(-decimals).div(2);
  return (HALF_UNITS[decimals] ??= new Decimal(10).pow(-decimals).div(2));
}
