/**
 * What Soát Biểu writes computes in a real spreadsheet engine, not only in ours: LibreOffice
 * recalculates a filled template and a recalculated workbook, and every percent and verdict it
 * computes is compared with the engine's, to the cell.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseSheet } from "../../src/engine";
import { dec } from "../../src/engine/decimal";
import { percentFormula, verdictFormula } from "../../src/engine/formulas";
import { evaluateTarget, parseTarget, percentOf } from "../../src/engine/targets";
import { isLowerIsBetter, readVerdict } from "../../src/engine/verdicts";
import { readSnapshot } from "../../src/exceljs/read";
import { FIXTURES } from "../helpers/grid";
import { computedValues, libreOfficeShown, libreOfficeValues, parseCsv, recalculateWithLibreOffice, runBounded, soffice } from "./recalc";

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
  "the formulas of formulas.ts: LibreOffice computes the engine's percent (both forms) and verdict (both directions), cell by cell",
  async () => {
    // Name, target, actual: targets 0, empty and text, equal figures, lower-is-better on both sides.
    const cases: [string, ExcelJS.CellValue, ExcelJS.CellValue][] = [
      ["Thu ngân sách", 12000000, 7133000],
      ["Sản lượng lương thực", 520, 498.6],
      ["Trồng khoai tây", 3, 4.5],
      ["Một phần ba", 3, 1],
      ["Giao quân", 8, 8],
      ["Giao quân bổ sung", 0, 0],
      ["Dân quân", 0, 5],
      ["Cán bộ đạt chuẩn", 20, null],
      ["Câu lạc bộ", null, 3],
      ["Tỷ lệ thửa đất", "Từ 55% trở lên", 48.2],
      ["Tỷ lệ hộ nghèo", 5, 4.2],
      ["Tỷ lệ hộ nghèo cuối năm", 5, 5],
      ["Số vụ cháy rừng", 2, 3],
      ["Thu nhỏ", 0.3, 0.1],
    ];
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-fx-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Công thức");
    ws.addRow(["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Tỷ lệ", "Đánh giá"]);
    cases.forEach(([name, target, actual], i) => {
      const r = i + 2;
      ws.getCell(`A${r}`).value = name;
      if (target !== null) ws.getCell(`B${r}`).value = target;
      if (actual !== null) ws.getCell(`C${r}`).value = actual;
      // Poisoned cached results: only a real recalculation gives the right values.
      const f = (formula: string, result: number | string) => ({ formula: formula.slice(1), result }) as ExcelJS.CellFormulaValue;
      ws.getCell(`D${r}`).value = f(percentFormula(`B${r}`, `C${r}`), -1);
      ws.getCell(`E${r}`).value = f(percentFormula(`B${r}`, `C${r}`, { fraction: true }), -1);
      ws.getCell(`E${r}`).numFmt = "0.00%";
      ws.getCell(`F${r}`).value = f(verdictFormula(`B${r}`, `C${r}`, { lowerIsBetter: isLowerIsBetter(name) }), "x");
    });
    const file = path.join(dir, "formulas.xlsx");
    await wb.xlsx.writeFile(file);
    const computed = await libreOfficeValues(file);

    let percents = 0;
    const verdicts = new Set<string>();
    cases.forEach(([name, target, actual], i) => {
      const r = i + 2;
      // The engine's own evaluation; the formulas speak only for number targets and actuals.
      const numbers = typeof target === "number" && typeof actual === "number";
      const t = numbers ? parseTarget(target) : null;
      const pct = t ? percentOf(t, dec(actual as number)) : null;
      const verdict = t ? evaluateTarget(t, dec(actual as number), { lowerIsBetter: isLowerIsBetter(name) }) : null;
      const at = (c: string) => computed.get(`Công thức!${c}${r}`);
      expect([name, close(at("D"), pct === null ? null : pct.toNumber())]).toEqual([name, true]);
      expect([name, close(at("E"), pct === null ? null : pct.div(100).toNumber())]).toEqual([name, true]);
      expect([name, at("F") ?? ""]).toEqual([name, verdict ?? ""]);
      if (pct !== null) percents++;
      if (verdict) verdicts.add(`${verdict} ${isLowerIsBetter(name) ? "≤" : "≥"}`);
    });
    // The cases reach every branch: computed percents, and both verdicts in both directions.
    expect(percents).toBe(9);
    expect([...verdicts].sort()).toEqual(["Chưa đạt ≤", "Chưa đạt ≥", "Đạt ≤", "Đạt ≥"]);
  },
  180_000,
);

lo("a conversion that outlives its time limit is stopped with a plain sentence", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-to-"));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("A").getCell("A1").value = 1;
  const file = path.join(dir, "a.xlsx");
  await wb.xlsx.writeFile(file);
  await expect(recalculateWithLibreOffice(file, 300)).rejects.toThrow("LibreOffice did not finish within 0.3 s and was stopped.");
});

test("the time limit kills the whole process group (soffice starts oosplash, which starts soffice.bin)", async () => {
  const marker = `sleep 31.${process.pid}`;
  const started = Date.now();
  const { code } = await runBounded("/bin/sh", ["-c", `${marker} & ${marker}; :`], 300);
  expect(code).toBe("timeout");
  expect(Date.now() - started).toBeLessThan(10_000);
  await new Promise((r) => setTimeout(r, 200));
  // pgrep exits 1 when no process matches: neither the shell's child nor its grandchild survived.
  expect(spawnSync("pgrep", ["-f", marker]).status).toBe(1);
});

lo(
  "a filled template, bound targets included: LibreOffice computes the engine's percent and verdict, cell by cell, and the recalculated file checks clean",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-tpl-"));
    const blank = path.join(dir, "mau.xlsx");
    expect(run("template", "-o", blank).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.worksheets[0];
    // Items 1–13 are rows 8–12, 14–18, 20–22: targets and actuals of every kind the formulas meet,
    // bounds met and not met on both sides, strict ones exactly at their bound.
    const fill: [number, string, string, unknown, unknown][] = [
      [8, "Thu ngân sách", "đồng", 12000000, 7133000],
      [9, "Sản lượng lương thực", "tấn", 520, 498.6],
      [10, "Trồng khoai tây", "ha", 3, 4.5],
      [11, "Giao quân", "người", 0, 0],
      [12, "Cán bộ đạt chuẩn", "người", 20, null],
      [14, "Tỷ lệ thửa đất đăng ký", "%", "Từ 55% trở lên", 48.2],
      [15, "Tỷ lệ trẻ em tiêm chủng đầy đủ", "%", "≥ 80", 80],
      [16, "Tốc độ tăng thu nhập bình quân", "%", "Trên 5%", 5],
      [17, "Tỷ lệ hộ nghèo", "%", "Còn dưới 6%", 5.4],
      [18, "Tỷ lệ lao động qua đào tạo", "%", "Trên 5,5%", 6.25],
      [20, "Hộ nghèo được hỗ trợ", "hộ", 8, 8],
      [21, "Số vụ vi phạm pháp luật", "vụ", "Không quá 3", 4],
      [22, "Tỷ lệ xã đạt chuẩn", "%", "tối thiểu 90", 95],
    ];
    for (const [row, name, unit, target, actual] of fill) {
      ws.getCell(`B${row}`).value = name;
      ws.getCell(`C${row}`).value = unit;
      ws.getCell(`D${row}`).value = target as ExcelJS.CellValue;
      ws.getCell(`E${row}`).value = actual as ExcelJS.CellValue;
    }
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const { file: recalculated, dir: work } = await recalculateWithLibreOffice(filled);
    try {
      const computed = await computedValues(recalculated);
      const report = analyseSheet((await readSnapshot(readFileSync(filled), "filled.xlsx")).sheets[0]);
      const verdicts: string[] = [];
      for (const [row] of fill) {
        const item = report.items.find((i) => i.row === row)!;
        expect([row, close(computed.get(`${ws.name}!F${row}`), item.percent)]).toEqual([row, true]);
        // Every target the template accepts is judged live, bounds as written.
        expect([row, computed.get(`${ws.name}!G${row}`) ?? ""]).toEqual([row, item.verdict ?? ""]);
        verdicts.push(String(computed.get(`${ws.name}!G${row}`) ?? ""));
      }
      expect(verdicts).toEqual(["Chưa đạt", "Chưa đạt", "Đạt", "Đạt", "", "Chưa đạt", "Đạt", "Chưa đạt", "Đạt", "Đạt", "Đạt", "Chưa đạt", "Đạt"]);
      // The file as LibreOffice saved it checks clean: no error, no warning.
      const after = analyseSheet((await readSnapshot(readFileSync(recalculated), "lo.xlsx")).sheets[0]);
      expect(after.recognized).toBe(true);
      expect(after.findings.filter((f) => f.severity !== "info")).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  180_000,
);

lo(
  "a template carried over from the previous period: LibreOffice's verdicts equal the engine's, lower-is-better ones included",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-from-"));
    const blank = path.join(dir, "ky-moi.xlsx");
    expect(run("template", "--from", path.join(FIXTURES, "f2-binh-trung-table.xlsx"), "-o", blank).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.worksheets[0];
    // Two baselines (D huyện giao, E HĐND xã giao), actual F, percents G and H, verdict I. Every
    // indicator row gets targets 10 and 8 and an actual of 9 or 11, so each verdict formula is met
    // once above and once below its target; "Tỷ lệ hộ nghèo" and "Số vụ cháy rừng" are judged ≤.
    const rows: number[] = [];
    ws.eachRow((row, r) => {
      const stt = row.getCell(1).value;
      if (r > 6 && row.getCell(9).formula && stt !== "-") rows.push(r);
    });
    rows.forEach((r, i) => {
      // The first row has only the second baseline: its verdict is measured against that one.
      if (i > 0) ws.getCell(`D${r}`).value = 10;
      ws.getCell(`E${r}`).value = 8;
      ws.getCell(`F${r}`).value = i % 2 ? 11 : 9;
    });
    const filled = path.join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);
    const computed = await libreOfficeValues(filled);
    const report = analyseSheet((await readSnapshot(readFileSync(filled), "filled.xlsx")).sheets[0]);
    let lower = 0;
    for (const r of rows) {
      const item = report.items.find((i) => i.row === r)!;
      expect([r, computed.get(`${ws.name}!I${r}`)]).toEqual([r, item.verdict]);
      expect(item.verdict).not.toBeNull();
      expect([r, close(computed.get(`${ws.name}!G${r}`), item.percent)]).toEqual([r, true]);
      expect([r, close(computed.get(`${ws.name}!H${r}`), ((i: number) => (i % 2 ? 11 : 9) / 8 * 100)(rows.indexOf(r)))]).toEqual([r, true]);
      if (isLowerIsBetter(item.name)) lower++;
    }
    expect(rows.length).toBe(16);
    expect(lower).toBe(2);
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
    const computed = await libreOfficeValues(input);
    const report = analyseSheet((await readSnapshot(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx")), "f2")).sheets[0]);
    const sheet = "Chỉ tiêu 6 tháng";
    let compared = 0;
    for (const item of report.items) {
      const pct = computed.get(`${sheet}!G${item.row}`);
      const verdict = computed.get(`${sheet}!I${item.row}`);
      expect([item.row, close(pct, item.percent)]).toEqual([item.row, true]);
      if (item.verdict) {
        // In the sheet's own word where it agreed ("Vượt" stays "Vượt"): the same verdict.
        expect([item.row, readVerdict(verdict as string)]).toEqual([item.row, item.verdict]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(13);
    // The second baseline's percent column holds fractions (its cells are % formatted).
    expect(close(computed.get(`${sheet}!H8`), 7133000 / 13202000)).toBe(true);
  },
  180_000,
);

lo(
  "after Tính lại, LibreOffice shows every percent the sheet stated rightly as the sheet showed it (59.44, not 59.44167), and the sheet's own verdict words",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-shown-"));
    const input = path.join(FIXTURES, "f2-binh-trung-table.xlsx");
    const out = path.join(dir, "out.xlsx");
    expect(run("recalc", input, "-o", out).status).toBe(0);
    const [before, after] = [await libreOfficeShown(input), await libreOfficeShown(out)];
    const at = (grid: string[][], cell: string) => grid[Number(cell.slice(1)) - 1]?.[cell.charCodeAt(0) - 65] ?? "";
    const report = analyseSheet((await readSnapshot(readFileSync(input), "f2")).sheets[0]);
    const wrong = new Set(report.findings.map((f) => f.cell));
    let same = 0;
    for (const item of report.items) {
      for (const col of ["G", "H"]) {
        const cell = `${col}${item.row}`;
        if (wrong.has(cell) || !at(before, cell)) continue;
        expect([cell, at(after, cell)]).toEqual([cell, at(before, cell)]);
        same++;
      }
    }
    expect(same).toBeGreaterThanOrEqual(16);
    expect(at(after, "G8")).toBe("59.44");
    expect(at(after, "H8")).toBe("54.03%");
    // G10 said 96,9 (one decimal) where 498,6/520 = 95,88…: the new figure, at the sheet's one decimal.
    expect(at(after, "G10")).toBe("95.9");
    // "Vượt" agrees with the computed verdict: it stays, now computed by a formula.
    expect(at(after, "I11")).toBe("Vượt");
    expect(at(after, "I12")).toBe("Chưa đạt");
  },
  180_000,
);

test("the CSV reader of the LibreOffice harness reads quoted commas, quotes and line breaks", () => {
  expect(parseCsv('a,"b,c","say ""x"""\r\n"1\n2",,3\n')).toEqual([
    ["a", "b,c", 'say "x"'],
    ["1\n2", "", "3"],
  ]);
});

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

lo(
  "a workbook as LibreOffice saves it (one style for the whole body): a check paints exactly the finding cells",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-style-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Biểu");
    const rows: (string | number)[][] = [
      ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"],
      [1, "Sản lượng lương thực", "tấn", 520, 498.6, 96.9, "Đạt"],
      [2, "Trồng rừng mới", "ha", 25, 27.35, 109.4, "Đạt"],
      [3, "Câu lạc bộ mới", "CLB", 2, 3, 150, "Đạt"],
      [4, "Thu ngân sách", "triệu đồng", 12000, 13000, 108.33, "Chưa đạt"],
    ];
    const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } } as ExcelJS.Borders;
    rows.forEach((r, i) => r.forEach((v, j) => Object.assign(ws.getCell(i + 1, j + 1), { value: v, border, font: { name: "Times New Roman", size: 12 } })));
    const file = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(file);
    const { file: saved, dir: work } = await recalculateWithLibreOffice(file);
    try {
      const { applyHighlights, workbookBytes } = await import("../../src/exceljs/write");
      const { loadWorkbook, workbookSnapshot } = await import("../../src/exceljs/read");
      const { planHighlights } = await import("../../src/engine");
      const book = await loadWorkbook(readFileSync(saved));
      const sheet = book.worksheets[0];
      expect(sheet.getCell("F2").style).toBe(sheet.getCell("E5").style); // LibreOffice saved one style for the body
      const fills = async (bytes: Uint8Array) => {
        const b = await loadWorkbook(bytes);
        const m = new Map<string, string>();
        b.worksheets[0].eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => m.set(c.address, JSON.stringify(c.style.fill ?? null))));
        return m;
      };
      const before = await fills(readFileSync(saved));
      const highlights = planHighlights({ sheets: [analyseSheet(workbookSnapshot(book).sheets[0])] });
      applyHighlights(book, highlights);
      const after = await fills(await workbookBytes(book));
      const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k)).sort();
      expect(changed).toEqual(highlights.map((h) => h.cell).sort());
      expect(changed).toEqual(["F2", "G2", "G5"]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  180_000,
);
