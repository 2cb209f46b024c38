/**
 * Import of the indicator list from a previous period's workbook: the same groups, numbering,
 * names and units, with empty figures (or the new targets given), so a clerk does not retype
 * sixty indicators. The result feeds buildTemplate().
 */
import { cellText } from "./text";
import type { SheetSnapshot } from "./snapshot";
import type { TemplateGroup } from "./template";
import { Grid } from "./table/grid";
import { recogniseTable } from "./table/layout";
import { classifyRows } from "./table/rows";

export interface CarryOver {
  groups: TemplateGroup[];
  /** Indicators read, for the pane's message. */
  count: number;
}

/**
 * The indicator list of a recognised table sheet; null when the sheet is not a table.
 * `targets` maps an indicator name (as written) to its new target.
 */
export function carryOverIndicators(previous: SheetSnapshot, targets: Map<string, number | string> = new Map()): CarryOver | null {
  const grid = new Grid(previous);
  const rec = recogniseTable(grid);
  if (!rec.ok) return null;
  const { layout } = rec;
  const groups: TemplateGroup[] = [];
  let count = 0;
  const unitOf = (row: number) => (layout.col.unit !== undefined ? cellText(grid.value(row, layout.col.unit)).trim() : "");
  for (const r of classifyRows(grid, layout)) {
    if (r.kind === "footer") break;
    if (r.kind === "group") {
      groups.push({ label: r.stt || String(groups.length + 1), name: r.name, items: [] });
      continue;
    }
    if (r.kind !== "item" && r.kind !== "subitem") continue;
    if (!groups.length) groups.push({ label: "I", name: "", items: [] });
    const target = targets.get(r.name);
    groups[groups.length - 1].items.push({ name: r.name, unit: unitOf(r.row), ...(target !== undefined ? { target } : {}) });
    count++;
  }
  return { groups, count };
}
