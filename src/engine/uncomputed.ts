/**
 * Formula cells saved without a computed value (a file written by a program: the formula is
 * stored, the cached result is not, so a reader sees an empty cell). Before a sheet is analysed,
 * each such cell is computed from its formula where the engine can (formula-eval/); the ones it
 * cannot are said once, as an info, and no finding is raised at them as if they were empty (a
 * missing verdict, a missing percent): the cell is not empty, only not yet computed.
 */
import { a1 } from "./address";
import { evaluateFormula } from "./formula-eval";
import { makeFinding, type SheetReport } from "./report";
import type { CellValue, SheetSnapshot } from "./snapshot";

export interface Computed {
  /** The sheet with every computable cell filled in (the same object when there was nothing to do). */
  sheet: SheetSnapshot;
  /** A1 addresses computed from their formulas. */
  computed: string[];
  /** A1 addresses whose formulas the engine cannot compute. */
  uncomputed: string[];
}

/** Fills in the values of formula cells saved without one, where their formula can be computed. */
export function computeSavedFormulas(sheet: SheetSnapshot): Computed {
  const { formulas, origin } = sheet;
  if (!formulas) return { sheet, computed: [], uncomputed: [] };
  const missing: [number, number][] = [];
  formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (f && (sheet.values[i]?.[j] ?? null) === null) missing.push([i, j]);
    }),
  );
  if (!missing.length) return { sheet, computed: [], uncomputed: [] };
  const values = sheet.values.map((r) => r.slice());
  const state = new Map<string, "busy" | "done" | "failed">();
  const key = (i: number, j: number) => `${i}:${j}`;
  const lookup = (row: number, col: number): CellValue | undefined => {
    const i = row - origin.row;
    const j = col - origin.col;
    if (i < 0 || j < 0 || i >= values.length) return null;
    const f = formulas[i]?.[j];
    if (f && (sheet.values[i]?.[j] ?? null) === null) return compute(i, j) ? values[i][j] : undefined;
    return values[i]?.[j] ?? null;
  };
  const compute = (i: number, j: number): boolean => {
    const k = key(i, j);
    const s = state.get(k);
    if (s === "done") return true;
    if (s === "failed" || s === "busy") return false; // a cycle is not computed
    state.set(k, "busy");
    const v = evaluateFormula(formulas[i][j]!, lookup);
    if (v === undefined) {
      state.set(k, "failed");
      return false;
    }
    values[i][j] = v;
    state.set(k, "done");
    return true;
  };
  const computed: string[] = [];
  const uncomputed: string[] = [];
  for (const [i, j] of missing) (compute(i, j) ? computed : uncomputed).push(a1(origin.row + i, origin.col + j));
  return { sheet: computed.length ? { ...sheet, values } : sheet, computed, uncomputed };
}

/**
 * The report of a sheet whose formula cells at `uncomputed` hold no value: findings that read
 * those cells as empty are dropped, and one info says which cells were not computed and why.
 */
export function reportUncomputed(report: SheetReport, uncomputed: string[]): SheetReport {
  if (!uncomputed.length || !report.recognized) return report;
  const at = new Set(uncomputed);
  const findings = report.findings.filter((f) => !at.has(f.cell));
  const list = uncomputed.length > 6 ? `${uncomputed.slice(0, 6).join(", ")} …` : uncomputed.join(", ");
  findings.push(
    makeFinding(
      "formula-uncomputed",
      uncomputed[0],
      `${uncomputed.length} ô có công thức nhưng tệp không lưu giá trị đã tính (tệp do một chương trình ghi ra) và Soát Biểu không tự tính được: ${list}. Mở tệp trong Excel, để Excel tính lại rồi lưu, sau đó kiểm tra lại các ô này.`,
      `${uncomputed.length} cells hold a formula but the file stores no computed value (a file written by a program) and Soát Biểu cannot compute it: ${list}. Open the file in Excel, let it recalculate and save, then check these cells again.`,
    ),
  );
  return { ...report, findings };
}
