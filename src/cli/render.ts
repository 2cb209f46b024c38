/** The readable report of `check` (no --json): a table per sheet, colour on a terminal that wants it. */
import { styleText } from "node:util";
import { countBySeverity, type Severity, type SheetReport } from "../engine/report";
import type { FileResult } from "./report-json";
import type { Lang } from "./messages";

type Style = Parameters<typeof styleText>[0];

const TEXT = {
  vi: {
    file: "Tệp",
    sheet: "Sheet",
    layout: { table: "biểu chỉ tiêu (bảng)", narrative: "biểu đánh giá nhiệm vụ (văn bản)" },
    notRecognised: "không nhận dạng",
    noFindings: "không có phát hiện nào",
    items: "chỉ tiêu",
    achieved: "đạt",
    notAchieved: "chưa đạt",
    noVerdictColumn: "không có cột đánh giá nên không xếp đạt/chưa đạt",
    columnsUsed: (target: string, actual: string, verdict?: string) => `cột kế hoạch ${target}, thực hiện ${actual}, ${verdict ? `đánh giá ${verdict}` : "không có cột đánh giá"}`,
    severity: { error: "LỖI", warning: "CẢNH BÁO", info: "GHI CHÚ" } as Record<Severity, string>,
    cell: "Ô",
    summary: (f: number, s: number, e: number, w: number, i: number) => `Tổng: ${f} tệp, ${s} sheet, ${e} lỗi, ${w} cảnh báo, ${i} ghi chú.`,
    line: (name: string, rec: number, e: number, w: number) => `${name}: ${rec} sheet nhận dạng, ${e} lỗi, ${w} cảnh báo`,
    unreadable: "không đọc được",
  },
  en: {
    file: "File",
    sheet: "Sheet",
    layout: { table: "indicator table", narrative: "narrative task evaluation" },
    notRecognised: "not recognised",
    noFindings: "no findings",
    items: "indicators",
    achieved: "achieved",
    notAchieved: "not achieved",
    noVerdictColumn: "no verdict column, so nothing judged achieved or not",
    columnsUsed: (target: string, actual: string, verdict?: string) => `target column ${target}, actual ${actual}, ${verdict ? `verdict ${verdict}` : "no verdict column"}`,
    severity: { error: "ERROR", warning: "WARNING", info: "INFO" } as Record<Severity, string>,
    cell: "Cell",
    summary: (f: number, s: number, e: number, w: number, i: number) => `Total: ${f} files, ${s} sheets, ${e} errors, ${w} warnings, ${i} infos.`,
    line: (name: string, rec: number, e: number, w: number) => `${name}: ${rec} sheets recognised, ${e} errors, ${w} warnings`,
    unreadable: "unreadable",
  },
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", info: "cyan" };

export function renderText(results: FileResult[], lang: Lang, colour: boolean): string {
  const t = TEXT[lang];
  const paint = (style: Style, s: string) => (colour ? styleText(style, s) : s);
  const lines: string[] = [];
  let sheets = 0;
  const totals = { errors: 0, warnings: 0, infos: 0 };
  const summaries: string[] = [];
  for (const r of results) {
    lines.push(paint("bold", `${t.file}: ${r.file}`));
    if (!r.report) {
      lines.push(`  ${paint("red", r.error ?? t.unreadable)}`);
      summaries.push(`${r.file}: ${t.unreadable}: ${r.error ?? ""}`);
      continue;
    }
    let recognised = 0;
    const fileCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const s of r.report.sheets) {
      sheets++;
      if (!s.recognized) {
        lines.push(`  ${t.sheet} "${s.name}": ${paint("dim", `${t.notRecognised} (${lang === "en" ? (s.reasonEn ?? s.reason) : s.reason})`)}`);
        continue;
      }
      recognised++;
      lines.push(`  ${t.sheet} "${s.name}": ${t.layout[s.layout!]} — ${sheetSummary(s, t)}`);
      if (!s.findings.length) lines.push(`    ${paint("green", t.noFindings)}`);
      const width = Math.max(4, ...s.findings.map((f) => f.cell.length));
      for (const f of s.findings) {
        const label = t.severity[f.severity].padEnd(9);
        const message = lang === "en" ? f.messageEn : f.message;
        lines.push(`    ${paint(SEVERITY_STYLE[f.severity], label)} ${t.cell} ${f.cell.padEnd(width)}  ${message}`);
        if (f.quote) lines.push(`    ${" ".repeat(9)} ${" ".repeat(width + 3)}  « ${f.quote} »`);
      }
      const c = countBySeverity(s.findings);
      fileCounts.errors += c.errors;
      fileCounts.warnings += c.warnings;
      fileCounts.infos += c.infos;
    }
    totals.errors += fileCounts.errors;
    totals.warnings += fileCounts.warnings;
    totals.infos += fileCounts.infos;
    summaries.push(t.line(r.file, recognised, fileCounts.errors, fileCounts.warnings));
    lines.push("");
  }
  if (results.length > 1) lines.push(...summaries, "");
  lines.push(paint("bold", t.summary(results.length, sheets, totals.errors, totals.warnings, totals.infos)));
  return lines.join("\n");
}

/**
 * "16 chỉ tiêu, 8 đạt, 7 chưa đạt; cột kế hoạch D, thực hiện F, đánh giá I": a table without a verdict
 * column judges nothing, so it counts no "chưa đạt"; the columns named are the ones the checker took.
 */
function sheetSummary(s: SheetReport, t: (typeof TEXT)[Lang]): string {
  const count = `${s.items.length} ${t.items}`;
  if (s.layout !== "table") {
    const achieved = s.items.filter((i) => i.verdict === "Đạt").length;
    const failing = s.items.filter((i) => i.verdict === "Chưa đạt").length;
    return `${count}, ${achieved} ${t.achieved}, ${failing} ${t.notAchieved}`;
  }
  const { target, actual, verdict } = s.columns;
  const columns = target && actual ? `; ${t.columnsUsed(target, actual, verdict)}` : "";
  if (!verdict) return `${count}, ${t.noVerdictColumn}${columns}`;
  const achieved = s.items.filter((i) => i.verdict === "Đạt").length;
  const failing = s.items.filter((i) => i.verdict === "Chưa đạt").length;
  return `${count}, ${achieved} ${t.achieved}, ${failing} ${t.notAchieved}${columns}`;
}
