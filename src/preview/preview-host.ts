/**
 * The browser preview's host: an ExcelJS workbook held in memory, read and written through the
 * ExcelJS adapter (src/exceljs), with undo and highlight records like the Office.js adapter's.
 * The grid on the page draws the same workbook and is told about every change.
 */
import type ExcelJS from "exceljs";
import { uniqueSheetName, type CellWrite, type Highlight, type SheetSnapshot, type TemplateModel } from "../engine";
import { sheetSnapshot } from "../exceljs/read";
import { applyHighlights as paint, applyWrites as write, restyle } from "../exceljs/write";
import { addTemplateSheet } from "../exceljs/template";
import { HostError, type Host, type SheetInfo } from "../host/host";

/**
 * A cell as it was before a write or a highlight. The style is kept by reference: the adapter
 * never changes a style object in place (it gives the cell a copy), so putting the reference back
 * restores the cell's style exactly, and shares it again with the cells it was shared with.
 */
interface Saved {
  sheet: string;
  cell: string;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
  /** The style the write left, to tell whether anything restyled the cell since. */
  after?: Partial<ExcelJS.Style>;
}

interface Painted {
  sheet: string;
  cell: string;
  style: Partial<ExcelJS.Style>;
  after?: Partial<ExcelJS.Style>;
  note: ExcelJS.Cell["note"];
}

/**
 * Gives `cell` back the style it had before a change of `key`: the very object when nothing has
 * restyled the cell since, else its current style with only `key` put back (so a highlight
 * cleared after a write keeps the write's number format, and an undo keeps a later highlight).
 */
function putBack(cell: ExcelJS.Cell, saved: { style: Partial<ExcelJS.Style>; after?: Partial<ExcelJS.Style> }, key: "fill" | "numFmt"): void {
  if (cell.style === saved.after) cell.style = saved.style;
  else restyle(cell, { [key]: saved.style[key] });
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export class PreviewHost implements Host {
  readonly kind = "preview" as const;
  private undoRecords: Saved[] = [];
  private painted: Painted[] = [];
  private listeners: { sheet: string; callback: (own: boolean) => void }[] = [];
  /** Writes kept per cell ("sheet!A1": batches written and not undone), and sheets added: what is new to download. */
  private written = new Map<string, number>();
  private added: string[] = [];
  active: string;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly events: { select?: (sheet: string, cell: string) => void; changed?: () => void } = {},
  ) {
    this.active = workbook.worksheets[0]?.name ?? "";
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new HostError("unknown", `no sheet ${name}`);
    return ws;
  }

  /** Redraws the page; `data` says the cells' values changed (formats alone do not re-check). */
  private changed(sheets: string[], data = true): void {
    this.events.changed?.();
    if (data) for (const l of this.listeners) if (sheets.includes(l.sheet)) l.callback(true);
  }

  private refuseProtected(names: string[]): void {
    for (const n of new Set(names)) if (sheetSnapshot(this.sheet(n)).protected) throw new HostError("protected");
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({ name: ws.name, active: ws.name === this.active }));
  }

  async readSheet(name: string, progress?: (done: number) => void): Promise<SheetSnapshot> {
    const snap = sheetSnapshot(this.sheet(name));
    progress?.(1);
    return snap;
  }

  async applyWrites(writes: CellWrite[]): Promise<number> {
    if (!writes.length) return 0;
    this.refuseProtected(writes.map((w) => w.sheet));
    this.undoRecords = writes.map((w) => {
      const cell = this.sheet(w.sheet).getCell(w.cell);
      return { sheet: w.sheet, cell: w.cell, value: clone(cell.value), style: cell.style };
    });
    const n = write(this.workbook, writes);
    for (const w of writes) this.written.set(`${w.sheet}!${w.cell}`, (this.written.get(`${w.sheet}!${w.cell}`) ?? 0) + 1);
    for (const r of this.undoRecords) r.after = this.sheet(r.sheet).getCell(r.cell).style;
    this.changed(writes.map((w) => w.sheet));
    return n;
  }

  async canUndo(): Promise<boolean> {
    return this.undoRecords.length > 0;
  }

  async undo(): Promise<number> {
    if (!this.undoRecords.length) throw new HostError("nothingToUndo");
    this.refuseProtected(this.undoRecords.map((r) => r.sheet));
    for (const r of this.undoRecords) {
      const cell = this.sheet(r.sheet).getCell(r.cell);
      cell.value = r.value;
      putBack(cell, r, "numFmt");
      const key = `${r.sheet}!${r.cell}`;
      const left = (this.written.get(key) ?? 1) - 1;
      if (left > 0) this.written.set(key, left);
      else this.written.delete(key);
    }
    const n = this.undoRecords.length;
    const sheets = this.undoRecords.map((r) => r.sheet);
    this.undoRecords = [];
    this.changed(sheets);
    return n;
  }

  async applyHighlights(highlights: Highlight[], lang: "vi" | "en"): Promise<number> {
    this.refuseProtected(highlights.map((h) => h.sheet));
    this.restorePainted();
    this.painted = highlights.map((h) => {
      const cell = this.sheet(h.sheet).getCell(h.cell);
      return { sheet: h.sheet, cell: h.cell, style: cell.style, note: clone(cell.note) };
    });
    const n = paint(this.workbook, highlights, lang);
    for (const p of this.painted) p.after = this.sheet(p.sheet).getCell(p.cell).style;
    this.changed(highlights.map((h) => h.sheet), false);
    return n;
  }

  private restorePainted(): number {
    for (const p of this.painted) {
      const cell = this.sheet(p.sheet).getCell(p.cell);
      putBack(cell, p, "fill");
      if (p.note) cell.note = p.note as ExcelJS.Cell["note"];
      else delete (cell as unknown as { _comment?: unknown })._comment;
    }
    const n = this.painted.length;
    this.painted = [];
    return n;
  }

  async clearHighlights(): Promise<number> {
    const sheets = this.painted.map((p) => p.sheet);
    const n = this.restorePainted();
    this.changed(sheets, false);
    return n;
  }

  /** What the workbook holds that the opened file did not: cells written, cells marked, sheets added. */
  changes(): { written: number; painted: number; sheets: number } {
    return { written: this.written.size, painted: this.painted.length, sheets: this.added.filter((n) => this.workbook.getWorksheet(n)).length };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.active = sheet;
    this.events.select?.(sheet, cell);
  }

  async addTemplateSheet(model: TemplateModel): Promise<string> {
    const name = uniqueSheetName(model.sheetName, this.workbook.worksheets.map((ws) => ws.name));
    try {
      addTemplateSheet(this.workbook, model, name);
    } catch (e) {
      const half = this.workbook.getWorksheet(name);
      if (half) this.workbook.removeWorksheet(half.id);
      throw new HostError("unknown", e instanceof Error ? e.message : String(e));
    }
    this.active = name;
    this.added.push(name);
    this.changed([name]);
    this.events.select?.(name, "A1");
    return name;
  }

  async onChanged(sheet: string, callback: (own: boolean) => void): Promise<() => void> {
    const entry = { sheet, callback };
    this.listeners.push(entry);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== entry);
    };
  }
}
