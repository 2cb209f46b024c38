/**
 * The engine's front door: snapshot → report, and report → plan. Pure TypeScript: no Office,
 * no DOM, no Node APIs, so every adapter runs exactly the same rules.
 */
import type { SheetReport, WorkbookReport } from "./report";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { CellWrite } from "./plan";
import { analyseNarrative, workbookFigureConflicts } from "./narrative";
import { analyseTable, planTableRecalc } from "./table";
import { computeSavedFormulas, reportUncomputed } from "./uncomputed";

export * from "./report";
export * from "./snapshot";
export * from "./plan";
export * from "./address";
export * from "./template";
export { carryOverIndicators, type CarryOver, type CarriedRow } from "./carryover";
export { planNormalise } from "./normalise";
export { formatViNumber, formatEnNumber } from "./numbers";
export { shownText } from "./shown";
export { recogniseTable, roleOfHeader } from "./table";
export { Grid } from "./table/grid";

/** Recognise one sheet's layout and check it. An unrecognised sheet says why and raises nothing. */
export function analyseSheet(sheet: SheetSnapshot): SheetReport {
  // Formula cells a program saved without their values: computed where the engine can, else said once.
  const { sheet: s, uncomputed } = computeSavedFormulas(sheet);
  return reportUncomputed(analyseNarrative(s) ?? analyseTable(s), uncomputed);
}

export function analyseWorkbook(workbook: WorkbookSnapshot): WorkbookReport {
  const sheets = workbook.sheets.map(analyseSheet);
  workbookFigureConflicts(workbook, sheets);
  return { file: workbook.name, sheets };
}

/** The cell writes of "Tính lại" for every recognised table sheet (narrative sheets are never rewritten). */
export function planRecalc(workbook: WorkbookSnapshot): CellWrite[] {
  return workbook.sheets.flatMap((sheet) => planTableRecalc(computeSavedFormulas(sheet).sheet));
}
