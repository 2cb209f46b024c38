/** Checking one file for the command line: read with the streaming reader, analyse, or say why not. */
import { analyseWorkbook } from "../engine";
import { cellText } from "../help/quote";
import { openSnapshot } from "./input";
import { CLI_TEXT, InputError, say, type Lang } from "./messages";
import type { FileResult } from "./report-json";

export async function checkOne(file: string, label: string, lang: Lang): Promise<FileResult> {
  try {
    const snapshot = await openSnapshot(file, label);
    const report = analyseWorkbook(snapshot);
    // The texts of the cells a quote points into, so the report can show the quote's surroundings.
    const texts: Record<string, Record<string, string>> = {};
    for (const s of report.sheets) {
      const sheet = snapshot.sheets.find((x) => x.name === s.name);
      for (const f of s.findings) {
        if (f.quote === undefined || !sheet) continue;
        (texts[s.name] ??= {})[f.cell] ??= cellText(sheet, f.cell);
      }
    }
    return { file: label, report, texts };
  } catch (e) {
    if (e instanceof InputError) return { file: label, error: e.sentence(lang) };
    return { file: label, error: say(CLI_TEXT.unexpected, lang, e instanceof Error ? e.message : String(e)) };
  }
}
