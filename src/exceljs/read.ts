/**
 * ExcelJS adapter, reading side: workbook bytes → WorkbookSnapshot. No Node APIs, so the
 * browser preview uses the same code as the command line.
 */
import ExcelJS from "exceljs";
import { boundsWithMerges, keepMergeAnchors, parseRangeA1, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../engine";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial day number for a date (1900 date system). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object") {
    if ("error" in value && typeof (value as ExcelJS.CellErrorValue).error === "string") return { error: (value as ExcelJS.CellErrorValue).error };
    if ("richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      return plain(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? "");
    if ("text" in value) return String((value as { text: unknown }).text ?? "");
  }
  return String(value);
}

function fillColour(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map(parseRangeA1);
  const span = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      span.top = Math.min(span.top, r);
      span.bottom = Math.max(span.bottom, r);
      span.left = Math.min(span.left, c);
      span.right = Math.max(span.right, c);
    });
  });
  boundsWithMerges(span, merges);
  const { top, left, bottom, right } = span;
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  if (!Number.isFinite(top)) {
    return { name: ws.name, origin: { row: 1, col: 1 }, values: [], merges: [], hiddenRows, hiddenCols, protected: isProtected(ws), hidden: ws.state !== "visible" };
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  const bold: boolean[][] = [];
  const fills: (string | null)[][] = [];
  let anyFormula = false;
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    numberFormats.push(new Array<string | null>(width).fill(null));
    bold.push(new Array<boolean>(width).fill(false));
    fills.push(new Array<string | null>(width).fill(null));
  }
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (r < top || r > bottom) return;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c < left || c > right) return;
      const i = r - top;
      const j = c - left;
      values[i][j] = plain(cell.value);
      const f = cell.formula;
      if (f) {
        formulas[i][j] = `=${f}`;
        anyFormula = true;
      }
      numberFormats[i][j] = cell.numFmt || null;
      bold[i][j] = cell.font?.bold === true;
      fills[i][j] = fillColour(cell);
    });
  });
  keepMergeAnchors(values, { row: top, col: left }, merges);
  for (let c = left; c <= right; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c);
  const snap: SheetSnapshot = {
    name: ws.name,
    origin: { row: top, col: left },
    values,
    numberFormats,
    bold,
    fills,
    merges,
    hiddenRows,
    hiddenCols,
    protected: isProtected(ws),
    hidden: ws.state !== "visible",
  };
  if (anyFormula) snap.formulas = formulas;
  return snap;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return p?.sheet === true;
}

export function workbookSnapshot(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { name, sheets };
}

/** Loads workbook bytes with ExcelJS. Throws ExcelJS's own errors; callers turn them into sentences. */
export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

export async function readSnapshot(bytes: Uint8Array | ArrayBuffer, name?: string): Promise<WorkbookSnapshot> {
  return workbookSnapshot(await loadWorkbook(bytes), name);
}
