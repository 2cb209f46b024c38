/**
 * The reviewer's summary of a folder check: `--report REPORT.xlsx` (a row per file, a row per
 * finding, autofilter, frozen header) or `--report REPORT.csv` (the findings). Every text cell that
 * begins with = + - @ is written as text, never as a formula (CSV injection).
 */
import type ExcelJS from "exceljs";
import { exceljs } from "./exceljs";
import { countBySeverity } from "../engine/report";
import type { Lang } from "./messages";
import type { FileResult } from "./report-json";

const HEAD = {
  vi: {
    files: "Tổng hợp",
    findings: "Phát hiện",
    fileCols: ["Tên file", "Số sheet nhận dạng", "Lỗi", "Cảnh báo", "Ghi chú", "Tình trạng"],
    findingCols: ["Tên file", "Sheet", "Ô", "Loại", "Mức độ", "Nội dung", "Trích dẫn"],
    ok: "Đã kiểm tra",
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Ghi chú" },
  },
  en: {
    files: "Summary",
    findings: "Findings",
    fileCols: ["File", "Sheets recognised", "Errors", "Warnings", "Infos", "Status"],
    findingCols: ["File", "Sheet", "Cell", "Kind", "Severity", "Message", "Quote"],
    ok: "Checked",
    severity: { error: "Error", warning: "Warning", info: "Info" },
  },
};

/** A cell text that a spreadsheet would take for a formula gets a leading apostrophe. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function findingRows(results: FileResult[], lang: Lang): string[][] {
  const h = HEAD[lang];
  const rows: string[][] = [];
  for (const r of results) {
    for (const s of r.report?.sheets ?? []) {
      for (const f of s.findings) {
        rows.push([r.file, s.name, `'${s.name.replace(/'/g, "''")}'!${f.cell}`, f.kind, h.severity[f.severity], lang === "en" ? f.messageEn : f.message, f.quote ?? ""]);
      }
    }
  }
  return rows;
}

export async function writeXlsxReport(results: FileResult[], lang: Lang): Promise<Uint8Array> {
  const h = HEAD[lang];
  const { Workbook } = exceljs();
  const wb: ExcelJS.Workbook = new Workbook();
  wb.creator = "Soát Biểu";
  const files = wb.addWorksheet(h.files, { views: [{ state: "frozen", ySplit: 1 }] });
  files.addRow(h.fileCols).font = { bold: true };
  for (const r of results) {
    const all = (r.report?.sheets ?? []).flatMap((s) => s.findings);
    const c = countBySeverity(all);
    const recognised = (r.report?.sheets ?? []).filter((s) => s.recognized).length;
    files.addRow([safeText(r.file), r.report ? recognised : "", r.report ? c.errors : "", r.report ? c.warnings : "", r.report ? c.infos : "", safeText(r.error ?? h.ok)]);
  }
  files.autoFilter = { from: "A1", to: { row: results.length + 1, column: h.fileCols.length } };
  [40, 18, 8, 10, 10, 60].forEach((w, i) => (files.getColumn(i + 1).width = w));
  const findings = wb.addWorksheet(h.findings, { views: [{ state: "frozen", ySplit: 1 }] });
  findings.addRow(h.findingCols).font = { bold: true };
  const rows = findingRows(results, lang);
  for (const row of rows) findings.addRow(row.map(safeText));
  findings.autoFilter = { from: "A1", to: { row: rows.length + 1, column: h.findingCols.length } };
  [30, 20, 24, 20, 10, 90, 40].forEach((w, i) => (findings.getColumn(i + 1).width = w));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function csvReport(results: FileResult[], lang: Lang): string {
  const quote = (s: string) => `"${safeText(s).replace(/"/g, '""')}"`;
  const lines = [HEAD[lang].findingCols.map(quote).join(",")];
  for (const row of findingRows(results, lang)) lines.push(row.map(quote).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
