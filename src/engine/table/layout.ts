/**
 * Table layout recognition (SPEC §2.1): the header block (one to three rows, merged cells
 * expanded), each column's role by normalised synonyms, the numbering row "(1) … (7)=(6)/(4)",
 * and the pairing of every percent column with its target column.
 */
import headerRules from "../rules/headers.json";
import { columnLetter } from "../address";
import type { ColumnRole, Verdict } from "../report";
import { readVerdict } from "../verdicts";
import { containsPhrase, fold, normalise, cellText } from "../text";
import { Grid } from "./grid";

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
  /** Header text per column, normalised. */
  headers: Map<number, string>;
}

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

const SCAN_ROWS = 30;
/** One label of a numbering row: "(4)", "4", "A", "(B)". */
const LABEL = String.raw`\(?\s*(\d{1,2}|[A-Z])\s*\)?`;
const NUMBERING_CELL = new RegExp(String.raw`^${LABEL}(?:\s*=\s*${LABEL}\s*[/:x*\-+]\s*${LABEL}.*)?$`);
const NUMBERING_RATIO = new RegExp(String.raw`^${LABEL}\s*=\s*${LABEL}\s*[/:]\s*${LABEL}`);

function textAt(grid: Grid, row: number, col: number): string {
  const v = grid.shown(row, col);
  return typeof v === "string" ? v : v === null ? "" : "";
}

/** Header text per column for rows top..bottom: each distinct shown text once, top to bottom. */
function headerTexts(grid: Grid, top: number, bottom: number): Map<number, string> {
  const out = new Map<number, string>();
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = normalise(textAt(grid, r, c));
      if (t && !parts.includes(t)) parts.push(t);
    }
    if (parts.length) out.set(c, parts.join(" "));
  }
  return out;
}

/** The last row of a header block starting at `top`: rows held together by merges and sub-headings. */
function headerBottom(grid: Grid, top: number): number {
  let bottom = top;
  for (let guard = 0; guard < 3; guard++) {
    let grown = bottom;
    for (const m of grid.sheet.merges) {
      if (m.top >= top && m.top <= bottom && m.bottom > grown && m.bottom <= top + 2) grown = m.bottom;
    }
    // A horizontally merged heading over sub-headings typed in the next row ("Kế hoạch" over "Huyện giao | Xã giao").
    if (grown === bottom && bottom + 1 <= top + 2) {
      const spans = grid.sheet.merges.filter((m) => m.top === bottom && m.right > m.left);
      const next = bottom + 1;
      const sub = spans.some((m) => {
        for (let c = m.left; c <= m.right; c++) {
          const v = grid.value(next, c);
          if (typeof v !== "string" || !v.trim() || isNumberingCell(v)) return false;
        }
        return true;
      });
      if (sub) grown = next;
    }
    if (grown === bottom) break;
    bottom = grown;
  }
  return bottom;
}

function isNumberingCell(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 && v < 100;
  return typeof v === "string" && NUMBERING_CELL.test(v.trim());
}

function isNumberingRow(grid: Grid, row: number, nameCol: number | undefined): boolean {
  let filled = 0;
  let numbering = 0;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.value(row, c);
    if (v === null || v === "") continue;
    filled++;
    if (isNumberingCell(v)) numbering++;
  }
  if (filled < 3 || numbering < filled * 0.8) return false;
  // Its labels run in order: letters first ("A", "B"), then 1, 2, 3 … each one more than the last.
  let prev: number | null = null;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const t = cellText(grid.value(row, c)).trim();
    const own = new RegExp(`^${LABEL}`).exec(t);
    if (!own) continue;
    if (/\d/.test(own[1])) {
      const n = Number(own[1]);
      if (prev !== null && n !== prev + 1) return false;
      prev = n;
    } else if (prev !== null) return false;
  }
  // A body row "1 | Tên chỉ tiêu | …" has words in its name column; a numbering row has "(2)".
  return nameCol === undefined || isNumberingCell(grid.value(row, nameCol)) || grid.value(row, nameCol) === null;
}

/** Numbering row: "(7)=(6)/(4)" → percent column of number 7 divides column 6 by column 4. */
function numberingRatios(grid: Grid, row: number): { pct: number; actual: number; target: number }[] {
  const colOfLabel = new Map<string, number>();
  const ratios: { col: number; a: string; b: string }[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const t = cellText(grid.value(row, c)).trim();
    const own = new RegExp(`^${LABEL}`).exec(t);
    if (own && !colOfLabel.has(own[1])) colOfLabel.set(own[1], c);
    const m = NUMBERING_RATIO.exec(t);
    if (m) ratios.push({ col: c, a: m[2], b: m[3] });
  }
  const out: { pct: number; actual: number; target: number }[] = [];
  for (const r of ratios) {
    const actual = colOfLabel.get(r.a);
    const target = colOfLabel.get(r.b);
    if (actual !== undefined && target !== undefined) out.push({ pct: r.col, actual, target });
  }
  return out;
}

/** Words that tell two baselines apart: "huyện", "xã", "tỉnh", "nghị quyết" … */
function distinguishingWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !["so", "voi", "ty", "le", "ti", "kh", "ke", "hoach", "nam", "giao", "chi", "tieu", "dat"].includes(w));
}

/** True when most body cells of a column under the header hold numbers (a figure column). */
function holdsFigures(grid: Grid, col: number, from: number): boolean {
  let numbers = 0;
  let words = 0;
  for (let r = from; r <= Math.min(grid.lastRow, from + 60); r++) {
    const v = grid.value(r, col);
    if (typeof v === "number") numbers++;
    else if (typeof v === "string" && v.trim()) {
      if (/^[\s\d.,%≥≤<>=+\-–]+$/.test(v) || /\d/.test(v) && v.length <= 24) numbers++;
      else words++;
    }
  }
  return numbers > 0 && numbers >= words * 2;
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

export function recogniseTable(grid: Grid): Recognition {
  const last = Math.min(grid.lastRow, grid.firstRow + SCAN_ROWS);
  let best: { top: number; bottom: number; roles: Map<number, HeaderRole>; texts: Map<number, string>; score: number } | undefined;
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
    const set = new Set(roles.values());
    if (!set.has("target")) continue;
    if (!set.has("actual") && !set.has("percent")) continue;
    const score = set.size;
    if (!best || score > best.score) best = { top, bottom, roles, texts, score };
  }
  if (!best) {
    return {
      ok: false,
      reason: "không tìm thấy hàng tiêu đề có cột Kế hoạch và Thực hiện",
      reasonEn: "no header row with a target (Kế hoạch) and an actual (Thực hiện) column was found",
    };
  }
  const { top, bottom, roles, texts } = best;
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

  let numberingRow: number | null = null;
  if (bottom + 1 <= grid.lastRow && isNumberingRow(grid, bottom + 1, col.name)) numberingRow = bottom + 1;
  const ratios = numberingRow !== null ? numberingRatios(grid, numberingRow) : [];

  // The actual column named in other words: the numbering row's "(7)=(6)/(4)" names it.
  if (actuals.length === 0) {
    const named = ratios.filter((r) => targets.includes(r.target)).map((r) => r.actual).find((c) => !roles.has(c) || roles.get(c) === "name");
    if (named !== undefined) actuals.push(named);
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
  col.actual = actuals[0];

  // Numerators a percent column may divide: the actual columns, and a forecast ("Ước cả năm").
  const numerators = [...actuals, ...(col.forecast !== undefined ? [col.forecast] : [])].sort((a, b) => a - b);
  const nearestLeft = (cols: number[], pc: number): number | undefined => cols.filter((c) => c < pc).pop();

  const percents: PercentColumn[] = [];
  percentCols.forEach((pc, i) => {
    const byNumbering = ratios.find((r) => r.pct === pc);
    if (byNumbering && (targets.includes(byNumbering.target) || previous.includes(byNumbering.target))) {
      percents.push({ col: pc, target: byNumbering.target, actual: byNumbering.actual });
      return;
    }
    const header = texts.get(pc) ?? "";
    const actual = nearestLeft(numerators, pc) ?? col.actual!;
    if (comparesWithPrevious(header)) {
      // Against last year's figure: only with a "cùng kỳ" column to divide by; never against the target.
      const prev = nearestLeft(previous, pc) ?? previous[0];
      if (prev !== undefined) percents.push({ col: pc, target: prev, actual });
      return;
    }
    const words = distinguishingWords(header);
    const byWords = targets.find((t) => distinguishingWords(texts.get(t) ?? "").some((w) => words.includes(w)));
    if (byWords !== undefined && targets.length > 1) {
      percents.push({ col: pc, target: byWords, actual });
      return;
    }
    const target = percentCols.length === targets.length ? targets[i] : targets[0];
    percents.push({ col: pc, target, actual });
  });
  // The first percent column measured against the first target is THE percent of the report.
  percents.sort((p, q) => Number(q.target === targets[0]) - Number(p.target === targets[0]) || p.col - q.col);

  const marks = verdictMarks(verdictCols, texts);
  if (marks) col.verdict = marks[0].col;

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
      headers: texts,
    },
  };
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
