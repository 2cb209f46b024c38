/** Reading figure cells: numbers, numbers typed as text, malformed numbers, errors, percent cells. */
import { Decimal, HUNDRED, dec } from "../decimal";
import { judgeStatedPercent, type PercentJudgement } from "../percent";
import { memoise } from "../memo";
import { pointsOf } from "./fast";
import { parseViNumber } from "../numbers";
import { isCellError, type CellValue } from "../snapshot";
import type { Grid } from "./grid";

export type Figure =
  | { kind: "empty" }
  | { kind: "number"; value: Decimal; /** The cell's number, when it was one. */ num?: number }
  | { kind: "text-number"; value: Decimal; text: string; percent: boolean }
  | { kind: "malformed"; text: string }
  | { kind: "error"; error: string }
  | { kind: "text"; text: string }
  | { kind: "other" };

const WITH_UNIT = /^([+\-−]?\d[\d.,]*\d|\d)\s*([\p{L}²³]{1,10}(?:\/[\p{L}²³]{1,10})?(?:\s[\p{L}²³]{1,10}){0,2})$/u;

/** A number cell's figure: its exact decimal is made on first use (most rows are decided without it). */
class NumberFigure {
  readonly kind = "number" as const;
  private exact: Decimal | undefined;
  constructor(readonly num: number) {}
  get value(): Decimal {
    return (this.exact ??= dec(this.num));
  }
}

const EMPTY: Figure = { kind: "empty" };

export function readFigure(v: CellValue): Figure {
  if (v === null || v === "") return EMPTY;
  if (typeof v === "number") return Number.isFinite(v) ? new NumberFigure(v) : { kind: "other" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  if (typeof v === "string") {
    if (!v.trim()) return { kind: "empty" };
    const p = parseViNumber(v);
    if (p === "malformed") return { kind: "malformed", text: v.trim() };
    if (p) return { kind: "text-number", value: p.value, text: v.trim(), percent: p.percent };
    // A number followed by its unit, typed as text: "27,35 ha", "1.200 con", "2.800.00đ".
    const u = WITH_UNIT.exec(v.trim());
    if (u) {
      const q = parseViNumber(u[1]);
      if (q === "malformed") return { kind: "malformed", text: v.trim() };
      if (q) return { kind: "text-number", value: q.value, text: v.trim(), percent: false };
    }
    return { kind: "text", text: v };
  }
  return { kind: "other" };
}

/** The numeric value of a figure (a number, or a number typed as text), else undefined. */
export function figureValue(f: Figure): Decimal | undefined {
  return f.kind === "number" || f.kind === "text-number" ? f.value : undefined;
}

/** True when a number format shows the value as a percent (a "%" outside quotes). */
export function isPercentFormat(format: string | null): boolean {
  return format ? percentFormat(format) : false;
}

/**
 * How a percent column writes its percents, from the number formats of its filled cells: as
 * fractions under a "%" format (0,95 shows 95%) when most of them carry one, else as points; and
 * the most common format of that kind among those `usable` (the first seen on a tie).
 */
export function percentColumnLook(formats: (string | null)[], usable: (format: string) => boolean): { fraction: boolean; format: string | null } {
  const fraction = formats.filter(isPercentFormat).length;
  const isFraction = fraction > formats.length - fraction;
  return { fraction: isFraction, format: mostCommonFormat(formats, (f) => usable(f) && isPercentFormat(f) === isFraction) };
}

/** The most common of the formats that are `usable` (the first seen on a tie), or null. */
export function mostCommonFormat(formats: (string | null)[], usable: (format: string) => boolean): string | null {
  const counts = new Map<string, number>();
  for (const f of formats) if (f !== null && usable(f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const c of counts) if (!best || c[1] > best[1]) best = c;
  return best?.[0] ?? null;
}

// Number formats repeat down a column: what each one shows is worked out once.
const percentFormat = memoise((format: string) => {
  const section = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return section.includes("%");
});

/** Decimals a number format shows at most ("0.00%" → 2, "#,##0" → 0, "#,##0.##" → 2), or null for General / unknown. */
export function formatDecimals(format: string | null): number | null {
  return format ? (decimalsShown(format)?.max ?? null) : null;
}

/**
 * Decimals a format shows: at least the "0"s after the point, at most all its digit places
 * ("#,##0.##" shows 117,3 for 117.3 and 117,25 for 117.254).
 */
const decimalsShown = memoise((format: string): { min: number; max: number } | null => {
  if (/^general$/i.test(format.trim())) return null;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? { min: (m[1].match(/0/g) ?? []).length, max: m[1].length } : { min: 0, max: 0 };
});

export interface StatedPercent {
  /** In percent points. */
  points: Decimal;
  /** points.toNumber(), when known without making points (a plain number cell). */
  pointsNumber?: number;
  /** Decimals shown, or null when the value is a computed one (compare with a tiny relative tolerance). */
  decimals: number | null;
  /** For a computed value: the decimals its number format shows (2 for General), to judge it as shown. */
  shownDecimals: number;
  fromFormula: boolean;
}

/** A percent cell as the reader sees it: a "%" formatted cell holds a fraction (0.9037 shows 90,37%). */
export function readStatedPercent(grid: Grid, row: number, col: number): StatedPercent | null {
  const v = grid.value(row, col);
  return statedPercentOf(v, typeof v === "number" ? grid.numberFormat(row, col) : null, grid.formula(row, col) !== null);
}

/** The stated percent of a cell value shown with `format` (see readStatedPercent). */
export function statedPercentOf(v: CellValue, format: string | null, fromFormula: boolean): StatedPercent | null {
  if (typeof v === "number" && Number.isFinite(v)) {
    return fastStated(v, format, fromFormula) ?? exactStated(v, format, fromFormula);
  }
  if (typeof v === "string") {
    const p = parseViNumber(v);
    if (p && p !== "malformed") return { points: p.value, decimals: p.decimals, shownDecimals: p.decimals, fromFormula };
  }
  return null;
}

/** A stated percent number cell, read with decimal.js (exported for the property test of fastStated). */
export function exactStated(v: number, format: string | null, fromFormula: boolean): StatedPercent {
  const points = isPercentFormat(format) ? dec(v).times(HUNDRED) : dec(v);
  // Decimals as stored (a value with fewer than 6 round-trips through a double unchanged).
  const stored = points.decimalPlaces();
  const places = format ? decimalsShown(format) : null;
  if (stored >= 6) return { points, decimals: null, shownDecimals: places?.max ?? 2, fromFormula };
  // What the cell shows: the stored decimals, within what the format shows at least and at most.
  const shown = places ? Math.min(places.max, Math.max(places.min, stored)) : null;
  if (shown !== null) {
    return { points: points.toDecimalPlaces(shown, Decimal.ROUND_HALF_UP), decimals: shown, shownDecimals: shown, fromFormula };
  }
  return { points, decimals: stored, shownDecimals: stored, fromFormula };
}

/** A stated percent whose points are made on first use; pointsNumber is known at once. */
class LazyStated implements StatedPercent {
  private exact: Decimal | undefined;
  constructor(
    private readonly v: number,
    private readonly scaled: boolean,
    readonly pointsNumber: number | undefined,
    readonly decimals: number | null,
    readonly shownDecimals: number,
    readonly fromFormula: boolean,
  ) {}
  get points(): Decimal {
    return (this.exact ??= this.scaled ? dec(this.v).times(HUNDRED) : dec(this.v));
  }
  /** points within a relative 2^-52 or so (for surelyOk). */
  get approx(): number {
    return this.pointsNumber ?? (this.scaled ? this.v * 100 : this.v);
  }
}

/** A stated percent's points as a plain number close to them (see surelyOk), when known without decimal.js. */
export function statedApprox(stated: StatedPercent): number | undefined {
  return stated instanceof LazyStated ? stated.approx : undefined;
}

/**
 * exactStated's answer without decimal.js where the number says it all (see fast.ts): the
 * decimals it stores, and points as a number. Undefined when the shown value needs rounding or
 * the number is too long to be sure: exactStated then.
 */
export function fastStated(v: number, format: string | null, fromFormula: boolean): StatedPercent | undefined {
  const scaled = isPercentFormat(format);
  const p = pointsOf(v, scaled);
  const places = format ? decimalsShown(format) : null;
  if (!p) {
    // More than 15 significant digits and below 10^9: at least 7 decimals stored, a computed value.
    const value = scaled ? v * 100 : v;
    if (!(Math.abs(value) < 1e9)) return undefined;
    return new LazyStated(v, scaled, undefined, null, places?.max ?? 2, fromFormula);
  }
  if (p.decimals >= 6) return new LazyStated(v, scaled, p.value, null, places?.max ?? 2, fromFormula);
  const shown = places ? Math.min(places.max, Math.max(places.min, p.decimals)) : null;
  if (shown !== null && shown < p.decimals) return undefined;
  const decimals = shown ?? p.decimals;
  return new LazyStated(v, scaled, p.value, decimals, decimals, fromFormula);
}

/** How a stated percent cell is judged against the exact percent, and the value and decimals it is judged as. */
export interface StatedJudgement {
  judgement: PercentJudgement;
  /** The stated value as the cell shows it (a computed value rounded to its shown decimals). */
  shown: Decimal;
  decimals: number;
}

/**
 * The one judgement of a stated percent (SPEC §5.1), for the checker and for Chuẩn hóa's guard:
 * a value typed with its decimals is judged as written; a computed value (many decimals) is right
 * within a tiny relative tolerance (formula float noise), else judged as its number format shows it.
 */
export function judgeStatedCell(stated: StatedPercent, exact: Decimal): StatedJudgement {
  if (stated.decimals !== null) return { judgement: judgeStatedPercent(stated.points, stated.decimals, exact), shown: stated.points, decimals: stated.decimals };
  if (stated.points.minus(exact).abs().lte(Decimal.max(exact.abs(), 1).times("1e-9"))) return { judgement: "ok", shown: stated.points, decimals: stated.shownDecimals };
  const shown = stated.points.toDecimalPlaces(stated.shownDecimals, Decimal.ROUND_HALF_UP);
  return { judgement: judgeStatedPercent(shown, stated.shownDecimals, exact), shown, decimals: stated.shownDecimals };
}
