/**
 * The workbook snapshot: what every adapter (ExcelJS in Node, Office.js in Excel, ExcelJS in the
 * browser preview) reads out of a workbook, and the only thing the engine ever looks at.
 *
 * Grids are dense and 0-based relative to the used range's top-left cell (`origin`), exactly
 * like Office.js `Range.values`: `values[r][c]` is the cell at row `origin.row + r`, column
 * `origin.col + c` (both 1-based absolute, A1 = row 1, col 1).
 */

/** A cell that shows an error such as #DIV/0!, #REF!, #VALUE!, #N/A: kept as an error, never as text. */
export interface CellError {
  error: string;
}

/**
 * A cell value. Numbers are numbers (dates become Excel serial numbers, their number format
 * says they are dates), text is text, an empty cell is null. A merged area holds its value in
 * its top-left cell only; its other cells are null.
 */
export type CellValue = number | string | boolean | CellError | null;

/** A rectangle of cells, 1-based absolute, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Absolute 1-based position of values[0][0]. */
  origin: { row: number; col: number };
  values: CellValue[][];
  /**
   * The grids below may be sparse: a row may be shorter than `values` (even empty) where it has
   * nothing to say; a missing cell reads as null (false for bold).
   */
  /** Formula text with its leading "=", or null; same shape as values. Omitted when no cell has one. */
  formulas?: (string | null)[][];
  /** Number format code ("0.00%", "General", "#,##0"), or null; same shape as values. */
  numberFormats?: (string | null)[][];
  /** Bold font, where the adapter can tell; same shape as values. */
  bold?: boolean[][];
  /** Fill colour as "#RRGGBB", or null for none; same shape as values. */
  fills?: (string | null)[][];
  merges: CellRange[];
  /** Absolute 1-based indices of hidden rows and columns (they are still read). */
  hiddenRows: number[];
  hiddenCols: number[];
  /** True when the sheet is protected (nothing may be written to it). */
  protected?: boolean;
  /** True for a hidden or very hidden sheet. */
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, for reports. */
  name?: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** The value at an absolute 1-based (row, col), or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}

function gridAt<T>(grid: (T | null)[][] | undefined, sheet: SheetSnapshot, row: number, col: number): T | null {
  if (!grid) return null;
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= grid.length) return null;
  const line = grid[r];
  return c < line.length ? (line[c] ?? null) : null;
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return gridAt(sheet.formulas, sheet, row, col);
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  return gridAt(sheet.numberFormats, sheet, row, col);
}

export function boldAt(sheet: SheetSnapshot, row: number, col: number): boolean {
  return gridAt(sheet.bold, sheet, row, col) === true;
}

/** Last absolute row and column of the used range (origin row/col when the sheet is empty). */
export function lastRow(sheet: SheetSnapshot): number {
  return sheet.origin.row + sheet.values.length - 1;
}

export function lastCol(sheet: SheetSnapshot): number {
  let width = 0;
  for (const line of sheet.values) width = Math.max(width, line.length);
  return sheet.origin.col + width - 1;
}

/** Filled cells' bounds widened to take in every merged area (a merge can reach past the last filled cell). */
export function boundsWithMerges(bounds: { top: number; left: number; bottom: number; right: number }, merges: CellRange[]): void {
  for (const m of merges) {
    bounds.top = Math.min(bounds.top, m.top);
    bounds.left = Math.min(bounds.left, m.left);
    bounds.bottom = Math.max(bounds.bottom, m.bottom);
    bounds.right = Math.max(bounds.right, m.right);
  }
}

/**
 * A merged area keeps its value in its top-left cell only, as Excel shows it and the engine
 * expects: the other cells of each merge are emptied in `values` (a grid starting at `origin`).
 * An absurdly large merge (a whole column) is left alone: its cells are not walked one by one.
 */
export function keepMergeAnchors(values: CellValue[][], origin: { row: number; col: number }, merges: CellRange[]): void {
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const line = values[r - origin.row];
      if (!line) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c - origin.col < line.length) line[c - origin.col] = null;
    }
  }
}
