/** The readable report of `check` (no --json): a table per sheet, colour on a terminal that wants it. */
import { styleText } from "node:util";
import { countBySeverity, type Severity, type SheetReport } from "../engine";
import { SEVERITY_NAME } from "../help/findings";
import { quoteContext, quotePlace } from "../help/quote";
import type { FileResult } from "./report-json";
import { count, type Lang } from "./messages";

type Style = Parameters<typeof styleText>[0];

const TEXT = {
  vi: {
    file: "Tệp",
    sheet: "Trang tính",
    layout: { table: "biểu chỉ tiêu (bảng)", narrative: "biểu đánh giá nhiệm vụ (văn bản)" },
    notRecognised: "không nhận dạng được",
    noFindings: "không có phát hiện nào",
    items: { table: ["chỉ tiêu", "indicator"], narrative: ["nhiệm vụ", "task"] },
    achieved: "đạt",
    notAchieved: "chưa đạt",
    noVerdictColumn: "không có cột đánh giá nên không xếp đạt/chưa đạt",
    columnsUsed: (target: string, actual: string, verdict?: string) => `cột kế hoạch ${target}, thực hiện ${actual}, ${verdict ? `đánh giá ${verdict}` : "không có cột đánh giá"}`,
    cell: "Ô",
    total: "Tổng",
    recognisedSheets: "trang tính nhận dạng được",
    noneRecognised: "không nhận dạng được biểu nào",
    unreadable: "không đọc được",
  },
  en: {
    file: "File",
    sheet: "Sheet",
    layout: { table: "indicator table", narrative: "narrative task evaluation" },
    notRecognised: "not recognised",
    noFindings: "no findings",
    items: { table: ["chỉ tiêu", "indicator"], narrative: ["nhiệm vụ", "task"] },
    achieved: "achieved",
    notAchieved: "not achieved",
    noVerdictColumn: "no verdict column, so nothing judged achieved or not",
    columnsUsed: (target: string, actual: string, verdict?: string) => `target column ${target}, actual ${actual}, ${verdict ? `verdict ${verdict}` : "no verdict column"}`,
    cell: "Cell",
    total: "Total",
    recognisedSheets: "recognised",
    noneRecognised: "no sheet recognised",
    unreadable: "unreadable",
  },
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: "red", warning: "yellow", info: "cyan" };

/** "5 lỗi, 2 cảnh báo, 0 lưu ý" / "5 errors, 2 warnings, 0 info". */
export function severityCounts(c: { errors: number; warnings: number; infos: number }, lang: Lang, skipZero = false): string {
  const vi = SEVERITY_NAME.vi;
  const parts: [number, string][] = [
    [c.errors, count(c.errors, lang, vi.error.toLowerCase(), "error")],
    [c.warnings, count(c.warnings, lang, vi.warning.toLowerCase(), "warning")],
    [c.infos, count(c.infos, lang, vi.info.toLowerCase(), "info", "info")],
  ];
  return parts
    .filter(([n]) => n > 0 || !skipZero)
    .map(([, s]) => s)
    .join(", ");
}

/**
 * The sheet's line: its layout and its items in its own words (chỉ tiêu for a table, nhiệm vụ for
 * prose); a table names the columns the checker took, and one without a verdict column judges
 * nothing, so it counts no "chưa đạt".
 */
function sheetLine(s: SheetReport, lang: Lang): string {
  const t = TEXT[lang];
  const [vi, en] = t.items[s.layout ?? "table"];
  const items = `${t.layout[s.layout!]} — ${count(s.items.length, lang, vi, en)}`;
  const { target, actual, verdict } = s.columns;
  const columns = s.layout === "table" && target && actual ? `; ${t.columnsUsed(target, actual, verdict)}` : "";
  if (s.layout === "table" && !verdict) return `${items}, ${t.noVerdictColumn}${columns}`;
  const achieved = s.items.filter((i) => i.verdict === "Đạt").length;
  const failing = s.items.filter((i) => i.verdict === "Chưa đạt").length;
  return `${items}, ${count(achieved, lang, t.achieved, t.achieved, t.achieved)}, ${count(failing, lang, t.notAchieved, t.notAchieved, t.notAchieved)}${columns}`;
}

/**
 * The report of the files that could be read. A file that could not be read has its sentence on
 * stderr (said once, by the caller); here it is named in the per-file lines of a folder only.
 */
export function renderText(results: FileResult[], lang: Lang, colour: boolean): string {
  const t = TEXT[lang];
  const paint = (style: Style, s: string) => (colour ? styleText(style, s) : s);
  const lines: string[] = [];
  let sheets = 0;
  let unreadable = 0;
  let recognisedTotal = 0;
  const totals = { errors: 0, warnings: 0, infos: 0 };
  const summaries: string[] = [];
  for (const r of results) {
    if (!r.report) {
      unreadable++;
      summaries.push(`${r.file}: ${t.unreadable}`);
      continue;
    }
    lines.push(paint("bold", `${t.file}: ${r.file}`));
    let recognised = 0;
    const fileCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const s of r.report.sheets) {
      sheets++;
      if (!s.recognized) {
        lines.push(`  ${t.sheet} "${s.name}": ${paint("dim", `${t.notRecognised} (${lang === "en" ? (s.reasonEn ?? s.reason) : s.reason})`)}`);
        continue;
      }
      recognised++;
      lines.push(`  ${t.sheet} "${s.name}": ${sheetLine(s, lang)}`);
      if (!s.findings.length) lines.push(`    ${paint("green", t.noFindings)}`);
      const width = Math.max(4, ...s.findings.map((f) => f.cell.length));
      const labelWidth = Math.max(...Object.values(SEVERITY_NAME[lang]).map((n) => n.length)) + 1;
      for (const f of s.findings) {
        const label = SEVERITY_NAME[lang][f.severity].toLocaleUpperCase(lang).padEnd(labelWidth);
        const message = lang === "en" ? f.messageEn : f.message;
        lines.push(`    ${paint(SEVERITY_STYLE[f.severity], label)} ${t.cell} ${f.cell.padEnd(width)}  ${message}`);
        if (f.quote) {
          const indent = `    ${" ".repeat(labelWidth)} ${" ".repeat(t.cell.length + width + 3)}`;
          const text = r.texts?.[s.name]?.[f.cell];
          const ctx = text && f.start !== undefined && f.end !== undefined ? quoteContext(text, f.start, f.end) : null;
          if (ctx) lines.push(`${indent}${quotePlace(ctx, f.cell, lang)}: ${ctx.before}${paint("bold", `«${ctx.quote}»`)}${ctx.after}`);
          else lines.push(`${indent}« ${f.quote} »`);
        }
      }
      const c = countBySeverity(s.findings);
      fileCounts.errors += c.errors;
      fileCounts.warnings += c.warnings;
      fileCounts.infos += c.infos;
    }
    recognisedTotal += recognised;
    totals.errors += fileCounts.errors;
    totals.warnings += fileCounts.warnings;
    totals.infos += fileCounts.infos;
    summaries.push(recognised ? `${r.file}: ${count(recognised, lang, t.recognisedSheets, "sheet", "sheets")}${lang === "en" ? ` ${t.recognisedSheets}` : ""}, ${severityCounts(fileCounts, lang)}` : `${r.file}: ${t.noneRecognised}`);
    lines.push("");
  }
  if (results.length > 1) lines.push(...summaries, "");
  const read = results.length - unreadable;
  if (read === 0) return summaries.length > 1 ? summaries.join("\n") : "";
  const parts = [count(results.length, lang, "tệp", "file")];
  if (unreadable) parts.push(`${formatUnreadable(unreadable, lang)}`);
  // Nothing recognised is not a clean result: the line says so instead of "0 lỗi".
  parts.push(count(sheets, lang, "trang tính", "sheet"), recognisedTotal ? severityCounts(totals, lang) : t.noneRecognised);
  lines.push(paint("bold", `${t.total}: ${parts.join(", ")}.`));
  return lines.join("\n");
}

function formatUnreadable(n: number, lang: Lang): string {
  return lang === "en" ? `${count(n, lang, "", "unreadable", "unreadable")}` : `${count(n, lang, "tệp không đọc được", "")}`;
}
