/**
 * Highlights: findings painted as fills (the original fills kept in the document's settings, so
 * Xóa đánh dấu restores them) and, where Excel has notes (ExcelApi 1.18), a note with the finding.
 * The record is saved before anything is painted, so a half-done batch is still cleared later.
 */
/* global Excel */
import { HIGHLIGHT_FILL, type Highlight } from "../engine";
import { HostError } from "../host/host";
import { translate } from "./errors";
import { SETTINGS, decodeHighlights, encodeHighlights, readSettingText, updateSetting, type HighlightRecord } from "./settings";
import { loadProtection, readOnly, supported } from "./support";

/** Paints findings (replacing earlier highlights of ours); keeps the original fills. */
export async function applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number> {
  if (readOnly()) throw new HostError("readOnly");
  const previous = decodeHighlights(await readSettingText(SETTINGS.highlights));
  const pattern = supported("ExcelApi", "1.9");
  let records: HighlightRecord[];
  try {
    records = await Excel.run(async (context) => {
      const refuseIfProtected = loadProtection(context, [...previous.map((p) => p.sheet), ...highlights.map((h) => h.sheet)]);
      // The fills now; a cell we painted last time keeps the original fill recorded then.
      const fills = highlights.map((h) => {
        const fill = context.workbook.worksheets.getItem(h.sheet).getRange(h.cell).format.fill;
        fill.load(pattern ? "color,pattern" : "color");
        return fill;
      });
      await context.sync();
      refuseIfProtected();
      const earlier = new Map(previous.map((p) => [`${p.sheet}!${p.cell}`, p.fill]));
      return highlights.map((h, i) => {
        const key = `${h.sheet}!${h.cell}`;
        const fill = fills[i];
        // No fill reads back as #FFFFFF: where Excel tells the pattern (ExcelApi 1.9), a white
        // fill stays white and no fill stays none; before that, white is taken for none.
        const color = pattern ? (fill.pattern === "None" ? null : fill.color) : fill.color && fill.color !== "#FFFFFF" ? fill.color : null;
        return { sheet: h.sheet, cell: h.cell, fill: earlier.has(key) ? earlier.get(key)! : color };
      });
    });
  } catch (e) {
    return translate(e);
  }
  // Keep the old notes' flags until they are gone, so a failure below still removes them later.
  const now = new Set(records.map((o) => `${o.sheet}!${o.cell}`));
  const stale = previous.filter((p) => !now.has(`${p.sheet}!${p.cell}`));
  await updateSetting(SETTINGS.highlights, encodeHighlights([...records.map((r) => ({ ...r, note: previous.some((p) => p.note && p.sheet === r.sheet && p.cell === r.cell) || undefined })), ...stale]));
  try {
    await Excel.run(async (context) => {
      for (const p of stale) restoreFill(context.workbook.worksheets.getItem(p.sheet).getRange(p.cell), p.fill);
      highlights.forEach((h) => {
        context.workbook.worksheets.getItem(h.sheet).getRange(h.cell).format.fill.color = HIGHLIGHT_FILL[h.severity];
      });
      await context.sync();
    });
  } catch (e) {
    return translate(e);
  }
  if (supported("ExcelApi", "1.18")) {
    const added = await replaceNotes(
      previous.filter((p) => p.note),
      records.map((r) => ({ sheet: r.sheet, cell: r.cell, text: `Soát Biểu: ${messageOf(highlights, r, lang)}` })),
    );
    for (const r of records) if (added.has(`${r.sheet}!${r.cell}`)) r.note = true;
  }
  await updateSetting(SETTINGS.highlights, encodeHighlights(records));
  return records.length;
}

/** Removes our highlights only, restoring the original fills; returns how many. */
export async function clearHighlights(): Promise<number> {
  const records = decodeHighlights(await readSettingText(SETTINGS.highlights));
  if (!records.length) return 0;
  try {
    await Excel.run(async (context) => {
      const refuseIfProtected = loadProtection(context, records.map((p) => p.sheet));
      await context.sync();
      refuseIfProtected();
      for (const p of records) restoreFill(context.workbook.worksheets.getItem(p.sheet).getRange(p.cell), p.fill);
      await context.sync();
    });
  } catch (e) {
    return translate(e);
  }
  if (supported("ExcelApi", "1.18")) await replaceNotes(records.filter((p) => p.note), []);
  await updateSetting(SETTINGS.highlights, null);
  return records.length;
}

function restoreFill(range: Excel.Range, fill: string | null): void {
  if (fill) range.format.fill.color = fill;
  else range.format.fill.clear();
}

function messageOf(highlights: Highlight[], r: HighlightRecord, lang: "vi" | "en"): string {
  const h = highlights.find((x) => x.sheet === r.sheet && x.cell === r.cell);
  return h ? (lang === "en" ? h.messageEn : h.message) : "";
}

interface NoteProxy {
  isNullObject: boolean;
  delete(): void;
}
interface NotesApi {
  add(cell: string, content: string): unknown;
  getItemOrNullObject(cell: string): NoteProxy;
}

/**
 * Notes (ExcelApi 1.18), all in one batch: removes the notes we added earlier (one the user has
 * deleted meanwhile is no error), then adds ours where the cell has no note (a note the user wrote
 * is kept). Notes are a courtesy: a failure here never undoes the highlights. Returns the cells
 * that got our note ("sheet!A1").
 */
async function replaceNotes(remove: { sheet: string; cell: string }[], add: { sheet: string; cell: string; text: string }[]): Promise<Set<string>> {
  const added = new Set<string>();
  if (!remove.length && !add.length) return added;
  try {
    await Excel.run(async (context) => {
      const notesOf = (sheet: string) => (context.workbook.worksheets.getItem(sheet) as unknown as { notes: NotesApi }).notes;
      const old = remove.map((r) => notesOf(r.sheet).getItemOrNullObject(r.cell));
      await context.sync();
      old.forEach((n) => {
        if (!n.isNullObject) n.delete();
      });
      const removed = new Set(remove.map((r) => `${r.sheet}!${r.cell}`));
      const present = add.map((a) => (removed.has(`${a.sheet}!${a.cell}`) ? null : notesOf(a.sheet).getItemOrNullObject(a.cell)));
      await context.sync();
      add.forEach((a, i) => {
        const p = present[i];
        if (p && !p.isNullObject) return;
        notesOf(a.sheet).add(a.cell, a.text);
        added.add(`${a.sheet}!${a.cell}`);
      });
      await context.sync();
    });
  } catch {
    added.clear();
  }
  return added;
}
