/**
 * Highlights touch only the cells with findings. ExcelJS hands every cell saved with one style
 * index the same style object, as Excel and LibreOffice save a body; painting must give the cell
 * a copy. Checked on the bytes written, cell by cell, and through the browser preview's host
 * (Kiểm tra, Xóa đánh dấu, Tính lại, Hoàn tác).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook, planHighlights, planRecalc } from "../../src/engine";
import { loadWorkbook, workbookSnapshot } from "../../src/exceljs/read";
import { applyHighlights, workbookBytes } from "../../src/exceljs/write";
import { PreviewHost } from "../../src/preview/preview-host";
import { FIXTURES } from "../helpers/grid";

/** Every cell's fill and number format, by "sheet!A1", as the written file holds them. */
async function looks(wb: ExcelJS.Workbook): Promise<Map<string, string>> {
  const back = await loadWorkbook(await workbookBytes(wb));
  const out = new Map<string, string>();
  back.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => out.set(`${ws.name}!${c.address}`, JSON.stringify({ fill: c.style.fill ?? null, numFmt: c.numFmt ?? null }))),
    ),
  );
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => (before.get(k) ?? null) !== (after.get(k) ?? null)).sort();
}

/** A table as Excel saves it: one style for the whole body (border, font), one for the header. */
async function sharedStyleTable(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Biểu");
  const rows: (string | number)[][] = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"],
    [1, "Sản lượng lương thực", "tấn", 520, 498.6, 96.9, "Đạt"], // 95,88% and Chưa đạt
    [2, "Trồng rừng mới", "ha", 25, 27.35, 109.4, "Đạt"],
    [3, "Câu lạc bộ mới", "CLB", 2, 3, 150, "Đạt"],
    [4, "Thu ngân sách", "triệu đồng", 12000, 13000, 108.33, "Chưa đạt"], // Đạt
    [5, "Hộ được hỗ trợ", "hộ", 8, 8, 100, "Đạt"],
  ];
  const body: Partial<ExcelJS.Style> = {
    font: { name: "Times New Roman", size: 12 },
    border: { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } },
  };
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      cell.style = i === 0 ? { ...body, font: { name: "Times New Roman", size: 12, bold: true } } : body;
    }),
  );
  // Saved and opened again, the body cells share one style object, as in any saved workbook.
  return loadWorkbook(await workbookBytes(wb));
}

test("a workbook whose body shares one style: after a check exactly the finding cells carry a new fill", async () => {
  const wb = await sharedStyleTable();
  const ws = wb.getWorksheet("Biểu")!;
  expect(ws.getCell("F2").style).toBe(ws.getCell("B6").style); // the trap is set
  const before = await looks(wb);
  const highlights = planHighlights(analyseWorkbook(workbookSnapshot(wb, "biểu")));
  expect(highlights.map((h) => h.cell).sort()).toEqual(["F2", "G2", "G5"]);
  expect(applyHighlights(wb, highlights)).toBe(3);
  expect(changed(before, await looks(wb))).toEqual(["Biểu!F2", "Biểu!G2", "Biểu!G5"]);
  // The painted cells keep the rest of their style.
  expect(ws.getCell("F2").border).toEqual(ws.getCell("F3").border);
  expect(ws.getCell("F2").font).toEqual(ws.getCell("F3").font);
});

test("the table fixture: one wrong figure in H10 colours H10 alone (not H8, H11, H13 … that share its style)", async () => {
  const wb = await loadWorkbook(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx")));
  const ws = wb.worksheets[0];
  expect(ws.getCell("H10").style).toBe(ws.getCell("H8").style);
  ws.getCell("H10").value = 0.5; // the second baseline's percent (a % cell): wrong
  const before = await looks(wb);
  const highlights = planHighlights(analyseWorkbook(workbookSnapshot(wb, "f2")));
  expect(highlights.map((h) => h.cell)).toContain("H10");
  applyHighlights(wb, highlights);
  expect(changed(before, await looks(wb))).toEqual(highlights.map((h) => `${h.sheet}!${h.cell}`).sort());
});

test("the narrative fixture: the pane's count of painted cells is the count of cells that change", async () => {
  const wb = await loadWorkbook(readFileSync(path.join(FIXTURES, "f1-hai-yen-narrative.xlsx")));
  const before = await looks(wb);
  const highlights = planHighlights(analyseWorkbook(workbookSnapshot(wb, "f1")));
  const n = applyHighlights(wb, highlights);
  const diff = changed(before, await looks(wb));
  expect(diff).toEqual(highlights.map((h) => `${h.sheet}!${h.cell}`).sort());
  expect(diff.length).toBe(n);
});

test("preview host: Kiểm tra, Tính lại, Xóa đánh dấu and Hoàn tác give back the exact styles", async () => {
  const wb = await sharedStyleTable();
  const host = new PreviewHost(wb);
  const original = await looks(wb);
  const snap = await host.readSheet("Biểu");
  const highlights = planHighlights(analyseWorkbook({ sheets: [snap] }));
  await host.applyHighlights(highlights, "vi");
  expect(changed(original, await looks(wb))).toEqual(["Biểu!F2", "Biểu!G2", "Biểu!G5"]);
  expect(await host.clearHighlights()).toBe(3);
  expect(changed(original, await looks(wb))).toEqual([]);
  expect(wb.getWorksheet("Biểu")!.getCell("F2").note).toBeUndefined();

  // Painted, then recalculated: the written cells keep their highlight until the re-check …
  await host.applyHighlights(highlights, "vi");
  const writes = planRecalc({ sheets: [await host.readSheet("Biểu")] });
  expect(writes.length).toBeGreaterThan(0);
  await host.applyWrites(writes);
  // … which finds them right and takes the highlight away; only the written cells differ now.
  const again = planHighlights(analyseWorkbook({ sheets: [await host.readSheet("Biểu")] }));
  expect(again).toEqual([]);
  await host.applyHighlights(again, "vi");
  const written = writes.map((w) => `Biểu!${w.cell}`);
  for (const k of changed(original, await looks(wb))) expect(written).toContain(k);
  // Undo gives every cell back its own style: the file is as it was.
  await host.undo();
  expect(changed(original, await looks(wb))).toEqual([]);
});
