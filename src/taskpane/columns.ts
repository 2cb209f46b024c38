/**
 * What the pane's column map needs besides the report: the sheet's column letters, and whether
 * the map can stay folded. A correction ("cột E mới là Thực hiện") goes to the engine as
 * recogniseSheet's `roles` (usePane.ts); the workbook itself is never touched.
 */
import { columnLetter, type SheetReport, type SheetSnapshot } from "../engine";

/** The columns of the sheet's used range, as letters. */
export function sheetColumns(sheet: SheetSnapshot): string[] {
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => columnLetter(sheet.origin.col + i));
}

/**
 * Whether the column map can stay folded: the layout is recognised and every role the checks
 * need was found (a table: name, target, actual; prose: its text column). Otherwise it is shown
 * first, so the user can pick the columns.
 */
export function columnsSettled(report: SheetReport): boolean {
  if (!report.recognized) return false;
  if (report.layout === "narrative") return Boolean(report.columns.name || report.columns.actual);
  if (report.rolesUnclear) return false;
  return Boolean(report.columns.name && report.columns.target && report.columns.actual);
}
