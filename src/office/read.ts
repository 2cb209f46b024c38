/**
 * Reads: the workbook's sheets, and one sheet into the engine's snapshot. A check reads a sheet in
 * 2 syncs (dimensions, then every chunk of rows at once). Requests and responses are limited in
 * size (5 MB on the web): a response Excel refuses as too large is read again one chunk per sync,
 * a chunk that is still too large halved.
 */
/* global Excel */
import { keepMergeAnchors, parseRangeA1, type CellRange, type CellValue, type SheetSnapshot } from "../engine";
import type { SheetInfo } from "../host/host";
import { isPayloadError, translate } from "./errors";
import { supported } from "./support";

/** Cells per read request at first; a chunk Excel refuses as too large is halved. */
export const CHUNK_CELLS = 25_000;

const CHUNK_PROPS = "values,formulas,numberFormat,valueTypes";

const BOLD_SPEC = { format: { font: { bold: true } } } as const;

interface Part {
  first: number;
  count: number;
  range: Excel.Range;
  bold?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

export async function listSheets(): Promise<SheetInfo[]> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      return sheets.items.map((s) => ({ name: s.name, active: s.name === active.name }));
    });
  } catch (e) {
    return translate(e);
  }
}

/**
 * Reads one sheet; `cache` keeps the merged areas per sheet and used range between reads (the
 * caller's cache: see OfficeHost), `progress` gets 0..1.
 */
export async function readSheet(name: string, cache: Map<string, CellRange[]>, progress?: (done: number) => void): Promise<SheetSnapshot> {
  const bold = supported("ExcelApi", "1.9");
  const canMerge = supported("ExcelApi", "1.13");
  try {
    return await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      // Values only: a stray formatted cell far below the data must not make the read huge.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      ws.load("visibility");
      ws.protection.load("protected");
      await context.sync();
      const empty: SheetSnapshot = { name, origin: { row: 1, col: 1 }, values: [], merges: [], hiddenRows: [], hiddenCols: [], protected: ws.protection.protected };
      if (used.isNullObject) return empty;
      const top = used.rowIndex + 1;
      const left = used.columnIndex + 1;
      const rows = used.rowCount;
      const cols = used.columnCount;
      const part = (first: number, count: number): Part => {
        const range = used.getCell(first, 0).getResizedRange(count - 1, cols - 1);
        range.load(CHUNK_PROPS);
        return { first, count, range, bold: bold ? range.getCellProperties(BOLD_SPEC) : undefined };
      };
      const perChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, cols)));
      let parts: Part[] = [];
      for (let r = 0; r < rows; r += perChunk) parts.push(part(r, Math.min(perChunk, rows - r)));
      const mergeKey = `${name}\n${used.address}`;
      let merged: Excel.RangeAreas | undefined;
      if (canMerge && !cache.has(mergeKey)) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("address");
      }
      try {
        // Every chunk in one round trip: 2 syncs per sheet whatever its size…
        await context.sync();
        parts.forEach((_, i) => progress?.((i + 1) / parts.length));
      } catch (e) {
        // …unless Excel refuses the response as too large (Excel on the web, 5 MB): then one round
        // trip per chunk, a chunk still too large halved, down to one row.
        if (!isPayloadError(e)) throw e;
        if (merged) {
          merged = used.getMergedAreasOrNullObject();
          merged.load("address");
          await context.sync();
        }
        const done: Part[] = [];
        const queue = parts.map((p) => ({ first: p.first, count: p.count }));
        while (queue.length) {
          const { first, count } = queue.shift()!;
          const p = part(first, count);
          try {
            await context.sync();
            done.push(p);
            progress?.(done.reduce((n, d) => n + d.count, 0) / rows);
          } catch (err) {
            if (!isPayloadError(err) || count === 1) throw err;
            const half = Math.ceil(count / 2);
            queue.unshift({ first, count: half }, { first: first + half, count: count - half });
          }
        }
        parts = done;
      }
      if (merged) cache.set(mergeKey, !merged.isNullObject && merged.address ? merged.address.split(",").map(parseRangeA1) : []);
      const merges = cache.get(mergeKey) ?? [];
      const values: CellValue[][] = [];
      const formulas: (string | null)[][] = [];
      const numberFormats: (string | null)[][] = [];
      const bolds: boolean[][] = [];
      let anyFormula = false;
      for (const p of parts) {
        const partValues = p.range.values;
        const types = p.range.valueTypes;
        const partFormulas = p.range.formulas;
        const formats = p.range.numberFormat;
        const props = p.bold?.value;
        partValues.forEach((line, r) => {
          values.push(line.map((v, c) => cellValue(v, String(types[r][c]))));
          formulas.push(
            partFormulas[r].map((f) => {
              const isFormula = typeof f === "string" && f.startsWith("=");
              anyFormula ||= isFormula;
              return isFormula ? (f as string) : null;
            }),
          );
          // "General" is what every unformatted cell says: the snapshot keeps null for it.
          numberFormats.push(formats[r].map((f) => (f && f !== "General" ? String(f) : null)));
          if (props) bolds.push(props[r].map((cell) => cell.format?.font?.bold === true));
        });
      }
      keepMergeAnchors(values, { row: top, col: left }, merges);
      const snap: SheetSnapshot = {
        name,
        origin: { row: top, col: left },
        values,
        numberFormats,
        merges,
        hiddenRows: [],
        hiddenCols: [],
        protected: ws.protection.protected,
        hidden: ws.visibility !== "Visible",
      };
      if (bold) snap.bold = bolds;
      if (anyFormula) snap.formulas = formulas;
      return snap;
    });
  } catch (e) {
    return translate(e);
  }
}
