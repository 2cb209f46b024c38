/**
 * One sheet, one reading, whichever host reads it. Every workbook in test/ (the two public
 * fixtures, the sample the add-in ships, and the workbooks the tests write: a template, a
 * recalculated fixture, a sheet with bold group names whose numbering restarts in each group) is
 * read twice: by the file reader (src/reader, what `soat-bieu check` uses) and by the Office.js
 * adapter over the fake, whose cells (values, formulas, formats, bold, fills, merges) are loaded
 * from the same file; the fake then answers as Excel does (used range, chunks, value types,
 * "General", getCellProperties, merged areas). Both must give the same snapshot (what the engine reads: values, formulas, number
 * formats, bold, merges, origin) and the same findings.
 */
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyseSheet, planRecalc } from "../../src/engine";
import type { SheetSnapshot } from "../../src/engine/snapshot";
import { buildTemplate } from "../../src/engine/template";
import { OfficeHost } from "../../src/office";
import { loadWorkbook, readSnapshot } from "../../src/exceljs/read";
import { templateWorkbook } from "../../src/exceljs/template";
import { applyWrites, workbookBytes } from "../../src/exceljs/write";
import { readXlsx } from "../../src/reader/xlsx";
import { FIXTURES } from "../helpers/grid";
import { fakeData, installFake } from "./fake";

const ROOT = path.join(__dirname, "..", "..");

/** A table whose group names are bold and whose numbering restarts in each group. */
async function boldGroups(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.addRow(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá"]);
  const groups: [string, [string, number, number][]][] = [
    ["Lĩnh vực kinh tế", [["Tổng thu ngân sách", 100, 120], ["Diện tích lúa", 250, 240], ["Sản lượng lương thực", 1500, 1510]]],
    ["Lĩnh vực văn hóa – xã hội", [["Trẻ em tiêm chủng đầy đủ", 95, 97], ["Hộ gia đình văn hóa", 80, 82]]],
  ];
  for (const [group, items] of groups) {
    const g = ws.addRow(["", group]);
    g.getCell(2).font = { bold: true };
    items.forEach(([name, target, actual], i) => ws.addRow([i + 1, name, "", target, actual, Math.round((actual / target) * 10000) / 100, actual >= target ? "Đạt" : "Chưa đạt"]));
  }
  return workbookBytes(wb);
}

async function workbooks(): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith(".xlsx"))) out.push([`test/fixtures/${f}`, readFileSync(path.join(FIXTURES, f))]);
  const samples = path.join(ROOT, "assets", "samples");
  for (const f of readdirSync(samples).filter((x) => x.endsWith(".xlsx"))) out.push([`assets/samples/${f}`, readFileSync(path.join(samples, f))]);
  out.push(["template (soat-bieu template)", await workbookBytes(templateWorkbook(buildTemplate({})))]);
  const f2 = await loadWorkbook(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx")));
  applyWrites(f2, planRecalc(await readSnapshot(readFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx")))));
  out.push(["f2 recalculated (soat-bieu recalc)", await workbookBytes(f2)]);
  out.push(["bold group names, numbering restarting", await boldGroups()]);
  return out;
}

/** What the engine reads, dense: null for no formula, no format ("General" too), false for not bold. */
function normal(s: SheetSnapshot) {
  const at = <T>(grid: (T | null)[][] | undefined, r: number, c: number): T | null => grid?.[r]?.[c] ?? null;
  return {
    name: s.name,
    origin: s.origin,
    values: s.values,
    formulas: s.values.map((line, r) => line.map((_, c) => at(s.formulas, r, c))),
    numberFormats: s.values.map((line, r) => line.map((_, c) => (f => (f === "General" ? null : f))(at(s.numberFormats, r, c)))),
    bold: s.values.map((line, r) => line.map((_, c) => at(s.bold, r, c) === true)),
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
  };
}

test("every test workbook: the Office.js adapter and the file reader give the same snapshot and the same findings", async () => {
  const all = await workbooks();
  expect(all.length).toBeGreaterThanOrEqual(6);
  let sheets = 0;
  for (const [label, bytes] of all) {
    const file = readXlsx(bytes);
    installFake({ ...fakeData(file), apis: { ExcelApi: "1.13" } });
    const host = new OfficeHost();
    for (const s of file.sheets) {
      const office = await host.readSheet(s.name);
      expect([label, normal(office)]).toEqual([label, normal(s)]);
      const a = analyseSheet(office);
      const b = analyseSheet(s);
      expect([label, s.name, a.recognized, a.items, a.findings]).toEqual([label, s.name, b.recognized, b.items, b.findings]);
      sheets++;
    }
  }
  expect(sheets).toBeGreaterThanOrEqual(6);
});

test("bold matters: without it the bold-group sheet would raise a numbering gap in Excel that the command line does not", async () => {
  const bytes = await boldGroups();
  const file = readXlsx(bytes).sheets[0];
  expect(analyseSheet(file).findings.filter((f) => f.kind === "numbering-gap")).toEqual([]);
  expect(analyseSheet({ ...file, bold: undefined }).findings.map((f) => f.kind)).toContain("numbering-gap");
  installFake({ ...fakeData(await readSnapshot(bytes)), apis: { ExcelApi: "1.13" } });
  const office = await new OfficeHost().readSheet(file.name);
  expect(analyseSheet(office).findings.filter((f) => f.kind === "numbering-gap")).toEqual([]);
});
