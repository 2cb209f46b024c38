import { analyseSheet, analyseWorkbook } from "../../src/engine";
import { analyseNarrative, analyseProse, extractClaims, parseTasks } from "../../src/engine/narrative";
import { expected, fixture, sheet, workbook } from "../helpers/grid";

describe("the public narrative fixture f1-hai-yen-narrative.xlsx", () => {
  const exp = expected()["f1-hai-yen-narrative.xlsx"];

  test("recognised as narrative; every required finding at its cell; no other error or warning", async () => {
    const report = analyseWorkbook(await fixture("f1-hai-yen-narrative.xlsx"));
    const s = report.sheets.find((x) => x.name === "Biểu đánh giá")!;
    expect(s).toMatchObject({ recognized: true, layout: "narrative", columns: { name: "A", verdict: "B", forecast: "C" } });
    const serious = s.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`);
    const required = exp.findings.filter((f) => f.required).map((f) => `${f.kind}@${f.cell}`);
    expect(serious.sort()).toEqual(required.sort());
    expect(s.findings.filter((f) => f.kind === "percent-rounding").map((f) => f.quote)).toEqual(["409/424=96,4%", "396/424=93,3"]);
  });

  test("the clean claims raise nothing, and every claim quotes its cell at its offsets", async () => {
    const wb = await fixture("f1-hai-yen-narrative.xlsx");
    const s = analyseSheet(wb.sheets[0]);
    for (const clean of exp.clean_claims!) {
      const claim = s.claims!.find((c) => c.quote.includes(clean));
      expect(claim).toBeDefined();
      expect(claim!.ok).toBe(true);
      expect(s.findings.some((f) => f.quote?.includes(clean))).toBe(false);
    }
    const texts = new Map<string, string>();
    wb.sheets[0].values.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && texts.set(`${String.fromCharCode(65 + c)}${r + 1}`, v)));
    for (const c of s.claims!) expect(texts.get(c.cell)!.slice(c.start, c.end)).toBe(c.quote);
    for (const f of s.findings) if (f.quote) expect(texts.get(f.cell)!.slice(f.start!, f.end!)).toBe(f.quote);
  });

  test("the tasks of each row are listed with their stated verdicts", async () => {
    const s = analyseSheet((await fixture("f1-hai-yen-narrative.xlsx")).sheets[0]);
    expect(s.items.map((i) => `${i.stt}:${i.verdict}`)).toEqual([
      "1.1:Chưa đạt",
      "1.2:Chưa đạt",
      "1.3:Chưa đạt",
      "1.4:Chưa đạt",
      "1.5:Chưa đạt",
      "2.1:Đạt",
      "2.2:Chưa đạt",
      "2.3:Chưa đạt",
      "3.1:null",
      "3.2:null",
    ]);
  });

  test("the table fixture is not narrative", async () => {
    const wb = await fixture("f2-binh-trung-table.xlsx");
    expect(analyseNarrative(wb.sheets[0])).toBeNull();
  });
});

const narrativeSheet = (rows: (string | null)[][]) =>
  sheet([["BIỂU ĐÁNH GIÁ"], ["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ", "Dự báo 6 tháng cuối năm"], ...rows]);

describe("the task tree", () => {
  test("labels at line starts, inside a line only when they continue the numbering, and sub-schemes", () => {
    const text = "1.1. Thu ngân sách (đánh giá đạt).\n1.2. Hồ sơ đất.1.3. Tiêu chí 17 – Môi trường: 17.1. Khu kinh doanh (đánh giá đạt).\n17.2. Cơ sở (không đạt)\nnội dung 4.3 Lĩnh vực văn hoá\n=> Kết quả: Tiêu chí số 17 chưa đạt";
    const tree = parseTasks(text);
    expect(tree.tasks.map((t) => t.label)).toEqual(["1.1", "1.2", "1.3", "17.1", "17.2"]);
    const t13 = tree.tasks[2];
    expect(t13.children.map((c) => c.label)).toEqual(["17.1", "17.2"]);
    expect(t13.conclusion?.verdict).toBe("Chưa đạt");
    expect(tree.tasks[4].conclusion).toBeUndefined();
    expect(tree.gaps).toEqual([]);
  });

  test("numbering-gap only for sure slips: skipped numbers and a mistyped prefix, never a restart", () => {
    const r = analyseProse("2.1. A\n2.2. B\n2.4. C\n1. Phần khác\n1.1. X\n17.11. Y\n7.12. Z", "B5");
    expect(r.findings.filter((f) => f.kind === "numbering-gap").map((f) => f.quote)).toEqual(["2.4", "7.12"]);
    const r2 = analyseProse("1.3.1. Tiêu chí 17:\n17.10. A (đạt)\n17.11. B (đạt)\n7.12. C (đạt)", "B5");
    expect(r2.findings.map((f) => [f.kind, f.quote, f.expected])).toEqual([["numbering-gap", "7.12", "17.12"]]);
  });
});

describe("one unit test per narrative finding kind", () => {
  test("verdict-conflict: heading says đạt, conclusion says chưa đạt", () => {
    const r = analyseProse("1.3.4. Xây dựng khu dân cư kiểu mẫu (đánh giá đạt).\n Kết quả thực hiện …\n=>Đang trình phê duyệt: đánh giá chưa đạt.", "B5");
    expect(r.findings.map((f) => [f.kind, f.quote])).toEqual([["verdict-conflict", "đánh giá chưa đạt"]]);
  });

  test("rollup-mismatch both ways; a neutral parent is never a mismatch", () => {
    const up = analyseProse("1.4. Trồng rừng (đánh giá chưa đạt).\n1.4.1. Trồng rừng 27,35/25ha đạt 109,4% thực hiện vượt.\n1.4.2. Liên kết (đánh giá đạt).", "B5");
    expect(up.findings.map((f) => f.kind)).toEqual(["rollup-mismatch"]);
    const down = analyseProse("2.2. Văn nghệ (Nhiệm vụ đạt)\n2.2.1- Giao lưu (đánh giá đạt)\n2.2.2- Thể thao (chưa đạt)", "B5");
    expect(down.findings.map((f) => [f.kind, f.stated])).toEqual([["rollup-mismatch", "Đạt"]]);
    const neutral = analyseProse("3.2. An ninh (đánh giá thực hiện nhiệm vụ chưa đánh giá).\n3.2.1. A (Đạt)\n3.2.2. B (đánh giá chưa đạt).", "B5");
    expect(neutral.findings).toEqual([]);
  });

  test("count-mismatch against the tasks of the row, wherever the claim stands; unknown verdicts are never counted", () => {
    const s = analyseSheet(
      narrativeSheet([
        ["1", "1. Nhóm thứ nhất, gồm 02 nhiệm vụ (có 02 nhiệm vụ chưa đạt)", "1.1. A (đánh giá chưa đạt)\n1.2. B (chưa đánh giá)", null],
        ["2", "2. Nhóm thứ hai, gồm 03 nhiệm vụ: (Thực hiện 01 nhiệm vụ đạt, 02 nhiệm vụ chưa đạt)", "2.1. A (Nhiệm vụ đạt)\n2.2. B (chưa đạt)\n2.3. C (chưa đạt)", null],
        ["3", "3. Nhóm thứ ba (có 01 nhiệm vụ chưa đạt)", "3.1. A (đánh giá chưa đạt)\n3.2. B mô tả không có đánh giá", null],
      ]),
    );
    expect(s.layout).toBe("narrative");
    expect(s.findings.map((f) => [f.kind, f.cell, f.stated, f.expected])).toEqual([["count-mismatch", "B3", 2, 1]]);
  });

  test("percent-mismatch, percent-rounding and clean ratios in prose; dates and decree numbers are never ratios", () => {
    const r = extractClaims(
      "Tỷ lệ 6/26 = 23,01%; 18/26 = 69,2%; 177/338 = 52,36%. Ngày 29/5/2024 theo Nghị quyết số 08/2019/NQ-HĐND, QĐ 1308/QĐ-UBND, đến hết tháng 11/2024 tỷ lệ giải ngân vốn đạt 90%.",
      "B5",
    );
    expect(r.claims.map((c) => [c.quote, c.ok])).toEqual([
      ["6/26 = 23,01%", false],
      ["18/26 = 69,2%", true],
      ["177/338 = 52,36%", false],
    ]);
    expect(r.findings.map((f) => [f.kind, f.severity])).toEqual([
      ["percent-mismatch", "error"],
      ["percent-rounding", "info"],
    ]);
  });

  test("one actual against two baselines in one sentence", () => {
    const r = extractClaims("thu được 3.220.000 đồng đạt 32% so với dự toán huyện giao 10.000.000 đồng, đạt 30 % so với dự toán xã giao 11.000.000đồng", "B5");
    expect(r.claims.map((c) => c.ok)).toEqual([true, false]);
    expect(r.findings[0].message).toBe("Tỷ lệ ghi 30% nhưng 3.220.000/11.000.000 = 29,27%.");
  });

  test("arithmetic-mismatch", () => {
    const r = extractClaims("Hỗ trợ 45 hộ x 2.000.000 đ = 80.000.000 đ; 10 hộ x 2.000.000 đ = 20.000.000 đ.", "B5");
    expect(r.claims.map((c) => c.ok)).toEqual([false, true]);
    expect(r.findings[0]).toMatchObject({ kind: "arithmetic-mismatch", stated: 80000000, expected: 90000000 });
  });

  test("total-mismatch for parts of a total; a partial list that may not be exhaustive is left alone", () => {
    const r = extractClaims("Tiếp nhận tổng 235 hồ sơ, trong đó: hộ tịch 98, chứng thực 130, khác 5. Xã có 9 hộ trong đó 2 hộ già, 1 hộ trẻ.", "B5");
    expect(r.claims.map((c) => [c.kind, c.ok])).toEqual([
      ["total", false],
      ["total", null],
    ]);
    expect(r.findings[0].message).toBe("Tổng ghi 235 nhưng các phần trong đó cộng lại: 98 + 130 + 5 = 233.");
  });

  test("malformed-number, never for numbering labels, dates or versions", () => {
    const r = extractClaims("1.3.4. Kinh phí 2.800.00đ ngày 10.12.2019 mục 17.11 và 1.2.345 đồng", "B5");
    expect(r.findings.map((f) => [f.kind, f.quote])).toEqual([
      ["malformed-number", "2.800.00đ"],
      ["malformed-number", "1.2.345 đồng"],
    ]);
  });

  test("unit-mismatch: one amount in two money scales", () => {
    const r = extractClaims("tổng kinh phí được giao 150.000 triệu đồng. Giải ngân 102.062.112 đồng /150.000.000đồng, đạt 68% kế hoạch.", "B5");
    expect(r.findings.map((f) => [f.kind, f.quote])).toEqual([["unit-mismatch", "150.000 triệu đồng"]]);
  });
});

describe("verdict-mismatch in prose", () => {
  test("a verdict that contradicts the task's own bound and result", () => {
    const r = analyseProse("17.3. Tỷ lệ hộ dùng nước sạch ≥ 92%: kết quả thực hiện đạt 90,7% (đánh giá đạt).\n17.4. Tỷ lệ thu gom ≥ 25% : Kết quả thực hiện 35% (đánh giá đạt).\n17.5. Tỷ lệ hỏa táng ≥ 5%, kết quả thực hiện 0% (không đạt)", "B5");
    expect(r.findings.map((f) => [f.kind, f.stated, f.expected])).toEqual([["verdict-mismatch", "đạt", "Chưa đạt"]]);
    expect(r.findings[0].message).toBe('Nhiệm vụ 17.3 được đánh giá đạt nhưng kết quả 90,7% không thỏa mãn chỉ tiêu "≥ 92%", nên phải là chưa đạt.');
  });

  test("a result written as a bound, or two results, is left alone", () => {
    const r = analyseProse("17.7. Tỷ lệ ≥ 80%: kết quả thực hiện ≥ 95% (đánh giá chưa đạt).\n17.8. Tỷ lệ ≥ 75%: thực hiện 60%, năm trước thực hiện 90% (đánh giá đạt).", "B5");
    expect(r.findings).toEqual([]);
  });
});

describe("figure-conflict across a workbook", () => {
  test("the same ratio quantity with two values is a warning; different quantities are not", () => {
    const wb = workbook(
      narrativeSheet([["1", "1. Nhóm kinh tế", "1.4.1. Trồng rừng được 27,35/25ha/năm đạt 109,4% thực hiện vượt.\n1.4.2. Sản xuất lúa 11/70ha =15,7%", null]]),
      { ...narrativeSheet([["1", "1. Nhóm kinh tế", "1.4.1. Trồng rừng được 27,23/25ha đạt 108,9% (đạt)\n1.4.2. Sản xuất ngô 12/70ha =17,1%", null]]), name: "Báo cáo" },
    );
    const r = analyseWorkbook(wb);
    const conflicts = r.sheets.flatMap((s) => s.findings.filter((f) => f.kind === "figure-conflict").map((f) => [s.name, f.cell, f.quote]));
    expect(conflicts).toEqual([["Báo cáo", "C3", "27,23/25ha đạt 108,9%"]]);
  });
});
