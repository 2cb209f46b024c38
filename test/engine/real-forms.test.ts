/**
 * Indicator tables as offices file them (issue 16; issue 11 item 10): one describe per pattern, each
 * form with its clean twin (nothing loud) and its planted twin (every planted error at its cell,
 * nothing else loud), the right columns, percents and verdicts; then shapes written by hand.
 */
import { analyseSheet } from "../../src/engine";
import type { CellValue } from "../../src/engine/snapshot";
import { renderText } from "../../src/cli/render";
import { holdoutForms } from "../helpers/holdout-forms";
import { realForms, type Pattern } from "../helpers/real-forms";
import { describe as describeScore, emptyScore, scoreCase } from "../helpers/score-forms";
import { sheet } from "../helpers/grid";

const loud = (s: ReturnType<typeof analyseSheet>) => s.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`);
const PATTERNS: Pattern[] = ["periods", "short-words", "levels", "formats", "no-verdict", "by-commune"];
const FORMS = [1, 2, 3].flatMap((seed) => realForms(seed));

describe.each(PATTERNS)("pattern %s", (pattern) => {
  const cases = FORMS.filter((c) => c.pattern === pattern);
  test.each(cases.map((c, i) => [`${c.name}${c.planted ? " (planted)" : " (clean)"} #${i}`, c] as const))("%s", (_, c) => {
    const report = analyseSheet(c.sheet);
    expect(report.recognized).toBe(true);
    expect(report.columns).toMatchObject({ target: c.columns.target, actual: c.columns.actual });
    expect(report.columns.verdict).toBe(c.columns.verdict);
    expect(loud(report).sort()).toEqual(c.errors.map((e) => `${e.kind}@${e.cell}`).sort());
    const s = scoreCase(c, emptyScore(), report);
    expect(s.wrong).toEqual([]);
    expect(s.percentsRight).toBe(s.percents);
    if (c.periodUnclear) expect(report.findings.filter((f) => f.kind === "unverifiable-verdict").map((f) => f.cell)).toEqual(["I1"]);
  });
});

test("on forms from seeds the checker was not tuned on: recall, precision, percents, verdicts all ≥ 0.95", () => {
  const s = emptyScore();
  for (let seed = 500; seed < 505; seed++) for (const c of realForms(seed)) scoreCase(c, s);
  expect(s.planted).toBeGreaterThan(200);
  expect(s.found / s.planted).toBeGreaterThanOrEqual(0.95);
  expect(s.trueAlarms / s.alarms).toBeGreaterThanOrEqual(0.95);
  expect(s.percentsRight / s.percents).toBeGreaterThanOrEqual(0.95);
  expect(s.verdictsRight / s.verdicts).toBeGreaterThanOrEqual(0.95);
  expect(describeScore(s)).toMatch(/^recall /);
});

test("on the second set, written after the changes and never tuned on: all figures ≥ 0.95, the name column found", () => {
  const s = emptyScore();
  for (let seed = 1; seed <= 3; seed++) {
    for (const c of holdoutForms(seed)) {
      const report = analyseSheet(c.sheet);
      scoreCase(c, s, report);
      if (c.name === "h3-phong-ban") expect(report.columns.name).toBe("B");
    }
  }
  expect(s.found / s.planted).toBeGreaterThanOrEqual(0.95);
  expect(s.trueAlarms / s.alarms).toBeGreaterThanOrEqual(0.95);
  expect(s.percentsRight / s.percents).toBeGreaterThanOrEqual(0.95);
  expect(s.verdictsRight / s.verdicts).toBeGreaterThanOrEqual(0.95);
});

describe("several periods side by side", () => {
  const merged = (rows: CellValue[][]) =>
    sheet(
      [
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025", null, "So sánh (%)", null, "Đánh giá"],
        [null, null, null, "TH", "KH", "ƯTH", "ƯTH/KH", "ƯTH/CK", null],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(5)", "(8)=(6)/(4)", "(9)"],
        ...rows,
      ],
      { merges: [{ top: 1, left: 5, bottom: 1, right: 6 }, { top: 1, left: 7, bottom: 1, right: 8 }, ...[1, 2, 3, 9].map((c) => ({ top: 1, left: c, bottom: 2, right: c }))] },
    );

  test("last year's actual is never the actual; the numbering row names the judged one", () => {
    const s = analyseSheet(merged([[1, "Sản lượng lúa", "tấn", 900, 1000, 1100, 110, 122.2, "Đạt"]]));
    expect(s.columns).toMatchObject({ target: "E", actual: "F", percent: "G", verdict: "I" });
    expect(s.items[0]).toMatchObject({ actual: 1100, percent: 110, verdict: "Đạt" });
    expect(s.findings).toEqual([]);
  });

  test('a "so với cùng kỳ" percent is checked against last year, never against the plan', () => {
    // 1100/900 = 122,2 is right; against the plan it would be 110. A wrong one is found at its cell.
    expect(loud(analyseSheet(merged([[1, "Sản lượng lúa", "tấn", 900, 1000, 1100, 110, 110, "Đạt"]])))).toEqual(["percent-mismatch@H4"]);
  });

  test("a year-end form: this year's plan is the target, next year's plan is none, last year's actual only the cùng kỳ base", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2023", "Kế hoạch năm 2024", "Ước thực hiện năm 2024", "So với KH (%)", "So với cùng kỳ (%)", "Đánh giá", "Kế hoạch năm 2025"],
        [1, "Thu ngân sách", "triệu đồng", 8000, 9000, 9450, 105, 118.1, "Đạt", 10000],
        [2, "Trồng rừng", "ha", 40, null, 48, null, 120, null, 55],
      ]),
    );
    expect(s.columns).toMatchObject({ target: "E", actual: "F", percent: "G", verdict: "I" });
    // Row 3 has no plan for 2024: said so, and never judged against the 2025 plan.
    expect(loud(s)).toEqual(["missing-target@E3"]);
    expect(s.items.map((i) => i.verdict)).toEqual(["Đạt", null]);
  });

  test('a "Phương hướng" column for next year is no period to judge: the verdicts are checked', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện năm 2025", "Đánh giá", "Phương hướng năm 2026"],
        [1, "Thu ngân sách", 1000, 1020, "Chưa đạt", 1100],
      ]),
    );
    expect(loud(s)).toEqual(["verdict-mismatch@E2"]);
  });

  test("when the sheet does not say which period the verdict judges, it says so once and judges nothing", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện 6 tháng", "Ước thực hiện cả năm", "Đánh giá"],
        [1, "Thu ngân sách", 1000, 450, 1020, "Đạt"],
        [2, "Trồng rừng", 50, 20, 48, "Chưa đạt"],
      ]),
    );
    expect(loud(s)).toEqual([]);
    const info = s.findings.filter((f) => f.kind === "unverifiable-verdict");
    expect(info.map((f) => f.cell)).toEqual(["F1"]);
    expect(info[0].message).toMatch(/^Biểu có nhiều cột số thực hiện theo kỳ \(D "thực hiện 6 tháng", E "ước thực hiện cả năm"\) nhưng không nói cột đánh giá F/);
    expect(s.items.map((i) => i.verdict)).toEqual([null, null]);
  });
});

describe("short and local header words; content decides a silent or ambiguous header", () => {
  test('"Kết quả" holding figures is the actual; "Mức độ hoàn thành" with Hoàn thành / Không hoàn thành the verdict', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Nội dung", "ĐVT", "NQ giao", "Kết quả", "TH/KH (%)", "Mức độ hoàn thành"],
        [1, "Trồng rừng", "ha", 50, 55, 110, "Hoàn thành"],
        [2, "Lao động có việc làm", "người", 400, 380, 95, "Hoàn thành"],
      ]),
    );
    expect(s.columns).toMatchObject({ target: "D", actual: "E", percent: "F", verdict: "G" });
    expect(loud(s)).toEqual(["verdict-mismatch@G3"]);
    expect(s.findings[0].message).toBe('Đánh giá ghi "Hoàn thành" nhưng phải là "Chưa đạt" vì thực hiện 380 < kế hoạch 400.');
  });

  test('a column of verdict words is the verdict column whatever its header ("Kết quả", "Tình hình thực hiện")', () => {
    for (const header of ["Kết quả", "Tình hình thực hiện"]) {
      const s = analyseSheet(
        sheet([
          ["TT", "Chỉ tiêu", "KH", "TH", "%", header],
          [1, "A", 10, 12, 120, "Vượt"],
          [2, "B", 10, 9, 90, "Không hoàn thành"],
          [3, "C", 10, 9, 90, "Đạt"],
        ]),
      );
      expect(s.columns).toMatchObject({ target: "C", actual: "D", verdict: "F" });
      expect(loud(s)).toEqual(["verdict-mismatch@F4"]);
    }
  });

  test('a few "Hoàn thành" in a remarks column do not make it the verdict column', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"],
        [1, "A", 10, 12, 120, "Hoàn thành"],
        [2, "B", 10, 9, 90, null],
        [3, "C", 10, 8, 80, null],
        [4, "D", 10, 11, 110, "Hoàn thành"],
        [5, "E", 10, 7, 70, null],
      ]),
    );
    expect(s.columns.verdict).toBeUndefined();
    expect(s.findings).toEqual([]);
  });

  test('"Đơn vị" holding commune names is the name column; "Đơn vị tính" stays the unit', () => {
    const byCommune = analyseSheet(
      sheet([
        ["STT", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
        [1, "Xã Tân Hòa", 20, 22, 110],
        [2, "Thị trấn Đồng Mỏ", 30, 27, 90],
      ]),
    );
    expect(byCommune.columns).toMatchObject({ name: "B", target: "C", actual: "D" });
    expect(byCommune.columns.unit).toBeUndefined();
    const units = analyseSheet(
      sheet([
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện"],
        [1, "Thu ngân sách xã trên địa bàn", "triệu đồng", 20, 22],
        [2, "Số hộ gia đình văn hóa", "hộ", 30, 27],
      ]),
    );
    expect(units.columns).toMatchObject({ name: "B", unit: "C" });
  });
});

describe("rows with their own figures at every level (issue 11 item 10)", () => {
  const rows = (lines: CellValue[][]) =>
    sheet([["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"], ...lines]);

  test('"-", "+" and "a)" lines with their own target and actual are items: listed, computed and judged', () => {
    const s = analyseSheet(
      rows([
        [1, "Diện tích gieo trồng", "ha", 100, 96, 96, "Chưa đạt"],
        ["-", "Lúa", "ha", 60, 62, 103.3, "Đạt"],
        ["+", "Ngô", "ha", 30, 24, 85, "Đạt"],
        ["a)", "Rau", "ha", 10, 10, 100, null],
      ]),
    );
    expect(s.items.map((i) => [i.row, i.stt, i.verdict])).toEqual([
      [2, "1", "Chưa đạt"],
      [3, "-", "Đạt"],
      [4, "+", "Chưa đạt"],
      [5, "a)", "Đạt"],
    ]);
    // "+ Ngô" is judged wrongly and its percent is wrong (24/30 = 80); the breakdown without a verdict of its own is no missing verdict.
    expect(loud(s)).toEqual(["percent-mismatch@F4", "verdict-mismatch@G4"]);
  });

  test("a breakdown line with only an actual stays a part, not an item", () => {
    const s = analyseSheet(rows([[1, "Tổng đàn gia súc", "con", 1000, 1050, 105, "Đạt"], ["-", "Trâu", "con", null, 300], ["-", "Bò", "con", null, 750]]));
    expect(s.items.map((i) => i.row)).toEqual([2]);
    expect(s.findings).toEqual([]);
  });
});

describe("number formats that hide decimals: the stated percent is what the cell shows", () => {
  test.each([
    ["#,##0.##", 117.3, []],
    ["#,##0.##", 117.25, []],
    ["0.0", 117.2549, []],
    ["0%", 1.172549, []],
    ["0.00%", 1.1725, []],
    ["#,##0.##", 118.3, ["percent-mismatch@F2"]],
    ["0%", 1.19, ["percent-mismatch@F2"]],
  ])("%s holding %s", (format, value, expected) => {
    // 598/510 = 117,2549…
    const s = analyseSheet(sheet([["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"], [1, "Sản lượng", "tấn", 510, 598, value, "Đạt"]], { formats: { F2: format } }));
    expect(loud(s)).toEqual(expected);
  });
});

describe("sheets without a verdict column", () => {
  const budget = sheet([
    ["STT", "Nội dung", "Dự toán năm", "Ước thực hiện năm", "So sánh (%)"],
    ["A", "B", "1", "2", "3=2/1"],
    [1, "Thu thuế, phí", 3000, 2700, 90],
    [2, "Thu khác", 500, 620, 124],
  ]);

  test("judge nothing, still check percents, and say so in the summary", () => {
    const s = analyseSheet(budget);
    expect(s.items.map((i) => [i.percent, i.verdict])).toEqual([
      [90, null],
      [124, null],
    ]);
    expect(s.findings).toEqual([]);
    const text = renderText([{ file: "ns.xlsx", report: { file: "ns.xlsx", sheets: [s] } }], "vi", false);
    expect(text).toContain("2 chỉ tiêu, không có cột đánh giá nên không xếp đạt/chưa đạt; cột kế hoạch C, thực hiện D, không có cột đánh giá");
    expect(text).not.toMatch(/\d+ chưa đạt/);
  });
});

describe("a district table by commune", () => {
  test('groups with their own figures, numbering restarting per group, a "Tổng cộng" row', () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Tên đơn vị", "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"],
        ["I", "Khu vực I", 50, 49, 98, "Chưa đạt"],
        [1, "Xã Tân Hòa", 20, 22, 110, "Đạt"],
        [2, "Xã Phú Lộc", 30, 27, 90, "Chưa đạt"],
        ["II", "Khu vực II", 40, 44, 110, "Đạt"],
        [1, "Xã Sơn Kim", 25, 26, 104, "Đạt"],
        [2, "Xã Yên Thạnh", 15, 18, 120, "Đạt"],
        [null, "Tổng cộng", 90, 93, 103.3, "Đạt"],
      ]),
    );
    expect(s.columns).toMatchObject({ name: "B", target: "C", actual: "D", verdict: "F" });
    expect(s.findings).toEqual([]);
    expect(s.items).toHaveLength(7);
  });

  test('"Tổng cộng" heading the body sums the groups below it', () => {
    const rows: CellValue[][] = [
      ["STT", "Đơn vị", "Kế hoạch giao", "Thực hiện", "Tỷ lệ (%)"],
      [null, "Tổng cộng", 90, 95, 105.6],
      ["I", "Khu vực I", 50, 49, 98],
      [1, "Xã Tân Hòa", 20, 22, 110],
      [2, "Xã Phú Lộc", 30, 27, 90],
      ["II", "Khu vực II", 40, 44, 110],
      [1, "Xã Sơn Kim", 25, 26, 104],
      [2, "Xã Yên Thạnh", 15, 18, 120],
    ];
    const s = analyseSheet(sheet(rows));
    expect(loud(s)).toEqual(["total-mismatch@D2"]);
    expect(s.findings[0].message).toBe("Ô D2 ghi 95 nhưng cộng các nhóm: 49 + 44 = 93.");
    rows[1] = [null, "Tổng cộng", 90, 93, 103.3];
    expect(analyseSheet(sheet(rows)).findings).toEqual([]);
  });
});

describe("messages of issue 14", () => {
  test("#DIV/0! says what the percent cell should do, without contradicting itself", () => {
    const s = analyseSheet(sheet([["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"], [1, "A", 0, 5, { error: "#DIV/0!" }]]));
    const f = s.findings.find((x) => x.kind === "formula-error")!;
    expect(f.message).toBe('Ô E2 hiển thị lỗi #DIV/0!: phép chia cho 0; khi kế hoạch bằng 0 hoặc để trống, ô tỷ lệ nên để trống (công thức trả về "", ví dụ =IF(C2=0,"",D2/C2*100)) thay vì chia cho 0.');
  });

  test("a truncated percent shows the exact value to more decimals than the rounded one", () => {
    const s = analyseSheet(sheet([["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"], [1, "A", 424, 396, 93.3]]));
    expect(s.findings.map((f) => f.message)).toEqual(["Tỷ lệ ghi 93,3% là số bị cắt bớt chữ số thập phân: 396/424 = 93,3962…%, làm tròn đúng là 93,4%."]);
  });
});
