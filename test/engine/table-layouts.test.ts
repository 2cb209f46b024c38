/**
 * Table layouts the public fixture does not show, as other communes write them: last year's
 * column, two actual columns, letter numbering rows, split verdict columns, sub-totals, mixed
 * percent formats, numbers typed with their unit. Each test drives the real path analyseSheet /
 * planRecalc on a grid built with test/helpers/grid.ts.
 */
import { analyseSheet, planRecalc } from "../../src/engine";
import type { CellValue } from "../../src/engine/snapshot";
import verdictWords from "../../src/engine/rules/verdicts.json";
import { BODY, sheet, table } from "../helpers/grid";

const kinds = (s: ReturnType<typeof analyseSheet>) => s.findings.map((f) => `${f.kind}@${f.cell}`);
const loud = (s: ReturnType<typeof analyseSheet>) => s.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`);

describe("percent columns are paired with what they really compare", () => {
  test('"So với cùng kỳ" divides by last year\'s column, never by the target', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện cùng kỳ năm 2023", "Kế hoạch năm 2024", "Thực hiện năm 2024", "So với KH (%)", "So với cùng kỳ (%)", "Đánh giá"],
        [1, "Sản lượng lương thực", "tấn", 400, 500, 480, 96, 120, "Chưa đạt"],
        [2, "Diện tích trồng rừng", "ha", 20, 25, 30, 120, 140, "Đạt"],
      ]),
    );
    expect(s.recognized).toBe(true);
    expect(s.columns).toMatchObject({ target: "E", actual: "F", percent: "G", verdict: "I" });
    // 30/20 = 150, written 140: wrong against its own pair; 480/400 = 120 is right.
    expect(loud(s)).toEqual(["percent-mismatch@H3"]);
    expect(s.findings[0].message).toBe("Tỷ lệ ghi 140% nhưng 30/20 = 150%.");
    const writes = planRecalc({ sheets: [sheet([["STT", "Chỉ tiêu", "Cùng kỳ", "Kế hoạch", "Thực hiện", "Tỷ lệ so KH", "TH/CK (%)"], [1, "A", 10, 20, 15, 75, 150]])] });
    expect(writes.find((w) => w.cell === "G2")!.formula).toContain("E2/C2");
  });

  test("a percent against last year with no last-year column is left unchecked, not guessed", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ so KH (%)", "Tăng so với cùng kỳ (%)"],
        [1, "Thu ngân sách", 100, 90, 90, 112.5],
      ]),
    );
    expect(s.recognized).toBe(true);
    expect(s.findings).toEqual([]);
    expect(planRecalc({ sheets: [sheet([["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ so KH (%)", "So với CK (%)"], [1, "A", 100, 90, 90, 112.5]])] }).map((w) => w.cell)).not.toContain("F2");
  });

  test("six months and the whole-year estimate each have their own percent column", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện 6 tháng", "Tỷ lệ (%)", "Ước thực hiện cả năm", "Tỷ lệ (%)"],
        [1, "Thu ngân sách", 1000, 450, 45, 1020, 102],
        [2, "Trồng rừng", 50, 20, 40, 48, 90],
      ]),
    );
    expect(s.columns).toMatchObject({ target: "C", actual: "D", percent: "E" });
    expect(loud(s)).toEqual(["percent-mismatch@G3"]);
    expect(s.findings[0].message).toContain("48/50 = 96%");
  });

  test('a numbering row written with letters: "A B 1 2 3 4=3/2"', () => {
    const s = analyseSheet(
      sheet([
        ["TT", "Nội dung", "Dự toán giao", "Số đã giải ngân đến 30/6", "Tỷ lệ giải ngân"],
        ["A", "B", "1", "2", "3=2/1"],
        [1, "Vốn đầu tư công", 2000, 1100, 55],
        [2, "Vốn sự nghiệp", 400, 100, 30],
      ]),
    );
    expect(s.recognized).toBe(true);
    expect(s.columns).toMatchObject({ target: "C", actual: "D", percent: "E" });
    expect(s.items.map((i) => i.row)).toEqual([3, 4]);
    expect(loud(s)).toEqual(["percent-mismatch@E4"]);
  });

  test('"Chỉ tiêu năm 2024" right of the name column, over figures, is the target', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu năm 2024", "Kết quả thực hiện", "Đánh giá"],
        [1, "Trẻ em được tiêm chủng đầy đủ", "%", "≥ 95", 97, "Đạt"],
        [2, "Xây dựng nhà văn hóa thôn", "nhà", 2, 1, "Đạt"],
      ]),
    );
    expect(s.columns).toMatchObject({ name: "B", target: "D", actual: "E", verdict: "F" });
    expect(kinds(s)).toEqual(["verdict-mismatch@F3"]);
  });
});

describe('a verdict split over "Đạt | Chưa đạt" columns marked with x', () => {
  const split = (body: CellValue[][]) =>
    sheet(
      [
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Đánh giá", null],
        [null, null, null, null, "Đạt", "Chưa đạt"],
        ...body,
      ],
      {
        merges: [
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 1, left: 3, bottom: 2, right: 3 },
          { top: 1, left: 4, bottom: 2, right: 4 },
          { top: 1, left: 5, bottom: 1, right: 6 },
        ],
      },
    );

  test("the mark is read: right marks are clean, a wrong mark and a missing one are found in the right column", () => {
    const s = analyseSheet(split([[1, "A", 10, 12, "x", null], [2, "B", 10, 8, null, "x"], [3, "C", 10, 8, "x", null], [4, "D", 10, 12, null, null]]));
    expect(s.columns.verdict).toBe("E");
    expect(s.items.map((i) => i.statedVerdict)).toEqual(["Đạt", "Chưa đạt", "Đạt", null]);
    expect(kinds(s)).toEqual(["verdict-mismatch@E5", "verdict-missing@E6"]);
  });

  test("recalculation moves the mark to the computed verdict's column", () => {
    const writes = planRecalc({ sheets: [split([[1, "A", 10, 12, "x", null], [2, "B", 10, 8, "x", null], [3, "C", 10, 7, null, null]])] });
    expect(writes.map((w) => [w.cell, w.value])).toEqual([
      ["E4", null],
      ["F4", "x"],
      ["F5", "x"],
    ]);
  });
});

describe("row types as other communes write them", () => {
  test('group labels "I." and "A." start groups; numbering may restart in each', () => {
    const s = analyseSheet(
      table([
        ["I.", "KINH TẾ"],
        [1, "A", "ha", 10, 12, 120, "Đạt"],
        [2, "B", "ha", 10, 12, 120, "Đạt"],
        ["II.", "XÃ HỘI"],
        [1, "C", "ha", 10, 12, 120, "Đạt"],
        ["1.1", "C1", "ha", 5, 6, 120, "Đạt"],
        ["1.2", "C2", "ha", 5, 6, 120, "Đạt"],
        [2, "D", "ha", 10, 12, 120, "Đạt"],
      ]),
    );
    expect(s.findings).toEqual([]);
  });

  test("sub-item numbering starts afresh when the item numbering restarts", () => {
    const s = analyseSheet(
      table([
        ["I", "KINH TẾ"],
        [1, "A", "ha", null, null, null, null],
        ["1.1", "A1", "ha", 5, 6, 120, "Đạt"],
        ["1.2", "A2", "ha", 5, 6, 120, "Đạt"],
        ["II", "XÃ HỘI"],
        [1, "C", "ha", null, null, null, null],
        ["1.1", "C1", "ha", 5, 6, 120, "Đạt"],
        ["1.3", "C2", "ha", 5, 6, 120, "Đạt"],
      ]),
    );
    expect(kinds(s)).toEqual([`numbering-gap@A${BODY + 7}`]);
  });

  test('"Tổng đàn gia súc" is an indicator, not a total row', () => {
    const s = analyseSheet(
      table([
        [null, "Tổng đàn gia súc", "con", 1200, 1100, 91.67, "Chưa đạt"],
        [null, "Tổng diện tích gieo trồng", "ha", 800, 820, 102.5, "Đạt"],
      ]),
    );
    expect(s.items).toHaveLength(2);
    expect(s.findings).toEqual([]);
  });

  test('a "Cộng" row after each group sums that group only; the grand total is not summed twice', () => {
    const s = analyseSheet(
      table([
        ["I", "XÃ A"],
        [1, "Thôn 1", "hộ", 10, 10, 100, "Đạt"],
        [2, "Thôn 2", "hộ", 20, 20, 100, "Đạt"],
        [null, "Cộng", "hộ", 30, 30],
        ["II", "XÃ B"],
        [1, "Thôn 3", "hộ", 5, 6, 120, "Đạt"],
        [2, "Thôn 4", "hộ", 5, 5, 100, "Đạt"],
        [null, "Cộng", "hộ", 10, 12],
        [null, "Tổng cộng", "hộ", 40, 42],
      ]),
    );
    expect(loud(s)).toEqual([`total-mismatch@E${BODY + 7}`]);
    expect(s.findings[0].message).toContain("6 + 5 = 11");
  });

  test("averages and yields are never added up; a group row with a single item is not a sum", () => {
    const s = analyseSheet(
      table([
        ["I", "TRỒNG TRỌT", "ha", 100, 90],
        [1, "Lúa", "ha", 100, 95, 95, "Chưa đạt"],
        [2, "Năng suất lúa bình quân", "tạ", 55, 56, 101.82, "Đạt"],
        ["-", "Năng suất vụ xuân", "tạ", null, 57],
        ["-", "Năng suất vụ mùa", "tạ", null, 55],
      ]),
    );
    expect(s.findings.filter((f) => f.kind === "total-mismatch")).toEqual([]);
  });

  test("an item over its sub-items rolls up: Đạt only when every sub-item is", () => {
    const s = analyseSheet(
      table([
        [1, "Xây dựng nông thôn mới", null, null, null, null, "Đạt"],
        ["1.1", "Tiêu chí giao thông", "km", 5, 5, 100, "Đạt"],
        ["1.2", "Tiêu chí thủy lợi", "km", 4, 3, 75, "Chưa đạt"],
        [2, "Chuyển đổi số", null, null, null, null, "Chưa đạt"],
        ["2.1", "Dịch vụ công trực tuyến", "%", 80, 85, 106.25, "Đạt"],
      ]),
    );
    expect(kinds(s)).toEqual([`rollup-mismatch@G${BODY}`, `rollup-mismatch@G${BODY + 3}`]);
    expect(s.findings[0].message).toContain("1 chỉ tiêu con chưa đạt");
  });
});

describe("figures as they are typed", () => {
  test("with two baselines and the first blank, the second one is the target: no missing-target", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "KH huyện giao", "KH xã giao", "Thực hiện", "Đánh giá"],
        [1, "Kiên cố hóa kênh mương", null, 3, 2, "Chưa đạt"],
        [2, "Làm đường giao thông", null, null, 2, null],
      ]),
    );
    expect(kinds(s)).toEqual(["missing-target@C3"]);
    expect(s.items[0]).toMatchObject({ target: 3, verdict: "Chưa đạt", percent: null });
  });

  test("a target in a % cell (0,95 shows 95%) against an actual typed in points", () => {
    const s = analyseSheet(table([[1, "Tỷ lệ tham gia bảo hiểm y tế", "%", 0.95, 96, 101.05, "Đạt"]], { formats: { [`D${BODY}`]: "0%" } }));
    expect(s.findings).toEqual([]);
    expect(s.items[0].percent).toBeCloseTo(101.0526, 3);
    // No formula may divide a fraction by points: the value is written instead.
    const w = planRecalc({ sheets: [table([[1, "Tỷ lệ", "%", 0.95, 96, null, null]], { formats: { [`D${BODY}`]: "0%" } })] });
    expect(w.find((x) => x.role === "percent")!.formula).toBeUndefined();
  });

  test('numbers typed with their unit are read ("27,35 ha"), malformed ones are found ("2.800.00đ")', () => {
    const s = analyseSheet(table([[1, "Trồng rừng", "ha", 25, "27,35 ha", 109.4, "Đạt"], [2, "Hỗ trợ", "đồng", 3000, "2.800.00đ", null, null]]));
    expect(s.findings.map((f) => [f.kind, f.cell])).toEqual([
      ["number-as-text", `E${BODY}`],
      ["malformed-number", `E${BODY + 1}`],
    ]);
    expect(s.items[0].percent).toBeCloseTo(109.4, 10);
  });
});

describe("every stated verdict synonym (rules/verdicts.json) in a table", () => {
  const row = (word: string, actual: number): CellValue[] => [1, "Chỉ tiêu", "ha", 10, actual, actual * 10, word];
  test.each(verdictWords.dat)("%s means Đạt", (word) => {
    expect(analyseSheet(table([row(word, 12)])).findings).toEqual([]);
    expect(kinds(analyseSheet(table([row(word, 8)])))).toEqual([`verdict-mismatch@G${BODY}`]);
  });
  test.each(verdictWords.chuaDat)("%s means Chưa đạt", (word) => {
    expect(analyseSheet(table([row(word, 8)])).findings).toEqual([]);
    expect(kinds(analyseSheet(table([row(word, 12)])))).toEqual([`verdict-mismatch@G${BODY}`]);
  });
  test.each(verdictWords.neutral)("%s is neutral: never a mismatch, never missing", (word) => {
    expect(analyseSheet(table([row(word, 8)])).findings).toEqual([]);
    expect(analyseSheet(table([row(word, 12)])).findings).toEqual([]);
  });
});
