/**
 * ExcelJS adapter, writing side: apply a plan (cell writes, highlights) to a loaded workbook and
 * return its bytes. No Node APIs. Styles, merges, widths, other sheets and formulas elsewhere are
 * left as ExcelJS read them.
 */
import type ExcelJS from "exceljs";
import type { CellWrite, Highlight } from "../engine/plan";
import { HIGHLIGHT_FILL } from "../engine/plan";

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
    if (w.numberFormat) cell.numFmt = w.numberFormat;
    n++;
  }
  return n;
}

/** Paints highlighted cells with the severity's fill and puts the message in the cell's note. */
/** "#FFC7CE" as ExcelJS's opaque ARGB, "FFFFC7CE". */
export function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

export function applyHighlights(wb: ExcelJS.Workbook, highlights: Highlight[], lang: "vi" | "en" = "vi"): number {
  let n = 0;
  for (const h of highlights) {
    const ws = wb.getWorksheet(h.sheet);
    if (!ws) continue;
    const cell = ws.getCell(h.cell);
    const colour = argb(HIGHLIGHT_FILL[h.severity]);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colour }, bgColor: { argb: colour } };
    cell.note = { texts: [{ text: `Soát Biểu:\n${lang === "en" ? h.messageEn : h.message}` }] } as ExcelJS.Comment;
    n++;
  }
  return n;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
