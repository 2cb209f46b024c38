/** Correcting a column role in the pane: a structured choice the engine applies over the header's words. */
import { analyseSheet, planSheetRecalc, recogniseSheet } from "../../src/engine";
import { sheetColumns } from "../../src/taskpane/columns";
import { fixture, sheet } from "../helpers/grid";

test("no correction: the same report as without one", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  expect(analyseSheet(wb.sheets[0], { roles: {} })).toEqual(analyseSheet(wb.sheets[0]));
  expect(sheetColumns(wb.sheets[0])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
});

test("naming E (HĐND xã giao) as the target: the engine measures against E and the snapshot is untouched", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const s = wb.sheets[0];
  const original = JSON.stringify(s);
  expect(analyseSheet(s).columns.target).toBe("D");
  const report = analyseSheet(s, { roles: { target: "E" } });
  expect(report.columns.target).toBe("E");
  expect(report.columns.actual).toBe("F");
  expect(JSON.stringify(s)).toBe(original);
  // Row 9: 2.875.423.646 against E9 (empty) → no percent; row 8: 7.133.000 / 13.202.000.
  const row8 = report.items.find((i) => i.row === 8)!;
  expect(row8.percent).toBeCloseTo((7133000 / 13202000) * 100, 6);
  // The recalculation plan now divides by column E.
  const plan = planSheetRecalc(recogniseSheet(s, { roles: { target: "E" } }));
  expect(plan.find((w) => w.role === "percent" && w.cell.endsWith("8"))?.formula ?? "").toContain("E8");
});

test("naming another column as the verdict column moves the verdict checks there", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const report = analyseSheet(wb.sheets[0], { roles: { verdict: "J" } });
  expect(report.columns.verdict).toBe("J");
  expect(report.findings.some((f) => f.cell === "I12")).toBe(false);
});

test("choosing no column for the note role leaves the other roles as they were", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const before = analyseSheet(wb.sheets[0]).columns;
  const after = analyseSheet(wb.sheets[0], { roles: { note: "" } }).columns;
  expect(after.note).toBeUndefined();
  expect({ ...after, note: before.note }).toEqual(before);
});

test("a table whose actual column has a header the engine does not know is recognised once the clerk names it", () => {
  const s = sheet([
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Số liệu quý IV", "Đánh giá"],
    [1, "Trồng rừng tập trung", "ha", 40, 42, "Đạt"],
    [2, "Làm mới đường giao thông", "km", 5, 3, "Đạt"],
  ]);
  expect(analyseSheet(s).recognized).toBe(false);
  const report = analyseSheet(s, { roles: { actual: "E" } });
  expect(report).toMatchObject({ recognized: true, layout: "table", columns: { target: "D", actual: "E", verdict: "F" } });
  expect(report.items.map((i) => i.verdict)).toEqual(["Đạt", "Chưa đạt"]);
  expect(report.findings.filter((f) => f.kind === "verdict-mismatch").map((f) => f.cell)).toEqual(["F3"]);
});

test("when the judged period is unclear, naming the actual settles it and the verdicts are judged on that column", () => {
  const rows = [
    ["STT", "Chỉ tiêu", "Kế hoạch năm 2026", "Thực hiện 9 tháng", "Ước thực hiện cả năm", "Đánh giá"],
    [1, "Giải ngân vốn đầu tư công", 2400, 1500, 2380, "Chưa đạt"],
    [2, "Số hộ được cấp nước sạch", 300, 210, 305, "Đạt"],
  ];
  const unclear = analyseSheet(sheet(rows));
  expect(unclear.rolesUnclear).toBe(true);
  expect(unclear.items.map((i) => i.verdict)).toEqual([null, null]);
  const settled = analyseSheet(sheet(rows), { roles: { actual: "E" } });
  expect(settled.rolesUnclear).toBeUndefined();
  expect(settled.columns.actual).toBe("E");
  expect(settled.items.map((i) => i.verdict)).toEqual(["Chưa đạt", "Đạt"]);
  expect(settled.findings.filter((f) => f.severity !== "info")).toEqual([]);
  // Naming the nine months' column instead judges both as not achieved: row 2 says "Đạt".
  const nine = analyseSheet(sheet(rows), { roles: { actual: "D" } });
  expect(nine.findings.filter((f) => f.kind === "verdict-mismatch").map((f) => f.cell)).toEqual(["F3"]);
});

test("a column the clerk takes out of its role is not given another one by its content", () => {
  const rows = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú"],
    [1, "Trồng rừng tập trung", "ha", 40, 42, "Đạt"],
    [2, "Làm mới đường giao thông", "km", 5, 3, "Chưa đạt"],
    [3, "Kiên cố hóa kênh mương", "km", 2, 2, "Đạt"],
  ];
  // Read alone, a remarks column of verdict words is the verdict column.
  expect(analyseSheet(sheet(rows)).columns.verdict).toBe("F");
  const taken = analyseSheet(sheet(rows), { roles: { note: "" } });
  expect(taken.columns.verdict).toBeUndefined();
  expect(taken.columns.note).toBeUndefined();
  expect(taken.items.map((i) => i.verdict)).toEqual([null, null, null]);
});
