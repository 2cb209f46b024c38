/** The header block of a table: its rows held together by merges, each column's text, the numbering row. */
import { cellText, normalise } from "../../text";
import type { Grid } from "../grid";

export const SCAN_ROWS = 30;
/** One label of a numbering row: "(4)", "4", "A", "(B)". */
const LABEL = String.raw`\(?\s*(\d{1,2}|[A-Z])\s*\)?`;
const NUMBERING_CELL = new RegExp(String.raw`^${LABEL}(?:\s*=\s*${LABEL}\s*[/:x*\-+]\s*${LABEL}.*)?$`);
const NUMBERING_RATIO = new RegExp(String.raw`^${LABEL}\s*=\s*${LABEL}\s*[/:]\s*${LABEL}`);

function textAt(grid: Grid, row: number, col: number): string {
  const v = grid.shown(row, col);
  return typeof v === "string" ? v : v === null ? "" : "";
}

/** Header text per column for rows top..bottom: each distinct shown text once, top to bottom. */
export function headerTexts(grid: Grid, top: number, bottom: number): Map<number, string> {
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
export function headerBottom(grid: Grid, top: number): number {
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

export function isNumberingCell(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 && v < 100;
  return typeof v === "string" && NUMBERING_CELL.test(v.trim());
}

export function isNumberingRow(grid: Grid, row: number, nameCol: number | undefined): boolean {
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
export function numberingRatios(grid: Grid, row: number): { pct: number; actual: number; target: number }[] {
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

