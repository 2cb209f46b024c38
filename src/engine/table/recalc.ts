/** The writes of "Tính lại" (SPEC §7) for a table sheet. */
import { isCellError, type SheetSnapshot } from "../snapshot";
import { percentOf } from "../targets";
import { readVerdict } from "../verdicts";
import type { CellWrite } from "../plan";
import { percentFormula, verdictFormula } from "../formulas";
import { Grid } from "./grid";
import { recogniseTable } from "./layout";
import { isPercentFormat } from "./figures";
import { readTarget, pairValues, MARK, isItemRow, buildModel } from "./model";

/** The writes of "Tính lại" for a recognised table sheet: percent and verdict cells of item rows. */
export function planTableRecalc(sheet: SheetSnapshot): CellWrite[] {
  const grid = new Grid(sheet);
  const rec = recogniseTable(grid);
  if (!rec.ok) return [];
  const model = buildModel(grid, rec.layout);
  const { layout } = model;
  const writes: CellWrite[] = [];
  const push = (row: number, col: number, role: CellWrite["role"], value: string | number | null, formula?: string, numberFormat?: string) => {
    const before = { value: grid.value(row, col), formula: grid.formula(row, col) };
    if (formula !== undefined ? before.formula === formula : before.formula === null && sameValue(before.value, value)) return;
    const w: CellWrite = { sheet: sheet.name, cell: grid.address(row, col), role, value, before };
    if (formula !== undefined) w.formula = formula;
    if (numberFormat) w.numberFormat = numberFormat;
    writes.push(w);
  };
  // A percent column holds fractions when its cells carry a "%" number format (0.9037 shows 90,37%).
  const fractionColumns = new Set<number>();
  for (const pc of layout.percents) {
    let pct = 0;
    let other = 0;
    for (const body of model.rows) {
      if (!isItemRow(body) || grid.value(body.row, pc.col) === null) continue;
      if (isPercentFormat(grid.numberFormat(body.row, pc.col))) pct++;
      else other++;
    }
    if (pct > other) fractionColumns.add(pc.col);
  }
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
      const fraction = fractionColumns.has(pc.col);
      const pct = a !== undefined ? percentOf(target, a) : null;
      const value = pct === null ? null : fraction ? pct.div(100).toNumber() : pct.toNumber();
      if (target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, pc.target, pc.actual)) {
        const f = percentFormula(grid.address(body.row, pc.target), grid.address(body.row, pc.actual), { fraction });
        const format = fraction && !isPercentFormat(grid.numberFormat(body.row, pc.col)) ? "0.00%" : undefined;
        push(body.row, pc.col, "percent", value, f, format);
      } else if (isCellError(grid.value(body.row, pc.col)) || pct !== null || grid.value(body.row, pc.col) !== null) {
        push(body.row, pc.col, "percent", value);
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
    const tRaw = grid.value(body.row, r.targetCol);
    const aRaw = grid.value(body.row, layout.col.actual!);
    if (r.target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, r.targetCol, layout.col.actual!)) {
      const f = verdictFormula(grid.address(body.row, r.targetCol), grid.address(body.row, layout.col.actual!), { lowerIsBetter: r.lowerIsBetter });
      push(body.row, vCol, "verdict", r.verdict, f);
    } else {
      push(body.row, vCol, "verdict", r.verdict);
    }
  }
  return writes;
}

/** True when target and actual are both fractions ("%" format) or both not, so a formula may divide them. */
function sameScale(grid: Grid, row: number, a: number, b: number): boolean {
  return isPercentFormat(grid.numberFormat(row, a)) === isPercentFormat(grid.numberFormat(row, b));
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === "") && (b === null || b === "")) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  return a === b;
}

