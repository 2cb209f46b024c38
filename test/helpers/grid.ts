/** Builds SheetSnapshots for tests from plain rows, and reads the public fixtures through the real adapter. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { readSnapshot } from "../../src/exceljs/read";
import { checkSheet, recogniseSheet, type SheetReport } from "../../src/engine";

export const SHARED = path.resolve(__dirname, "../../../shared");
/** The public fixtures, as copied into this repository (test/fixtures/README.md). */
export const FIXTURES = path.resolve(__dirname, "../fixtures");

export interface GridOptions {
  name?: string;
  merges?: CellRange[];
  /** Number formats by A1 address. */
  formats?: Record<string, string>;
  /** Formulas by A1 address. */
  formulas?: Record<string, string>;
  bold?: string[];
}

function rc(address: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

export function sheet(rows: CellValue[][], options: GridOptions = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const numberFormats = values.map((r) => r.map(() => null as string | null));
  const formulas = values.map((r) => r.map(() => null as string | null));
  const bold = values.map((r) => r.map(() => false));
  for (const [a, f] of Object.entries(options.formats ?? {})) {
    const [r, c] = rc(a);
    numberFormats[r][c] = f;
  }
  for (const [a, f] of Object.entries(options.formulas ?? {})) {
    const [r, c] = rc(a);
    formulas[r][c] = f;
  }
  for (const a of options.bold ?? []) {
    const [r, c] = rc(a);
    bold[r][c] = true;
  }
  return {
    name: options.name ?? "Biểu",
    origin: { row: 1, col: 1 },
    values,
    numberFormats,
    formulas: options.formulas ? formulas : undefined,
    bold,
    merges: options.merges ?? [],
    hiddenRows: [],
    hiddenCols: [],
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets };
}

export async function fixture(name: string): Promise<WorkbookSnapshot> {
  return readSnapshot(readFileSync(path.join(FIXTURES, name)), name);
}

export interface ExpectedFinding {
  sheet: string;
  cell: string;
  kind: string;
  required: boolean;
}

export interface ExpectedFile {
  recognized: Record<string, string>;
  findings: ExpectedFinding[];
  items?: { sheet: string; row: number; percent: number | null; verdict: string | null }[];
  clean_claims?: string[];
}

export function expected(): Record<string, ExpectedFile> {
  return JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8"));
}

/** A standard table: title, header, numbering row, then the given body rows (columns A–H). */
export const HEADER: CellValue[][] = [
  ["ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM"],
  ["BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024"],
  [],
  ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Ghi chú"],
  ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"],
];

/** First body row of a table built on HEADER. */
export const BODY = HEADER.length + 1;

export function table(body: CellValue[][], options: GridOptions = {}): SheetSnapshot {
  return sheet([...HEADER, ...body], options);
}

/** The report of a sheet recognised as narrative, or null when it is not narrative prose. */
export function narrativeReport(s: SheetSnapshot): SheetReport | null {
  const model = recogniseSheet(s);
  return model.layout === "narrative" ? checkSheet(model) : null;
}
