/** The JSON document of `check --json` (SPEC §8), exactly. */
import { countBySeverity, findingExtras, type Finding, type SheetReport, type WorkbookReport } from "../engine";
import type { Lang } from "./messages";

export interface FileResult {
  file: string;
  report?: WorkbookReport;
  /** The sentence saying why the file could not be read. */
  error?: string;
  /** Sheet → cell → text of the cells that hold a quoted finding (to show the quote in its context). */
  texts?: Record<string, Record<string, string>>;
}

function findingJson(f: Finding, lang: Lang) {
  return { kind: f.kind, severity: f.severity, cell: f.cell, message: lang === "en" ? f.messageEn : f.message, ...findingExtras(f) };
}

function sheetJson(s: SheetReport, lang: Lang) {
  const out: Record<string, unknown> = { name: s.name, recognized: s.recognized, layout: s.layout };
  if (!s.recognized && s.reason) out.reason = lang === "en" ? (s.reasonEn ?? s.reason) : s.reason;
  out.columns = s.columns;
  out.items = s.items;
  out.findings = s.findings.map((f) => findingJson(f, lang));
  if (s.claims) out.claims = s.claims;
  return out;
}

export function checkJson(results: FileResult[], lang: Lang) {
  let sheets = 0;
  const all: Finding[] = [];
  const files = results.map((r) => {
    if (!r.report) return { file: r.file, error: r.error, sheets: [] };
    sheets += r.report.sheets.length;
    for (const s of r.report.sheets) all.push(...s.findings);
    return { file: r.file, sheets: r.report.sheets.map((s) => sheetJson(s, lang)) };
  });
  const counts = countBySeverity(all);
  return { files, summary: { files: results.length, sheets, ...counts } };
}
