/**
 * The Office.js adapter: one batched read per sheet into the engine's snapshot, one batched write
 * of a plan, undo of what it wrote and removal of its own highlights, with the records kept in the
 * document's settings. No rules: everything it knows comes from the engine's plan.
 *
 * Sync budget: a check reads a sheet in 2 syncs whatever its size (dimensions, then every chunk
 * of rows at once); a recalculation takes 2 (fresh state and protection, then the writes).
 */
/* global Excel, Office */
import type { CellWrite, Highlight } from "../engine/plan";
import { HIGHLIGHT_FILL } from "../engine/plan";
import type { CellValue, SheetSnapshot } from "../engine/snapshot";
import { parseRangeA1 } from "../engine/address";
import { TEMPLATE_ALERT, TEMPLATE_FONT, TEMPLATE_LOOKS, uniqueSheetName, type TemplateModel } from "../engine/template";
import { HostError, SETTINGS, type HighlightRecord, type Host, type SheetInfo, type UndoRecord } from "./host";

/** Cells per read request: well under the 5 MB payload of Excel on the web. */
export const CHUNK_CELLS = 25_000;

function supported(api: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(api, version);
  } catch {
    return false;
  }
}

const CHUNK_PROPS = "values,formulas,numberFormat,valueTypes";

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? "";
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/** Office.js errors that mean something to the user. */
function translate(e: unknown): never {
  if (e instanceof HostError) throw e;
  const code = (e as { code?: string }).code ?? "";
  const message = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode" || /edit mode/i.test(message)) throw new HostError("editMode");
  if (code === "AccessDenied" || code === "ProtectedSheet" || /protect/i.test(message)) throw new HostError("protected");
  if (code === "PayloadTooLarge" || code === "ResponsePayloadSizeLimitExceeded") throw new HostError("tooLarge");
  throw new HostError("unknown", message);
}

/** Options for a writing batch: one Ctrl+Z step for the whole batch where Excel can (ExcelApi 1.20). */
function writeOptions(): Excel.RunOptions {
  return (supported("ExcelApi", "1.20") ? { mergeUndoGroup: true } : {}) as Excel.RunOptions;
}

function readSetting<T>(key: string): T[] {
  const raw = Office.context.document.settings.get(key) as string | null;
  if (!raw) return [];
  try {
    return JSON.parse(raw) as T[];
  } catch {
    return [];
  }
}

function writeSetting(key: string, value: unknown[] | null): Promise<void> {
  const settings = Office.context.document.settings;
  if (value && value.length) settings.set(key, JSON.stringify(value));
  else settings.remove(key);
  return new Promise((resolve) => settings.saveAsync(() => resolve()));
}

function readOnly(): boolean {
  try {
    return Office.context.document.mode === Office.DocumentMode.ReadOnly;
  } catch {
    return false;
  }
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

export class OfficeHost implements Host {
  readonly kind = "excel" as const;

  async listSheets(): Promise<SheetInfo[]> {
    try {
      return await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load("name");
        await context.sync();
        return sheets.items.map((s) => ({ name: s.name, active: s.name === active.name }));
      });
    } catch (e) {
      return translate(e);
    }
  }

  async readSheet(name: string, progress?: (done: number) => void): Promise<SheetSnapshot> {
    try {
      return await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject();
        used.load("address,rowIndex,columnIndex,rowCount,columnCount");
        ws.load("visibility");
        ws.protection.load("protected");
        await context.sync();
        const empty: SheetSnapshot = { name, origin: { row: 1, col: 1 }, values: [], merges: [], hiddenRows: [], hiddenCols: [], protected: ws.protection.protected };
        if (used.isNullObject) return empty;
        const top = used.rowIndex + 1;
        const left = used.columnIndex + 1;
        const rows = used.rowCount;
        const cols = used.columnCount;
        const perChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, cols)));
        const chunks: Excel.Range[] = [];
        for (let r = 0; r < rows; r += perChunk) chunks.push(used.getCell(r, 0).getResizedRange(Math.min(perChunk, rows - r) - 1, cols - 1));
        let merged: Excel.RangeAreas | undefined;
        if (supported("ExcelApi", "1.13")) {
          merged = used.getMergedAreasOrNullObject();
          merged.load("address");
        }
        chunks.forEach((part) => part.load(CHUNK_PROPS));
        try {
          // Every chunk in one round trip: 2 syncs per sheet whatever its size…
          await context.sync();
        } catch (e) {
          // …unless the host refuses the response as too large (Excel on the web, 5 MB): then one
          // round trip per chunk, each well under the limit.
          if (!isPayloadError(e) || chunks.length < 2) throw e;
          for (let i = 0; i < chunks.length; i++) {
            chunks[i] = used.getCell(i * perChunk, 0).getResizedRange(Math.min(perChunk, rows - i * perChunk) - 1, cols - 1);
            chunks[i].load(CHUNK_PROPS);
            if (i === 0 && merged) merged.load("address");
            await context.sync();
            progress?.((i + 1) / (chunks.length + 1));
          }
        }
        const values: CellValue[][] = [];
        const formulas: (string | null)[][] = [];
        const numberFormats: (string | null)[][] = [];
        let anyFormula = false;
        chunks.forEach((part, i) => {
          const partValues = part.values;
          const types = part.valueTypes;
          const partFormulas = part.formulas;
          const formats = part.numberFormat;
          partValues.forEach((line, r) => {
            values.push(line.map((v, c) => cellValue(v, String(types[r][c]))));
            formulas.push(
              partFormulas[r].map((f) => {
                const isFormula = typeof f === "string" && f.startsWith("=");
                anyFormula ||= isFormula;
                return isFormula ? (f as string) : null;
              }),
            );
            numberFormats.push(formats[r].map((f) => (f ? String(f) : null)));
          });
          progress?.((i + 1) / chunks.length);
        });
        const merges = merged && !merged.isNullObject && merged.address ? merged.address.split(",").map(parseRangeA1) : [];
        // A merged area's value stays in its top-left cell only, as the engine expects.
        for (const m of merges) {
          for (let r = m.top; r <= m.bottom; r++) {
            for (let c = m.left; c <= m.right; c++) {
              if ((r !== m.top || c !== m.left) && values[r - top]) values[r - top][c - left] = null;
            }
          }
        }
        const snap: SheetSnapshot = {
          name,
          origin: { row: top, col: left },
          values,
          numberFormats,
          merges,
          hiddenRows: [],
          hiddenCols: [],
          protected: ws.protection.protected,
          hidden: ws.visibility !== "Visible",
        };
        if (anyFormula) snap.formulas = formulas;
        return snap;
      });
    } catch (e) {
      return translate(e);
    }
  }

  async applyWrites(writes: CellWrite[]): Promise<number> {
    if (!writes.length) return 0;
    if (readOnly()) throw new HostError("readOnly");
    try {
      const records = await Excel.run(writeOptions(), async (context) => {
        const refuseIfProtected = loadProtection(context, writes.map((w) => w.sheet));
        const cells = writes.map((w) => {
          const r = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
          r.load("formulas,numberFormat");
          return r;
        });
        await context.sync();
        refuseIfProtected();
        const undo: UndoRecord[] = writes.map((w, i) => ({
          sheet: w.sheet,
          cell: w.cell,
          formula: cells[i].formulas[0][0] as string | number | boolean,
          numberFormat: String(cells[i].numberFormat[0][0] ?? "General"),
        }));
        writes.forEach((w, i) => {
          const r = cells[i];
          if (w.numberFormat) r.numberFormat = [[w.numberFormat]];
          if (w.formula) r.formulas = [[w.formula]];
          else r.values = [[w.value === null ? "" : w.value]];
        });
        await context.sync();
        return undo;
      });
      await writeSetting(SETTINGS.undo, records);
      return records.length;
    } catch (e) {
      return translate(e);
    }
  }

  async canUndo(): Promise<boolean> {
    return readSetting<UndoRecord>(SETTINGS.undo).length > 0;
  }

  async undo(): Promise<number> {
    const records = readSetting<UndoRecord>(SETTINGS.undo);
    if (!records.length) throw new HostError("nothingToUndo");
    if (readOnly()) throw new HostError("readOnly");
    try {
      await Excel.run(async (context) => {
        const refuseIfProtected = loadProtection(context, records.map((w) => w.sheet));
        await context.sync();
        refuseIfProtected();
        for (const rec of records) {
          const r = context.workbook.worksheets.getItem(rec.sheet).getRange(rec.cell);
          r.numberFormat = [[rec.numberFormat]];
          r.formulas = [[restorable(rec.formula)]];
        }
        await context.sync();
      });
      await writeSetting(SETTINGS.undo, null);
      return records.length;
    } catch (e) {
      return translate(e);
    }
  }

  async applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number> {
    if (readOnly()) throw new HostError("readOnly");
    const previous = readSetting<HighlightRecord>(SETTINGS.highlights);
    const notes = supported("ExcelApi", "1.18");
    try {
      const records = await Excel.run(async (context) => {
        const refuseIfProtected = loadProtection(context, [...previous.map((p) => p.sheet), ...highlights.map((h) => h.sheet)]);
        // The fills now; a cell we painted last time keeps the original fill recorded then.
        const fills = highlights.map((h) => {
          const r = context.workbook.worksheets.getItem(h.sheet).getRange(h.cell);
          r.format.fill.load("color");
          return r;
        });
        await context.sync();
        refuseIfProtected();
        const earlier = new Map(previous.map((p) => [`${p.sheet}!${p.cell}`, p.fill]));
        const out: HighlightRecord[] = highlights.map((h, i) => {
          const key = `${h.sheet}!${h.cell}`;
          const color = fills[i].format.fill.color;
          return { sheet: h.sheet, cell: h.cell, fill: earlier.has(key) ? earlier.get(key)! : color && color !== "#FFFFFF" ? color : null };
        });
        const now = new Set(out.map((o) => `${o.sheet}!${o.cell}`));
        for (const p of previous) if (!now.has(`${p.sheet}!${p.cell}`)) restoreFill(context.workbook.worksheets.getItem(p.sheet).getRange(p.cell), p.fill);
        highlights.forEach((h, i) => {
          fills[i].format.fill.color = HIGHLIGHT_FILL[h.severity];
        });
        await context.sync();
        return out;
      });
      if (notes) {
        await setNotes(
          previous.filter((p) => p.note),
          false,
          lang,
        );
        for (const r of records) r.note = await setNotes([{ ...r, message: messageOf(highlights, r, lang) }], true, lang);
      }
      await writeSetting(SETTINGS.highlights, records);
      return records.length;
    } catch (e) {
      return translate(e);
    }
  }

  async clearHighlights(): Promise<number> {
    const records = readSetting<HighlightRecord>(SETTINGS.highlights);
    if (!records.length) return 0;
    try {
      await Excel.run(async (context) => {
        const refuseIfProtected = loadProtection(context, records.map((p) => p.sheet));
        await context.sync();
        refuseIfProtected();
        for (const p of records) restoreFill(context.workbook.worksheets.getItem(p.sheet).getRange(p.cell), p.fill);
        await context.sync();
      });
      await setNotes(
        records.filter((p) => p.note),
        false,
        "vi",
      );
      await writeSetting(SETTINGS.highlights, null);
      return records.length;
    } catch (e) {
      return translate(e);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      translate(e);
    }
  }

  async addTemplateSheet(model: TemplateModel): Promise<string> {
    if (readOnly()) throw new HostError("readOnly");
    let added: string | undefined;
    try {
      return await Excel.run(writeOptions(), async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        // A workbook whose structure is protected takes no new sheet.
        if (protection.protected) throw new HostError("protected");
        const name = uniqueSheetName(model.sheetName, sheets.items.map((s) => s.name));
        const ws = sheets.add(name);
        added = name;
        writeTemplate(ws, model);
        ws.activate();
        await context.sync();
        return name;
      });
    } catch (e) {
      // Excel keeps what a failed batch did before the failure: a half-made sheet is removed.
      if (added) await removeSheet(added);
      return translate(e);
    }
  }

  async onChanged(sheet: string, callback: (own: boolean) => void): Promise<() => void> {
    let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await Excel.run(async (context) => {
      handler = context.workbook.worksheets.getItem(sheet).onChanged.add(async (args) => {
        callback((args as { triggerSource?: string } | undefined)?.triggerSource === "ThisLocalAddin");
      });
      await context.sync();
    });
    return () => {
      if (!handler) return;
      const h = handler;
      void Excel.run(h.context, async (context) => {
        h.remove();
        await context.sync();
      });
    };
  }
}

/** Queues every write of the template into a new, empty sheet (one sync does them all). */
function writeTemplate(ws: Excel.Worksheet, model: TemplateModel): void {
  model.columns.forEach((c, i) => {
    // Excel's column width in points: about 7 points per character of the default font, plus padding.
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = Math.round(c.width * 7 + 5);
  });
  for (const c of model.cells) {
    const r = ws.getRange(c.cell);
    if (c.numberFormat) r.numberFormat = [[c.numberFormat]];
    if (c.formula) r.formulas = [[c.formula]];
    else if (c.value !== undefined) r.values = [[c.value]];
    const look = TEMPLATE_LOOKS[c.style];
    const f = r.format;
    f.font.name = TEMPLATE_FONT;
    f.font.size = look.size;
    if (look.bold) f.font.bold = true;
    if (look.italic) f.font.italic = true;
    if (look.align) f.horizontalAlignment = "Center";
    if (look.middle) f.verticalAlignment = "Center";
    if (look.wrap) f.wrapText = true;
    if (look.fill) f.fill.color = look.fill;
    if (look.border) {
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = f.borders.getItem(edge);
        b.style = "Continuous";
        b.color = "#000000";
      }
    }
  }
  for (const m of model.merges) ws.getRange(m).merge(false);
  ws.getRange(`${model.headerRow}:${model.headerRow}`).format.rowHeight = model.headerHeight;
  ws.freezePanes.freezeRows(model.headerRow + 1);
  // Alerts: "Chưa đạt" in red, any formula error filled (ExcelApi 1.6, within our 1.7 minimum).
  const [vTop] = model.verdictRange.split(":");
  const [bodyTop] = model.bodyRange.split(":");
  const notMet = ws.getRange(model.verdictRange).conditionalFormats.add("Custom");
  notMet.custom.rule.formula = `=${vTop}="Chưa đạt"`;
  notMet.custom.format.fill.color = TEMPLATE_ALERT.fill;
  notMet.custom.format.font.color = TEMPLATE_ALERT.font;
  notMet.custom.format.font.bold = true;
  const errors = ws.getRange(model.bodyRange).conditionalFormats.add("Custom");
  errors.custom.rule.formula = `=ISERROR(${bodyTop})`;
  errors.custom.format.fill.color = TEMPLATE_ALERT.fill;
  // The verdict list (ExcelApi 1.8) and the print setup (1.9) where this Excel has them.
  if (supported("ExcelApi", "1.8")) {
    const v = ws.getRange(model.verdictRange).dataValidation;
    v.rule = { list: { inCellDropDown: true, source: model.verdictList.join(",") } };
    v.prompt = { showPrompt: true, title: "Đánh giá", message: "Đạt, Chưa đạt hoặc Chưa đánh giá" };
    v.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
  }
  if (supported("ExcelApi", "1.9")) {
    const page = ws.pageLayout;
    page.orientation = "Landscape";
    page.paperSize = "A4";
    // One page wide; as many pages tall as the list needs.
    page.zoom = { horizontalFitToPages: 1 };
    page.setPrintTitleRows(`$${model.headerRow}:$${model.headerRow + 1}`);
  }
}

async function removeSheet(name: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  } catch {
    // The sheet was never made.
  }
}

/**
 * What to type into a cell to get back exactly what it held: a formula as is, text that Excel
 * would turn into a number, a date or a truth value behind an apostrophe (Excel keeps it as text).
 */
export function restorable(formula: string | number | boolean | null): string | number | boolean {
  if (formula === null) return "";
  if (typeof formula !== "string" || formula === "" || formula.startsWith("=")) return formula;
  return /^[\s\d.,%+\-/:()eE$₫]+$|^(true|false)$/i.test(formula) || formula.startsWith("'") ? `'${formula}` : formula;
}

/**
 * Queues a load of the protection of every sheet named; the returned check, called after the
 * sync, refuses the whole batch (nothing written) when any of them is protected.
 */
function loadProtection(context: Excel.RequestContext, sheets: string[]): () => void {
  const items = [...new Set(sheets)].map((n) => context.workbook.worksheets.getItem(n));
  items.forEach((s) => s.protection.load("protected"));
  return () => {
    if (items.some((s) => s.protection.protected)) throw new HostError("protected");
  };
}

function restoreFill(range: Excel.Range, fill: string | null): void {
  if (fill) range.format.fill.color = fill;
  else range.format.fill.clear();
}

function messageOf(highlights: Highlight[], r: HighlightRecord, lang: "vi" | "en"): string {
  const h = highlights.find((x) => x.sheet === r.sheet && x.cell === r.cell);
  return h ? (lang === "en" ? h.messageEn : h.message) : "";
}

interface NoteApi {
  notes?: { add(cell: string, content: string): unknown; getItem(key: string): { delete(): void } };
}

/**
 * Adds (or deletes) our notes, where the host has notes (ExcelApi 1.18). Notes are a courtesy:
 * a cell that already has one keeps it, and a failure here never undoes the highlights.
 * Returns whether the note was added.
 */
async function setNotes(cells: (HighlightRecord & { message?: string })[], add: boolean, _lang: "vi" | "en"): Promise<boolean> {
  if (!cells.length) return false;
  try {
    await Excel.run(async (context) => {
      const notes = (context.workbook as unknown as NoteApi).notes;
      if (!notes) throw new Error("no notes");
      for (const c of cells) {
        const where = `'${c.sheet.replace(/'/g, "''")}'!${c.cell}`;
        if (add) notes.add(where, `Soát Biểu: ${c.message ?? ""}`);
        else notes.getItem(where).delete();
      }
      await context.sync();
    });
    return add;
  } catch {
    return false;
  }
}
