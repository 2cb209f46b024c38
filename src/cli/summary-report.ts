/**
 * The reviewer's summary of a folder check: `--report REPORT.xlsx` (a row per file with a status
 * in words, a row per finding, autofilter, frozen header, A4 landscape one page wide) or
 * `--report REPORT.csv` (the findings). Kinds and severities are named in the reader's language.
 * In the .xlsx every text is written as a text cell, so "=HYPERLINK(…).xlsx" shows as it is; a CSV
 * has no cell types, so there a text that begins with = + - @ gets a leading apostrophe (CSV
 * injection).
 */
import type ExcelJS from "exceljs";
import { exceljs } from "./exceljs";
import { countBySeverity } from "../engine";
import { SEVERITY_NAME, kindTitles } from "../help/findings";
import type { Lang } from "./messages";
import type { FileResult } from "./report-json";
import { severityCounts } from "./render";

const HEAD = {
  vi: {
    files: "Tổng hợp",
    findings: "Phát hiện",
    fileCols: ["Tên tệp", "Số trang tính nhận dạng được", "Lỗi", "Cảnh báo", "Lưu ý", "Tình trạng"],
    findingCols: ["Tên tệp", "Trang tính", "Ô", "Loại", "Mức độ", "Nội dung", "Trích dẫn"],
    clean: "Không có phát hiện nào",
    noneRecognised: "Không nhận dạng được biểu nào",
  },
  en: {
    files: "Summary",
    findings: "Findings",
    fileCols: ["File", "Sheets recognised", "Errors", "Warnings", "Info", "Status"],
    findingCols: ["File", "Sheet", "Cell", "Kind", "Severity", "Message", "Quote"],
    clean: "No findings",
    noneRecognised: "No sheet recognised",
  },
};

/** A CSV field that a spreadsheet would take for a formula gets a leading apostrophe. */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** What a file's row says in its status column: why it was not read, that nothing was recognised, or its counts. */
export function fileStatus(r: FileResult, lang: Lang): string {
  const h = HEAD[lang];
  if (!r.report) return r.error ?? "";
  if (!r.report.sheets.some((s) => s.recognized)) return h.noneRecognised;
  const c = countBySeverity(r.report.sheets.flatMap((s) => s.findings));
  if (c.errors + c.warnings + c.infos === 0) return h.clean;
  return severityCounts(c, lang, true);
}

function findingRows(results: FileResult[], lang: Lang): string[][] {
  const titles = kindTitles(lang);
  const rows: string[][] = [];
  for (const r of results) {
    for (const s of r.report?.sheets ?? []) {
      for (const f of s.findings) {
        rows.push([r.file, s.name, `'${s.name.replace(/'/g, "''")}'!${f.cell}`, titles[f.kind], SEVERITY_NAME[lang][f.severity], lang === "en" ? f.messageEn : f.message, f.quote ?? ""]);
      }
    }
  }
  return rows;
}

/** A4 landscape, one page wide, the header row repeated on every page. */
function printSetup(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
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
    files.addRow([r.file, r.report ? recognised : null, r.report ? c.errors : null, r.report ? c.warnings : null, r.report ? c.infos : null, fileStatus(r, lang)]);
  }
  files.autoFilter = { from: "A1", to: { row: results.length + 1, column: h.fileCols.length } };
  [40, 14, 8, 10, 8, 60].forEach((w, i) => (files.getColumn(i + 1).width = w));
  files.getRow(1).alignment = { wrapText: true, vertical: "top" };
  files.getColumn(6).alignment = { wrapText: true, vertical: "top" };
  printSetup(files);
  const findings = wb.addWorksheet(h.findings, { views: [{ state: "frozen", ySplit: 1 }] });
  findings.addRow(h.findingCols).font = { bold: true };
  const rows = findingRows(results, lang);
  for (const row of rows) findings.addRow(row);
  findings.autoFilter = { from: "A1", to: { row: rows.length + 1, column: h.findingCols.length } };
  [28, 18, 22, 20, 10, 80, 36].forEach((w, i) => (findings.getColumn(i + 1).width = w));
  for (const col of [6, 7]) findings.getColumn(col).alignment = { wrapText: true, vertical: "top" };
  printSetup(findings);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function csvReport(results: FileResult[], lang: Lang): string {
  const quote = (s: string) => `"${safeText(s).replace(/"/g, '""')}"`;
  const lines = [HEAD[lang].findingCols.map(quote).join(",")];
  for (const row of findingRows(results, lang)) lines.push(row.map(quote).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
