/**
 * The user's correction of a column role ("cột E mới là Thực hiện") travels to the engine as a
 * structured choice (recogniseSheet's `roles`): role → column letter, "" for none. The workbook
 * itself is never touched.
 */
import { columnLetter, type RoleChoice, type SheetReport, type SheetSnapshot } from "../engine";

/** Role → column letter the user chose ("" for none). */
export type RoleOverrides = RoleChoice;

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
