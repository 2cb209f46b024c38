import { analyseSheet, recogniseSheet, type CellWrite, type SheetSnapshot } from "../../src/engine";
import { parseA1 } from "../../src/engine/address";
import { planNormalise } from "../../src/engine/normalise";
import { BODY, fixture, sheet, table } from "../helpers/grid";

describe("Chuẩn hoá", () => {
  test("numbers typed as text become numbers, stray spaces go, malformed numbers and formulas stay", () => {
    const s = table(
      [
        [1, "  Thu   ngân sách ", "đồng", "1.200", "1.100,5", null, "Chưa đạt"],
        [2, "Sản lượng", "tấn", "2.800.00", 10, null, "Đạt"],
        [3, "Giao quân", "người", 6, 6, 100, "Đạt\u00a0"],
      ],
      { formulas: { [`F${BODY + 2}`]: `=E${BODY + 2}/D${BODY + 2}*100` } },
    );
    const writes = planNormalise(recogniseSheet(s));
    expect(writes.map((w) => [w.cell, w.value])).toEqual([
      [`B${BODY}`, "Thu ngân sách"],
      [`D${BODY}`, 1200],
      [`E${BODY}`, 1100.5],
      [`G${BODY + 2}`, "Đạt"],
    ]);
    expect(writes[1].reason).toBe('Số "1.200" đang là văn bản: chuyển thành số 1.200.');
    for (const w of writes) expect(w.before.value).toBe(s.values[Number(w.cell.slice(1)) - 1][w.cell.charCodeAt(0) - 65]);
  });

  test("a percent column gets one format: fractions in a % column, the odd cell rewritten to show the same percent", () => {
    const s = table(
      [
        [1, "A", "ha", 10, 9, 0.9, "Chưa đạt"],
        [2, "B", "ha", 10, 9.5, 0.95, "Chưa đạt"],
        [3, "C", "ha", 10, 12, 120, "Đạt"],
        [4, "D", "ha", 10, 11, "110%", "Đạt"],
        [5, "E", "ha", 10, 10, 1, "Đạt"],
      ],
      { formats: { [`F${BODY}`]: "0.00%", [`F${BODY + 1}`]: "0.00%", [`F${BODY + 4}`]: "0%" } },
    );
    const writes = planNormalise(recogniseSheet(s));
    expect(writes.map((w) => [w.cell, w.value, w.numberFormat])).toEqual([
      [`F${BODY + 2}`, 1.2, "0.00%"],
      [`F${BODY + 3}`, 1.1, "0.00%"],
      [`F${BODY + 4}`, 1, "0.00%"],
    ]);
  });

  test("the fixture: nothing to clean in a tidy sheet but its text cells' spaces", async () => {
    const writes = planNormalise(recogniseSheet((await fixture("f2-binh-trung-table.xlsx")).sheets[0]));
    for (const w of writes) expect(w.role).toBe("normalise");
    expect(writes.filter((w) => typeof w.value === "number")).toEqual([]);
  });
});

/** The snapshot as it reads after the writes (what an adapter would leave in the workbook). */
function applied(s: SheetSnapshot, writes: CellWrite[]): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  const numberFormats = s.values.map((r, i) => r.map((_, j) => s.numberFormats?.[i]?.[j] ?? null));
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    values[row - s.origin.row][col - s.origin.col] = w.value;
    if (w.numberFormat) numberFormats[row - s.origin.row][col - s.origin.col] = w.numberFormat;
  }
  return { ...s, values, numberFormats };
}

/** Everything the checker says, but the number-as-text notes that Chuẩn hoá exists to remove. */
function verdictsOf(s: SheetSnapshot) {
  const report = analyseSheet(s);
  return {
    items: report.items.map(({ row, percent, verdict, statedPercent, statedVerdict }) => ({ row, percent, verdict, statedPercent, statedVerdict })),
    findings: report.findings.filter((f) => f.kind !== "number-as-text").map((f) => `${f.cell} ${f.kind}`),
  };
}

describe("Chuẩn hoá never changes what the checker finds", () => {
  test("a percent cell whose new format would be judged to other decimals is left alone, either way", () => {
    const s = table(
      [
        [1, "A", "ha", 100, 90.53, 0.9053, "Chưa đạt"],
        [2, "B", "ha", 100, 90.53, 0.9053, "Chưa đạt"],
        // 90,5 is right to one decimal; shown as 90,50% it would be wrong.
        [3, "C", "ha", 100, 90.53, 90.5, "Chưa đạt"],
        // 120 is right to 0 decimals for 120,4; shown as 120,00% it would be wrong.
        [4, "D", "ha", 100, 120.4, "120", "Đạt"],
        // The same figures where the new format changes nothing the checker judges.
        [5, "E", "ha", 100, 90.5, 90.5, "Chưa đạt"],
        [6, "F", "ha", 100, 120, "120", "Đạt"],
        [7, "G", "ha", 100, 80, 0.8, "Chưa đạt"],
      ],
      { formats: { [`F${BODY}`]: "0.00%", [`F${BODY + 1}`]: "0.00%", [`F${BODY + 6}`]: "0.00%" } },
    );
    const writes = planNormalise(recogniseSheet(s));
    expect(writes.map((w) => [w.cell, w.value, w.numberFormat])).toEqual([
      [`F${BODY + 4}`, 0.905, "0.00%"],
      [`F${BODY + 5}`, 1.2, "0.00%"],
    ]);
    expect(verdictsOf(applied(s, writes))).toEqual(verdictsOf(s));
  });

  test("text with trailing zeros in a percent column keeps its decimals or stays text", () => {
    const s = table([
      // "90,50" says two decimals: as the number 90,5 in a General column it would say one, and 90,53 would pass.
      [1, "A", "ha", 100, 90.53, "90,50", "Chưa đạt"],
      [2, "B", "ha", 100, 98, 98, "Chưa đạt"],
      [3, "C", "ha", 100, 97, "97,0", "Chưa đạt"],
    ]);
    const writes = planNormalise(recogniseSheet(s));
    expect(writes.map((w) => w.cell)).toEqual([`F${BODY + 2}`]);
    expect(verdictsOf(applied(s, writes))).toEqual(verdictsOf(s));
    // In a column shown with two decimals the number keeps them.
    const two = table(
      [
        [1, "A", "ha", 100, 90.53, "90,50", "Chưa đạt"],
        [2, "B", "ha", 100, 98, 98, "Chưa đạt"],
      ],
      { formats: { [`F${BODY + 1}`]: "0.00" } },
    );
    expect(planNormalise(recogniseSheet(two)).map((w) => [w.cell, w.value, w.numberFormat])).toEqual([[`F${BODY}`, 90.5, "0.00"]]);
  });

  test("a number typed into a Text-formatted or %-formatted figure cell gets the column's number format", () => {
    const s = table(
      [
        [1, "A", "đồng", 1200000, "1.150.000", null, "Chưa đạt"],
        [2, "B", "đồng", "2.000.000", 2100000, null, "Đạt"],
        [3, "C", "đồng", 500000, "600.000", null, "Đạt"],
      ],
      { formats: { [`D${BODY}`]: "#,##0", [`E${BODY}`]: "@", [`D${BODY + 1}`]: "@", [`E${BODY + 1}`]: "#,##0", [`E${BODY + 2}`]: "0%" } },
    );
    const writes = planNormalise(recogniseSheet(s));
    expect(writes.map((w) => [w.cell, w.value, w.numberFormat])).toEqual([
      [`E${BODY}`, 1150000, "#,##0"],
      [`D${BODY + 1}`, 2000000, "#,##0"],
      [`E${BODY + 2}`, 600000, "#,##0"],
    ]);
    expect(verdictsOf(applied(s, writes))).toEqual(verdictsOf(s));
  });

  test("the fixture and a messy sheet check the same after the clean-up, but for the number-as-text notes", async () => {
    const messy = table(
      [
        ["I", " KINH  TẾ"],
        [1, "Thu ngân sách\u00a0", "đồng", "12.000.000", "7.133.000", "59,44", "Chưa đạt"],
        [2, "Sản lượng", "tấn", "2.800.00", 10, null, "Đạt"],
        [3, "Tỷ lệ hộ nghèo", "%", "5", "4,2", 84, " Đạt "],
        [4, "Giao quân", "người", 6, 6, "100%", "Đạt"],
        [5, "Trồng rừng", "ha", 30, "27,23", 109.4, "Đạt"],
      ],
      { formats: { [`F${BODY + 3}`]: "0.00" } },
    );
    const before = analyseSheet(messy);
    expect(before.findings.filter((f) => f.kind === "number-as-text").length).toBeGreaterThanOrEqual(5);
    const writes = planNormalise(recogniseSheet(messy));
    const after = applied(messy, writes);
    expect(verdictsOf(after)).toEqual(verdictsOf(messy));
    expect(analyseSheet(after).findings.filter((f) => f.kind === "number-as-text")).toEqual([]);
    // A second run has nothing left to do.
    expect(planNormalise(recogniseSheet(after))).toEqual([]);

    const f2 = (await fixture("f2-binh-trung-table.xlsx")).sheets[0];
    expect(verdictsOf(applied(f2, planNormalise(recogniseSheet(f2))))).toEqual(verdictsOf(f2));
  });

  test("nothing is written to a sheet that is not a recognised table", async () => {
    const narrative = (await fixture("f1-hai-yen-narrative.xlsx")).sheets.find((s) => analyseSheet(s).layout === "narrative")!;
    expect(narrative).toBeDefined();
    expect(planNormalise(recogniseSheet(narrative))).toEqual([]);
    const notes = sheet([["Ghi chú cuộc họp", null], [" Nội dung ", "  10  "]]);
    expect(recogniseSheet(notes).layout).toBeNull();
    expect(planNormalise(recogniseSheet(notes))).toEqual([]);
  });
});
