/**
 * The undo and highlight records, kept in the document's settings so they survive save, close and
 * reopen. Document settings are an in-memory copy per runtime (the pane and the ribbon's function
 * file are two): every read-modify-write refreshes the copy first and checks the save. The settings
 * are limited in size (about 2 MB, failures reported near 1 MB): a record that does not fit is
 * refused as `recordTooLarge` before anything is written.
 */
/* global Office */
import { HostError } from "../host/host";

export const SETTINGS = { undo: "soatBieu.undo", highlights: "soatBieu.highlights" } as const;

export interface UndoRecord {
  sheet: string;
  cell: string;
  /** Formula text, or the raw value, as Range.formulas gives it. */
  formula: string | number | boolean;
  numberFormat: string;
}

export interface HighlightRecord {
  sheet: string;
  cell: string;
  /** The fill colour before we painted, or null for no fill. */
  fill: string | null;
  /** True when we added a note to the cell (removed again with the highlight). */
  note?: boolean;
}

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

/** One setting's text, fresh from the document; null when it is missing or empty. */
export async function readSettingText(key: string): Promise<string | null> {
  await refreshSettings();
  const raw = settings().get(key) as string | null;
  return typeof raw === "string" && raw ? raw : null;
}

/**
 * Records are kept compact, grouped by sheet: {"v":2,"s":[[sheet,[[cell,…],…]],…]}. Version 1
 * (an array of objects) is still read.
 */
export function encodeUndo(records: UndoRecord[]): string {
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

export function encodeHighlights(records: HighlightRecord[]): string {
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
