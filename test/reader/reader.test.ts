/** The streaming reader gives the same snapshot as the ExcelJS adapter, and reads what Excel writes. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readSnapshot } from "../../src/exceljs/read";
import { readXlsx, ReaderError } from "../../src/reader/xlsx";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { FIXTURES } from "../helpers/grid";
import { SHEET, xlsx } from "../helpers/xlsx-parts";

const KEYS = ["name", "origin", "values", "formulas", "numberFormats", "merges", "bold", "fills", "hiddenRows", "hiddenCols", "protected"] as const;
const GRIDS = new Set(["values", "formulas", "numberFormats", "bold", "fills"]);

/** A snapshot with every grid dense (sparse rows filled, a missing grid all null), for comparison. */
function dense(s: SheetSnapshot) {
  const height = s.values.length;
  const width = Math.max(0, ...s.values.map((r) => r.length));
  const out: Record<string, unknown> = {};
  for (const k of KEYS) {
    const v = s[k];
    if (!GRIDS.has(k)) {
      out[k] = v ?? null;
      continue;
    }
    const g = (v as unknown[][] | undefined) ?? [];
    const empty = k === "bold" ? false : null;
    out[k] = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => g[r]?.[c] ?? empty));
  }
  return out;
}

test.each(["f1-hai-yen-narrative.xlsx", "f2-binh-trung-table.xlsx"])("%s: the same snapshot as the ExcelJS adapter", async (name) => {
  const bytes = readFileSync(path.join(FIXTURES, name));
  const a = await readSnapshot(bytes, name);
  const b = readXlsx(new Uint8Array(bytes), name);
  expect(b.sheets.length).toBe(a.sheets.length);
  a.sheets.forEach((s, i) => {
    const x = dense(s);
    const y = dense(b.sheets[i]);
    for (const k of KEYS) expect([k, y[k]]).toEqual([k, x[k]]);
  });
});

test("a workbook written by ExcelJS with shared formulas, errors, booleans, dates, hidden rows and columns, protection", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.addRow(["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Ngày"]);
  for (let i = 1; i <= 5; i++) ws.addRow([i, `Chỉ tiêu ${i}`, 10 * i, 9 * i, null, i % 2 ? true : false, new Date(Date.UTC(2024, 5, i))]);
  ws.getCell("E2").value = { formula: "D2/C2*100", result: 90, shareType: "shared", ref: "E2:E6" } as ExcelJS.CellFormulaValue;
  for (let r = 3; r <= 6; r++) ws.getCell(`E${r}`).value = { sharedFormula: "E2", result: 90 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("C7").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("E2").numFmt = "0.00";
  ws.getCell("B2").font = { bold: true };
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  ws.getRow(4).hidden = true;
  ws.getColumn(7).hidden = true;
  ws.mergeCells("A9:C9");
  ws.getCell("A9").value = "NGƯỜI LẬP BIỂU";
  await ws.protect("", {});
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const fast = readXlsx(bytes, "t").sheets[0];
  const slow = (await readSnapshot(bytes, "t")).sheets[0];
  const x = dense(slow);
  const y = dense(fast);
  for (const k of KEYS) expect([k, y[k]]).toEqual([k, x[k]]);
  expect(fast.formulas![3][4]).toBe("=D4/C4*100");
  expect(fast.values[6][2]).toEqual({ error: "#DIV/0!" });
  expect(fast.hiddenRows).toEqual([4]);
  expect(fast.hiddenCols).toEqual([7]);
  expect(fast.protected).toBe(true);
});

test("inline strings, rich shared strings without their phonetic runs, cells without addresses", () => {
  const bytes = xlsx(
    [SHEET(`<row r="1"><c t="inlineStr"><is><t>Kế </t><t>hoạch</t></is></c><c t="s"><v>0</v></c><c t="b"><v>1</v></c></row><row r="3"><c r="B3" t="e"><v>#REF!</v></c></row>`)],
    {
      "xl/sharedStrings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Thực </t></r><r><t>hiện</t></r><rPh><t>x</t></rPh></si></sst>`,
    },
  );
  const s = readXlsx(bytes).sheets[0];
  expect(s.values).toEqual([
    ["Kế hoạch", "Thực hiện", true],
    [null, null, null],
    [null, { error: "#REF!" }, null],
  ]);
});

test("bad packages are refused with a code, never a crash", () => {
  const code = (bytes: Uint8Array) => {
    try {
      readXlsx(bytes);
      return "read";
    } catch (e) {
      return e instanceof ReaderError ? e.code : `crash: ${e}`;
    }
  };
  expect(code(new TextEncoder().encode("STT,Chỉ tiêu"))).toBe("notZip");
  expect(code(xlsx([SHEET(`<row r="1"><c t="s"><v>0</v></c></row>`)]))).toBe("missingSharedStrings");
  expect(code(xlsx([`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`]))).toBe("doctype");
  const good = xlsx([SHEET(`<row r="1"><c><v>1</v></c></row>`)]);
  expect(code(good.subarray(0, good.length - 30))).toBe("corrupt");
});
