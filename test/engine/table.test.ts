import fc from "fast-check";
import { analyseSheet, analyseWorkbook, planRecalc } from "../../src/engine";
import type { CellValue } from "../../src/engine/snapshot";
import { BODY, expected, fixture, sheet, table, workbook } from "../helpers/grid";

const kinds = (s: ReturnType<typeof analyseSheet>) => s.findings.map((f) => `${f.kind}@${f.cell}`);

describe("the public table fixture f2-binh-trung-table.xlsx", () => {
  const exp = expected()["f2-binh-trung-table.xlsx"];

  test("recognised with its column map, every expected finding at its cell and no false alarm", async () => {
    const report = analyseWorkbook(await fixture("f2-binh-trung-table.xlsx"));
    const s = report.sheets.find((x) => x.name === "Chỉ tiêu 6 tháng")!;
    expect(s.recognized).toBe(true);
    expect(s.layout).toBe("table");
    expect(s.columns).toMatchObject({ stt: "A", name: "B", unit: "C", target: "D", actual: "F", percent: "G", verdict: "I", note: "J" });
    const got = s.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`);
    const want = exp.findings.map((f) => `${f.kind}@${f.cell}`);
    expect(got.sort()).toEqual(want.sort());
    for (const f of s.findings) {
      expect(f.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựỏọíìịỉĩúùụủũ]/);
      expect(f.messageEn.length).toBeGreaterThan(10);
    }
  });

  test("every item's percent and verdict as expected", async () => {
    const report = analyseWorkbook(await fixture("f2-binh-trung-table.xlsx"));
    const items = report.sheets[0].items;
    for (const it of exp.items!) {
      const got = items.find((i) => i.row === it.row)!;
      expect(got).toBeDefined();
      expect(got.verdict).toBe(it.verdict);
      if (it.percent === null) expect(got.percent).toBeNull();
      else expect(got.percent!).toBeCloseTo(it.percent, 9);
    }
  });

  test("the percent-mismatch message says what was stated and what is right", async () => {
    const report = analyseWorkbook(await fixture("f2-binh-trung-table.xlsx"));
    const f = report.sheets[0].findings.find((x) => x.cell === "G10")!;
    expect(f.message).toBe("Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%.");
    expect(f.stated).toBe(96.9);
  });

  test("recalculation writes percent formulas, fraction form in the % column, and verdicts", async () => {
    const writes = planRecalc(await fixture("f2-binh-trung-table.xlsx"));
    const at = (cell: string) => writes.find((w) => w.cell === cell);
    expect(at("G10")!.formula).toBe('=IF(AND(ISNUMBER(D10),ISNUMBER(F10),D10<>0),F10/D10*100,"")');
    expect(at("H10")!.formula).toBe('=IF(AND(ISNUMBER(E10),ISNUMBER(F10),E10<>0),F10/E10,"")');
    expect(at("I12")).toMatchObject({ value: "Chưa đạt", before: { value: "Đạt" } });
    expect(at("I29")!.formula).toContain("F29<=D29");
    expect(at("G29")!.value).toBeNull();
    // Breakdown lines, group rows and the footer are never written.
    for (const w of writes) expect([8, 9, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 27, 28, 29]).toContain(Number(w.cell.replace(/\D/g, "")));
  });
});

describe("layout recognition", () => {
  test("a sheet without a target/actual header is not recognised and says why", () => {
    const s = analyseSheet(sheet([["Danh sách cán bộ"], ["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Chủ tịch"]]));
    expect(s.recognized).toBe(false);
    expect(s.reason).toBe("không tìm thấy hàng tiêu đề có cột Kế hoạch và Thực hiện");
    expect(s.findings).toEqual([]);
  });

  test("header synonyms in other columns and without diacritics", () => {
    const s = analyseSheet(
      sheet([
        ["TT", "Noi dung chi tieu", "Don vi tinh", "Chỉ tiêu giao", "Ước TH", "TH/KH (%)", "Tự đánh giá"],
        [1, "Thu ngân sách", "triệu đồng", 100, 120, 120, "Đạt"],
      ]),
    );
    expect(s.recognized).toBe(true);
    expect(s.columns).toMatchObject({ stt: "A", name: "B", unit: "C", target: "D", actual: "E", percent: "F", verdict: "G" });
    expect(s.findings).toEqual([]);
  });

  test("an actual column named in other words is found from the numbering row", () => {
    const s = analyseSheet(
      sheet([
        ["STT", "Nội dung", "Dự toán", "Đã chi trả đến 30/6", "Tỷ lệ (%)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)"],
        [1, "Chi thường xuyên", 200, 150, 75],
      ]),
    );
    expect(s.recognized).toBe(true);
    expect(s.columns.actual).toBe("D");
    expect(s.items[0].percent).toBe(75);
  });

  test("a three-row merged header is read", () => {
    const s = analyseSheet(
      sheet(
        [
          ["STT", "Chỉ tiêu", "Năm 2024", null, null],
          [null, null, "Kế hoạch", "Thực hiện", "Tỷ lệ"],
          [null, null, null, null, "(%)"],
          [1, "Trồng rừng", 25, 27.35, 109.4],
        ],
        {
          merges: [
            { top: 1, left: 1, bottom: 3, right: 1 },
            { top: 1, left: 2, bottom: 3, right: 2 },
            { top: 1, left: 3, bottom: 1, right: 5 },
            { top: 2, left: 3, bottom: 3, right: 3 },
            { top: 2, left: 4, bottom: 3, right: 4 },
          ],
        },
      ),
    );
    expect(s.recognized).toBe(true);
    expect(s.columns).toMatchObject({ target: "C", actual: "D", percent: "E" });
    expect(s.items).toHaveLength(1);
    expect(s.findings).toEqual([]);
  });
});

describe("one unit test per finding kind (table)", () => {
  test("percent-mismatch, and the message says when the verdict flips", () => {
    const s = analyseSheet(table([[1, "Giao quân", "người", 26, 6, 23.01, "Chưa đạt"], [2, "Trồng cây", "cây", 100, 99, 100, "Chưa đạt"]]));
    expect(kinds(s)).toEqual([`percent-mismatch@F${BODY}`, `percent-mismatch@F${BODY + 1}`]);
    expect(s.findings[0].message).toBe("Tỷ lệ ghi 23,01% nhưng 6/26 = 23,08%.");
    expect(s.findings[1].message).toContain("thay đổi kết quả đánh giá");
  });

  test("percent-rounding: cut instead of rounded is info; rounded right is fine", () => {
    const s = analyseSheet(table([[1, "Hộ có nhà tiêu", "hộ", 338, 177, 52.36, "Chưa đạt"], [2, "Thu", "đồng", 11, 3.22, 29.27, "Chưa đạt"]]));
    expect(s.findings.map((f) => [f.kind, f.severity, f.cell])).toEqual([["percent-rounding", "info", `F${BODY}`]]);
  });

  test("a % formatted cell holds a fraction; a formula's float noise is never a finding", () => {
    const s = analyseSheet(
      table([[1, "Thu ngân sách", "đồng", 13202000, 7133000, 0.5403, "Chưa đạt"], [2, "Thu khác", "đồng", 3, 1, 33.33333333333333, "Chưa đạt"]], {
        formats: { [`F${BODY}`]: "0.00%" },
        formulas: { [`F${BODY + 1}`]: `=E${BODY + 1}/D${BODY + 1}*100` },
      }),
    );
    expect(s.findings).toEqual([]);
    expect(s.items[0].statedPercent).toBeCloseTo(54.03, 10);
  });

  test("verdict-mismatch with synonyms; neutral words are not mismatches", () => {
    const s = analyseSheet(
      table([
        [1, "A", "ha", 10, 12, 120, "Không đạt"],
        [2, "B", "ha", 10, 8, 80, "Hoàn thành"],
        [3, "C", "ha", 10, 8, 80, "Chưa đánh giá"],
        [4, "D", "ha", 10, 12, 120, "Đạt và vượt"],
      ]),
    );
    expect(kinds(s)).toEqual([`verdict-mismatch@G${BODY}`, `verdict-mismatch@G${BODY + 1}`]);
  });

  test("verdict-missing and missing-target", () => {
    const s = analyseSheet(table([[1, "A", "ha", 10, 12, 120, null], [2, "B", "ha", null, 8, null, null]]));
    expect(kinds(s)).toEqual([`verdict-missing@G${BODY}`, `missing-target@D${BODY + 1}`]);
    expect(s.findings[0].expected).toBe("Đạt");
  });

  test("lower-is-better indicators and bounds", () => {
    const s = analyseSheet(
      table([
        [1, "Tỷ lệ hộ nghèo", "%", 5, 4.5, 90, "Đạt"],
        [2, "Số vụ tai nạn giao thông", "vụ", 3, 4, 133.33, "Chưa đạt"],
        [3, "Tỷ lệ hộ nghèo", "%", "Còn dưới 6%", 6, null, "Chưa đạt"],
        [4, "Mức giảm tỷ lệ hộ nghèo", "%", "Trên 5%", 5.2, null, "Đạt"],
      ]),
    );
    expect(s.findings).toEqual([]);
    expect(s.items.map((i) => i.verdict)).toEqual(["Đạt", "Chưa đạt", "Chưa đạt", "Đạt"]);
  });

  test("rollup-mismatch on a group row with a stated verdict", () => {
    const s = analyseSheet(
      table([
        ["I", "KINH TẾ", null, null, null, null, "Đạt"],
        [1, "A", "ha", 10, 12, 120, "Đạt"],
        [2, "B", "ha", 10, 8, 80, "Chưa đạt"],
        ["II", "XÃ HỘI", null, null, null, null, "Chưa đạt"],
        [3, "C", "ha", 10, 12, 120, "Đạt"],
      ]),
    );
    expect(kinds(s)).toEqual([`rollup-mismatch@G${BODY}`, `rollup-mismatch@G${BODY + 3}`]);
  });

  test("total-mismatch: breakdown lines, a group row's figures and a total row", () => {
    const s = analyseSheet(
      table([
        ["I", "CHĂN NUÔI", "con", 2400, 2300, null, null],
        [1, "Tổng đàn gia súc", "con", 1200, 1154, 96.17, "Chưa đạt"],
        ["-", "Trâu", "con", null, 312],
        ["-", "Bò", "con", null, 205],
        ["-", "Dê", "con", null, 540],
        ["-", "Ngựa", "con", null, 87],
        [2, "Tổng đàn gia cầm", "con", 1200, 1144, 95.33, "Chưa đạt"],
        [null, "Tổng cộng", "con", 2400, 2298],
      ]),
    );
    expect(kinds(s).filter((k) => k.startsWith("total"))).toEqual([`total-mismatch@E${BODY}`, `total-mismatch@E${BODY + 1}`, `total-mismatch@E${BODY + 7}`]);
    expect(s.findings.find((f) => f.cell === `E${BODY + 1}`)!.message).toBe(
      `Ô E${BODY + 1} ghi 1.154 nhưng cộng các dòng chi tiết bên dưới: 312 + 205 + 540 + 87 = 1.144.`,
    );
  });

  test("parts that are a subset (trong đó) may add up to less; percentages never add", () => {
    const s = analyseSheet(
      table([
        [1, "Tổng thu ngân sách, trong đó:", "đồng", 1000, 900, 90, "Chưa đạt"],
        ["-", "Thu thuế", "đồng", null, 500],
        ["-", "Thu phí", "đồng", null, 100],
        [2, "Tỷ lệ bao phủ", "%", 90, 92, null, "Đạt"],
        ["-", "Nam", "%", null, 91],
        ["-", "Nữ", "%", null, 93],
      ]),
    );
    expect(s.findings.filter((f) => f.kind === "total-mismatch")).toEqual([]);
  });

  test("numbering-gap: items and sub-items; numbering may restart per group", () => {
    const s = analyseSheet(
      table([
        ["I", "A"],
        [1, "x", "ha", 1, 1, 100, "Đạt"],
        [2, "x", "ha", 1, 1, 100, "Đạt"],
        ["II", "B"],
        [1, "x", "ha", 1, 1, 100, "Đạt"],
        [3, "x", "ha", 1, 1, 100, "Đạt"],
        ["3.1", "x", "ha", 1, 1, 100, "Đạt"],
        ["3.2", "x", "ha", 1, 1, 100, "Đạt"],
        ["3.4", "x", "ha", 1, 1, 100, "Đạt"],
      ]),
    );
    expect(kinds(s)).toEqual([`numbering-gap@A${BODY + 5}`, `numbering-gap@A${BODY + 8}`]);
  });

  test("formula-error, malformed-number and number-as-text", () => {
    const s = analyseSheet(
      table([
        [1, "A", "ha", 0, 0, { error: "#DIV/0!" }, "Đạt"],
        [2, "B", "đồng", "2.800.00", 5, null, null],
        [3, "C", "đồng", "1.200", 1200, "100", "Đạt"],
      ]),
    );
    expect(s.findings.map((f) => [f.kind, f.cell])).toEqual([
      ["formula-error", `F${BODY}`],
      ["malformed-number", `D${BODY + 1}`],
      ["number-as-text", `D${BODY + 2}`],
      ["number-as-text", `F${BODY + 2}`],
    ]);
    expect(s.items[2].percent).toBe(100);
  });

  test("the footer ends the body: nothing under it is read", () => {
    const s = analyseSheet(table([[1, "A", "ha", 10, 12, 120, "Đạt"], [], [null, "NGƯỜI LẬP BIỂU", null, null, "TM. ỦY BAN NHÂN DÂN"], [7, "x", "ha", 1, 9, 5, "Đạt"]]));
    expect(s.items).toHaveLength(1);
    expect(s.findings).toEqual([]);
  });
});

describe("properties", () => {
  const row = fc.record({
    target: fc.integer({ min: 1, max: 10_000_000 }),
    actual: fc.integer({ min: 0, max: 20_000_000 }),
    decimals: fc.integer({ min: 0, max: 3 }),
    unit: fc.constantFrom("ha", "tấn", "người", "đồng", "hộ"),
  });

  function correctBody(rows: { target: number; actual: number; decimals: number; unit: string }[]): CellValue[][] {
    return rows.map((r, i) => {
      const pct = Number(((r.actual / r.target) * 100).toFixed(r.decimals));
      return [i + 1, `Chỉ tiêu số ${i + 1}`, r.unit, r.target, r.actual, pct, r.actual >= r.target ? "Đạt" : "Chưa đạt"];
    });
  }

  test("a sheet of random correct figures raises no error or warning", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const s = analyseSheet(table(correctBody(rows)));
        expect(s.recognized).toBe(true);
        expect(s.findings.filter((f) => f.severity !== "info")).toEqual([]);
      }),
      { seed: 424242, numRuns: 150 },
    );
  });

  test("one wrong figure planted in it is found at its cell", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.nat(), fc.constantFrom("percent", "verdict"), (rows, pick, what) => {
        const body = correctBody(rows);
        const i = pick % body.length;
        const cell = what === "percent" ? `F${BODY + i}` : `G${BODY + i}`;
        if (what === "percent") body[i][5] = (body[i][5] as number) + 1.5;
        else body[i][6] = body[i][6] === "Đạt" ? "Chưa đạt" : "Đạt";
        const s = analyseSheet(table(body));
        const hits = s.findings.filter((f) => f.severity === "error");
        expect(hits.map((f) => f.cell)).toEqual([cell]);
        expect(hits[0].kind).toBe(what === "percent" ? "percent-mismatch" : "verdict-mismatch");
      }),
      { seed: 777, numRuns: 150 },
    );
  });

  test("never throws on arbitrary cell values under a real header", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.double({ noNaN: false }),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constantFrom("I", "II", "-", "1.2", "Tổng cộng", "≥ 80", "2.800.00", "Đạt", "Chưa đạt", "NGƯỜI LẬP BIỂU"),
      fc.constantFrom({ error: "#DIV/0!" }, { error: "#REF!" }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 }), (body) => {
        const s = analyseWorkbook(workbook(table(body as CellValue[][])));
        expect(s.sheets[0].recognized).toBe(true);
        planRecalc(workbook(table(body as CellValue[][])));
      }),
      { seed: 99, numRuns: 200 },
    );
  });
});
