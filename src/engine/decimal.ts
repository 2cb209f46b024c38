/** The one decimal type of the engine: exact arithmetic, never binary floating point sums. */
import DecimalJs from "decimal.js";

/** A Decimal constructor of its own (40 significant digits, half-up rounding), independent of global config. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

/** A JavaScript number as the decimal it was typed as (0.1 is 0.1, not 0.1000000000000000055…). */
export function dec(value: number | string | Decimal): Decimal {
  // decimal.js reads a number through its shortest decimal string, as String() does; -0 is 0.
  if (typeof value === "number") return new Decimal(value === 0 ? 0 : value);
  return new Decimal(value);
}
