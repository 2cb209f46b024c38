import { analyseSheet, recogniseSheet } from "../../src/engine";
import { buildTemplate } from "../../src/engine/template";
import { carryOverIndicators } from "../../src/engine/carryover";
import { BODY, fixture, sheet, table } from "../helpers/grid";
import { parseA1 } from "../../src/engine/address";
import type { TemplateModel } from "../../src/engine/template";
import type { CellValue, SheetSnapshot } from "../../src/engine/snapshot";

/** The template model as a spreadsheet would hold it before anything is typed (formulas show blank). */
function sheetFromTemplate(model: TemplateModel): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const c of model.cells) {
    const { row, col } = parseA1(c.cell);
    for (let r = values.length; r < row; r++) {
      values.push(Array(model.columns.length).fill(null));
      formulas.push(Array(model.columns.length).fill(null));
    }
    values[row - 1][col - 1] = c.formula ? "" : (c.value ?? null);
    formulas[row - 1][col - 1] = c.formula ?? null;
  }
  return { name: model.sheetName, origin: { row: 1, col: 1 }, values, formulas, merges: [], hiddenRows: [], hiddenCols: [] };
}

describe("import of the indicator list from a previous period", () => {
  test("the fixture: same groups, numbering, names and units; figures empty or the new targets given", async () => {
    const prev = (await fixture("f2-binh-trung-table.xlsx")).sheets[0];
    const carried = carryOverIndicators(recogniseSheet(prev), new Map([["Giao quân", 7]]))!;
    expect(carried.count).toBe(16);
    expect(carried.groups.map((g) => [g.label, g.name, g.items.length])).toEqual([
      // Item 7's four breakdown lines (Trâu, Bò, Dê, Ngựa) come along under it.
      ["I", "KINH TẾ", 11],
      ["II", "VĂN HÓA - XÃ HỘI", 6],
      ["III", "QUỐC PHÒNG - AN NINH", 3],
    ]);
    expect(carried.groups[2].items[0]).toEqual({ stt: "14", kind: "item", name: "Giao quân", unit: "Người", target: 7 });
    // The breakdown lines of "Tổng đàn gia súc" come along in the row list, without figures.
    const herd = carried.rows.findIndex((r) => r.name === "Tổng đàn gia súc");
    expect(carried.rows.slice(herd, herd + 5).map((r) => [r.kind, r.stt, r.name, r.unit])).toEqual([
      ["item", "7", "Tổng đàn gia súc", "Con"],
      ["breakdown", "-", "Trâu", "Con"],
      ["breakdown", "-", "Bò", "Con"],
      ["breakdown", "-", "Dê", "Con"],
      ["breakdown", "-", "Ngựa", "Con"],
    ]);
    expect(carried.rows.filter((r) => r.target !== undefined).map((r) => r.name)).toEqual(["Giao quân"]);
    // The new workbook is a recognised table with the same indicators and no figures but the new target.
    const model = buildTemplate({ groups: carried.groups });
    const names = model.cells.filter((c) => c.cell.startsWith("B") && c.style === "item").map((c) => c.value);
    expect(names).toContain("Tổng đàn gia súc");
    expect(model.cells.filter((c) => c.cell.startsWith("D") && c.style === "item" && c.value !== undefined).map((c) => c.value)).toEqual([7]);
  });

  test("sub-items, breakdown lines and a total keep their numbering; the footer ends the list; targets match the name however it is spaced", () => {
    const s = table([
      ["I", "KINH TẾ"],
      [1, "Sản xuất nông nghiệp", "ha", 100, 98, 98, "Chưa đạt"],
      ["1.1", "Lúa  xuân", "ha", 60, 61, 101.67, "Đạt"],
      ["1.2", "Ngô", "ha", 40, 37, 92.5, "Chưa đạt"],
      [2, "Tổng đàn trâu, bò", "con", 500, 520, 104, "Đạt"],
      ["-", "Trâu", "con", null, 300],
      ["-", "Bò", "con", null, 220],
      ["II", "XÃ HỘI"],
      [3, "Tỷ lệ hộ nghèo", "%", 5, 4.2, null, "Đạt"],
      ["", "Tổng cộng", "", 600, 618],
      [],
      ["", "NGƯỜI LẬP BIỂU", "", "", "", "CHỦ TỊCH"],
      [4, "Dòng sau chữ ký", "ha", 1, 1],
    ]);
    const carried = carryOverIndicators(recogniseSheet(s), new Map<string, number | string>([["lúa xuân", 65], ["Tỷ lệ hộ nghèo ", "Dưới 4%"], ["Trâu", 310]]))!;
    expect(carried.rows.map((r) => [r.row, r.kind, r.stt, r.name, r.unit, r.target])).toEqual([
      [BODY, "group", "I", "KINH TẾ", "", undefined],
      [BODY + 1, "item", "1", "Sản xuất nông nghiệp", "ha", undefined],
      [BODY + 2, "subitem", "1.1", "Lúa  xuân", "ha", 65],
      [BODY + 3, "subitem", "1.2", "Ngô", "ha", undefined],
      [BODY + 4, "item", "2", "Tổng đàn trâu, bò", "con", undefined],
      // A breakdown line carries a part of its item: it takes no target of its own.
      [BODY + 5, "breakdown", "-", "Trâu", "con", undefined],
      [BODY + 6, "breakdown", "-", "Bò", "con", undefined],
      [BODY + 7, "group", "II", "XÃ HỘI", "", undefined],
      [BODY + 8, "item", "3", "Tỷ lệ hộ nghèo", "%", "Dưới 4%"],
      [BODY + 9, "total", "", "Tổng cộng", "", undefined],
    ]);
    expect(carried.count).toBe(5);
    expect(carried.groups).toEqual([
      {
        label: "I",
        name: "KINH TẾ",
        items: [
          { stt: "1", kind: "item", name: "Sản xuất nông nghiệp", unit: "ha" },
          { stt: "1.1", kind: "subitem", name: "Lúa  xuân", unit: "ha", target: 65 },
          { stt: "1.2", kind: "subitem", name: "Ngô", unit: "ha" },
          { stt: "2", kind: "item", name: "Tổng đàn trâu, bò", unit: "con" },
          { stt: "-", kind: "breakdown", name: "Trâu", unit: "con" },
          { stt: "-", kind: "breakdown", name: "Bò", unit: "con" },
        ],
      },
      // The total row is not carried into the template: the clerk adds it up again.
      { label: "II", name: "XÃ HỘI", items: [{ stt: "3", kind: "item", name: "Tỷ lệ hộ nghèo", unit: "%", target: "Dưới 4%" }] },
    ]);
    // In the new template the numbering is the previous one, and "Tỷ lệ hộ nghèo" is judged at or below its target.
    const model = buildTemplate({ groups: carried.groups });
    const col = (letter: string) => model.cells.filter((c) => c.cell.startsWith(letter) && /^\D\d+$/.test(c.cell) && c.style === "item");
    expect(col("A").map((c) => c.value)).toEqual([1, "1.1", "1.2", 2, "-", "-", 3]);
    expect(col("G").map((c) => /IF\(E\d+<=D\d+/.test(c.formula!))).toEqual([false, false, false, false, false, false, true]);
    // Checked as it is, the carried-over template raises no error or warning.
    const report = analyseSheet(sheetFromTemplate(model));
    expect(report.recognized).toBe(true);
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.items.map((i) => i.stt)).toEqual(["1", "1.1", "1.2", "2", "3"]);
  });

  test("a sheet whose indicators have no group row gets one unnamed group", () => {
    const carried = carryOverIndicators(recogniseSheet(table([[1, "Giao quân", "người", 6, 6], [2, "Sản lượng", "tấn", 10, 9]])))!;
    expect(carried.groups).toEqual([
      {
        label: "I",
        name: "",
        items: [
          { stt: "1", kind: "item", name: "Giao quân", unit: "người" },
          { stt: "2", kind: "item", name: "Sản lượng", unit: "tấn" },
        ],
      },
    ]);
  });

  test("a sheet that is not a table gives nothing to import", () => {
    const notes = sheet([["Ghi chú"], ["Số liệu tổng hợp từ các thôn"]]);
    expect(analyseSheet(notes).recognized).toBe(false);
    expect(carryOverIndicators(recogniseSheet(notes))).toBeNull();
  });
});

describe("numbering slips and baselines of the previous period", () => {
  test("a slip is renumbered in the previous table's style (on through the groups, or from 1 per group), sub-items follow, and it is said", () => {
    const onward = table([
      ["I", "KINH TẾ"],
      [1, "Lúa", "ha", 10, 10, 100, "Đạt"],
      [3, "Ngô", "ha", 10, 10, 100, "Đạt"],
      ["3.1", "Ngô lai", "ha", 5, 5, 100, "Đạt"],
      ["3.3", "Ngô nếp", "ha", 5, 5, 100, "Đạt"],
      ["-", "Trong đó vụ xuân", "ha", null, 3],
      ["II", "XÃ HỘI"],
      [4, "Hộ nghèo", "hộ", 5, 4, 80, "Đạt"],
    ]);
    const c = carryOverIndicators(recogniseSheet(onward))!;
    expect(c.groups.map((g) => g.items.map((i) => i.stt))).toEqual([["1", "2", "2.1", "2.2", "-"], ["3"]]);
    expect(c.renumbered).toEqual([
      { row: BODY + 2, from: "3", to: "2" },
      { row: BODY + 3, from: "3.1", to: "2.1" },
      { row: BODY + 4, from: "3.3", to: "2.2" },
      { row: BODY + 7, from: "4", to: "3" },
    ]);
    const perGroup = table([
      ["I", "KINH TẾ"],
      [1, "Lúa", "ha", 10, 10, 100, "Đạt"],
      [2, "Ngô", "ha", 10, 10, 100, "Đạt"],
      ["II", "XÃ HỘI"],
      [1, "Hộ nghèo", "hộ", 5, 4, 80, "Đạt"],
      [1, "Trường chuẩn", "trường", 2, 2, 100, "Đạt"],
    ]);
    const p = carryOverIndicators(recogniseSheet(perGroup))!;
    expect(p.groups.map((g) => g.items.map((i) => i.stt))).toEqual([["1", "2"], ["1", "2"]]);
    expect(p.renumbered).toEqual([{ row: BODY + 5, from: "1", to: "2" }]);
    // A list in sequence is left as it is.
    expect(carryOverIndicators(recogniseSheet(table([["I", "KINH TẾ"], [1, "Lúa", "ha", 10, 10, 100, "Đạt"], [2, "Ngô", "ha", 10, 10, 100, "Đạt"]])))!.renumbered).toEqual([]);
  });

  test("the fixture's two baselines (huyện giao / HĐND xã giao) make a template with two target and two percent columns, recognised and paired", async () => {
    const prev = (await fixture("f2-binh-trung-table.xlsx")).sheets[0];
    const carried = carryOverIndicators(recogniseSheet(prev))!;
    expect(carried.baselines).toEqual(["Kế hoạch huyện giao", "Kế hoạch HĐND xã giao"]);
    expect(carried.renumbered.map((r) => `${r.from}→${r.to}`)).toEqual(["16→15", "17→16"]);
    const model = buildTemplate({ groups: carried.groups, baselines: carried.baselines });
    expect(model.columns.map((c) => c.header)).toEqual([
      "STT",
      "Chỉ tiêu",
      "ĐVT",
      "Kế hoạch huyện giao",
      "Kế hoạch HĐND xã giao",
      "Thực hiện",
      "Tỷ lệ (%) so với kế hoạch huyện giao",
      "Tỷ lệ (%) so với kế hoạch HĐND xã giao",
      "Đánh giá",
      "Ghi chú",
    ]);
    const numbering = model.cells.filter((c) => /^[A-J]6$/.test(c.cell)).map((c) => c.value);
    expect(numbering).toEqual(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)=(6)/(4)", "(8)=(6)/(5)", "(9)", "(10)"]);
    const f8 = (col: string) => model.cells.find((c) => c.cell === `${col}8`)!.formula;
    expect(f8("G")).toContain("F8/D8*100");
    expect(f8("H")).toContain("F8/E8*100");
    // The verdict is measured against the first baseline filled in, as the engine reads it.
    expect(f8("I")).toContain('IF(F8>=IF(D8="",IF(E8="","",E8),D8)');
    expect(model.verdictRange).toBe(`I7:I${model.lastBodyRow}`);
    const report = analyseSheet(sheetFromTemplate(model));
    expect(report.recognized).toBe(true);
    expect(report.columns).toMatchObject({ target: "D", actual: "F", percent: "G", verdict: "I", note: "J" });
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
