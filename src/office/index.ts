/**
 * The Office.js adapter: batched reads of a sheet into the engine's snapshot, batched writes of a
 * plan, undo of what it wrote and removal of its own highlights, with the records kept in the
 * document's settings. No rules: everything it knows comes from the engine's plan.
 *
 * One room per idea: read.ts (snapshot reads, payload chunking), write.ts (a plan's writes, undo),
 * settings.ts (the records in the document's settings), highlights.ts (fills and notes),
 * template.ts (a new template sheet), errors.ts (Excel's error codes), support.ts (requirement
 * sets, read-only, protection). This file assembles them into the Host the pane and ribbon use.
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
/* global Excel */
import type { CellRange, CellWrite, Highlight, SheetSnapshot, TemplateModel } from "../engine";
import type { Host, SheetInfo } from "../host/host";
import { translate } from "./errors";
import { applyHighlights, clearHighlights } from "./highlights";
import { listSheets, readSheet } from "./read";
import { addTemplateSheet } from "./template";
import { applyWrites, canUndo, undo } from "./write";

export { CHUNK_CELLS } from "./read";
export { WRITE_BYTES, restorable } from "./write";
export { TEMPLATE_OPS } from "./template";
export { SETTINGS, decodeHighlights, decodeUndo, refreshSettings, updateSetting, type HighlightRecord, type UndoRecord } from "./settings";

export class OfficeHost implements Host {
  readonly kind = "excel" as const;
  /**
   * Merged areas per sheet and used range, read once per pane session: reading them clears the
   * user's undo stack on Excel desktop (office-js #5918), so a second Kiểm tra or an automatic
   * re-check while the clerk types does not read them again.
   */
  private readonly merges = new Map<string, CellRange[]>();

  listSheets(): Promise<SheetInfo[]> {
    return listSheets();
  }

  readSheet(name: string, progress?: (done: number) => void): Promise<SheetSnapshot> {
    return readSheet(name, this.merges, progress);
  }

  applyWrites(writes: CellWrite[]): Promise<number> {
    return applyWrites(writes);
  }

  canUndo(): Promise<boolean> {
    return canUndo();
  }

  undo(): Promise<number> {
    return undo();
  }

  applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number> {
    return applyHighlights(highlights, lang);
  }

  clearHighlights(): Promise<number> {
    return clearHighlights();
  }

  addTemplateSheet(model: TemplateModel): Promise<string> {
    return addTemplateSheet(model);
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
