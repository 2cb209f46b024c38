/**
 * ExcelJS adapter, writing side: apply a plan (cell writes, highlights) to a loaded workbook and
 * return its bytes. No Node APIs. Styles, merges, widths, other sheets and formulas elsewhere are
 * left as ExcelJS read them.
 *
 * ExcelJS gives every cell saved with the same style index one shared style object, and its
 * setters (cell.fill = …, cell.numFmt = …) change that object: painting one cell would paint every
 * cell of the body. Every change here gives the cell a copy of its style instead (restyle()).
 */
import type ExcelJS from "exceljs";
import { HIGHLIGHT_FILL, type CellWrite, type Highlight } from "../engine";

type StyleKey = keyof ExcelJS.Style;

/**
 * Gives `cell` its own copy of its style with `patch` applied (an undefined entry removes that
 * part); the shared style object, and every other cell using it, stay as they were.
 */
export function restyle(cell: ExcelJS.Cell, patch: Partial<Record<StyleKey, unknown>>): void {
  const next: Record<string, unknown> = { ...(cell.style as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  cell.style = next as Partial<ExcelJS.Style>;
}

/** Applies recalculation writes; the cell's style is kept, only its value/formula (and format when given) change. */
export function applyWrites(wb: ExcelJS.Workbook, writes: CellWrite[]): number {
  let n = 0;
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) continue;
    const cell = ws.getCell(w.cell);
    if (w.formula) {
      const result = w.value === null ? "" : w.value;
      cell.value = { formula: w.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
    } else {
      cell.value = w.value === null ? null : w.value;
    }
    if (w.numberFormat && w.numberFormat !== cell.numFmt) restyle(cell, { numFmt: w.numberFormat });
    n++;
  }
  return n;
}

/** "#FFC7CE" as ExcelJS's opaque ARGB, "FFFFC7CE". */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** Paints highlighted cells with the severity's fill (on a copy of the cell's style) and puts the message in the cell's note. */
export function applyHighlights(wb: ExcelJS.Workbook, highlights: Highlight[], lang: "vi" | "en" = "vi"): number {
  let n = 0;
  for (const h of highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue;
    const cell = ws.getCell(h.cell);
    const colour = argb(HIGHLIGHT_FILL[h.severity]);
    restyle(cell, { fill: { type: "pattern", pattern: "solid", fgColor: { argb: colour }, bgColor: { argb: colour } } });
    cell.note = { texts: [{ text: `Soát Biểu:\n${lang === "en" ? h.messageEn : h.message}` }] } as ExcelJS.Comment;
    n++;
  }
  return n;
}

/** "G7" → [row, col]; "G7:G22" → every cell of the range. */
function cellsOf(address: string): [number, number][] {
  const parse = (a: string): [number, number] => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.trim())!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  const [a, b = a] = address.split(":");
  const [r1, c1] = parse(a);
  const [r2, c2] = parse(b);
  const out: [number, number][] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push([r, c]);
  return out;
}

function letters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Data validations as non-overlapping rectangles ("G7:G22", "E4:L9"). ExcelJS reads a validated range as
 * one entry per cell and, writing, joins the cells back after sorting their addresses as text
 * (G10 before G7), which yields overlapping ranges that Excel offers to repair. Each validation's
 * cells are grouped here into rectangles, in row order, before ExcelJS writes them.
 */
export function tidyValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
  if (!holder?.model) return;
  const groups = new Map<string, { validation: unknown; cells: Map<number, Set<number>> }>();
  for (const [address, validation] of Object.entries(holder.model)) {
    if (!validation || !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(address)) return; // a shape not understood: left as it is
    const key = JSON.stringify(validation);
    const g = groups.get(key) ?? { validation, cells: new Map<number, Set<number>>() };
    groups.set(key, g);
    for (const [r, c] of cellsOf(address)) {
      const rows = g.cells.get(c) ?? new Set<number>();
      rows.add(r);
      g.cells.set(c, rows);
    }
  }
  const model: Record<string, unknown> = {};
  const taken = new Set<string>();
  for (const { validation, cells } of groups.values()) {
    // Runs of rows per column, then runs of the same rows over neighbouring columns: rectangles.
    const runs: { col: number; top: number; bottom: number }[] = [];
    for (const [col, set] of [...cells].sort((x, y) => x[0] - y[0])) {
      const rows = [...set].filter((r) => !taken.has(`${r}:${col}`)).sort((x, y) => x - y);
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        rows.slice(i, j + 1).forEach((r) => taken.add(`${r}:${col}`));
        runs.push({ col, top: rows[i], bottom: rows[j] });
        i = j + 1;
      }
    }
    runs.sort((x, y) => x.top - y.top || x.bottom - y.bottom || x.col - y.col);
    for (let i = 0; i < runs.length; ) {
      let j = i;
      while (j + 1 < runs.length && runs[j + 1].top === runs[i].top && runs[j + 1].bottom === runs[i].bottom && runs[j + 1].col === runs[j].col + 1) j++;
      const { top, bottom } = runs[i];
      const [left, right] = [runs[i].col, runs[j].col];
      const single = top === bottom && left === right;
      model[single ? `${letters(left)}${top}` : `${letters(left)}${top}:${letters(right)}${bottom}`] = validation;
      i = j + 1;
    }
  }
  holder.model = model;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.eachSheet((ws) => tidyValidations(ws));
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
