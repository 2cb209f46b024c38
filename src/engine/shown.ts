/**
 * What a cell shows: a value under its number format, as Excel shows it in a Vietnamese locale
 * ("59,44", "90,4%", "12.000.000"), and the number format that shows a percent with a given
 * number of decimals. The recalculation plan uses it to keep what the sheet showed, and the
 * preview list to show a value as the cell will show it.
 */
import { dec, Decimal } from "./decimal";
import { formatViNumber } from "./numbers";
import { isCellError } from "./snapshot";
import { formatDecimals, isPercentFormat } from "./table/figures";

/** "0", "0.0", "0.00", and with `percent` "0.00%": a format code in Excel's locale-neutral form. */
export function decimalsFormat(decimals: number, percent = false): string {
  return `0${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}${percent ? "%" : ""}`;
}

/** True for a format that shows a number with a fixed count of decimals (not General, not text). */
export function isFixedFormat(format: string | null | undefined): boolean {
  return formatDecimals(format ?? null) !== null;
}

/** The text a cell shows for `value` under `format` (General when null): Vietnamese marks. */
export function shownText(value: unknown, format: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const f = format ?? null;
  const decimals = formatDecimals(f);
  const percent = isPercentFormat(f);
  let d = dec(value);
  if (percent) d = d.times(100);
  if (decimals === null) {
    // General: up to ten significant digits, no thousands groups.
    const general = new Decimal(d.toPrecision(10)).toFixed();
    return `${general.replace(".", ",")}${percent ? "%" : ""}`;
  }
  const grouped = /#,##|0,0/.test((f ?? "").split(";")[0]);
  const text = formatViNumber(d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP), decimals);
  return `${grouped ? text : text.replace(/\./g, "")}${percent ? "%" : ""}`;
}
