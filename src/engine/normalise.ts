/**
 * "Chuẩn hoá" for a received table sheet: numbers typed as text become numbers, the cells of a
 * percent column get one number format, stray spaces leave text cells. Every change is a CellWrite
 * with its reason, so the pane can preview it and undo it like a recalculation. Malformed numbers
 * are left alone (they are findings, not guesses), and formula cells are never touched.
 */
import { HUNDRED, dec } from "./decimal";
import { formatViNumber } from "./numbers";
import type { CellWrite } from "./plan";
import type { SheetSnapshot } from "./snapshot";
import { Grid } from "./table/grid";
import { recogniseTable } from "./table/layout";
import { classifyRows } from "./table/rows";
import { readFigure, isPercentFormat } from "./table/figures";

const BODY_KINDS = new Set(["item", "subitem", "group", "total", "breakdown", "note"]);

function tidy(text: string): string {
  return text.replace(/\u00a0/g, " ").replace(/[ \t]{2,}/g, " ").replace(/^[ \t]+|[ \t]+$/gm, "").trim();
}

export function planNormalise(sheet: SheetSnapshot): CellWrite[] {
  const grid = new Grid(sheet);
  const rec = recogniseTable(grid);
  if (!rec.ok) return [];
  const { layout } = rec;
  const rows = classifyRows(grid, layout).filter((r) => BODY_KINDS.has(r.kind));
  const writes: CellWrite[] = [];
  const percentCols = new Set(layout.percents.map((p) => p.col));
  const figureCols = new Set([...layout.targets, layout.col.actual!, ...percentCols]);

  // Each percent column's majority: fractions with a "%" format, or percent points; and its format.
  const mode = new Map<number, { fraction: boolean; format: string | null }>();
  for (const col of percentCols) {
    const formats = new Map<string, number>();
    let fraction = 0;
    let points = 0;
    for (const r of rows) {
      if (typeof grid.value(r.row, col) !== "number" || grid.formula(r.row, col)) continue;
      const f = grid.numberFormat(r.row, col) ?? "General";
      formats.set(f, (formats.get(f) ?? 0) + 1);
      if (isPercentFormat(f)) fraction++;
      else points++;
    }
    const top = [...formats].filter(([f]) => isPercentFormat(f) === fraction > points).sort((a, b) => b[1] - a[1])[0];
    mode.set(col, { fraction: fraction > points, format: top ? top[0] : null });
  }

  for (const r of rows) {
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      if (grid.formula(r.row, c)) continue;
      const v = grid.value(r.row, c);
      const cell = grid.address(r.row, c);
      const before = { value: v, formula: null };
      if (figureCols.has(c) && typeof v === "string") {
        const fig = readFigure(v);
        if (fig.kind === "text-number") {
          const m = mode.get(c);
          const asPercent = percentCols.has(c) && m?.fraction;
          const value = asPercent ? fig.value.div(HUNDRED).toNumber() : fig.value.toNumber();
          const w: CellWrite = {
            sheet: sheet.name,
            cell,
            role: "normalise",
            value,
            before,
            reason: `Số "${v.trim()}" đang là văn bản: chuyển thành số ${formatViNumber(fig.value)}${asPercent ? "%" : ""}.`,
            reasonEn: `"${v.trim()}" is text: it becomes the number ${formatViNumber(fig.value)}${asPercent ? "%" : ""}.`,
          };
          if (percentCols.has(c) && m?.format) w.numberFormat = m.format;
          writes.push(w);
          continue;
        }
      }
      if (percentCols.has(c) && typeof v === "number") {
        const m = mode.get(c)!;
        const format = grid.numberFormat(r.row, c) ?? "General";
        const isFraction = isPercentFormat(format);
        if (m.format && isFraction !== m.fraction) {
          const value = m.fraction ? dec(v).div(HUNDRED) : dec(v).times(HUNDRED);
          writes.push({
            sheet: sheet.name,
            cell,
            role: "normalise",
            value: value.toNumber(),
            numberFormat: m.format,
            before,
            reason: `Ô tỷ lệ dùng định dạng khác cả cột: ghi lại theo định dạng "${m.format}" của cột, giá trị hiển thị giữ nguyên ${formatViNumber(isFraction ? dec(v).times(HUNDRED) : dec(v))}%.`,
            reasonEn: `This percent cell is formatted unlike its column: rewritten in the column's format "${m.format}", showing the same ${formatViNumber(isFraction ? dec(v).times(HUNDRED) : dec(v))}%.`,
          });
          continue;
        }
        if (m.format && format !== m.format) {
          writes.push({
            sheet: sheet.name,
            cell,
            role: "normalise",
            value: v,
            numberFormat: m.format,
            before,
            reason: `Đặt định dạng "${m.format}" như các ô tỷ lệ khác trong cột.`,
            reasonEn: `Give it the format "${m.format}" like the other percent cells of the column.`,
          });
          continue;
        }
      }
      if (typeof v === "string") {
        const t = tidy(v);
        if (t !== v && t.length) {
          writes.push({
            sheet: sheet.name,
            cell,
            role: "normalise",
            value: t,
            before,
            reason: "Bỏ khoảng trắng thừa (đầu, cuối, hai dấu cách liền nhau).",
            reasonEn: "Remove stray spaces (leading, trailing, doubled).",
          });
        }
      }
    }
  }
  return writes;
}

