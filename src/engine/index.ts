/**
 * The engine's front door: snapshot → report, and report → plan. Pure TypeScript: no Office,
 * no DOM, no Node APIs, so every adapter runs exactly the same rules.
 */
import type { SheetReport, WorkbookReport } from "./report";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { CellWrite } from "./plan";
import { workbookFigureConflicts } from "./narrative";
import { checkSheet, planSheetRecalc, recogniseSheet, type RecogniseOptions } from "./sheet";

export * from "./report";
export * from "./snapshot";
export * from "./plan";
export * from "./address";
export * from "./template";
export { recogniseSheet, checkSheet, planSheetRecalc, type SheetModel, type RecogniseOptions, type RoleChoice } from "./sheet";
export { carryOverIndicators, type CarryOver, type CarriedRow } from "./carryover";
export { planNormalise } from "./normalise";
export { formatViNumber, formatEnNumber } from "./numbers";
export { shownText } from "./shown";
export { roleOfHeader } from "./table";

/** Recognise one sheet and check it: checkSheet(recogniseSheet(sheet)). */
export function analyseSheet(sheet: SheetSnapshot, options?: RecogniseOptions): SheetReport {
  return checkSheet(recogniseSheet(sheet, options));
}

export function analyseWorkbook(workbook: WorkbookSnapshot): WorkbookReport {
  const sheets = workbook.sheets.map((s) => analyseSheet(s));
  workbookFigureConflicts(workbook, sheets);
  return { file: workbook.name, sheets };
}

/** The cell writes of "Tính lại" for every recognised table sheet (narrative sheets are never rewritten). */
export function planRecalc(workbook: WorkbookSnapshot): CellWrite[] {
  return workbook.sheets.flatMap((sheet) => planSheetRecalc(recogniseSheet(sheet)));
}
