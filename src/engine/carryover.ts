/**
 * Import of the indicator list from a previous period's workbook: the same groups, numbering,
 * names and units, with empty figures (or the new targets given), so a clerk does not retype
 * sixty indicators. `groups` feeds buildTemplate() with every item, sub-item and breakdown line in
 * its numbering; `rows` is the full list as written (group and total rows too), for tracing.
 */
import { cellText, normalise } from "./text";
import type { SheetModel } from "./sheet";
import type { TemplateGroup } from "./template";
import type { Grid } from "./table/grid";
import type { RowKind } from "./table/rows";

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
  /** The target columns' headers when the previous table had two baselines ("Kế hoạch huyện giao", …). */
  baselines?: string[];
  /** Numbers that were out of sequence in the previous table and are renumbered (16 → 15), to say so. */
  renumbered: { row: number; from: string; to: string }[];
}

const CARRIED = new Set<RowKind>(["group", "item", "subitem", "breakdown", "total"]);

/**
 * The indicator list of a recognised table sheet; null when the sheet is not a table.
 * `targets` maps an indicator name to its new target; names match as normalise() sees them
 * (case, spacing, line breaks and Unicode form do not matter, diacritics do).
 */
export function carryOverIndicators(previous: SheetModel, targets: Map<string, number | string> = new Map()): CarryOver | null {
  if (previous.layout !== "table") return null;
  const { grid, layout } = previous.table;
  const byName = new Map<string, number | string>();
  for (const [name, target] of targets) byName.set(normalise(name), target);
  const groups: TemplateGroup[] = [];
  const rows: CarriedRow[] = [];
  let count = 0;
  const unitOf = (row: number) => (layout.col.unit !== undefined ? cellText(grid.value(row, layout.col.unit)).trim() : "");
  for (const r of previous.table.rows) {
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
  const renumbered = renumber(groups, rows);
  const baselines = layout.targets.length > 1 ? layout.targets.map((c) => baselineHeader(grid, layout.headerTop, layout.headerBottom, c)) : undefined;
  return { groups, rows, count, renumbered, ...(baselines ? { baselines } : {}) };
}

/**
 * A target column's header for the new sheet: its own words ("Huyện giao" under a merged "Kế
 * hoạch năm 2023" reads "Kế hoạch huyện giao"); a year of the previous period is left out.
 */
function baselineHeader(grid: Grid, top: number, bottom: number, col: number): string {
  const texts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = cellText(grid.value(r, col)).replace(/\s+/g, " ").trim();
    if (t) texts.push(t);
  }
  let own = texts[texts.length - 1] ?? "Kế hoạch";
  own = own.replace(/\s*(?:năm\s*)?\d{4}\b/giu, "").trim();
  if (/^(kế hoạch|kh\b|chỉ tiêu|nghị quyết|dự toán|mục tiêu)/iu.test(own)) return own;
  // "Huyện giao" → "Kế hoạch huyện giao"; "HĐND xã giao" keeps its capitals.
  const lower = /^\p{Lu}\p{Ll}/u.test(own) ? own.charAt(0).toLocaleLowerCase("vi") + own.slice(1) : own;
  return `Kế hoạch ${lower}`;
}

/**
 * Numbers items and sub-items again in sequence (1, 2, 3; 2.1, 2.2) where the previous table
 * slipped (14 then 16), in the style it used: on through the groups, or from 1 in each group.
 * Breakdown lines and unnumbered rows keep what they had. Returns what changed.
 */
function renumber(groups: TemplateGroup[], rows: CarriedRow[]): { row: number; from: string; to: string }[] {
  const numbered = (stt: string | undefined) => (stt && /^\d+(?:\.\d+)*\.?$/.test(stt.trim()) ? stt.trim().replace(/\.$/, "").split(".").map(Number) : null);
  // Restarting at 1 in each group: the first numbered item of a later group is 1.
  const firsts = groups.map((g) => g.items.map((i) => numbered(i.stt)).find((p) => p && p.length === 1)?.[0]);
  const restart = firsts.length > 1 && firsts.slice(1).some((f) => f === 1);
  const indicatorRows = rows.filter((r) => r.kind === "item" || r.kind === "subitem" || r.kind === "breakdown");
  const changes: { row: number; from: string; to: string }[] = [];
  let counters: number[] = [];
  let k = 0;
  for (const g of groups) {
    if (restart) counters = [];
    for (const item of g.items) {
      const source = indicatorRows[k++];
      const parts = numbered(item.stt);
      if (!parts) continue;
      const depth = parts.length;
      counters = counters.slice(0, depth);
      while (counters.length < depth) counters.push(0);
      counters[depth - 1]++;
      const to = counters.join(".");
      const from = item.stt!.trim();
      if (to !== from.replace(/\.$/, "")) {
        changes.push({ row: source?.row ?? 0, from, to });
        item.stt = to;
      }
    }
  }
  return changes;
}
