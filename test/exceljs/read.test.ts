/** The ExcelJS adapter's reading side: workbook bytes → WorkbookSnapshot, on the fixtures and on crafted workbooks. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { dateToSerial, loadWorkbook, readSnapshot } from "../../src/exceljs/read";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { FIXTURES } from "../helpers/grid";

const F1 = readFileSync(path.join(FIXTURES, "f1-hai-yen-narrative.xlsx"));
const F2 = readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"));

/** The value at an A1 address of a snapshot, whatever its origin. */
function at(s: SheetSnapshot, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const i = Number(m[2]) - s.origin.row;
  const j = col - s.origin.col;
  return { value: s.values[i]?.[j] ?? null, format: s.numberFormats?.[i]?.[j] ?? null, formula: s.formulas?.[i]?.[j] ?? null, bold: s.bold?.[i]?.[j] ?? false, fill: s.fills?.[i]?.[j] ?? null };
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("fixtures", () => {
  test("f2: a merged header keeps its value only in the top-left cell, though ExcelJS repeats it", async () => {
    const raw = (await loadWorkbook(F2)).worksheets[0];
    expect(raw.getCell("E4").value).toBe("Kế hoạch năm 2023"); // what ExcelJS gives for the merged-away cell
    const s = (await readSnapshot(F2, "f2")).sheets[0];
    expect(s.name).toBe("Chỉ tiêu 6 tháng");
    expect(at(s, "D4").value).toBe("Kế hoạch năm 2023");
    expect(at(s, "E4").value).toBeNull();
    expect(at(s, "A4").value).toBe("STT");
    expect(at(s, "A5").value).toBeNull(); // A4:A5
    expect(at(s, "B1").value).toBeNull(); // A1:J1
    expect(s.merges).toEqual(expect.arrayContaining([
      { top: 1, left: 1, bottom: 1, right: 10 },
      { top: 4, left: 4, bottom: 4, right: 5 },
      { top: 4, left: 1, bottom: 5, right: 1 },
    ]));
  });

  test("f2: percent formats, numbers as numbers, error cells as errors", async () => {
    const s = (await readSnapshot(F2, "f2")).sheets[0];
    expect(at(s, "H8")).toMatchObject({ value: 0.5403, format: "0.00%" });
    expect(at(s, "G10")).toMatchObject({ value: 96.9, format: null });
    expect(at(s, "D9").value).toBe(4836700000);
    expect(at(s, "F10").value).toBe(498.6);
    expect(at(s, "G29").value).toEqual({ error: "#DIV/0!" });
    expect(at(s, "H29").value).toEqual({ error: "#DIV/0!" });
    expect(s.hiddenRows).toEqual([]);
    expect(s.protected).toBe(false);
    expect(s.hidden).toBe(false);
  });

  test("f1: three merged title rows, prose in the first cell of each", async () => {
    const wb = await readSnapshot(F1, "f1");
    expect(wb.name).toBe("f1");
    const s = wb.sheets[0];
    expect(s.merges.slice(0, 3)).toEqual([1, 2, 3].map((r) => ({ top: r, left: 1, bottom: r, right: 3 })));
    for (const r of [1, 2, 3]) {
      expect(typeof at(s, `A${r}`).value).toBe("string");
      expect(at(s, `B${r}`).value).toBeNull();
      expect(at(s, `C${r}`).value).toBeNull();
    }
  });

  test("an ArrayBuffer reads the same as a Uint8Array (the browser hands one over)", async () => {
    const u8 = new Uint8Array(F2);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;
    expect(await readSnapshot(ab, "f2")).toEqual(await readSnapshot(u8, "f2"));
  });
});

describe("crafted workbooks", () => {
  test("formulas: cached result and text with '=', shared formulas resolved, error results, no result → null", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu");
    ws.addRow(["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]);
    for (let i = 1; i <= 3; i++) ws.addRow([i, `Chỉ tiêu ${i}`, 10 * i, 9 * i]);
    ws.getCell("E2").value = { formula: "D2/C2*100", result: 90, shareType: "shared", ref: "E2:E4" } as ExcelJS.CellFormulaValue;
    ws.getCell("E3").value = { sharedFormula: "E2", result: 90 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("E4").value = { sharedFormula: "E2", result: 90 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("D5").value = { formula: "SUM(D2:D4)" } as ExcelJS.CellFormulaValue;
    const s = (await readSnapshot(await bytesOf(wb))).sheets[0];
    expect(at(s, "E2")).toMatchObject({ value: 90, formula: "=D2/C2*100" });
    expect(at(s, "E3")).toMatchObject({ value: 90, formula: "=D3/C3*100" });
    expect(at(s, "E4")).toMatchObject({ value: 90, formula: "=D4/C4*100" });
    expect(at(s, "C5")).toMatchObject({ value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(at(s, "D5")).toMatchObject({ value: null, formula: "=SUM(D2:D4)" });
    expect(at(s, "A2").formula).toBeNull();
  });

  test("dates become Excel serials, rich text and hyperlinks plain text, booleans stay booleans", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell("A2").value = { richText: [{ text: "Thực ", font: { bold: true } }, { text: "hiện" }] } as ExcelJS.CellRichTextValue;
    ws.getCell("A3").value = { text: "Cổng thông tin", hyperlink: "https://example.vn" } as ExcelJS.CellHyperlinkValue;
    ws.getCell("A4").value = true;
    ws.getCell("A5").value = "1.147,63";
    const s = (await readSnapshot(await bytesOf(wb))).sheets[0];
    expect(at(s, "A1").value).toBe(45473); // 30/6/2024
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2); // Excel's 1900 leap-year quirk sits before 1/3/1900
    expect(at(s, "A2").value).toBe("Thực hiện");
    expect(at(s, "A3").value).toBe("Cổng thông tin");
    expect(at(s, "A4").value).toBe(true);
    expect(at(s, "A5").value).toBe("1.147,63"); // text stays text: the engine parses Vietnamese numbers
  });

  test("used range with its origin, bold, fills, hidden rows and columns, protection, hidden sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng");
    ws.getCell("C3").value = "Chỉ tiêu";
    ws.getCell("C3").font = { bold: true };
    ws.getCell("E6").value = 12;
    ws.getCell("E6").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("D4").value = 1;
    ws.getCell("D4").numFmt = "#,##0.00";
    ws.getRow(5).hidden = true;
    ws.getCell("C5").value = "ẩn";
    ws.getColumn(4).hidden = true;
    await ws.protect("", {});
    const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("A1").value = "danh mục";
    wb.addWorksheet("Trống");
    const [a, b, c] = (await readSnapshot(await bytesOf(wb))).sheets;
    expect(a.origin).toEqual({ row: 3, col: 3 });
    expect(a.values.length).toBe(4);
    expect(a.values[0].length).toBe(3);
    expect(at(a, "C3")).toMatchObject({ value: "Chỉ tiêu", bold: true, fill: null });
    expect(at(a, "E6")).toMatchObject({ value: 12, bold: false, fill: "#FFC7CE" });
    expect(at(a, "D4").format).toBe("#,##0.00");
    expect(a.hiddenRows).toEqual([5]);
    expect(a.hiddenCols).toEqual([4]);
    expect(a.protected).toBe(true);
    expect(a.hidden).toBe(false);
    expect(b).toMatchObject({ name: "Ẩn", hidden: true, protected: false });
    expect(c).toMatchObject({ name: "Trống", values: [], merges: [], hidden: false });
  });

  test("a merge reaching past the last value widens the used range; merged-away cells are null", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "BIỂU ĐÁNH GIÁ";
    ws.mergeCells("A1:F2");
    ws.getCell("A3").value = 1;
    const s = (await readSnapshot(await bytesOf(wb))).sheets[0];
    expect(s.values.length).toBe(3);
    expect(s.values[0]).toEqual(["BIỂU ĐÁNH GIÁ", null, null, null, null, null]);
    expect(s.values[1]).toEqual([null, null, null, null, null, null]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 6 }]);
  });
});
