/**
 * Writes: a recalculation plan, and its undo. A batch is not a transaction (what ran before a
 * failing operation stays written), so the undo record is saved before anything is written and
 * Hoàn tác restores a half-applied batch too. A recalculation takes 2 syncs (fresh state and
 * protection, then the writes), the writes in syncs of at most WRITE_BYTES.
 */
/* global Excel */
import type { CellWrite } from "../engine";
import { HostError } from "../host/host";
import { codeOf, translate } from "./errors";
import { SETTINGS, decodeUndo, encodeUndo, readSettingText, updateSetting, type UndoRecord } from "./settings";
import { loadProtection, readOnly, supported } from "./support";

/** Bytes of writes per sync: a fifth of the 5 MB request limit of Excel on the web. */
export const WRITE_BYTES = 1_000_000;

/** Options for a writing batch: one Ctrl+Z step for the whole batch where Excel can (ExcelApi 1.20). */
function writeOptions(): Excel.RunOptions {
  return (supported("ExcelApi", "1.20") ? { mergeUndoGroup: true } : {}) as Excel.RunOptions;
}

/** Writes a plan; keeps what it overwrote for undo. Returns how many cells. */
export async function applyWrites(writes: CellWrite[]): Promise<number> {
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
  await updateSetting(SETTINGS.undo, encodeUndo(records));
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
      await updateSetting(SETTINGS.undo, null).catch(() => undefined);
      return translate(e);
    }
    throw new HostError("partial", code);
  }
}

export async function canUndo(): Promise<boolean> {
  return decodeUndo(await readSettingText(SETTINGS.undo)).length > 0;
}

/** Restores every cell the last recalculation wrote; returns how many. */
export async function undo(): Promise<number> {
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
  await updateSetting(SETTINGS.undo, null);
  return records.length;
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

/**
 * What to type into a cell to get back exactly what it held: a formula as is, text that Excel
 * would turn into a number, a date or a truth value behind an apostrophe (Excel keeps it as text).
 */
export function restorable(formula: string | number | boolean | null): string | number | boolean {
  if (formula === null) return "";
  if (typeof formula !== "string" || formula === "" || formula.startsWith("=")) return formula;
  return /^[\s\d.,%+\-/:()eE$₫]+$|^(true|false)$/i.test(formula) || formula.startsWith("'") ? `'${formula}` : formula;
}
