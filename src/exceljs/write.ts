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
import type { CellWrite, Highlight } from "../engine/plan";
import { HIGHLIGHT_FILL } from "../engine/plan";

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

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
