/**
 * The table layout ("biểu chỉ tiêu"): recognise and read the sheet once (the model), then check
 * every stated figure (SPEC §2.1, §5, §6) and plan the writes of "Tính lại" (SPEC §7) from it.
 */
import { type Item, type SheetReport } from "../report";
import { isCellError } from "../snapshot";
import { Grid } from "./grid";
import { columnMap, recogniseTable, type RoleChoice } from "./layout";

export { roleOfHeader } from "./layout";
export type { RoleChoice, TableLayout } from "./layout";
export type { Model as TableModel } from "./model";
import { buildModel, isItemRow, type Model } from "./model";
import { checkCells } from "./checks/cells";
import { checkPercents } from "./checks/percents";
import { checkVerdicts } from "./checks/verdicts";
import { checkSums, checkRollups } from "./checks/sums";
import { checkNumbering } from "./checks/numbering";
export { planTableRecalc } from "./recalc";

/** A table sheet recognised and read once (see model.ts), or why it is not a table. */
export type TableRecognition = { ok: true; model: Model } | { ok: false; reason: string; reasonEn: string };

/** Recognise the table layout (with the user's column choice over it) and read every figure row once. */
export function recogniseTableModel(grid: Grid, choice?: RoleChoice): TableRecognition {
  const rec = recogniseTable(grid, choice);
  return rec.ok ? { ok: true, model: buildModel(grid, rec.layout) } : rec;
}

/** The report of a recognised table: its items and every finding of the checks. */
export function checkTable(model: Model): SheetReport {
  const { grid, layout } = model;
  const items: Item[] = [];
  for (const body of model.rows) {
    if (!isItemRow(body)) continue;
    const r = model.readings.get(body.row)!;
    items.push({
      row: body.row,
      stt: body.stt || null,
      name: body.name || null,
      target: targetAsWritten(grid.value(body.row, r.targetCol)),
      actual: targetAsWritten(grid.value(body.row, layout.col.actual!)),
      statedPercent: statedPercentOf(model, body.row),
      percent: r.percentNumber,
      statedVerdict: r.statedVerdictText,
      verdict: r.verdict,
    });
  }
  const findings = [
    ...checkCells(model),
    ...checkPercents(model),
    ...checkVerdicts(model),
    ...checkSums(model),
    ...checkRollups(model),
    ...checkNumbering(model),
  ];
  findings.sort((a, b) => rowOf(a.cell) - rowOf(b.cell) || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
  const report: SheetReport = { name: grid.sheet.name, recognized: true, layout: "table", columns: columnMap(layout), items, findings };
  if (layout.periodUnclear) report.rolesUnclear = true;
  return report;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

function targetAsWritten(v: unknown): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (isCellError(v)) return v.error;
  return String(v);
}

function statedPercentOf(model: Model, row: number): number | null {
  const s = model.readings.get(row)!.stated;
  return s ? (s.pointsNumber ?? s.points.toNumber()) : null;
}

