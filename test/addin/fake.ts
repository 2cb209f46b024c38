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

export interface FakeHandle {
  state: { syncs: number; settings: Record<string, string>; sheets: FakeSheet[]; editMode: boolean; readOnly: boolean; apis: Record<string, string> };
  cell(sheet: string, address: string): FakeCell | null;
}

export function fakeData(wb: WorkbookSnapshot): { sheets: FakeSheet[] } {
  return {
    sheets: wb.sheets.map((s) => {
      const cells: Record<string, FakeCell> = {};
      s.values.forEach((line, r) =>
        line.forEach((v, c) => {
          const f = s.formulas?.[r]?.[c] ?? undefined;
          const nf = s.numberFormats?.[r]?.[c] ?? undefined;
          if (v === null && !f && !nf) return;
          cells[a1(s.origin.row + r, s.origin.col + c)] = { v: isCellError(v) ? v.error : v, ...(f ? { f } : {}), ...(nf ? { nf } : {}) };
        }),
      );
      return { name: s.name, cells, merges: s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) };
    }),
  };
}

export function installFake(data: { sheets: FakeSheet[]; settings?: Record<string, string>; apis?: Record<string, string>; readOnly?: boolean; payloadCells?: number }): FakeHandle {
  return FakeOffice.install(data);
}
