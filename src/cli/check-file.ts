/** Checking one file for the command line: read with the streaming reader, analyse, or say why not. */
import { analyseWorkbook } from "../engine";
import { openSnapshot } from "./input";
import { CLI_TEXT, InputError, say, type Lang } from "./messages";
import type { FileResult } from "./report-json";

export async function checkOne(file: string, label: string, lang: Lang): Promise<FileResult> {
  try {
    return { file: label, report: analyseWorkbook(await openSnapshot(file, label)) };
  } catch (e) {
    if (e instanceof InputError) return { file: label, error: e.sentence(lang) };
    return { file: label, error: say(CLI_TEXT.unexpected, lang, e instanceof Error ? e.message : String(e)) };
  }
}
