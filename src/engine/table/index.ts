/**
 * The table layout ("biểu chỉ tiêu"): recognise, read the items, compute percent and verdict,
 * check every stated figure (SPEC §2.1, §5, §6), and plan the writes of "Tính lại" (SPEC §7).
 */
import { type Item, type SheetReport } from "../report";
import { isCellError, type SheetSnapshot } from "../snapshot";
import { Grid } from "./grid";
import { columnMap, recogniseTable } from "./layout";

export { recogniseTable, roleOfHeader } from "./layout";
export type { TableLayout } from "./layout";
import { buildModel, isItemRow, type Model } from "./model";
import { checkCells } from "./checks/cells";
import { checkPercents } from "./checks/percents";
import { checkVerdicts } from "./checks/verdicts";
import { checkSums, checkRollups } from "./checks/sums";
import { checkNumbering } from "./checks/numbering";
export { planTableRecalc } from "./recalc";

export function analyseTable(sheet: SheetSnapshot): SheetReport {
  const grid = new Grid(sheet);
  const rec = recogniseTable(grid);
  if (!rec.ok) {
    return { name: sheet.name, recognized: false, layout: null, reason: rec.reason, reasonEn: rec.reasonEn, columns: {}, items: [], findings: [] };
  }
  const model = buildModel(grid, rec.layout);
  const items: Item[] = [];
  for (const body of model.rows) {
    if (!isItemRow(body)) continue;
    const r = model.readings.get(body.row)!;
    items.push({
      row: body.row,
      stt: body.stt || null,
      name: body.name || null,
      target: targetAsWritten(grid.value(body.row, r.targetCol)),
      actual: targetAsWritten(grid.value(body.row, rec.layout.col.actual!)),
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
  const report: SheetReport = { name: sheet.name, recognized: true, layout: "table", columns: columnMap(rec.layout), items, findings };
  if (rec.layout.periodUnclear) report.rolesUnclear = true;
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

