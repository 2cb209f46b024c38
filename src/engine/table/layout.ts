/**
 * Table layout recognition (SPEC §2.1): the header block (one to three rows, merged cells
 * expanded), each column's role by normalised synonyms, the numbering row "(1) … (7)=(6)/(4)",
 * and the pairing of every percent column with its target column.
 */
import headerRules from "../rules/headers.json";
import { columnLetter } from "../address";
import type { ColumnRole } from "../report";
import { containsPhrase, fold, normalise, cellText } from "../text";
import { Grid } from "./grid";

export interface PercentColumn {
  col: number;
  /** The target column this percent is measured against. */
  target: number;
  /** The actual column it divides. */
  actual: number;
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
  percents: PercentColumn[];
  /** Header text per column, normalised. */
  headers: Map<number, string>;
}

export type Recognition = { ok: true; layout: TableLayout } | { ok: false; reason: string; reasonEn: string };

const ROLE_PHRASES: { role: ColumnRole; phrases: string[]; folded: string[] }[] = headerRules.roles.map((r) => ({
  role: r.role as ColumnRole,
  phrases: r.phrases.map(normalise),
  folded: r.phrases.map(fold),
}));

/** The role a header text names, or null. */
export function roleOfHeader(text: string): ColumnRole | null {
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

const SCAN_ROWS = 30;
const NUMBERING_CELL = /^\(?\s*\d{1,2}\s*\)?(?:\s*=\s*\(?\s*\d{1,2}\s*\)?\s*[/:x*\-+]\s*\(?\s*\d{1,2}\s*\)?.*)?$/i;
const NUMBERING_RATIO = /^\(?\s*(\d{1,2})\s*\)?\s*=\s*\(?\s*(\d{1,2})\s*\)?\s*[/:]\s*\(?\s*(\d{1,2})\s*\)?/;

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
  // A body row "1 | Tên chỉ tiêu | …" has words in its name column; a numbering row has "(2)".
  return nameCol === undefined || isNumberingCell(grid.value(row, nameCol)) || grid.value(row, nameCol) === null;
}

/** Numbering row: "(7)=(6)/(4)" → percent column of number 7 divides column 6 by column 4. */
function numberingRatios(grid: Grid, row: number): { pct: number; actual: number; target: number }[] {
  const colOfNumber = new Map<number, number>();
  const ratios: { col: number; a: number; b: number }[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.value(row, c);
    const t = cellText(v).trim();
    const own = /^\(?\s*(\d{1,2})/.exec(t);
    if (own) colOfNumber.set(Number(own[1]), c);
    const m = NUMBERING_RATIO.exec(t);
    if (m) ratios.push({ col: c, a: Number(m[2]), b: Number(m[3]) });
  }
  const out: { pct: number; actual: number; target: number }[] = [];
  for (const r of ratios) {
    const actual = colOfNumber.get(r.a);
    const target = colOfNumber.get(r.b);
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

export function recogniseTable(grid: Grid): Recognition {
  const last = Math.min(grid.lastRow, grid.firstRow + SCAN_ROWS);
  let best: { top: number; bottom: number; roles: Map<number, ColumnRole>; texts: Map<number, string>; score: number } | undefined;
  for (let top = grid.firstRow; top <= last; top++) {
    const bottom = headerBottom(grid, top);
    const texts = headerTexts(grid, top, bottom);
    const roles = new Map<number, ColumnRole>();
    for (const [c, t] of texts) {
      const role = roleOfHeader(t);
      if (role) roles.set(c, role);
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
  for (const [c, role] of [...roles].sort((a, b) => a[0] - b[0])) {
    if (role === "target") targets.push(c);
    else if (role === "percent") percentCols.push(c);
    else if (role === "actual") actuals.push(c);
    else if (col[role] === undefined) col[role] = c;
  }

  let numberingRow: number | null = null;
  if (bottom + 1 <= grid.lastRow && isNumberingRow(grid, bottom + 1, col.name)) numberingRow = bottom + 1;
  const ratios = numberingRow !== null ? numberingRatios(grid, numberingRow) : [];

  // The actual column named in other words: the numbering row's "(7)=(6)/(4)" names it.
  if (actuals.length === 0) {
    const named = ratios.map((r) => r.actual).find((c) => !roles.has(c) || roles.get(c) === "name");
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

  const percents: PercentColumn[] = percentCols.map((pc, i) => {
    const byNumbering = ratios.find((r) => r.pct === pc);
    if (byNumbering && targets.includes(byNumbering.target)) {
      return { col: pc, target: byNumbering.target, actual: byNumbering.actual };
    }
    const words = distinguishingWords(texts.get(pc) ?? "");
    const byWords = targets.find((t) => distinguishingWords(texts.get(t) ?? "").some((w) => words.includes(w)));
    if (byWords !== undefined && targets.length > 1) return { col: pc, target: byWords, actual: col.actual! };
    const target = percentCols.length === targets.length ? targets[i] : targets[0];
    return { col: pc, target, actual: col.actual! };
  });

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
