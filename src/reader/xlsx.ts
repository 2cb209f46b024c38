/**
 * A streaming .xlsx reader straight into the engine's snapshot: fflate unzips, saxes reads each
 * part once, no workbook model in between. It is what `check` uses (fast on 100k-row sheets);
 * ExcelJS stays for writing, where styles must survive. No Node APIs: it takes bytes.
 *
 * Limits, refused with a ReaderError (the CLI says each in one sentence): a part that inflates past
 * LIMITS.partBytes, a package past LIMITS.totalBytes, a sheet past LIMITS.cells, any DOCTYPE or
 * entity declaration (no entity expansion ever), a cell referring to a shared string that is missing.
 */
import { unzipSync } from "fflate";
import type { SheetSnapshot, WorkbookSnapshot } from "../engine";
import { ReaderError } from "./errors";
import { LIMITS } from "./limits";
import { attr, decoder, local, parse, resolvePart } from "./xml";
import { readStyles } from "./styles";
import { readSharedStrings } from "./strings";
import { readSheet } from "./sheet";

export { LIMITS } from "./limits";
export { ReaderError, type ReaderErrorCode } from "./errors";

/** Reads workbook bytes into a snapshot; throws ReaderError for anything it cannot read. */
export function readXlsx(bytes: Uint8Array, name?: string): WorkbookSnapshot {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReaderError("notZip");
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === "xl/workbook.xml" || f.name === "xl/sharedStrings.xml" || f.name === "xl/styles.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name.startsWith("xl/worksheets/sheet");
        if (!wanted) return false;
        if (f.originalSize > LIMITS.partBytes) throw new ReaderError("tooLarge", `${f.name} ${f.originalSize} bytes`);
        total += f.originalSize;
        if (total > LIMITS.totalBytes) throw new ReaderError("tooLarge", "package");
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError("corrupt", e instanceof Error ? e.message : String(e));
  }
  for (const [k, v] of Object.entries(files)) if (v.length > LIMITS.partBytes) throw new ReaderError("tooLarge", k);
  /** A part's text; its bytes are dropped once decoded, so a large sheet is not held twice. */
  const text = (part: string) => {
    const bytes = files[part];
    if (!bytes) return undefined;
    delete files[part];
    return decoder.decode(bytes);
  };
  const workbookXml = text("xl/workbook.xml");
  if (!workbookXml) throw new ReaderError("notWorkbook");

  const rels = new Map<string, string>();
  const relsXml = text("xl/_rels/workbook.xml.rels");
  if (relsXml) {
    parse(relsXml, {
      open(tag) {
        if (local(tag.name) === "Relationship") rels.set(attr(tag, "Id") ?? "", resolvePart(attr(tag, "Target") ?? ""));
      },
    });
  }
  const sheetsMeta: { name: string; part: string; hidden: boolean }[] = [];
  parse(workbookXml, {
    open(tag) {
      if (local(tag.name) !== "sheet") return;
      const id = Object.entries(tag.attributes).find(([k]) => local(k) === "id")?.[1] as string | undefined;
      const part = (id && rels.get(id)) || `xl/worksheets/sheet${sheetsMeta.length + 1}.xml`;
      const state = attr(tag, "state");
      sheetsMeta.push({ name: attr(tag, "name") ?? `Sheet${sheetsMeta.length + 1}`, part, hidden: state === "hidden" || state === "veryHidden" });
    },
  });
  /** A part's bytes, dropped from the package once taken. */
  const take = (part: string) => {
    const bytes = files[part];
    delete files[part];
    return bytes;
  };
  const styles = readStyles(text("xl/styles.xml"));
  const shared = readSharedStrings(take("xl/sharedStrings.xml"));
  const sheets: SheetSnapshot[] = [];
  for (const meta of sheetsMeta) {
    const xml = take(meta.part);
    if (xml === undefined) continue;
    const snap = readSheet(meta.name, xml, shared, styles);
    if (meta.hidden) snap.hidden = true;
    sheets.push(snap);
  }
  return { name, sheets };
}

