/**
 * Table layout recognition (SPEC §2.1): the header block (one to three rows, merged cells
 * expanded), each column's role by normalised synonyms, the numbering row "(1) … (7)=(6)/(4)",
 * and the pairing of every percent column with its target column.
 */
import headerRules from "../../rules/headers.json";
import { columnIndex, columnLetter } from "../../address";
import type { ColumnRole, Verdict } from "../../report";
import { readVerdict } from "../../verdicts";
import { containsPhrase, fold, normalise } from "../../text";
import { Grid } from "../grid";
import { headerBottom, headerTexts, isNumberingRow, numberingRatios, SCAN_ROWS } from "./header";
import { holdsFigures } from "./content";
import { markPrevious, periodsOf, readContent } from "./roles";

export interface PercentColumn {
  col: number;
  /** The column this percent is measured against (its denominator): a target column, or last year's figure ("cùng kỳ"). */
  target: number;
  /** The actual column it divides (its numerator). */
  actual: number;
}

/** A verdict split over two columns marked with "x": "Đánh giá" over "Đạt | Chưa đạt". */
export interface VerdictMark {
  col: number;
  verdict: Verdict;
}

export interface TableLayout {
  headerTop: number;
  headerBottom: number;
  /** The numbering row "(1) (2) …", if any. */
  numberingRow: number | null;
  bodyTop: number;
  /** Column index per single role (stt, name, unit, actual, verdict, forecast, note). */
  col: Partial<Record<ColumnRole, number>>;
  /** Target columns, left to right (two baselines: "huyện giao", "HĐND xã giao"). */
  targets: number[];
  /**
   * Percent columns whose pair is known (by the numbering row, the header's words or the column
   * order); a percent column that compares with something the checker cannot tell is left out.
   */
  percents: PercentColumn[];
  /** Verdict marked with "x" in one of two columns (Đạt | Chưa đạt), when the header says so. */
  verdictMarks?: VerdictMark[];
  /**
   * The actual-like columns (actuals and forecasts) when the sheet has a verdict column but does
   * not say which period its verdicts judge: no verdict is judged then (said once, as an info).
   */
  periodUnclear?: number[];
  /** Header text per column, normalised. */
  headers: Map<number, string>;
}

/**
 * The user's correction of column roles (the pane's column map): role → column letter, "" for no
 * column. The user's word is final: it is applied over what the header and the content say.
 */
export type RoleChoice = Partial<Record<ColumnRole, string>>;

export type Recognition = { ok: true; layout: TableLayout } | { ok: false; reason: string; reasonEn: string };

/** The roles of SPEC §2.1, and "previous" (last year's figure, "cùng kỳ"), read but never reported. */
export type HeaderRole = ColumnRole | "previous";

const ROLE_PHRASES: { role: HeaderRole; phrases: string[]; folded: string[] }[] = headerRules.roles.map((r) => ({
  role: r.role as HeaderRole,
  phrases: r.phrases.map(normalise),
  folded: r.phrases.map(fold),
}));
const AGAINST_PREVIOUS = headerRules.percentAgainstPrevious.map(fold);

/** The role a header text names, or null. */
export function roleOfHeader(text: string): HeaderRole | null {
  const n = normalise(text);
  if (!n || n.length > 120) return null;
  const f = fold(text);
  for (const { role, phrases } of ROLE_PHRASES) {
    if (phrases.some((p) => containsPhrase(n, p))) return role;
  }
  for (const { role, folded } of ROLE_PHRASES) {
    if (folded.some((p) => p.length > 2 && containsPhrase(f, p))) return role;
  }
  return null;
}

/** True when a percent header compares with last year ("So với cùng kỳ", "TH/CK"), not with the target. */
function comparesWithPrevious(text: string): boolean {
  const f = fold(text).replace(/\//g, " / ");
  return AGAINST_PREVIOUS.some((p) => containsPhrase(f, p));
}

/** Words that tell two baselines apart: "huyện", "xã", "tỉnh", "nghị quyết" … */
function distinguishingWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !["so", "voi", "ty", "le", "ti", "kh", "ke", "hoach", "nam", "giao", "chi", "tieu", "dat"].includes(w));
}

/** The verdict marked in its own column: "Đánh giá" over "Đạt | Chưa đạt", each cell an "x". */
function verdictMarks(verdictCols: number[], texts: Map<number, string>): VerdictMark[] | undefined {
  if (verdictCols.length < 2) return undefined;
  const marks: VerdictMark[] = [];
  for (const c of verdictCols) {
    const words = (texts.get(c) ?? "").replace(/(?:kết quả |tự )?đánh giá/g, " ").trim();
    const v = readVerdict(words);
    if (v === "Đạt" || v === "Chưa đạt") marks.push({ col: c, verdict: v });
  }
  const kinds = new Set(marks.map((m) => m.verdict));
  return kinds.size === 2 ? marks : undefined;
}

/**
 * Each chosen role moves to its column ("" takes it from every column). A chosen actual does not
 * take the role from the other actual-like columns (a percent of "TH 6 tháng/KH" still divides its
 * own): it is the one the verdict judges.
 */
function applyChoice(roles: Map<number, HeaderRole>, choice: [ColumnRole, number][], fixed: Set<number>): void {
  for (const [role, col] of choice) {
    if (role !== "actual" || col <= 0) {
      for (const [c, r] of roles) {
        if (r === role && c !== col) {
          roles.delete(c);
          fixed.add(c);
        }
      }
    }
    if (col > 0) {
      roles.set(col, role);
      fixed.add(col);
    }
  }
}

export function recogniseTable(grid: Grid, choice: RoleChoice = {}): Recognition {
  const chosen = (Object.entries(choice) as [ColumnRole, string | undefined][])
    .filter((e): e is [ColumnRole, string] => e[1] !== undefined)
    .map(([role, letter]) => [role, letter ? columnIndex(letter) : -1] as [ColumnRole, number]);
  const chosenActual = chosen.find(([role, col]) => role === "actual" && col > 0)?.[1];
  const last = Math.min(grid.lastRow, grid.firstRow + SCAN_ROWS);
  let best: { top: number; bottom: number; roles: Map<number, HeaderRole>; texts: Map<number, string>; fixed: Set<number>; score: number } | undefined;
  for (let top = grid.firstRow; top <= last; top++) {
    const bottom = headerBottom(grid, top);
    const texts = headerTexts(grid, top, bottom);
    const roles = new Map<number, HeaderRole>();
    for (const [c, t] of texts) {
      const role = roleOfHeader(t);
      if (role) roles.set(c, role);
    }
    // Bare "Đạt" | "Chưa đạt" columns (marked with "x") are verdict columns when both are there.
    const bare = [...texts].filter(([c, t]) => !roles.has(c) && t.length <= 30).map(([c, t]) => [c, readVerdict(t)] as const);
    if (bare.some(([, v]) => v === "Đạt") && bare.some(([, v]) => v === "Chưa đạt")) {
      for (const [c, v] of bare) if (v === "Đạt" || v === "Chưa đạt") roles.set(c, "verdict");
    }
    // "Chỉ tiêu năm 2024" right of the indicator's name column, over figures: the target.
    const names = [...roles].filter(([, r]) => r === "name").map(([c]) => c).sort((x, y) => x - y);
    if (![...roles.values()].includes("target")) {
      for (const c of names.slice(1)) if (holdsFigures(grid, c, bottom + 1)) roles.set(c, "target");
    }
    /** Columns whose role the clerk decided: the content does not decide them again. */
    const fixed = new Set<number>();
    applyChoice(roles, chosen, fixed);
    const set = new Set(roles.values());
    if (!set.has("target")) continue;
    if (!set.has("actual") && !set.has("percent")) continue;
    const score = set.size;
    if (!best || score > best.score) best = { top, bottom, roles, texts, fixed, score };
  }
  if (!best) {
    return {
      ok: false,
      reason: "không tìm thấy hàng tiêu đề có cột Kế hoạch và Thực hiện",
      reasonEn: "no header row with a target (Kế hoạch) and an actual (Thực hiện) column was found",
    };
  }
  const { top, bottom, roles, texts, fixed } = best;
  readContent(grid, roles, texts, bottom + 1, fixed);
  const nameCol = [...roles].find(([, r]) => r === "name")?.[0];
  let numberingRow: number | null = null;
  if (bottom + 1 <= grid.lastRow && isNumberingRow(grid, bottom + 1, nameCol)) numberingRow = bottom + 1;
  const ratios = numberingRow !== null ? numberingRatios(grid, numberingRow) : [];
  const targetsByRole = [...roles].filter(([, r]) => r === "target").map(([c]) => c);
  // The actual a plan-percent divides, by the numbering row "(7)=(6)/(5)": an actual whatever its header says.
  for (const r of ratios) if (targetsByRole.includes(r.target) && (!roles.has(r.actual) || roles.get(r.actual) === "name")) roles.set(r.actual, "actual");
  markPrevious(roles, texts, ratios);
  applyChoice(roles, chosen, fixed);

  const col: Partial<Record<ColumnRole, number>> = {};
  const targets: number[] = [];
  const percentCols: number[] = [];
  const actuals: number[] = [];
  const previous: number[] = [];
  const verdictCols: number[] = [];
  for (const [c, role] of [...roles].sort((a, b) => a[0] - b[0])) {
    if (role === "target") targets.push(c);
    else if (role === "percent") percentCols.push(c);
    else if (role === "actual") actuals.push(c);
    else if (role === "previous") previous.push(c);
    else {
      if (role === "verdict") verdictCols.push(c);
      if (col[role] === undefined) col[role] = c;
    }
  }

  // … or the one unnamed column between the targets and the percents.
  if (actuals.length === 0 && targets.length > 0) {
    const lastTarget = targets[targets.length - 1];
    const firstPct = percentCols.length ? percentCols[0] : grid.lastCol + 1;
    const between = [...texts.keys()].filter((c) => c > lastTarget && c < firstPct && !roles.has(c));
    if (between.length === 1) actuals.push(between[0]);
  }
  if (actuals.length === 0) {
    return {
      ok: false,
      reason: "không tìm thấy cột Thực hiện trong hàng tiêu đề",
      reasonEn: "the header row has no actual (Thực hiện) column",
    };
  }

  // Numerators a percent column may divide: the actual columns, and a forecast ("Ước cả năm").
  const numerators = [...actuals, ...(col.forecast !== undefined ? [col.forecast] : [])].sort((a, b) => a - b);
  const percents = pairPercents(percentCols, { targets, previous, numerators, ratios, texts, firstActual: actuals[0] });

  // The actual the verdict is judged on: the one the plan-percents divide, when they agree on one.
  const judged = [...new Set(percents.filter((p) => targets.includes(p.target)).map((p) => p.actual))];
  const clear = chosenActual !== undefined || (judged.length === 1 && actuals.includes(judged[0]));
  col.actual = chosenActual ?? (clear ? judged[0] : actuals[0]);
  // The first percent column measured against the first target (and the judged actual) is THE percent of the report.
  const rank = (p: PercentColumn) => Number(p.target === targets[0]) * 2 + Number(p.actual === col.actual);
  percents.sort((p, q) => rank(q) - rank(p) || p.col - q.col);

  const marks = verdictMarks(verdictCols, texts);
  if (marks) col.verdict = marks[0].col;
  // Several periods' actuals (a whole-year estimate counts, a "Phương hướng" for next year does not)
  // and a verdict column, with nothing that says which period it judges.
  const periods = numerators.filter((c) => actuals.includes(c) || periodsOf(texts.get(c) ?? "").length > 0);
  const unclear = col.verdict !== undefined && periods.length > 1 && !clear ? periods : undefined;

  return {
    ok: true,
    layout: {
      headerTop: top,
      headerBottom: bottom,
      numberingRow,
      bodyTop: (numberingRow ?? bottom) + 1,
      col,
      targets,
      percents,
      ...(marks ? { verdictMarks: marks } : {}),
      ...(unclear ? { periodUnclear: unclear } : {}),
      headers: texts,
    },
  };
}

interface PairContext {
  targets: number[];
  previous: number[];
  numerators: number[];
  ratios: { pct: number; actual: number; target: number }[];
  texts: Map<number, string>;
  firstActual: number;
}

/** Each percent column with what it divides: by the numbering row, its header's words, or the column order. */
function pairPercents(percentCols: number[], ctx: PairContext): PercentColumn[] {
  const { targets, previous, numerators, ratios, texts } = ctx;
  const nearestLeft = (cols: number[], pc: number): number | undefined => cols.filter((c) => c < pc).pop();
  const percents: PercentColumn[] = [];
  percentCols.forEach((pc, i) => {
    const byNumbering = ratios.find((r) => r.pct === pc);
    if (byNumbering && (targets.includes(byNumbering.target) || previous.includes(byNumbering.target))) {
      percents.push({ col: pc, target: byNumbering.target, actual: byNumbering.actual });
      return;
    }
    const header = texts.get(pc) ?? "";
    // "TH 6 tháng/KH" divides the six months' actual, "Ước cả năm/KH" the year's estimate.
    const words = periodsOf(header);
    const byPeriod = words.length ? numerators.filter((n) => periodsOf(texts.get(n) ?? "").some((w) => words.includes(w))) : [];
    const actual = (byPeriod.length === 1 ? byPeriod[0] : undefined) ?? nearestLeft(numerators, pc) ?? ctx.firstActual;
    if (comparesWithPrevious(header)) {
      // Against last year's figure: only with a "cùng kỳ" column to divide by; never against the target.
      const prev = nearestLeft(previous, pc) ?? previous[0];
      if (prev !== undefined) percents.push({ col: pc, target: prev, actual });
      return;
    }
    const own = distinguishingWords(header);
    const byWords = targets.find((t) => distinguishingWords(texts.get(t) ?? "").some((w) => own.includes(w)));
    if (byWords !== undefined && targets.length > 1) {
      percents.push({ col: pc, target: byWords, actual });
      return;
    }
    const target = percentCols.length === targets.length ? targets[i] : targets[0];
    percents.push({ col: pc, target, actual });
  });
  return percents;
}

/** role → column letter for the report (the first target and the first percent). */
export function columnMap(layout: TableLayout): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  const order: ColumnRole[] = ["stt", "name", "unit", "target", "actual", "percent", "verdict", "forecast", "note"];
  for (const role of order) {
    let c: number | undefined;
    if (role === "target") c = layout.targets[0];
    else if (role === "percent") c = layout.percents[0]?.col;
    else c = layout.col[role];
    if (c !== undefined) out[role] = columnLetter(c);
  }
  return out;
}
