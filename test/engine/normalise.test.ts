import { analyseSheet } from "../../src/engine";
import { buildTemplate } from "../../src/engine/template";
import { carryOverIndicators } from "../../src/engine/carryover";
import { planNormalise } from "../../src/engine/normalise";
import { BODY, fixture, table } from "../helpers/grid";

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
    const writes = planNormalise(s);
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
    const writes = planNormalise(s);
    expect(writes.map((w) => [w.cell, w.value, w.numberFormat])).toEqual([
      [`F${BODY + 2}`, 1.2, "0.00%"],
      [`F${BODY + 3}`, 1.1, "0.00%"],
      [`F${BODY + 4}`, 1, "0.00%"],
    ]);
  });

  test("the fixture: nothing to clean in a tidy sheet but its text cells' spaces", async () => {
    const writes = planNormalise((await fixture("f2-binh-trung-table.xlsx")).sheets[0]);
    for (const w of writes) expect(w.role).toBe("normalise");
    expect(writes.filter((w) => typeof w.value === "number")).toEqual([]);
  });
});

describe("import of the indicator list from a previous period", () => {
  test("same groups, numbering, names and units; figures empty or the new targets given", async () => {
    const prev = (await fixture("f2-binh-trung-table.xlsx")).sheets[0];
    const carried = carryOverIndicators(prev, new Map([["Giao quân", 7]]))!;
    expect(carried.count).toBe(16);
    expect(carried.groups.map((g) => [g.label, g.name, g.items.length])).toEqual([
      ["I", "KINH TẾ", 7],
      ["II", "VĂN HÓA - XÃ HỘI", 6],
      ["III", "QUỐC PHÒNG - AN NINH", 3],
    ]);
    expect(carried.groups[2].items[0]).toEqual({ name: "Giao quân", unit: "Người", target: 7 });
    // The new workbook is a recognised table with the same indicators and no figures but the new target.
    const model = buildTemplate({ groups: carried.groups });
    const names = model.cells.filter((c) => c.cell.startsWith("B") && c.style === "item").map((c) => c.value);
    expect(names).toContain("Tổng đàn gia súc");
    expect(model.cells.find((c) => c.value === 7 && c.cell.startsWith("D"))).toBeDefined();
  });

  test("a sheet that is not a table gives nothing to import", () => {
    const report = analyseSheet(table([]));
    expect(report.recognized).toBe(true);
    expect(carryOverIndicators({ ...table([]), values: [["Ghi chú"]] })).toBeNull();
  });
});
