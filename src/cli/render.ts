/** The readable report of `check` (no --json): a table per sheet, colour on a terminal that wants it. */
import { styleText } from "node:util";
import { countBySeverity, type Severity } from "../engine/report";
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
      const achieved = s.items.filter((i) => i.verdict === "Đạt").length;
      const failing = s.items.filter((i) => i.verdict === "Chưa đạt").length;
      lines.push(`  ${t.sheet} "${s.name}": ${t.layout[s.layout!]} — ${s.items.length} ${t.items}, ${achieved} ${t.achieved}, ${failing} ${t.notAchieved}`);
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
