/**
 * What Soát Biểu writes computes in a real spreadsheet engine, not only in ours: LibreOffice
 * recalculates a filled template and a recalculated workbook, and every percent and verdict it
 * computes is compared with the engine's, to the cell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseSheet } from "../../src/engine";
import { readSnapshot } from "../../src/exceljs/read";
import { FIXTURES } from "../helpers/grid";
import { computedValues, recalculateWithLibreOffice, soffice } from "./recalc";

const ROOT = path.resolve(__dirname, "../..");
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/soat-bieu.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });

// CI installs LibreOffice (.ci/run); a developer machine without it is told, not silently passed.
const haveLibreOffice = soffice() !== null;
if (!haveLibreOffice) console.warn("LibreOffice is not installed: the cross-engine tests are skipped (apt-get install libreoffice-calc-nogui).");
const lo = haveLibreOffice ? test : test.skip;

function close(a: unknown, b: number | null): boolean {
  if (b === null) return a === null || a === "" || a === undefined;
  return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

lo(
  "a filled template: LibreOffice computes the same percent and verdict as the engine, cell by cell",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-tpl-"));
    const blank = path.join(dir, "mau.xlsx");
    expect(run("template", "-o", blank).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.worksheets[0];
    // Items 1–13 are rows 8–12, 14–18, 20–22: targets and actuals of every kind the formulas meet.
    const fill: [number, string, string, unknown, unknown][] = [
      [8, "Thu ngân sách", "đồng", 12000000, 7133000],
      [9, "Sản lượng lương thực", "tấn", 520, 498.6],
      [10, "Trồng khoai tây", "ha", 3, 4.5],
      [11, "Giao quân", "người", 0, 0],
      [12, "Cán bộ đạt chuẩn", "người", 20, null],
      [14, "Tỷ lệ thửa đất đăng ký", "%", "Từ 55% trở lên", 48.2],
      [15, "Câu lạc bộ mới", "CLB", 2, 3],
      [16, "Hộ nghèo được hỗ trợ", "hộ", 8, 8],
    ];
    for (const [row, name, unit, target, actual] of fill) {
      ws.getCell(`B${row}`).value = name;
      ws.getCell(`C${row}`).value = unit;
      ws.getCell(`D${row}`).value = target as ExcelJS.CellValue;
      ws.getCell(`E${row}`).value = actual as ExcelJS.CellValue;
    }
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const computed = await computedValues(recalculateWithLibreOffice(filled));
    const report = analyseSheet((await readSnapshot(readFileSync(filled), "filled.xlsx")).sheets[0]);
    for (const [row, , , target] of fill) {
      const item = report.items.find((i) => i.row === row)!;
      const pct = computed.get(`${ws.name}!F${row}`);
      const verdict = computed.get(`${ws.name}!G${row}`);
      expect([row, close(pct, item.percent)]).toEqual([row, true]);
      // A bound ("Từ 55% trở lên") is the engine's to judge: the template's formula stays blank until "Tính lại".
      const expectedVerdict = typeof target === "number" ? (item.verdict ?? "") : "";
      expect([row, verdict ?? ""]).toEqual([row, expectedVerdict]);
    }
  },
  180_000,
);

lo(
  "a recalculated workbook: LibreOffice's percents and verdicts equal the engine's on every item row",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-rc-"));
    const out = path.join(dir, "out.xlsx");
    expect(run("recalc", path.join(FIXTURES, "f2-binh-trung-table.xlsx"), "-o", out).status).toBe(0);
    // Poison every cached result, so only a real recalculation can give the right values.
    const poisoned = new ExcelJS.Workbook();
    await poisoned.xlsx.readFile(out);
    let formulas = 0;
    poisoned.worksheets[0].eachRow((row) =>
      row.eachCell((c) => {
        if (!c.formula) return;
        c.value = { formula: c.formula, result: -1 } as ExcelJS.CellFormulaValue;
        formulas++;
      }),
    );
    expect(formulas).toBeGreaterThan(20);
    const input = path.join(dir, "poisoned.xlsx");
    await poisoned.xlsx.writeFile(input);
    const computed = await computedValues(recalculateWithLibreOffice(input));
    const report = analyseSheet((await readSnapshot(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx")), "f2")).sheets[0]);
    const sheet = "Chỉ tiêu 6 tháng";
    let compared = 0;
    for (const item of report.items) {
      const pct = computed.get(`${sheet}!G${item.row}`);
      const verdict = computed.get(`${sheet}!I${item.row}`);
      expect([item.row, close(pct, item.percent)]).toEqual([item.row, true]);
      if (item.verdict) {
        expect([item.row, verdict]).toEqual([item.row, item.verdict]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(13);
    // The second baseline's percent column holds fractions (its cells are % formatted).
    expect(close(computed.get(`${sheet}!H8`), 7133000 / 13202000)).toBe(true);
  },
  180_000,
);

test("formulas are written in the locale-neutral form: English names and comma separators", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-f-"));
  const out = path.join(dir, "out.xlsx");
  expect(run("recalc", path.join(FIXTURES, "f2-binh-trung-table.xlsx"), "-o", out).status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const formulas: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
  expect(formulas.length).toBeGreaterThan(20);
  for (const f of formulas) {
    expect(f).toMatch(/^IF\((AND|OR)\(/);
    expect(f).not.toMatch(/;|NẾU|VÀ|ISNUMBER\s*;/);
  }
});
