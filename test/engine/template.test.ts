/** The template round-trips: filled correctly it checks clean; with planted errors, exactly those are found. */
import ExcelJS from "exceljs";
import { analyseSheet } from "../../src/engine";
import { buildTemplate } from "../../src/engine/template";
import { templateWorkbook } from "../../src/exceljs/template";
import { readSnapshot } from "../../src/exceljs/read";
import { readXlsx } from "../../src/reader/xlsx";

async function filled(plant: (ws: ExcelJS.Worksheet) => void) {
  const wb = templateWorkbook(buildTemplate({ commune: "Thử Nghiệm", period: "6 tháng đầu năm 2025" }));
  const ws = wb.worksheets[0];
  const rows: [number, string, string, number | string, number][] = [
    [8, "Thu ngân sách trên địa bàn", "đồng", 12000000, 13000000],
    [9, "Sản lượng lương thực", "tấn", 520, 498.6],
    [10, "Trồng rừng mới", "ha", 25, 27.35],
    [11, "Tỷ lệ hộ nghèo", "%", 5, 4.2],
    [12, "Số vụ cháy rừng", "vụ", 0, 0],
    [14, "Tỷ lệ thửa đất đăng ký lần đầu", "%", "Từ 55% trở lên", 60],
    [15, "Câu lạc bộ mới", "CLB", 2, 3],
  ];
  for (const [r, name, unit, target, actual] of rows) {
    ws.getCell(`B${r}`).value = name;
    ws.getCell(`C${r}`).value = unit;
    ws.getCell(`D${r}`).value = target;
    ws.getCell(`E${r}`).value = actual;
    // What a spreadsheet shows after computing: the right percent and verdict.
    const pct = typeof target === "number" && target !== 0 ? (actual / target) * 100 : "";
    const meets = typeof target === "number" ? (/hộ nghèo|cháy/.test(name) ? actual <= target : actual >= target) : actual >= 55;
    ws.getCell(`F${r}`).value = { formula: (ws.getCell(`F${r}`).formula as string) ?? "", result: pct } as ExcelJS.CellFormulaValue;
    // A bound target ("Từ 55% trở lên") has its live verdict formula too.
    ws.getCell(`G${r}`).value = { formula: ws.getCell(`G${r}`).formula as string, result: meets ? "Đạt" : "Chưa đạt" } as ExcelJS.CellFormulaValue;
  }
  plant(ws);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { bytes, sheet: (await readSnapshot(bytes, "mau.xlsx")).sheets[0] };
}

test("a correctly filled template checks clean", async () => {
  const { sheet, bytes } = await filled(() => undefined);
  const report = analyseSheet(sheet);
  expect(report).toMatchObject({ recognized: true, layout: "table" });
  expect(report.findings).toEqual([]);
  expect(report.items.filter((i) => i.verdict).length).toBe(7);
  // The streaming reader agrees with ExcelJS on the same file.
  expect(analyseSheet(readXlsx(bytes).sheets[0]).findings).toEqual([]);
});

test("exactly the planted errors are found, each at its cell", async () => {
  const { sheet } = await filled((ws) => {
    ws.getCell("F9").value = 96.9; // typed over the formula: 498,6/520 = 95,88
    ws.getCell("G10").value = "Chưa đạt"; // 27,35 ≥ 25
    ws.getCell("A22").value = 14; // 13 comes after 12, not 14
    ws.getCell("D16").value = "2.800.00"; // a malformed target
    ws.getCell("B16").value = "Kinh phí hỗ trợ";
    ws.getCell("E16").value = 100;
  });
  const report = analyseSheet(sheet);
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`)).toEqual([
    "percent-mismatch@F9",
    "verdict-mismatch@G10",
    "malformed-number@D16",
    "numbering-gap@A22",
  ]);
});
