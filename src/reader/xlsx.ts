/**
 * A streaming .xlsx reader straight into the engine's snapshot: fflate unzips, saxes reads each
 * part once, no workbook model in between. It is what `check` uses (fast on 100k-row sheets);
 * ExcelJS stays for writing, where styles must survive. No Node APIs: it takes bytes.
 *
 * Limits, refused with a ReaderError (the CLI says each in one sentence): a part that inflates past
 * LIMITS.partBytes, a package past LIMITS.totalBytes, a sheet past LIMITS.cells, any DOCTYPE or
 * entity declaration (no entity expansion ever), a cell referring to a shared string that is missing.
 */
import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "../engine/snapshot";
import { columnIndex, columnLetter } from "../engine/address";

export const LIMITS = {
  /** One part (a sheet's XML) may inflate to at most this many bytes. */
  partBytes: 256 * 1024 * 1024,
  /** All parts together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells in the used range of one sheet. */
  cells: 20_000_000,
};

export type ReaderErrorCode = "notZip" | "corrupt" | "notWorkbook" | "tooLarge" | "doctype" | "missingSharedStrings";

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    detail = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "ReaderError";
  }
}

const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const decoder = new TextDecoder("utf-8");

function parse(xml: string, on: { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (t: string) => void }): void {
  const p = new SaxesParser({ position: false });
  p.on("doctype", () => {
    throw new ReaderError("doctype");
  });
  p.on("error", (e) => {
    throw e instanceof ReaderError ? e : new ReaderError("corrupt", e.message);
  });
  if (on.open) p.on("opentag", on.open as never);
  if (on.close) p.on("closetag", on.close as never);
  if (on.text) {
    p.on("text", on.text);
    p.on("cdata", on.text);
  }
  p.write(xml).close();
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name] as string | undefined;
}

function local(name: string): string {
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
}

/** "../worksheets/sheet1.xml" relative to "xl/" → "xl/worksheets/sheet1.xml". */
function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p && p !== ".") out.push(p);
  }
  return out.join("/");
}

interface Styles {
  format: (string | null)[];
  bold: boolean[];
  fill: (string | null)[];
}

function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { format: [], bold: [], fill: [] };
  if (!xml) return styles;
  const custom = new Map<number, string>();
  const fontsBold: boolean[] = [];
  const fills: (string | null)[] = [];
  let section = "";
  let inFont = false;
  let inFill = false;
  parse(xml, {
    open(tag) {
      const n = local(tag.name);
      if (n === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (n === "fonts" || n === "fills" || n === "cellXfs" || n === "cellStyleXfs") section = n;
      else if (n === "font" && section === "fonts") {
        inFont = true;
        fontsBold.push(false);
      } else if (n === "b" && inFont) fontsBold[fontsBold.length - 1] = attr(tag, "val") !== "0" && attr(tag, "val") !== "false";
      else if (n === "fill" && section === "fills") {
        inFill = true;
        fills.push(null);
      } else if (n === "patternFill" && inFill && attr(tag, "patternType") === "none") fills[fills.length - 1] = null;
      else if (n === "fgColor" && inFill) {
        const rgb = attr(tag, "rgb");
        if (rgb && /^[0-9A-Fa-f]{8}$/.test(rgb)) fills[fills.length - 1] = `#${rgb.slice(2).toUpperCase()}`;
      } else if (n === "xf" && section === "cellXfs") {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        styles.format.push(id === 0 ? null : (custom.get(id) ?? BUILTIN_FORMATS[id] ?? null));
        styles.bold.push(fontsBold[Number(attr(tag, "fontId") ?? 0)] ?? false);
        styles.fill.push(fills[Number(attr(tag, "fillId") ?? 0)] ?? null);
      }
    },
    close(tag) {
      const n = local(tag.name);
      if (n === "font") inFont = false;
      else if (n === "fill") inFill = false;
      else if (n === section) section = "";
    },
  });
  return styles;
}

function readSharedStrings(xml: string | undefined): string[] | null {
  if (!xml) return null;
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let skip = 0;
  parse(xml, {
    open(tag) {
      const n = local(tag.name);
      if (n === "si") current = [];
      else if (n === "rPh" || n === "phoneticPr") skip++;
      else if (n === "t" && !skip) inT = true;
    },
    close(tag) {
      const n = local(tag.name);
      if (n === "si") {
        out.push(current ? current.join("") : "");
        current = null;
      } else if (n === "rPh" || n === "phoneticPr") skip--;
      else if (n === "t") inT = false;
    },
    text(t) {
      if (inT && current) current.push(t);
    },
  });
  return out;
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** A shared formula's text moved from its anchor by (dr, dc): relative references shift. */
function shiftFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  let out = "";
  let inString = false;
  let last = 0;
  for (let i = 0; i <= formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || i === formula.length) {
      const piece = formula.slice(last, i);
      out += inString
        ? piece
        : piece.replace(REF, (m, c$, col, r$, row, offset: number, whole: string) => {
            if (offset > 0 && /[A-Za-z_!'.]/.test(whole[offset - 1])) return m;
            const c = c$ ? col : columnLetter(columnIndex(col) + dc);
            const r = r$ ? row : String(Number(row) + dr);
            return `${c$}${c}${r$}${r}`;
          });
      if (i < formula.length) out += ch;
      inString = !inString;
      last = i + 1;
    }
  }
  return out;
}

/** Cells as parallel arrays (no object per cell: a 100k-row sheet has a million of them). */
class CellStore {
  rows: number[] = [];
  cols: number[] = [];
  values: CellValue[] = [];
  styles: number[] = [];
  formulas = new Map<number, string>();

  push(row: number, col: number, value: CellValue, formula: string | null, style: number): void {
    if (formula !== null) this.formulas.set(this.rows.length, formula);
    this.rows.push(row);
    this.cols.push(col);
    this.values.push(value);
    this.styles.push(style);
  }
}

function readSheet(name: string, xml: string, shared: string[] | null, styles: Styles): SheetSnapshot {
  const cells = new CellStore();
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  const sharedFormulas = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;
  let rowNumber = 0;
  let cell: { row: number; col: number; t: string; s: number; v: string; f: string | null; fShared?: string; fRef?: boolean } | null = null;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inT = false;
  let text = "";
  let nextCol = 1;
  parse(xml, {
    open(tag) {
      switch (local(tag.name)) {
        case "row": {
          rowNumber = Number(attr(tag, "r") ?? rowNumber + 1);
          nextCol = 1;
          const h = attr(tag, "hidden");
          if (h === "1" || h === "true") hiddenRows.push(rowNumber);
          break;
        }
        case "c": {
          const r = attr(tag, "r");
          let row = rowNumber;
          let col = nextCol;
          if (r) {
            const m = /^([A-Z]+)(\d+)$/.exec(r);
            if (m) {
              col = columnIndex(m[1]);
              row = Number(m[2]);
            }
          }
          nextCol = col + 1;
          cell = { row, col, t: attr(tag, "t") ?? "n", s: Number(attr(tag, "s") ?? 0), v: "", f: null };
          break;
        }
        case "v":
          inV = true;
          text = "";
          break;
        case "f":
          inF = true;
          text = "";
          if (cell && attr(tag, "t") === "shared") {
            cell.fShared = attr(tag, "si");
            cell.fRef = attr(tag, "ref") !== undefined;
          }
          break;
        case "is":
          inIs = true;
          if (cell) cell.v = "";
          break;
        case "t":
          if (inIs) {
            inT = true;
            text = "";
          }
          break;
        case "rPh":
          inIs = false;
          break;
        case "mergeCell": {
          const ref = attr(tag, "ref");
          if (ref) {
            const [a, b] = ref.split(":");
            const p = /^([A-Z]+)(\d+)$/.exec(a);
            const q = /^([A-Z]+)(\d+)$/.exec(b ?? a);
            if (p && q) merges.push({ top: Number(p[2]), left: columnIndex(p[1]), bottom: Number(q[2]), right: columnIndex(q[1]) });
          }
          break;
        }
        case "col": {
          const h = attr(tag, "hidden");
          if (h === "1" || h === "true") for (let c = Number(attr(tag, "min")); c <= Number(attr(tag, "max")) && c <= 16384; c++) hiddenCols.push(c);
          break;
        }
        case "sheetProtection": {
          const s = attr(tag, "sheet");
          isProtected = s === "1" || s === "true";
          break;
        }
      }
    },
    text(t) {
      if (inV || inF || inT) text += t;
    },
    close(tag) {
      switch (local(tag.name)) {
        case "v":
          inV = false;
          if (cell) cell.v = text;
          break;
        case "f":
          inF = false;
          if (cell) {
            if (cell.fShared !== undefined) {
              if (cell.fRef || !sharedFormulas.has(cell.fShared)) {
                if (text) sharedFormulas.set(cell.fShared, { formula: text, row: cell.row, col: cell.col });
                cell.f = text || null;
              } else {
                const base = sharedFormulas.get(cell.fShared)!;
                cell.f = shiftFormula(base.formula, cell.row - base.row, cell.col - base.col);
              }
            } else cell.f = text || null;
          }
          break;
        case "t":
          if (inT && cell) cell.v += text;
          inT = false;
          break;
        case "is":
          inIs = false;
          break;
        case "rPh":
          inIs = true;
          break;
        case "c": {
          if (!cell) break;
          const c = cell;
          cell = null;
          let value: CellValue = null;
          switch (c.t) {
            case "s": {
              if (c.v === "") break;
              if (!shared) throw new ReaderError("missingSharedStrings");
              const i = Number(c.v);
              if (!(i >= 0 && i < shared.length)) throw new ReaderError("missingSharedStrings", `index ${c.v}`);
              value = shared[i];
              break;
            }
            case "inlineStr":
            case "str":
              value = c.v;
              break;
            case "b":
              value = c.v === "1" || c.v === "true";
              break;
            case "e":
              value = { error: c.v };
              break;
            default:
              value = c.v === "" ? null : Number(c.v);
              if (typeof value === "number" && !Number.isFinite(value)) value = c.v;
          }
          if (value === "") value = null;
          if (value === null && c.f === null && !c.s) break;
          cells.push(c.row, c.col, value, c.f === null ? null : `=${c.f}`, c.s);
          break;
        }
      }
    },
  });

  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const n = cells.rows.length;
  for (let k = 0; k < n; k++) {
    if (cells.values[k] === null && !cells.formulas.has(k)) continue;
    const row = cells.rows[k];
    const col = cells.cols[k];
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (!Number.isFinite(top)) return { name, origin: { row: 1, col: 1 }, values: [], merges, hiddenRows, hiddenCols, protected: isProtected };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > LIMITS.cells) throw new ReaderError("tooLarge", `${height} × ${width} cells`);
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  // Style grids are sparse: a row with no styled cell shares one empty line (a missing cell reads as null).
  const EMPTY: never[] = [];
  const numberFormats: (string | null)[][] = new Array(height).fill(EMPTY);
  const bold: boolean[][] = new Array(height).fill(EMPTY);
  const fills: (string | null)[][] = new Array(height).fill(EMPTY);
  let formulas: (string | null)[][] | undefined;
  const mergedAway = new Set<number>();
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) mergedAway.add(r * 20000 + c);
  }
  for (let k = 0; k < n; k++) {
    const row = cells.rows[k];
    const col = cells.cols[k];
    if (row < top || row > bottom || col < left || col > right) continue;
    const i = row - top;
    const j = col - left;
    if (!mergedAway.has(row * 20000 + col)) values[i][j] = cells.values[k];
    const style = cells.styles[k];
    if (style) {
      const format = styles.format[style] ?? null;
      const isBold = styles.bold[style] ?? false;
      const fill = styles.fill[style] ?? null;
      if (format !== null || isBold || fill !== null) {
        if (numberFormats[i] === EMPTY) {
          numberFormats[i] = new Array<string | null>(width).fill(null);
          bold[i] = new Array<boolean>(width).fill(false);
          fills[i] = new Array<string | null>(width).fill(null);
        }
        numberFormats[i][j] = format;
        bold[i][j] = isBold;
        fills[i][j] = fill;
      }
    }
    const formula = cells.formulas.get(k);
    if (formula) {
      formulas ??= new Array(height).fill(EMPTY);
      if (formulas[i] === EMPTY) formulas[i] = new Array<string | null>(width).fill(null);
      formulas[i][j] = formula;
    }
  }
  const snap: SheetSnapshot = { name, origin: { row: top, col: left }, values, numberFormats, bold, fills, merges, hiddenRows, hiddenCols, protected: isProtected };
  if (formulas) snap.formulas = formulas;
  return snap;
}

/** Reads workbook bytes into a snapshot; throws ReaderError for anything it cannot read. */
export function readXlsx(bytes: Uint8Array, name?: string): WorkbookSnapshot {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReaderError("notZip");
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = f.name === "xl/workbook.xml" || f.name === "xl/sharedStrings.xml" || f.name === "xl/styles.xml" || f.name === "xl/_rels/workbook.xml.rels" || f.name.startsWith("xl/worksheets/sheet");
        if (!wanted) return false;
        if (f.originalSize > LIMITS.partBytes) throw new ReaderError("tooLarge", `${f.name} ${f.originalSize} bytes`);
        total += f.originalSize;
        if (total > LIMITS.totalBytes) throw new ReaderError("tooLarge", "package");
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ReaderError) throw e;
    throw new ReaderError("corrupt", e instanceof Error ? e.message : String(e));
  }
  for (const [k, v] of Object.entries(files)) if (v.length > LIMITS.partBytes) throw new ReaderError("tooLarge", k);
  /** A part's text; its bytes are dropped once decoded, so a large sheet is not held twice. */
  const text = (part: string) => {
    const bytes = files[part];
    if (!bytes) return undefined;
    delete files[part];
    return decoder.decode(bytes);
  };
  const workbookXml = text("xl/workbook.xml");
  if (!workbookXml) throw new ReaderError("notWorkbook");

  const rels = new Map<string, string>();
  const relsXml = text("xl/_rels/workbook.xml.rels");
  if (relsXml) {
    parse(relsXml, {
      open(tag) {
        if (local(tag.name) === "Relationship") rels.set(attr(tag, "Id") ?? "", resolvePart(attr(tag, "Target") ?? ""));
      },
    });
  }
  const sheetsMeta: { name: string; part: string; hidden: boolean }[] = [];
  parse(workbookXml, {
    open(tag) {
      if (local(tag.name) !== "sheet") return;
      const id = Object.entries(tag.attributes).find(([k]) => local(k) === "id")?.[1] as string | undefined;
      const part = (id && rels.get(id)) || `xl/worksheets/sheet${sheetsMeta.length + 1}.xml`;
      const state = attr(tag, "state");
      sheetsMeta.push({ name: attr(tag, "name") ?? `Sheet${sheetsMeta.length + 1}`, part, hidden: state === "hidden" || state === "veryHidden" });
    },
  });
  const styles = readStyles(text("xl/styles.xml"));
  const shared = readSharedStrings(text("xl/sharedStrings.xml"));
  const sheets: SheetSnapshot[] = [];
  for (const meta of sheetsMeta) {
    const xml = text(meta.part);
    if (xml === undefined) continue;
    const snap = readSheet(meta.name, xml, shared, styles);
    if (meta.hidden) snap.hidden = true;
    sheets.push(snap);
  }
  return { name, sheets };
}
