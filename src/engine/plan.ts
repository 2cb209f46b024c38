/** What an adapter applies: cell writes (recalculation) and highlights (check). */
import type { Severity, WorkbookReport } from "./report";

/** One cell written by "Tính lại": a live formula, or a value where no formula can serve. */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** What the write is for: a recalculated percent or verdict, or a "Chuẩn hoá" clean-up. */
  role: "percent" | "verdict" | "normalise";
  /** Formula in locale-neutral form (English names, comma separators), with the leading "=". */
  formula?: string;
  /** The value written where there is no formula, or the value the formula computes. */
  value: string | number | null;
  /** Number format to set with the write, when the cell needs one. */
  numberFormat?: string;
  /** What the cell holds now, for the preview and for undo (with its number format, to show it as it shows). */
  before: { value: unknown; formula: string | null; numberFormat?: string | null };
  /** Why ("Chuẩn hoá"): a Vietnamese sentence for the preview, and its English twin. */
  reason?: string;
  reasonEn?: string;
}

/** One cell painted by "Kiểm tra": the worst severity among its findings and their messages. */
export interface Highlight {
  sheet: string;
  cell: string;
  severity: Severity;
  /** The findings' Vietnamese messages, one per line (the cell's note). */
  message: string;
  messageEn: string;
}

/** Fill colour per severity, "#RRGGBB". */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One highlight per cell that has findings, worst severity first. */
export function planHighlights(report: WorkbookReport, options: { includeInfo?: boolean } = {}): Highlight[] {
  const out: Highlight[] = [];
  for (const sheet of report.sheets) {
    const byCell = new Map<string, Highlight>();
    for (const f of sheet.findings) {
      if (f.severity === "info" && !options.includeInfo) continue;
      const h = byCell.get(f.cell);
      if (!h) {
        const fresh: Highlight = { sheet: sheet.name, cell: f.cell, severity: f.severity, message: f.message, messageEn: f.messageEn };
        byCell.set(f.cell, fresh);
        out.push(fresh);
        continue;
      }
      if (RANK[f.severity] > RANK[h.severity]) h.severity = f.severity;
      h.message += `\n${f.message}`;
      h.messageEn += `\n${f.messageEn}`;
    }
  }
  return out;
}
