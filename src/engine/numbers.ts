/**
 * Vietnamese numbers (SPEC §3): "." groups thousands, "," is the decimal mark: "1.147,63",
 * "3.220.000", "29,27 %". A dot followed by exactly three digits is a thousands group;
 * "2.800.00" or "1.2.345" are malformed and never guessed.
 */
import { Decimal, dec } from "./decimal";

export interface ParsedNumber {
  value: Decimal;
  /** Decimals written ("29,27" → 2, "3.220.000" → 0). */
  decimals: number;
  /** The text that was read, trimmed. */
  text: string;
  /** A trailing "%" was written. */
  percent: boolean;
  /** The decimal mark was a single "." followed by other than three digits ("96.4"): English style. */
  dotDecimal: boolean;
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;

/** Reads the digits-and-separators core of a number: "1.147,63" → 1147.63; undefined when malformed. */
function readCore(core: string): { digits: string; decimals: number; dotDecimal: boolean } | undefined {
  const commas = core.split(",");
  if (commas.length > 2) return undefined;
  if (commas.length === 2) {
    const [whole, frac] = commas;
    if (!PLAIN.test(frac)) return undefined;
    if (!(PLAIN.test(whole) || GROUPED.test(whole))) return undefined;
    return { digits: `${whole.replace(/\./g, "")}.${frac}`, decimals: frac.length, dotDecimal: false };
  }
  if (PLAIN.test(core)) return { digits: core, decimals: 0, dotDecimal: false };
  if (GROUPED.test(core)) return { digits: core.replace(/\./g, ""), decimals: 0, dotDecimal: false };
  const dots = core.split(".");
  if (dots.length === 2 && PLAIN.test(dots[0]) && PLAIN.test(dots[1]) && dots[1].length !== 3) {
    return { digits: core, decimals: dots[1].length, dotDecimal: true };
  }
  return undefined;
}

const NUMBER_LIKE = /^[+\-−–]?\s*\d[\d.,]*\s*%?$/u;

/**
 * Reads a whole text as one Vietnamese number, optionally signed and followed by "%".
 * Returns null when the text is not a number at all, "malformed" when it looks like one but is
 * not valid ("2.800.00", "1.2.345", "1,2,3").
 */
export function parseViNumber(input: string): ParsedNumber | "malformed" | null {
  const text = input.replace(/\u00a0/g, " ").trim();
  if (!NUMBER_LIKE.test(text)) return null;
  let body = text;
  let negative = false;
  if (/^[+\-−–]/u.test(body)) {
    negative = body[0] !== "+";
    body = body.slice(1).trim();
  }
  let percent = false;
  if (body.endsWith("%")) {
    percent = true;
    body = body.slice(0, -1).trim();
  }
  if (!/\d$/.test(body)) return "malformed";
  const core = readCore(body);
  if (!core) return "malformed";
  const value = new Decimal(core.digits);
  return { value: negative ? value.neg() : value, decimals: core.decimals, text, percent, dotDecimal: core.dotDecimal };
}

export interface NumberToken {
  start: number;
  end: number;
  /** text.slice(start, end): digits with their separators, no sign, no unit. */
  text: string;
  parsed: ParsedNumber | "malformed";
}

/**
 * Every number in a piece of prose, with its offsets. A token starts and ends with a digit and may
 * hold "." and "," between digits; a separator followed by a space or at the end is punctuation.
 * Linear time: one pass, no regular expression backtracking.
 */
export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Digits glued to letters before them ("QĐ1308", "m2") are not figures we read as numbers.
    const start = i;
    let end = i;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        j++;
        end = j;
      } else if ((c === 46 || c === 44) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
        j++;
      } else break;
    }
    const core = text.slice(start, end);
    const read = readCore(core);
    const parsed: ParsedNumber | "malformed" = read
      ? { value: new Decimal(read.digits), decimals: read.decimals, text: core, percent: false, dotDecimal: read.dotDecimal }
      : "malformed";
    out.push({ start, end, text: core, parsed });
    i = end;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Vietnamese formatting: "1.147,63". With `decimals`, rounds half-up to that many decimals and
 * keeps trailing zeros; without, writes the value exactly (trailing zeros dropped).
 */
export function formatViNumber(value: Decimal | number | string, decimals?: number): string {
  return formatWith(value, decimals, ".", ",");
}

/** The same number written the English way, for the English twin of a message: "1,147.63". */
export function formatEnNumber(value: Decimal | number | string, decimals?: number): string {
  return formatWith(value, decimals, ",", ".");
}

function formatWith(value: Decimal | number | string, decimals: number | undefined, group: string, mark: string): string {
  let d = dec(value as number | string | Decimal);
  const negative = d.isNegative() && !d.isZero();
  d = d.abs();
  const fixed = decimals === undefined ? d.toFixed() : d.toFixed(decimals);
  const [whole, frac] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${frac ? `${mark}${frac}` : ""}`;
}

/** A percent for a message: rounded to `decimals` (default 2), trailing zeros dropped: "23,08". */
export function formatPercent(value: Decimal | number, decimals = 2): string {
  return formatViNumber(roundHalfUp(value, decimals));
}

/** The English twin of formatPercent: "23.08". */
export function formatEnPercent(value: Decimal | number, decimals = 2): string {
  return formatEnNumber(roundHalfUp(value, decimals));
}

/**
 * The exact value of a percent written with `decimals` decimals, to three more decimals and "…"
 * when it is longer, so a truncation message never shows the rounded value as if it were exact:
 * 396/424 = "93,3962…", not "93,4".
 */
export function formatMoreDecimals(exact: Decimal, decimals: number, lang: "vi" | "en" = "vi"): string {
  const cut = exact.decimalPlaces() > decimals + 3;
  if (lang === "en") return cut ? `${formatEnPercent(exact, decimals + 3)}…` : formatEnNumber(exact);
  return cut ? `${formatPercent(exact, decimals + 3)}…` : formatViNumber(exact);
}

function roundHalfUp(value: Decimal | number, decimals: number): Decimal {
  return dec(value as number | Decimal).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}
