/** The ExcelJS adapter's writing side: a plan applied to a loaded workbook, read back from its bytes. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseWorkbook, planHighlights, planRecalc, HIGHLIGHT_FILL, type CellWrite } from "../../src/engine";
import { loadWorkbook, readSnapshot, workbookSnapshot } from "../../src/exceljs/read";
import { applyHighlights, applyWrites, workbookBytes } from "../../src/exceljs/write";
import { FIXTURES } from "../helpers/grid";

const F2 = readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"));
const SHEET = "Chỉ tiêu 6 tháng";

const write = (cell: string, w: Partial<CellWrite>): CellWrite => ({ sheet: SHEET, cell, role: "percent", value: null, before: { value: null, formula: null }, ...w });

test("a formula write keeps the cell's style, stores formula and result, and leaves the rest alone", async () => {
  const wb = await loadWorkbook(F2);
  const ws = wb.getWorksheet(SHEET)!;
  const styleBefore = JSON.parse(JSON.stringify(ws.getCell("G10").style));
  const n = applyWrites(wb, [
    write("G10", { formula: '=IF(AND(ISNUMBER(D10),ISNUMBER(F10),D10<>0),F10/D10*100,"")', value: 95.88 }),
    write("I12", { role: "verdict", value: "Chưa đạt" }),
    write("H10", { formula: "=F10/E10", value: 0.9233, numberFormat: "0.00%" }),
    write("A1", { sheet: "Không có sheet này", value: 1 }),
  ]);
  expect(n).toBe(3);
  const back = await loadWorkbook(await workbookBytes(wb));
  const out = back.getWorksheet(SHEET)!;
  expect(out.getCell("G10").value).toEqual({ formula: 'IF(AND(ISNUMBER(D10),ISNUMBER(F10),D10<>0),F10/D10*100,"")', result: 95.88 });
  expect(JSON.parse(JSON.stringify(out.getCell("G10").style))).toEqual(styleBefore);
  expect(out.getCell("I12").value).toBe("Chưa đạt");
  expect(out.getCell("H10").numFmt).toBe("0.00%");
  expect(out.getCell("B10").value).toBe("Sản lượng lương thực vụ xuân");
  expect(out.getCell("G8").value).toBe(59.44);
  expect((out.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(["A1:J1", "D4:E4", "G4:H4", "A4:A5"]));
  expect(out.getColumn(2).width).toBe(ws.getColumn(2).width);
  expect(back.worksheets.length).toBe(wb.worksheets.length);
});

test("the engine's recalculation plan, written and read back, leaves nothing to recalculate", async () => {
  const wb = await loadWorkbook(F2);
  const writes = planRecalc(workbookSnapshot(wb, "f2"));
  expect(writes.length).toBeGreaterThan(0);
  applyWrites(wb, writes);
  const again = await readSnapshot(await workbookBytes(wb), "f2");
  const kinds = analyseWorkbook(again).sheets[0].findings.map((f) => `${f.kind}@${f.cell}`);
  expect(kinds).not.toContain("percent-mismatch@G10");
  expect(kinds).not.toContain("verdict-mismatch@I12");
  const percentCells = writes.filter((w) => w.role === "percent" && w.formula).map((w) => w.cell);
  const s = again.sheets[0];
  for (const cell of percentCells) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const j = m[1].charCodeAt(0) - 64 - s.origin.col;
    const i = Number(m[2]) - s.origin.row;
    expect(s.formulas?.[i]?.[j]).toMatch(/^=/);
  }
});

test("highlights paint the severity's fill and leave the message in the cell's note", async () => {
  const wb = await loadWorkbook(F2);
  const report = analyseWorkbook(workbookSnapshot(wb, "f2"));
  const highlights = planHighlights(report);
  const g10 = highlights.find((h) => h.cell === "G10")!;
  expect(g10.severity).toBe("error");
  expect(applyHighlights(wb, highlights, "vi")).toBe(highlights.length);
  const back = await loadWorkbook(await workbookBytes(wb));
  const cell = back.getWorksheet(SHEET)!.getCell("G10");
  expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${HIGHLIGHT_FILL.error.slice(1)}`);
  expect(cell.value).toBe(96.9); // the value is never touched
  const note = cell.note as ExcelJS.Comment;
  const text = (typeof note === "string" ? note : note.texts!.map((t) => t.text).join("")).replace(/\r/g, "");
  expect(text).toContain("Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%.");

  const en = await loadWorkbook(F2);
  applyHighlights(en, [g10], "en");
  const enNote = en.getWorksheet(SHEET)!.getCell("G10").note as ExcelJS.Comment;
  expect(enNote.texts!.map((t) => t.text).join("")).toContain("The percent says 96.9% but 498.6/520 = 95.88%.");
});

/** The data validations' ranges of every sheet part in `bytes`, as written. */
function validationRanges(bytes: Uint8Array): string[][] {
  const { unzipSync, strFromU8 } = require("fflate") as typeof import("fflate");
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
    .map((k) => [...strFromU8(parts[k]).matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]));
}

function overlaps(ranges: string[]): boolean {
  const cells = new Set<string>();
  for (const r of ranges.flatMap((x) => x.split(" "))) {
    const [a, b = a] = r.split(":");
    const [c1, c2] = [a.replace(/\d+/g, "").charCodeAt(0), b.replace(/\d+/g, "").charCodeAt(0)];
    for (let c = c1; c <= c2; c++)
      for (let i = Number(a.replace(/\D+/g, "")); i <= Number(b.replace(/\D+/g, "")); i++) {
        const k = `${String.fromCharCode(c)}${i}`;
        if (cells.has(k)) return true;
        cells.add(k);
      }
  }
  return false;
}

test("data validations never overlap: the template's verdict list, and a workbook read and written again", async () => {
  const { buildTemplate } = await import("../../src/engine/template");
  const { templateWorkbook } = await import("../../src/exceljs/template");
  const first = await workbookBytes(templateWorkbook(buildTemplate()));
  expect(validationRanges(first)).toEqual([["G7:G22"]]);
  // ExcelJS reads G7:G22 as one entry per cell and, left alone, writes G10:G22 and G7:G22 back.
  const again = await workbookBytes(await loadWorkbook(first));
  expect(validationRanges(again)).toEqual([["G7:G22"]]);
  const wb = await loadWorkbook(first);
  const ws = wb.worksheets[0];
  for (const c of ["B8", "B9", "B10", "B11", "C12"]) ws.getCell(c).dataValidation = { type: "whole", operator: "greaterThan", formulae: [0], allowBlank: true };
  for (let r = 4; r <= 6; r++) for (const c of ["I", "J", "K"]) ws.getCell(`${c}${r}`).dataValidation = { type: "decimal", operator: "between", formulae: [0, 100], allowBlank: true };
  const mixed = validationRanges(await workbookBytes(wb))[0];
  expect(overlaps(mixed)).toBe(false);
  expect(mixed.sort()).toEqual(["B8:B11", "C12", "G7:G22", "I4:K6"]);
});
