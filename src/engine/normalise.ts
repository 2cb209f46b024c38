/**
 * "Chuẩn hoá" for a received table sheet: numbers typed as text become numbers, the cells of a
 * percent column get one number format, stray spaces leave text cells. Every change is a CellWrite
 * with its reason, so the pane can preview it and undo it like a recalculation. Malformed numbers
 * are left alone (they are findings, not guesses), and formula cells are never touched.
 */
import { Decimal, HUNDRED, dec } from "./decimal";
import { formatEnNumber, formatViNumber } from "./numbers";
import type { PercentJudgement } from "./percent";
import type { CellWrite } from "./plan";
import type { CellValue } from "./snapshot";
import type { SheetModel } from "./sheet";
import { figureValue, judgeStatedCell, mostCommonFormat, percentColumnLook, readFigure, statedPercentOf, isPercentFormat } from "./table/figures";

const BODY_KINDS = new Set(["item", "subitem", "group", "total", "breakdown", "note"]);

function tidy(text: string): string {
  return text.replace(/\u00a0/g, " ").replace(/[ \t]{2,}/g, " ").replace(/^[ \t]+|[ \t]+$/gm, "").trim();
}

/** Text format: a number written into such a cell would stay text, so the write sets a number format too. */
const isTextFormat = (format: string | null) => format?.trim() === "@";

/** How the checker judges a percent cell holding `value` shown with `format` against the exact percent. */
function judgeAs(value: CellValue, format: string | null, exact: Decimal): PercentJudgement | null {
  const stated = statedPercentOf(value, format, false);
  return stated ? judgeStatedCell(stated, exact).judgement : null;
}

/** The clean-up writes for a recognised table sheet; nothing for any other sheet. */
export function planNormalise(model: SheetModel): CellWrite[] {
  if (model.layout !== "table") return [];
  const { grid, layout } = model.table;
  const { sheet } = model;
  const rows = model.table.rows.filter((r) => BODY_KINDS.has(r.kind));
  const writes: CellWrite[] = [];
  const percentCols = new Set(layout.percents.map((p) => p.col));
  const figureCols = new Set([...layout.targets, layout.col.actual!, ...percentCols]);

  const pairOf = new Map(layout.percents.map((p) => [p.col, p]));
  // Each percent column's majority (formula cells count too): fractions with a "%" format, or
  // percent points; and its format. Each other figure column's usual number format.
  const mode = new Map<number, { fraction: boolean; format: string | null }>();
  const usual = new Map<number, string>();
  for (const col of figureCols) {
    const formats = rows.filter((r) => typeof grid.value(r.row, col) === "number").map((r) => grid.numberFormat(r.row, col) ?? "General");
    if (percentCols.has(col)) mode.set(col, percentColumnLook(formats, () => true));
    else usual.set(col, mostCommonFormat(formats, (f) => !isPercentFormat(f) && !isTextFormat(f)) ?? "General");
  }

  /** For a percent cell: the exact percent of its own pair on this row, when both figures are numbers. */
  const exactAt = (row: number, col: number): Decimal | null => {
    const pair = pairOf.get(col)!;
    const t = figureValue(readFigure(grid.value(row, pair.target)));
    const a = figureValue(readFigure(grid.value(row, pair.actual)));
    return t === undefined || a === undefined || t.isZero() ? null : a.div(t).times(HUNDRED);
  };
  /**
   * A percent cell may be rewritten only when the checker judges it the same afterwards: a stated
   * "90,5" shown as "90,50%" is judged to two decimals, and a clean-up must neither raise a finding
   * nor hide one.
   */
  const sameJudgement = (row: number, col: number, value: CellValue, format: string | null): boolean => {
    const exact = exactAt(row, col);
    if (!exact) return true;
    return judgeAs(grid.value(row, col), grid.numberFormat(row, col), exact) === judgeAs(value, format, exact);
  };

  for (const r of rows) {
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      if (grid.formula(r.row, c)) continue;
      const v = grid.value(r.row, c);
      const cell = grid.address(r.row, c);
      const format = grid.numberFormat(r.row, c);
      const before = { value: v, formula: null };
      if (figureCols.has(c) && typeof v === "string") {
        const fig = readFigure(v);
        if (fig.kind === "text-number") {
          const isPercentCol = percentCols.has(c);
          const m = mode.get(c);
          const asPercent = isPercentCol && m?.fraction === true;
          const value = asPercent ? fig.value.div(HUNDRED).toNumber() : fig.value.toNumber();
          // The number must show as what was typed: the percent column's format; elsewhere the
          // cell's own, unless it is Text ("@", the number would stay text) or a "%" format (1.200
          // would show as 120000%), then the column's usual one.
          let numberFormat: string | undefined;
          if (isPercentCol) numberFormat = m?.format ?? (isTextFormat(format) ? "General" : undefined);
          else if (isTextFormat(format) || isPercentFormat(format)) numberFormat = usual.get(c) ?? "General";
          if (!isPercentCol || sameJudgement(r.row, c, value, numberFormat ?? format)) {
            const w: CellWrite = {
              sheet: sheet.name,
              cell,
              role: "normalise",
              value,
              before,
              reason: `Số "${v.trim()}" đang là văn bản: chuyển thành số ${formatViNumber(fig.value)}${asPercent ? "%" : ""}.`,
              reasonEn: `"${v.trim()}" is text: it becomes the number ${formatEnNumber(fig.value)}${asPercent ? "%" : ""}.`,
            };
            if (numberFormat && numberFormat !== format) w.numberFormat = numberFormat;
            writes.push(w);
            continue;
          }
        }
      }
      if (percentCols.has(c) && typeof v === "number") {
        const m = mode.get(c)!;
        const current = format ?? "General";
        const isFraction = isPercentFormat(current);
        if (m.format && isFraction !== m.fraction) {
          const value = (m.fraction ? dec(v).div(HUNDRED) : dec(v).times(HUNDRED)).toNumber();
          const shownValue = isFraction ? dec(v).times(HUNDRED) : dec(v);
          const shown = formatViNumber(shownValue);
          if (sameJudgement(r.row, c, value, m.format)) {
            writes.push({
              sheet: sheet.name,
              cell,
              role: "normalise",
              value,
              numberFormat: m.format,
              before,
              reason: `Ô tỷ lệ dùng định dạng khác cả cột: ghi lại theo định dạng "${m.format}" của cột, giá trị hiển thị giữ nguyên ${shown}%.`,
              reasonEn: `This percent cell is formatted unlike its column: rewritten in the column's format "${m.format}", showing the same ${formatEnNumber(shownValue)}%.`,
            });
          }
          continue;
        }
        if (m.format && current !== m.format) {
          if (sameJudgement(r.row, c, v, m.format)) {
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
          }
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
