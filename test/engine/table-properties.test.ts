/**
 * Properties on a structured sheet like the ones communes send: groups, two baselines (huyện
 * giao, HĐND xã giao), a percent column in points and one in a "%" format, breakdown lines and a
 * grand total. Built with random correct figures it raises no error or warning; one wrong figure
 * planted in it is found, alone, at its cell.
 */
import fc from "fast-check";
import { analyseSheet, planRecalc } from "../../src/engine";
import type { CellValue } from "../../src/engine/snapshot";
import { sheet } from "../helpers/grid";

interface ItemSpec {
  t1: number;
  t2: number;
  actual: number;
  decimals: number;
  weights: number[];
  word: number;
}

const item = fc.record({
  t1: fc.integer({ min: 1, max: 2_000_000 }),
  t2: fc.integer({ min: 1, max: 2_000_000 }),
  actual: fc.integer({ min: 0, max: 3_000_000 }),
  decimals: fc.integer({ min: 0, max: 2 }),
  weights: fc.oneof(fc.constant([] as number[]), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 4 })),
  word: fc.nat(),
});
const groups = fc.array(fc.array(item, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 });

const DAT = ["Đạt", "Hoàn thành", "Vượt", "Đạt và vượt", "Vượt kế hoạch"];
const CHUA = ["Chưa đạt", "Không đạt", "Chưa hoàn thành"];
const ROMAN = ["I", "II", "III"];

interface Built {
  rows: CellValue[][];
  formats: Record<string, string>;
  /** Row of each item, and of its breakdown lines. */
  items: { row: number; parts: number[] }[];
}

const HEAD: CellValue[][] = [
  ["ỦY BAN NHÂN DÂN XÃ PHONG PHÚ"],
  ["BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2024"],
  ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2024", null, "Thực hiện", "Tỷ lệ (%)", null, "Đánh giá"],
  [null, null, null, "Huyện giao", "HĐND xã giao", null, "So với KH huyện", "So với NQ xã", null],
  ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(4)", "(8)=(6)/(5)", "(9)"],
];
const MERGES = [
  { top: 3, left: 1, bottom: 4, right: 1 },
  { top: 3, left: 2, bottom: 4, right: 2 },
  { top: 3, left: 3, bottom: 4, right: 3 },
  { top: 3, left: 4, bottom: 3, right: 5 },
  { top: 3, left: 6, bottom: 4, right: 6 },
  { top: 3, left: 7, bottom: 3, right: 8 },
  { top: 3, left: 9, bottom: 4, right: 9 },
];

function build(spec: ItemSpec[][]): Built {
  const rows: CellValue[][] = [...HEAD.map((r) => [...r])];
  const formats: Record<string, string> = {};
  const items: Built["items"] = [];
  let n = 0;
  const sums = [0, 0, 0];
  spec.forEach((group, g) => {
    rows.push([ROMAN[g], `NHÓM CHỈ TIÊU ${ROMAN[g]}`]);
    for (const it of group) {
      n++;
      const row = rows.length + 1;
      const p1 = Number(((it.actual / it.t1) * 100).toFixed(it.decimals));
      const p2 = Number((it.actual / it.t2).toFixed(4));
      const words = it.actual >= it.t1 ? DAT : CHUA;
      rows.push([n, `Chỉ tiêu số ${n}`, "ha", it.t1, it.t2, it.actual, p1, p2, words[it.word % words.length]]);
      formats[`H${row}`] = "0.00%";
      sums[0] += it.t1;
      sums[1] += it.t2;
      sums[2] += it.actual;
      const parts: number[] = [];
      if (it.weights.length) {
        const total = it.weights.reduce((s, w) => s + w, 0);
        let left = it.actual;
        it.weights.forEach((w, i) => {
          const v = i === it.weights.length - 1 ? left : Math.floor((it.actual * w) / total);
          left -= v;
          parts.push(rows.length + 1);
          rows.push(["-", `Thành phần ${i + 1}`, "ha", null, null, v]);
        });
      }
      items.push({ row, parts });
    }
  });
  rows.push([null, "Tổng cộng", "ha", sums[0], sums[1], sums[2]]);
  rows.push([]);
  rows.push([null, "NGƯỜI LẬP BIỂU", null, null, null, null, "TM. ỦY BAN NHÂN DÂN"]);
  return { rows, formats, items };
}

const snapshot = (b: Built) => sheet(b.rows, { merges: MERGES, formats: b.formats });

describe("structured sheets with two baselines, breakdowns and a total", () => {
  test("random correct figures raise no error or warning, and Tính lại keeps every verdict", () => {
    fc.assert(
      fc.property(groups, (spec) => {
        const b = build(spec);
        const s = analyseSheet(snapshot(b));
        expect(s.recognized).toBe(true);
        expect(s.columns).toMatchObject({ target: "D", actual: "F", percent: "G", verdict: "I" });
        expect(s.findings.filter((f) => f.severity !== "info")).toEqual([]);
        for (const w of planRecalc({ sheets: [snapshot(b)] })) {
          const row = Number(w.cell.slice(1));
          expect(b.items.map((i) => i.row)).toContain(row);
          // A verdict is rewritten as its live formula, computing the same verdict in the sheet's own word.
          if (w.role === "verdict") {
            expect(w.value).toBe(b.rows[row - 1][8]);
            expect(w.formula).toContain(`"${String(w.value)}"`);
          }
          else expect(w.role).toBe("percent");
        }
      }),
      { seed: 20240601, numRuns: 120 },
    );
  });

  test("one wrong figure planted is found alone, at its cell", () => {
    const what = fc.constantFrom("percent", "fraction", "verdict", "part", "total");
    fc.assert(
      fc.property(groups, fc.nat(), what, (spec, pick, kind) => {
        const b = build(spec);
        const at = b.items[pick % b.items.length];
        const r = at.row - 1;
        let cell: string;
        let expectKind: string;
        // A sum needs two terms: without breakdown lines or a second item, plant a wrong percent instead.
        if (kind === "percent" || (kind === "total" && b.items.length < 2) || (kind === "part" && !at.parts.length)) {
          b.rows[r][6] = (b.rows[r][6] as number) + 1.5;
          [cell, expectKind] = [`G${at.row}`, "percent-mismatch"];
        } else if (kind === "fraction") {
          b.rows[r][7] = (b.rows[r][7] as number) + 0.02;
          [cell, expectKind] = [`H${at.row}`, "percent-mismatch"];
        } else if (kind === "verdict") {
          b.rows[r][8] = DAT.includes(b.rows[r][8] as string) ? "Chưa đạt" : "Đạt";
          [cell, expectKind] = [`I${at.row}`, "verdict-mismatch"];
        } else if (kind === "part") {
          b.rows[at.parts[0] - 1][5] = (b.rows[at.parts[0] - 1][5] as number) + 1;
          [cell, expectKind] = [`F${at.row}`, "total-mismatch"];
        } else {
          const total = b.rows.length - 3;
          b.rows[total][3] = (b.rows[total][3] as number) + 1;
          [cell, expectKind] = [`D${total + 1}`, "total-mismatch"];
        }
        const s = analyseSheet(snapshot(b));
        const loud = s.findings.filter((f) => f.severity !== "info");
        expect(loud.map((f) => `${f.kind}@${f.cell}`)).toEqual([`${expectKind}@${cell}`]);
        expect(loud[0].message.length).toBeGreaterThan(20);
      }),
      { seed: 31337, numRuns: 200 },
    );
  });
});
