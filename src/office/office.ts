/**
 * The Office.js adapter: batched reads of a sheet into the engine's snapshot, batched writes of a
 * plan, undo of what it wrote and removal of its own highlights, with the records kept in the
 * document's settings. No rules: everything it knows comes from the engine's plan.
 *
 * What Excel does that this code is built around (see docs/deployment.md and the fake,
 * test/addin/fake-office.js, which holds the tests to it):
 * - A batch is not a transaction: what ran before a failing operation stays written. So the undo
 *   and highlight records are saved before anything is written, and Hoàn tác / Xóa đánh dấu
 *   restore a half-applied batch too.
 * - Document settings are an in-memory copy per runtime (the pane and the ribbon's function file
 *   are two): every read-modify-write refreshes the copy first and checks the save.
 * - Requests and responses are limited in size (5 MB on the web): reads and writes go in chunks,
 *   a chunk that is still too large is halved.
 * - Errors are worded in Excel's display language: only `code` decides.
 *
 * Sync budget: a check reads a sheet in 2 syncs (dimensions, then every chunk of rows at once);
 * a recalculation takes 2 (fresh state and protection, then the writes).
 */
/* global Excel, Office */
import type { CellWrite, Highlight } from "../engine/plan";
import { HIGHLIGHT_FILL } from "../engine/plan";
import type { CellRange, CellValue, SheetSnapshot } from "../engine/snapshot";
import { parseRangeA1 } from "../engine/address";
import { TEMPLATE_ALERT, TEMPLATE_FONT, TEMPLATE_LOOKS, uniqueSheetName, type TemplateModel } from "../engine/template";
import { HostError, SETTINGS, type HighlightRecord, type Host, type HostErrorCode, type SheetInfo, type UndoRecord } from "../host/host";

/** Cells per read request at first; a chunk Excel refuses as too large is halved. */
export const CHUNK_CELLS = 25_000;
/** Bytes of writes per sync: a fifth of the 5 MB request limit of Excel on the web. */
export const WRITE_BYTES = 1_000_000;
/** Operations per sync when making a template sheet. */
export const TEMPLATE_OPS = 400;

function supported(api: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(api, version);
  } catch {
    return false;
  }
}

const CHUNK_PROPS = "values,formulas,numberFormat,valueTypes";

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function isPayloadError(e: unknown): boolean {
  const code = codeOf(e);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Excel's error codes that mean something to the user. Never the message: it is in Excel's language. */
const CODES: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: "editMode",
  AccessDenied: "protected",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
};

function translate(e: unknown): never {
  if (e instanceof HostError) throw e;
  const code = codeOf(e);
  throw new HostError(CODES[code] ?? "unknown", code);
}

/** Options for a writing batch: one Ctrl+Z step for the whole batch where Excel can (ExcelApi 1.20). */
function writeOptions(): Excel.RunOptions {
  return (supported("ExcelApi", "1.20") ? { mergeUndoGroup: true } : {}) as Excel.RunOptions;
}

// ---------------------------------------------------------------------------------------------
// Settings: this runtime's copy, refreshed before every read-modify-write, each save checked.

function settings(): Office.Settings {
  return Office.context.document.settings;
}

/** Reloads this runtime's copy of the settings from the document (another runtime may have saved). */
export function refreshSettings(): Promise<void> {
  const s = settings() as Office.Settings & { refreshAsync?: (cb: (r: Office.AsyncResult<Office.Settings>) => void) => void };
  if (typeof s.refreshAsync !== "function") return Promise.resolve();
  return new Promise((resolve) => s.refreshAsync!(() => resolve()));
}

function saveSettings(): Promise<boolean> {
  return new Promise((resolve) => settings().saveAsync((r) => resolve(!r || String(r.status) === "succeeded")));
}

/**
 * Sets (or, with null, removes) one setting in the document: refresh, change, save. When the save
 * fails (the settings are limited in size, about 2 MB, failures reported near 1 MB) the copy is put
 * back as it was and `recordTooLarge` is thrown.
 */
export async function updateSetting(key: string, value: string | null): Promise<void> {
  await refreshSettings();
  const s = settings();
  const before = s.get(key) as string | null;
  if (value === null) s.remove(key);
  else s.set(key, value);
  if (await saveSettings()) return;
  if (before === null || before === undefined) s.remove(key);
  else s.set(key, before);
  throw new HostError("recordTooLarge");
}

async function readSettingText(key: string): Promise<string | null> {
  await refreshSettings();
  const raw = settings().get(key) as string | null;
  return typeof raw === "string" && raw ? raw : null;
}

/**
 * Records are kept compact, grouped by sheet: {"v":2,"s":[[sheet,[[cell,…],…]],…]}. Version 1
 * (an array of objects) is still read.
 */
function encodeUndo(records: UndoRecord[]): string {
  const bySheet = new Map<string, unknown[]>();
  for (const r of records) {
    const line: unknown[] = [r.cell, r.formula];
    if (r.numberFormat !== "General") line.push(r.numberFormat);
    (bySheet.get(r.sheet) ?? bySheet.set(r.sheet, []).get(r.sheet)!).push(line);
  }
  return JSON.stringify({ v: 2, s: [...bySheet] });
}

export function decodeUndo(raw: string | null): UndoRecord[] {
  if (!raw) return [];
  try {
    const data = JSON.parse(raw) as { v?: number; s?: [string, [string, string | number | boolean, string?][]][] } | UndoRecord[];
    if (Array.isArray(data)) return data;
    return (data.s ?? []).flatMap(([sheet, cells]) => cells.map(([cell, formula, numberFormat]) => ({ sheet, cell, formula, numberFormat: numberFormat ?? "General" })));
  } catch {
    return [];
  }
}

function encodeHighlights(records: HighlightRecord[]): string {
  const bySheet = new Map<string, unknown[]>();
  for (const r of records) (bySheet.get(r.sheet) ?? bySheet.set(r.sheet, []).get(r.sheet)!).push(r.note ? [r.cell, r.fill, 1] : [r.cell, r.fill]);
  return JSON.stringify({ v: 2, s: [...bySheet] });
}

export function decodeHighlights(raw: string | null): HighlightRecord[] {
  if (!raw) return [];
  try {
    const data = JSON.parse(raw) as { s?: [string, [string, string | null, number?][]][] } | HighlightRecord[];
    if (Array.isArray(data)) return data;
    return (data.s ?? []).flatMap(([sheet, cells]) => cells.map(([cell, fill, note]) => ({ sheet, cell, fill, ...(note ? { note: true } : {}) })));
  } catch {
    return [];
  }
}

async function saveRecords(key: string, text: string | null): Promise<void> {
  await updateSetting(key, text);
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

const BOLD_SPEC = { format: { font: { bold: true } } } as const;

interface Part {
  first: number;
  count: number;
  range: Excel.Range;
  bold?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

export class OfficeHost implements Host {
  readonly kind = "excel" as const;
  /**
   * Merged areas per sheet and used range, read once per pane session: reading them clears the
   * user's undo stack on Excel desktop (office-js #5918), so a second Kiểm tra or an automatic
   * re-check while the clerk types does not read them again.
   */
  private readonly merges = new Map<string, CellRange[]>();

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
    const bold = supported("ExcelApi", "1.9");
    const canMerge = supported("ExcelApi", "1.13");
    try {
      return await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(name);
        // Values only: a stray formatted cell far below the data must not make the read huge.
        const used = ws.getUsedRangeOrNullObject(true);
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
        const part = (first: number, count: number): Part => {
          const range = used.getCell(first, 0).getResizedRange(count - 1, cols - 1);
          range.load(CHUNK_PROPS);
          return { first, count, range, bold: bold ? range.getCellProperties(BOLD_SPEC) : undefined };
        };
        const perChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, cols)));
        let parts: Part[] = [];
        for (let r = 0; r < rows; r += perChunk) parts.push(part(r, Math.min(perChunk, rows - r)));
        const mergeKey = `${name}\n${used.address}`;
        let merged: Excel.RangeAreas | undefined;
        if (canMerge && !this.merges.has(mergeKey)) {
          merged = used.getMergedAreasOrNullObject();
          merged.load("address");
        }
        try {
          // Every chunk in one round trip: 2 syncs per sheet whatever its size…
          await context.sync();
          parts.forEach((_, i) => progress?.((i + 1) / parts.length));
        } catch (e) {
          // …unless Excel refuses the response as too large (Excel on the web, 5 MB): then one round
          // trip per chunk, a chunk still too large halved, down to one row.
          if (!isPayloadError(e)) throw e;
          if (merged) {
            merged = used.getMergedAreasOrNullObject();
            merged.load("address");
            await context.sync();
          }
          const done: Part[] = [];
          const queue = parts.map((p) => ({ first: p.first, count: p.count }));
          while (queue.length) {
            const { first, count } = queue.shift()!;
            const p = part(first, count);
            try {
              await context.sync();
              done.push(p);
              progress?.(done.reduce((n, d) => n + d.count, 0) / rows);
            } catch (err) {
              if (!isPayloadError(err) || count === 1) throw err;
              const half = Math.ceil(count / 2);
              queue.unshift({ first, count: half }, { first: first + half, count: count - half });
            }
          }
          parts = done;
        }
        if (merged) this.merges.set(mergeKey, !merged.isNullObject && merged.address ? merged.address.split(",").map(parseRangeA1) : []);
        const merges = this.merges.get(mergeKey) ?? [];
        const values: CellValue[][] = [];
        const formulas: (string | null)[][] = [];
        const numberFormats: (string | null)[][] = [];
        const bolds: boolean[][] = [];
        let anyFormula = false;
        for (const p of parts) {
          const partValues = p.range.values;
          const types = p.range.valueTypes;
          const partFormulas = p.range.formulas;
          const formats = p.range.numberFormat;
          const props = p.bold?.value;
          partValues.forEach((line, r) => {
            values.push(line.map((v, c) => cellValue(v, String(types[r][c]))));
            formulas.push(
              partFormulas[r].map((f) => {
                const isFormula = typeof f === "string" && f.startsWith("=");
                anyFormula ||= isFormula;
                return isFormula ? (f as string) : null;
              }),
            );
            // "General" is what every unformatted cell says: the snapshot keeps null for it.
            numberFormats.push(formats[r].map((f) => (f && f !== "General" ? String(f) : null)));
            if (props) bolds.push(props[r].map((cell) => cell.format?.font?.bold === true));
          });
        }
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
        if (bold) snap.bold = bolds;
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
    let records: UndoRecord[];
    try {
      records = await Excel.run(async (context) => {
        const refuseIfProtected = loadProtection(context, writes.map((w) => w.sheet));
        const cells = writes.map((w) => {
          const r = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
          r.load("formulas,numberFormat");
          return r;
        });
        await context.sync();
        refuseIfProtected();
        return writes.map((w, i) => ({
          sheet: w.sheet,
          cell: w.cell,
          formula: cells[i].formulas[0][0] as string | number | boolean,
          numberFormat: String(cells[i].numberFormat[0][0] ?? "General"),
        }));
      });
    } catch (e) {
      return translate(e);
    }
    // The undo record first: a write that stops half-way is still undone exactly. Past the size
    // limit of the settings, nothing is written.
    await saveRecords(SETTINGS.undo, encodeUndo(records));
    let wrote = false;
    try {
      await writeInBatches(
        writes,
        (r, w) => {
          if (w.numberFormat) r.numberFormat = [[w.numberFormat]];
          if (w.formula) r.formulas = [[w.formula]];
          else r.values = [[w.value === null ? "" : w.value]];
        },
        writeOptions(),
        () => (wrote = true),
      );
      return records.length;
    } catch (e) {
      const code = codeOf(e);
      if (!wrote && (code === "InvalidOperationInCellEditMode" || code === "AccessDenied")) {
        // Refused before any cell was touched: there is nothing to undo.
        await saveRecords(SETTINGS.undo, null).catch(() => undefined);
        return translate(e);
      }
      throw new HostError("partial", code);
    }
  }

  async canUndo(): Promise<boolean> {
    return decodeUndo(await readSettingText(SETTINGS.undo)).length > 0;
  }

  async undo(): Promise<number> {
    const records = decodeUndo(await readSettingText(SETTINGS.undo));
    if (!records.length) throw new HostError("nothingToUndo");
    if (readOnly()) throw new HostError("readOnly");
    try {
      await Excel.run(async (context) => {
        const refuseIfProtected = loadProtection(context, records.map((w) => w.sheet));
        await context.sync();
        refuseIfProtected();
      });
      await writeInBatches(
        records,
        (r, rec) => {
          r.numberFormat = [[rec.numberFormat]];
          r.formulas = [[restorable(rec.formula)]];
        },
        {},
      );
    } catch (e) {
      return translate(e);
    }
    await saveRecords(SETTINGS.undo, null);
    return records.length;
  }

  async applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number> {
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
    await saveRecords(SETTINGS.highlights, encodeHighlights([...records.map((r) => ({ ...r, note: previous.some((p) => p.note && p.sheet === r.sheet && p.cell === r.cell) || undefined })), ...stale]));
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
    await saveRecords(SETTINGS.highlights, encodeHighlights(records));
    return records.length;
  }

  async clearHighlights(): Promise<number> {
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
    await saveRecords(SETTINGS.highlights, null);
    return records.length;
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
    let id: string | undefined;
    try {
      return await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        const protection = context.workbook.protection;
        protection.load("protected");
        await context.sync();
        // A workbook whose structure is protected takes no new sheet.
        if (protection.protected) throw new HostError("protected");
        const name = uniqueSheetName(model.sheetName, sheets.items.map((s) => s.name));
        const ws = sheets.add(name);
        ws.load("id");
        await context.sync();
        id = ws.id;
        // Bounded batches: a long indicator list never makes one huge request.
        let queued = 0;
        await writeTemplate(ws, model, async (ops) => {
          queued += ops;
          if (queued < TEMPLATE_OPS) return;
          queued = 0;
          await context.sync();
        });
        ws.activate();
        await context.sync();
        return name;
      });
    } catch (e) {
      // Excel keeps what a failed batch did before the failure: the half-made sheet is removed, by
      // its id (a sheet of the same name that someone else made meanwhile is not ours).
      if (id) await removeSheet(id);
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

/**
 * Writes cell by cell in syncs of at most WRITE_BYTES (a batch Excel still refuses as too large
 * is halved), all in one Excel.run so that `options.mergeUndoGroup` makes one Ctrl+Z step. When
 * Excel cannot group them (UndoNotSupported), the rest is written once more without grouping.
 * `onProgress` is called after the first sync that went through.
 */
async function writeInBatches<T extends { sheet: string; cell: string; formula?: unknown; value?: unknown; numberFormat?: unknown }>(
  items: T[],
  write: (range: Excel.Range, item: T) => void,
  options: Excel.RunOptions,
  onProgress?: () => void,
): Promise<void> {
  const size = (x: T) => 40 + x.sheet.length + x.cell.length + JSON.stringify([x.formula ?? null, x.value ?? null, x.numberFormat ?? null]).length;
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const x of items) {
    if (batch.length && bytes + size(x) > WRITE_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(x);
    bytes += size(x);
  }
  if (batch.length) batches.push(batch);
  let next = 0;
  const run = (opts: Excel.RunOptions) =>
    Excel.run(opts, async (context) => {
      while (next < batches.length) {
        const b = batches[next];
        for (const x of b) write(context.workbook.worksheets.getItem(x.sheet).getRange(x.cell), x);
        try {
          await context.sync();
        } catch (e) {
          if (codeOf(e) !== "RequestPayloadSizeLimitExceeded" || b.length === 1) throw e;
          batches.splice(next, 1, b.slice(0, Math.ceil(b.length / 2)), b.slice(Math.ceil(b.length / 2)));
          continue;
        }
        next++;
        onProgress?.();
      }
    });
  try {
    await run(options);
  } catch (e) {
    if (codeOf(e) !== "UndoNotSupported" || !(options as { mergeUndoGroup?: boolean }).mergeUndoGroup) throw e;
    // Once, without grouping: from the batch that failed (what it did write, it writes again).
    await run({} as Excel.RunOptions);
  }
}

/** Queues the template into a new, empty sheet; `tick(n)` after every n operations may sync. */
async function writeTemplate(ws: Excel.Worksheet, model: TemplateModel, tick: (ops: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < model.columns.length; i++) {
    // Excel's column width in points: about 7 points per character of the default font, plus padding.
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = Math.round(model.columns[i].width * 7 + 5);
    await tick(1);
  }
  for (const c of model.cells) {
    const r = ws.getRange(c.cell);
    let ops = 2;
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
        ops += 2;
      }
    }
    await tick(ops + 8);
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
  await tick(model.merges.length + 20);
}

async function removeSheet(id: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(id).delete();
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
