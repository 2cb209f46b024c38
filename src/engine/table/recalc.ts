/**
 * The writes of "Tính lại" (SPEC §7) for a table sheet. What is written shows what the sheet
 * showed: a percent keeps the decimals it was written with (or the column's format, a "%" column
 * stays "%"), a verdict keeps the sheet's own word when it means the same ("Hoàn thành", "Vượt"),
 * and a cell whose shown value and formula would not change is not written at all.
 */
import { isCellError } from "../snapshot";
import { percentOf } from "../targets";
import { readVerdict } from "../verdicts";
import type { CellWrite } from "../plan";
import type { Verdict } from "../report";
import { boundVerdictFormula, firstFilled, percentFormula, verdictFormula, STANDARD_WORDS, type VerdictWords } from "../formulas";
import { decimalsFormat, isFixedFormat, shownText } from "../shown";
import type { Grid } from "./grid";
import { isPercentFormat, percentColumnLook, readStatedPercent } from "./figures";
import { readTarget, pairValues, MARK, isItemRow, type Model } from "./model";

/** The writes of "Tính lại" for a recognised table sheet: percent and verdict cells of item rows. */
export function planTableRecalc(model: Model): CellWrite[] {
  const { grid, layout } = model;
  const sheet = grid.sheet;
  const writes: CellWrite[] = [];
  const push = (
    row: number,
    col: number,
    role: CellWrite["role"],
    value: string | number | null,
    options: { formula?: string; numberFormat?: string; reason?: [string, string]; same?: string[] } = {},
  ) => {
    const { formula, numberFormat, reason } = options;
    const now = grid.numberFormat(row, col);
    const before = { value: grid.value(row, col), formula: grid.formula(row, col), numberFormat: now };
    // A formula that is ours already (or its equivalent, the template's bound-aware verdict) stays.
    const ours = before.formula !== null && options.same?.includes(before.formula);
    if (formula !== undefined ? before.formula === formula || ours : (before.formula === null || ours) && sameShown(before.value, now, value, numberFormat ?? now)) return;
    const w: CellWrite = { sheet: sheet.name, cell: grid.address(row, col), role, value, before };
    if (formula !== undefined) w.formula = formula;
    if (numberFormat) w.numberFormat = numberFormat;
    if (reason) [w.reason, w.reasonEn] = reason;
    writes.push(w);
  };
  const looks = columnLooks(model);
  for (const body of model.rows) {
    if (body.kind !== "item" && body.kind !== "subitem") continue;
    const r = model.readings.get(body.row)!;
    for (const pc of layout.percents) {
      const tRaw = grid.value(body.row, pc.target);
      const aRaw = grid.value(body.row, pc.actual);
      const tFig = grid.figure(body.row, pc.target);
      let target = readTarget(tFig, tRaw);
      const { t, a } = pairValues(grid, body.row, pc.target, pc.actual);
      if (target.kind === "quantity" && t !== undefined) target = { ...target, value: t };
      const look = looks.percent.get(pc.col)!;
      const pct = a !== undefined ? percentOf(target, a) : null;
      const value = pct === null ? null : look.fraction ? pct.div(100).toNumber() : pct.toNumber();
      const numberFormat = value === null ? undefined : percentFormatFor(grid, body.row, pc.col, look);
      // The live percent formula of a template or an earlier Tính lại computes blank for a bound target: it stays.
      const formula = percentFormula(grid.address(body.row, pc.target), grid.address(body.row, pc.actual), { fraction: look.fraction });
      if (target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, pc.target, pc.actual)) {
        push(body.row, pc.col, "percent", value, { formula, numberFormat: percentFormatFor(grid, body.row, pc.col, look) });
      } else if (isCellError(grid.value(body.row, pc.col)) || pct !== null || grid.value(body.row, pc.col) !== null) {
        push(body.row, pc.col, "percent", value, { numberFormat, same: [formula] });
      }
    }
    const vCol = layout.col.verdict;
    if (vCol === undefined || !r.verdict) continue;
    if (layout.verdictMarks) {
      // "Đạt | Chưa đạt" marked with "x": the mark goes to the computed verdict's column only.
      for (const m of layout.verdictMarks) {
        const want = m.verdict === r.verdict ? "x" : null;
        const now = grid.value(body.row, m.col);
        if (want === null ? now === null || now === "" : typeof now === "string" && now.trim() !== "" && (MARK.test(now.trim()) || readVerdict(now) === m.verdict)) continue;
        push(body.row, m.col, "verdict", want);
      }
      continue;
    }
    // The sheet's own word stays where it agrees with the computed verdict; elsewhere the word the column uses.
    const nowText = grid.value(body.row, vCol);
    const own = typeof nowText === "string" && nowText.trim() !== "" && readVerdict(nowText) === r.verdict ? nowText : null;
    const words: VerdictWords = own ? (r.verdict === "Đạt" ? { ...looks.words, met: own } : { ...looks.words, notMet: own }) : looks.words;
    const word = r.verdict === "Đạt" ? words.met : words.notMet;
    const reason = verdictReason(nowText, word, r.verdict, own !== null);
    const tRaw = grid.value(body.row, r.targetCol);
    const aRaw = grid.value(body.row, layout.col.actual!);
    if (r.target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, r.targetCol, layout.col.actual!)) {
      const [t, a] = [grid.address(body.row, r.targetCol), grid.address(body.row, layout.col.actual!)];
      const formula = verdictFormula(t, a, { lowerIsBetter: r.lowerIsBetter, words });
      push(body.row, vCol, "verdict", word, { formula, reason, same: templateVerdicts(grid, layout.targets, body.row, a, r.lowerIsBetter, words) });
    } else {
      const [t, a] = [grid.address(body.row, r.targetCol), grid.address(body.row, layout.col.actual!)];
      push(body.row, vCol, "verdict", word, { reason, same: [boundVerdictFormula(t, a, { lowerIsBetter: r.lowerIsBetter, words }), ...templateVerdicts(grid, layout.targets, body.row, a, r.lowerIsBetter, words)] });
    }
  }
  return writes;
}

/** The template's own verdict formulas for this row (bound-aware; the first baseline filled in): already right, they stay. */
function templateVerdicts(grid: Grid, targets: number[], row: number, actual: string, lowerIsBetter: boolean, words: VerdictWords): string[] {
  const options = { lowerIsBetter, words };
  const all = firstFilled(targets.map((c) => grid.address(row, c)));
  return [boundVerdictFormula(grid.address(row, targets[0]), actual, options), boundVerdictFormula(all, actual, options)];
}

interface PercentLook {
  /** The column holds fractions: its cells carry a "%" number format (0.9037 shows 90,37%). */
  fraction: boolean;
  /** The format most of its filled cells carry, when it shows fixed decimals. */
  format: string | undefined;
  /** The most decimals its typed percents are written with (a blank or an error cell shows as much). */
  decimals: number | undefined;
}

/** How each percent column shows its figures, and the words the verdict column uses. */
function columnLooks(model: Model): { percent: Map<number, PercentLook>; words: VerdictWords } {
  const { grid, layout } = model;
  const percent = new Map<number, PercentLook>();
  for (const pc of layout.percents) {
    const formats: (string | null)[] = [];
    const decimals = new Set<number>();
    for (const body of model.rows) {
      if (!isItemRow(body) || grid.value(body.row, pc.col) === null) continue;
      formats.push(grid.numberFormat(body.row, pc.col));
      const stated = readStatedPercent(grid, body.row, pc.col);
      if (stated && stated.decimals !== null && stated.decimals <= 4 && !stated.fromFormula) decimals.add(stated.decimals);
    }
    const { fraction, format } = percentColumnLook(formats, isFixedFormat);
    percent.set(pc.col, { fraction, format: format ?? undefined, decimals: decimals.size ? Math.max(...decimals) : undefined });
  }
  // The column's usual words for each verdict: not "Vượt" (which says more than met), not "Đạt 100%".
  const seen: Record<Verdict, Map<string, number>> = { Đạt: new Map(), "Chưa đạt": new Map() };
  for (const r of model.readings.values()) {
    const text = r.statedVerdictText;
    if (!isItemRow(r.body) || !text || (r.statedVerdict !== "Đạt" && r.statedVerdict !== "Chưa đạt")) continue;
    if (/vượt|\d/i.test(text) || text.length > 24) continue;
    seen[r.statedVerdict].set(text, (seen[r.statedVerdict].get(text) ?? 0) + 1);
  }
  const words = { met: mostCommon([...seen["Đạt"]]) ?? STANDARD_WORDS.met, notMet: mostCommon([...seen["Chưa đạt"]]) ?? STANDARD_WORDS.notMet };
  return { percent, words };
}

function mostCommon<T>(counts: [T, number][]): T | undefined {
  let best: [T, number] | undefined;
  for (const c of counts) if (!best || c[1] > best[1]) best = c;
  return best?.[0];
}

/**
 * The format a written percent needs so the cell shows what the sheet showed: none when the cell
 * already shows fixed decimals (or is a "%" cell of a fraction column); else the decimals the
 * cell's own figure was written with, the column's format, or the column's usual decimals (2).
 */
function percentFormatFor(grid: Grid, row: number, col: number, look: PercentLook): string | undefined {
  const now = grid.numberFormat(row, col);
  if (look.fraction) return isPercentFormat(now) ? undefined : (look.format ?? decimalsFormat(2, true));
  if (isFixedFormat(now) && !isPercentFormat(now)) return undefined;
  const stated = readStatedPercent(grid, row, col);
  if (stated && stated.decimals !== null && stated.decimals <= 4 && !stated.fromFormula && !isPercentFormat(now)) return decimalsFormat(stated.decimals);
  return look.format ?? decimalsFormat(look.decimals ?? 2);
}

/** What the preview says about a verdict write: the sheet's word kept, or a word that changes. */
function verdictReason(now: unknown, word: string, verdict: Verdict, kept: boolean): [string, string] | undefined {
  const en = verdict === "Đạt" ? "met" : "not met";
  if (kept) {
    if (word === verdict) return undefined;
    return [`Giữ chữ «${word}» của biểu (cùng nghĩa ${verdict}).`, `Keeps the sheet's word «${word}» (same meaning: ${en}).`];
  }
  const before = typeof now === "string" ? now.trim() : "";
  if (!before) return undefined;
  return [`«${before}» đổi thành «${word}»: tính được ${verdict}.`, `«${before}» becomes «${word}»: computed ${verdict} (${en}).`];
}

/** True when target and actual are both fractions ("%" format) or both not, so a formula may divide them. */
function sameScale(grid: Grid, row: number, a: number, b: number): boolean {
  return isPercentFormat(grid.numberFormat(row, a)) === isPercentFormat(grid.numberFormat(row, b));
}

/** The cell would show the same: equal values, or a number shown alike under the formats before and after. */
function sameShown(a: unknown, aFormat: string | null, b: unknown, bFormat: string | null): boolean {
  if ((a === null || a === "") && (b === null || b === "")) return true;
  if (typeof a === "number" && typeof b === "number") {
    if (Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b))) return true;
    return shownText(a, aFormat) === shownText(b, bFormat);
  }
  return a === b;
}
