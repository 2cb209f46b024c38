/** Loads the shared Office.js fake (test/addin/fake-office.js) with a workbook built from a snapshot. */
import { a1 } from "../../src/engine/address";
import { isCellError, type WorkbookSnapshot } from "../../src/engine/snapshot";

const FakeOffice = require("./fake-office.js");

export interface FakeCell {
  v?: unknown;
  f?: string;
  nf?: string;
  fill?: string | null;
  /** Formats the template wrote ("font.bold", "border.EdgeTop", …). */
  fmt?: Record<string, unknown>;
}

export interface FakeSheet {
  name: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  protected?: boolean;
}

export interface FakeState {
  syncs: number;
  /** The settings saved in the document (each runtime has its own copy). */
  settings: Record<string, string>;
  sheets: (FakeSheet & { id: string; notes: Record<string, string> })[];
  editMode: boolean;
  readOnly: boolean;
  workbookProtected: boolean;
  apis: Record<string, string>;
  runOptions: unknown[];
  opsPerSync: number[];
  maxResponse: number;
  payloadBytes: number;
  undoGroupLimit: number;
  undoStackCleared: number;
  settingsLimit: number;
  failAt: { sync: number; op: number; code?: string; message?: string } | null;
  beforeSync: ((state: FakeState) => void) | null;
  actions: Record<string, (event: unknown) => unknown>;
  readyHeld?: boolean;
  active: string;
}

export interface FakeOfficeGlobal {
  context: { document: { settings: { get(k: string): unknown; set(k: string, v: unknown): void } } };
}

export interface FakeHandle {
  state: FakeState;
  Office: FakeOfficeGlobal;
  /** A second runtime over the same document (the ribbon's function file). */
  runtime(): FakeOfficeGlobal;
  /** Makes a runtime's Office the global one. */
  use(office: FakeOfficeGlobal): void;
  cell(sheet: string, address: string): FakeCell | null;
}

export interface FakeOptions {
  sheets: FakeSheet[];
  settings?: Record<string, string>;
  apis?: Record<string, string>;
  readOnly?: boolean;
  workbookProtected?: boolean;
  /** Request and response limit in bytes (default 5 MB, as Excel on the web). */
  payloadBytes?: number;
  /** Operations a grouped (mergeUndoGroup) batch takes before UndoNotSupported. */
  undoGroupLimit?: number;
  /** Bytes the document settings take before saveAsync fails (default 2 MB). */
  settingsLimit?: number;
}

export function fakeData(wb: WorkbookSnapshot): { sheets: FakeSheet[] } {
  return {
    sheets: wb.sheets.map((s) => {
      const cells: Record<string, FakeCell> = {};
      s.values.forEach((line, r) =>
        line.forEach((v, c) => {
          const f = s.formulas?.[r]?.[c] ?? undefined;
          const nf = s.numberFormats?.[r]?.[c] ?? undefined;
          const bold = s.bold?.[r]?.[c] === true;
          const fill = s.fills?.[r]?.[c] ?? undefined;
          if (v === null && !f && !nf && !bold && !fill) return;
          cells[a1(s.origin.row + r, s.origin.col + c)] = {
            ...(v !== null ? { v: isCellError(v) ? v.error : v } : {}),
            ...(f ? { f } : {}),
            ...(nf ? { nf } : {}),
            ...(bold ? { fmt: { "font.bold": true } } : {}),
            ...(fill ? { fill } : {}),
          };
        }),
      );
      return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) };
    }),
  };
}

export function installFake(data: FakeOptions, options: { language?: string } = {}): FakeHandle {
  return FakeOffice.install(data, options);
}
