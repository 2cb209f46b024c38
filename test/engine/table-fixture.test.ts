/**
 * The public table fixture read with a small local ExcelJS loop (independent of the product's
 * adapters), straight from ../shared/fixtures when it is there, else from the copy in
 * test/fixtures: every expected finding at its cell, no other error or warning, every item's
 * percent and verdict. expected.json is only compared with, never fed to the engine.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseSheet, planSheetRecalc, recogniseSheet } from "../../src/engine";
import type { CellRange, CellValue, SheetSnapshot } from "../../src/engine/snapshot";
import { FIXTURES, SHARED } from "../helpers/grid";

const FILE = "f2-binh-trung-table.xlsx";
const source = existsSync(path.join(SHARED, "fixtures", FILE)) ? path.join(SHARED, "fixtures", FILE) : path.join(FIXTURES, FILE);
const expectedPath = existsSync(path.join(SHARED, "fixtures", "expected.json")) ? path.join(SHARED, "fixtures", "expected.json") : path.join(FIXTURES, "expected.json");

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

async function loadSheets(file: string): Promise<SheetSnapshot[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const bold: boolean[][] = [];
    for (let r = 1; r <= rows; r++) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      const nr: (string | null)[] = [];
      const br: boolean[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        // A merged area holds its value in its top-left cell only.
        const slave = cell.isMerged && cell.master !== cell;
        vr.push(slave ? null : cellValue(cell.value));
        fr.push(!slave && cell.formula ? `=${cell.formula}` : null);
        nr.push(cell.numFmt ?? null);
        br.push(cell.font?.bold === true);
      }
      values.push(vr);
      formulas.push(fr);
      numberFormats.push(nr);
      bold.push(br);
    }
    const merges: CellRange[] = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b] = m.split(":").map((x) => ws.getCell(x));
      return { top: Number(a.row), left: Number(a.col), bottom: Number(b.row), right: Number(b.col) };
    });
    return { name: ws.name, origin: { row: 1, col: 1 }, values, formulas, numberFormats, bold, merges, hiddenRows: [], hiddenCols: [] };
  });
}

describe(`${FILE} through a local ExcelJS loop`, () => {
  const expected = JSON.parse(readFileSync(expectedPath, "utf8"))[FILE] as {
    recognized: Record<string, string>;
    columns: Record<string, Record<string, string>>;
    findings: { sheet: string; cell: string; kind: string; required: boolean }[];
    items: { sheet: string; row: number; percent: number | null; verdict: string | null }[];
  };
  let sheets: SheetSnapshot[];
  beforeAll(async () => {
    sheets = await loadSheets(source);
  });

  test("every sheet recognised as expected, with its column map", () => {
    for (const [name, layout] of Object.entries(expected.recognized)) {
      const report = analyseSheet(sheets.find((s) => s.name === name)!);
      expect([name, report.recognized, report.layout]).toEqual([name, true, layout]);
      expect(report.columns).toMatchObject(expected.columns[name]);
    }
  });

  test("every expected finding at its cell, and no other error or warning", () => {
    for (const name of Object.keys(expected.recognized)) {
      const report = analyseSheet(sheets.find((s) => s.name === name)!);
      const got = report.findings.filter((f) => f.severity !== "info").map((f) => `${f.kind}@${f.cell}`);
      const want = expected.findings.filter((f) => f.sheet === name).map((f) => `${f.kind}@${f.cell}`);
      expect(got.sort()).toEqual(want.sort());
    }
  });

  test("every item's computed percent (within 0,05 points) and verdict", () => {
    for (const it of expected.items) {
      const report = analyseSheet(sheets.find((s) => s.name === it.sheet)!);
      const got = report.items.find((i) => i.row === it.row);
      expect(got).toBeDefined();
      expect([it.row, got!.verdict]).toEqual([it.row, it.verdict]);
      if (it.percent === null) expect([it.row, got!.percent]).toEqual([it.row, null]);
      else expect(Math.abs(got!.percent! - it.percent)).toBeLessThan(0.05);
    }
  });

  test("the recalculation plan touches only percent and verdict cells of item rows", () => {
    const report = analyseSheet(sheets[0]);
    const itemRows = new Set(report.items.filter((i) => i.stt && /^\d/.test(i.stt)).map((i) => i.row));
    const writes = planSheetRecalc(recogniseSheet(sheets[0]));
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      expect(itemRows.has(Number(w.cell.replace(/\D/g, "")))).toBe(true);
      expect(["G", "H", "I"]).toContain(w.cell.replace(/\d/g, ""));
    }
  });
});
