/**
 * What the task pane needs from a spreadsheet host. Two implementations: the Office.js adapter
 * (Excel on the web, Windows, Mac) and the browser preview's in-memory workbook. No rules here.
 */
import type { CellWrite, Highlight, SheetSnapshot, TemplateModel } from "../engine";

export interface SheetInfo {
  name: string;
  active: boolean;
}

/**
 * `partial`: Excel stopped part-way through a write (a batch is not a transaction); the undo record
 * was saved first, so Hoàn tác restores it. `recordTooLarge`: the undo or highlight record does not
 * fit in the document's settings; refused before anything was written.
 */
export type HostErrorCode = "protected" | "readOnly" | "editMode" | "nothingToUndo" | "tooLarge" | "partial" | "recordTooLarge" | "busy" | "unknown";

/** A failure the user must read as one sentence (src/host/messages.ts says it, for the pane and the ribbon). */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "HostError";
  }
}

export interface Host {
  /** "Excel" or "Xem thử" (preview): shown in the pane's footer. */
  readonly kind: "excel" | "preview";
  listSheets(): Promise<SheetInfo[]>;
  /** Reads one sheet into a snapshot; `progress` gets 0..1 for large sheets. */
  readSheet(name: string, progress?: (done: number) => void): Promise<SheetSnapshot>;
  /** Writes a recalculation plan; keeps what it overwrote for undo. Nothing is written when it throws. */
  applyWrites(writes: CellWrite[]): Promise<number>;
  /** Restores every cell the last recalculation wrote; returns how many. */
  undo(): Promise<number>;
  canUndo(): Promise<boolean>;
  /** Paints findings (replacing earlier highlights of ours); keeps the original fills. */
  applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number>;
  /** Removes our highlights only, restoring the original fills; returns how many. */
  clearHighlights(): Promise<number>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * "Tạo biểu mẫu": adds the template as a new sheet (under a name not yet taken), makes it the
   * active sheet and returns its name. Nothing is left behind when it fails.
   */
  addTemplateSheet(model: TemplateModel): Promise<string>;
  /**
   * Calls back when the sheet changes (for re-checking); `own` is true when the host says the
   * change came from this add-in (Excel's triggerSource, ExcelApi 1.14). Returns a function that stops it.
   */
  onChanged(sheet: string, callback: (own: boolean) => void): Promise<() => void>;
}
