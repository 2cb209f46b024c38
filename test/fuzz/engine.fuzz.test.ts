/**
 * The engine never throws and always terminates: arbitrary grids, arbitrary Unicode in cells, deep
 * numbering. Fixed seeds and bounded runs, so CI is repeatable and quick.
 */
import fc from "fast-check";
import { analyseWorkbook, planRecalc, planHighlights, recogniseSheet } from "../../src/engine";
import { planNormalise } from "../../src/engine/normalise";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/engine/snapshot";
import { HEADER } from "../helpers/grid";

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.boolean(),
  fc.integer({ min: 1, max: 60000 }).map((d) => d + 0.5),
  fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#REF!" }, { error: "#N/A" }, { error: "#VALUE!" }),
  fc.constantFrom<CellValue>("I", "II", "A", "-", "+", "a)", "1.2", "1.2.3", "Tổng cộng", "≥ 80", "Từ 55% trở lên", "còn dưới 6%", "2.800.00", "1.147,63", "Đạt", "Chưa đạt", "Vượt", "Chưa đánh giá", "NGƯỜI LẬP BIỂU", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "(6)=(5)/(4)", "=> đánh giá chưa đạt", "trong đó: 1, 2, khác 3"),
);

const grid = fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 40 });

function merges(rows: number, cols: number): fc.Arbitrary<CellRange[]> {
  if (rows < 1 || cols < 1) return fc.constant([]);
  return fc.array(
    fc.record({ top: fc.integer({ min: 1, max: rows }), left: fc.integer({ min: 1, max: cols }), h: fc.nat(3), w: fc.nat(3) }).map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    { maxLength: 6 },
  );
}

function snapshot(values: CellValue[][], m: CellRange[], name = "Fuzz"): SheetSnapshot {
  const width = Math.max(0, ...values.map((r) => r.length));
  const dense = values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { name, origin: { row: 1, col: 1 }, values: dense, merges: m, hiddenRows: [], hiddenCols: [] };
}

function everything(s: SheetSnapshot) {
  const wb = { sheets: [s] };
  const report = analyseWorkbook(wb);
  planRecalc(wb);
  planHighlights(report);
  planNormalise(recogniseSheet(s));
  for (const sheet of report.sheets) for (const f of sheet.findings) expect(f.message.length).toBeGreaterThan(0);
  return report;
}

test("arbitrary grids with merges", () => {
  fc.assert(
    fc.property(grid.chain((g) => fc.tuple(fc.constant(g), merges(g.length, 10))), ([g, m]) => {
      everything(snapshot(g, m));
    }),
    { seed: 20261124, numRuns: 300 },
  );
});

test("arbitrary grids under a real table header", () => {
  fc.assert(
    fc.property(grid, (g) => {
      const report = everything(snapshot([...HEADER, ...g], []));
      expect(report.sheets[0].recognized).toBe(true);
    }),
    { seed: 7, numRuns: 300 },
  );
});

test("arbitrary Unicode prose in a narrative sheet", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 })), { maxLength: 6 }), (rows) => {
      const values: CellValue[][] = [["Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ", "Dự báo"], ...rows.map(([a, b]) => [a, b, null])];
      const report = everything(snapshot(values, []));
      expect(report.sheets[0].layout).toBe("narrative");
    }),
    { seed: 11, numRuns: 200 },
  );
});

test("deeply nested and repeated numbering terminates", () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 12 }), { maxLength: 300 }), (labels) => {
      const text = labels.map((l) => `${l.join(".")}. Nội dung (đánh giá ${l[0] % 2 ? "đạt" : "chưa đạt"})\n=> đạt`).join("\n");
      const report = everything(snapshot([["Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ"], ["1. Nhóm gồm 05 nhiệm vụ (có 02 nhiệm vụ chưa đạt)", text]], []));
      expect(report.sheets[0].recognized).toBe(true);
    }),
    { seed: 3, numRuns: 100 },
  );
});
