/**
 * Import of the indicator list from a previous period's workbook: the same groups, numbering,
 * names and units, with empty figures (or the new targets given), so a clerk does not retype
 * sixty indicators. `groups` feeds buildTemplate() with every item, sub-item and breakdown line in
 * its numbering; `rows` is the full list as written (group and total rows too), for tracing.
 */
import { cellText, normalise } from "./text";
import type { SheetSnapshot } from "./snapshot";
import type { TemplateGroup } from "./template";
import { Grid } from "./table/grid";
import { recogniseTable } from "./table/layout";
import { classifyRows, type RowKind } from "./table/rows";

/** One row of the new sheet: what the previous period wrote, minus its figures. */
export interface CarriedRow {
  /** The previous sheet's row, for tracing. */
  row: number;
  kind: Extract<RowKind, "group" | "item" | "subitem" | "breakdown" | "total">;
  /** The numbering as written ("I", "1", "1.2", "-"), "" when none. */
  stt: string;
  name: string;
  unit: string;
  /** The new target when one was supplied for this indicator; target/actual/percent/verdict are otherwise empty. */
  target?: number | string;
}

export interface CarryOver {
  groups: TemplateGroup[];
  rows: CarriedRow[];
  /** Indicators read (items and sub-items), for the pane's message. */
  count: number;
}

const CARRIED = new Set<RowKind>(["group", "item", "subitem", "breakdown", "total"]);

/**
 * The indicator list of a recognised table sheet; null when the sheet is not a table.
 * `targets` maps an indicator name to its new target; names match as normalise() sees them
 * (case, spacing, line breaks and Unicode form do not matter, diacritics do).
 */
export function carryOverIndicators(previous: SheetSnapshot, targets: Map<string, number | string> = new Map()): CarryOver | null {
  const grid = new Grid(previous);
  const rec = recogniseTable(grid);
  if (!rec.ok) return null;
  const { layout } = rec;
  const byName = new Map<string, number | string>();
  for (const [name, target] of targets) byName.set(normalise(name), target);
  const groups: TemplateGroup[] = [];
  const rows: CarriedRow[] = [];
  let count = 0;
  const unitOf = (row: number) => (layout.col.unit !== undefined ? cellText(grid.value(row, layout.col.unit)).trim() : "");
  for (const r of classifyRows(grid, layout)) {
    if (r.kind === "footer") break;
    if (!CARRIED.has(r.kind)) continue;
    const kind = r.kind as CarriedRow["kind"];
    const unit = unitOf(r.row);
    const indicator = kind === "item" || kind === "subitem";
    const target = indicator ? byName.get(normalise(r.name)) : undefined;
    rows.push({ row: r.row, kind, stt: r.stt, name: r.name, unit, ...(target !== undefined ? { target } : {}) });
    if (kind === "group") {
      groups.push({ label: r.stt || String(groups.length + 1), name: r.name, items: [] });
      continue;
    }
    // Totals are the clerk's to add up again; breakdown lines stay under their item.
    if (kind === "total") continue;
    if (!groups.length) groups.push({ label: "I", name: "", items: [] });
    groups[groups.length - 1].items.push({ stt: r.stt, kind, name: r.name, unit, ...(target !== undefined ? { target } : {}) });
    if (indicator) count++;
  }
  return { groups, rows, count };
}
