/** Folder checks: worker threads give the same results, and the reviewer's summary report. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { FIXTURES } from "../helpers/grid";
import { safeText } from "../../src/cli/summary-report";

const ROOT = path.resolve(__dirname, "../..");
const run = (...args: string[]) => {
  const p = spawnSync(process.execPath, [path.join(ROOT, "bin/soat-bieu.js"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: p.status, out: p.stdout, err: p.stderr };
};

const dir = mkdtempSync(path.join(os.tmpdir(), "soat-bieu-folder-"));
beforeAll(() => {
  for (let i = 1; i <= 3; i++) {
    copyFileSync(path.join(FIXTURES, "f1-hai-yen-narrative.xlsx"), path.join(dir, `xa-${i}-narrative.xlsx`));
    copyFileSync(path.join(FIXTURES, "f2-binh-trung-table.xlsx"), path.join(dir, `xa-${i}-table.xlsx`));
  }
  writeFileSync(path.join(dir, "=HYPERLINK(1).xlsx"), "not a workbook");
});

test("worker threads check a folder with exactly the results of a single thread", () => {
  const one = run("check", dir, "--json", "--workers", "1");
  const two = run("check", dir, "--json", "--workers", "2");
  expect(two.code).toBe(2);
  expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
  expect(JSON.parse(two.out).files).toHaveLength(7);
});

test("--report REPORT.xlsx: a row per file with a status in words, a row per finding in Vietnamese, A4 landscape one page wide; a file name shows as it is", async () => {
  const out = path.join(dir, "..", `tong-hop-${process.pid}.xlsx`);
  expect(run("check", dir, "--report", out).code).toBe(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const files = wb.getWorksheet("Tổng hợp")!;
  const findings = wb.getWorksheet("Phát hiện")!;
  expect(files.getRow(1).values).toEqual([undefined, "Tên tệp", "Số trang tính nhận dạng được", "Lỗi", "Cảnh báo", "Lưu ý", "Tình trạng"]);
  expect(files.rowCount).toBe(8);
  // Written as a text cell: it shows as it is, and Excel never takes it for a formula.
  expect(files.getCell("A2").value).toBe("=HYPERLINK(1).xlsx");
  expect(files.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  expect(files.getCell("F2").value).toMatch(/^Tệp là văn bản thuần/);
  const status = (name: string) => files.getRows(2, 7)!.find((r) => r.getCell(1).value === name)!.getCell(6).value;
  expect(status("xa-1-table.xlsx")).toBe("5 lỗi, 2 cảnh báo");
  expect(status("xa-1-narrative.xlsx")).toBe("4 lỗi, 1 cảnh báo, 2 lưu ý");
  expect(files.autoFilter).toBeDefined();
  expect(files.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  for (const ws of [files, findings]) expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(findings.rowCount).toBe(1 + 3 * (7 + 7));
  const g10 = findings.getRows(2, findings.rowCount - 1)!.find((r) => r.getCell(3).value === "'Chỉ tiêu 6 tháng'!G10")!;
  expect(g10.getCell(4).value).toBe("Tỷ lệ sai");
  expect(g10.getCell(5).value).toBe("Lỗi");
  expect(g10.getCell(6).value).toBe("Tỷ lệ ghi 96,9% nhưng 498,6/520 = 95,88%.");
  const kinds = findings.getColumn(4).values.slice(2) as string[];
  expect(kinds.filter((k) => /^[a-z]+(-[a-z]+)+$/.test(k))).toEqual([]);
});

test("--report refuses an unknown extension and an existing file without --force, before checking anything", () => {
  const bad = run("check", dir, "--report", path.join(dir, "..", "tong-hop.txt"));
  expect(bad.code).toBe(2);
  expect(bad.out).toBe("");
  expect(bad.err).toContain("--report ghi được tệp .xlsx hoặc .csv");
  const existing = path.join(dir, "..", `co-san-${process.pid}.xlsx`);
  writeFileSync(existing, "old");
  const r = run("check", dir, "--report", existing);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/đã có; dùng --force để ghi đè/);
  expect(readFileSync(existing, "utf8")).toBe("old");
  expect(run("check", dir, "--report", existing, "--force").code).toBe(2);
  expect(readFileSync(existing).subarray(0, 2).toString()).toBe("PK");
});

test("--report REPORT.csv: the findings, every formula-like cell escaped", () => {
  const out = path.join(dir, "..", `tong-hop-${process.pid}.csv`);
  run("check", dir, "--report", out);
  const csv = readFileSync(out, "utf8");
  expect(csv.split("\r\n")[0]).toBe('\ufeff"Tên tệp","Trang tính","Ô","Loại","Mức độ","Nội dung","Trích dẫn"');
  expect(csv).toContain('"xa-1-table.xlsx","Chỉ tiêu 6 tháng","\'Chỉ tiêu 6 tháng\'!G10","Tỷ lệ sai","Lỗi"');
  for (const s of ["=1+1", "+84", "-5", "@SUM(A1)"]) expect(safeText(s)).toBe(`'${s}`);
  expect(safeText("Tỷ lệ")).toBe("Tỷ lệ");
});
