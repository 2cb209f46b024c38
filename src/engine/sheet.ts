/**
 * The sheet model: one recognition per sheet. recogniseSheet() computes the formula cells saved
 * without values, decides the layout (narrative prose or indicator table, with the user's column
 * choice over the header's words), classifies the rows and reads each figure row once. The
 * checks (checkSheet), the plan of "Tính lại" (planSheetRecalc), Chuẩn hoá (normalise.ts) and the
 * carry-over of an indicator list (carryover.ts) all take this model; none recognises again.
 */
import type { CellWrite } from "./plan";
import type { SheetReport } from "./report";
import type { SheetSnapshot } from "./snapshot";
import { checkNarrative, recogniseNarrative, type NarrativeLayout } from "./narrative";
import { Grid } from "./table/grid";
import { checkTable, planTableRecalc, recogniseTableModel, type RoleChoice, type TableModel } from "./table";
import { computeSavedFormulas, reportUncomputed } from "./uncomputed";

export type { RoleChoice, TableModel };

export interface RecogniseOptions {
  /** The user's column roles over what the header says (tables only): role → column letter, "" for none. */
  roles?: RoleChoice;
}

interface ModelBase {
  /** The sheet as read, with the formula cells the engine could compute filled in. */
  sheet: SheetSnapshot;
  grid: Grid;
  /** Formula cells saved without a value that the engine cannot compute (A1). */
  uncomputed: string[];
}

export type SheetModel =
  | (ModelBase & { layout: "table"; table: TableModel })
  | (ModelBase & { layout: "narrative"; narrative: NarrativeLayout })
  | (ModelBase & { layout: null; reason: string; reasonEn: string });

/** Recognise one sheet once: its layout, its rows and each row's readings. */
export function recogniseSheet(snapshot: SheetSnapshot, options: RecogniseOptions = {}): SheetModel {
  // Formula cells a program saved without their values: computed where the engine can, else said once.
  const { sheet, uncomputed } = computeSavedFormulas(snapshot);
  const grid = new Grid(sheet);
  const base = { sheet, grid, uncomputed };
  const narrative = recogniseNarrative(grid);
  if (narrative) return { ...base, layout: "narrative", narrative };
  const table = recogniseTableModel(grid, options.roles);
  if (table.ok) return { ...base, layout: "table", table: table.model };
  return { ...base, layout: null, reason: table.reason, reasonEn: table.reasonEn };
}

/** The sheet's report: items and findings. An unrecognised sheet says why and raises nothing. */
export function checkSheet(model: SheetModel): SheetReport {
  const { name } = model.sheet;
  let report: SheetReport;
  if (model.layout === "narrative") report = checkNarrative(model.grid, model.narrative);
  else if (model.layout === "table") report = checkTable(model.table);
  else report = { name, recognized: false, layout: null, reason: model.reason, reasonEn: model.reasonEn, columns: {}, items: [], findings: [] };
  return reportUncomputed(report, model.uncomputed);
}

/** The cell writes of "Tính lại" for a table sheet; narrative sheets are never rewritten. */
export function planSheetRecalc(model: SheetModel): CellWrite[] {
  return model.layout === "table" ? planTableRecalc(model.table) : [];
}
