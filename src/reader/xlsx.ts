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
import { ReaderError } from "./errors";
import { Tok, XmlScanner, decodeBytes, spanIs } from "./scan";

export const LIMITS = {
  /** One part (a sheet's XML) may inflate to at most this many bytes. */
  partBytes: 256 * 1024 * 1024,
  /** All parts together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells in the used range of one sheet. */
  cells: 20_000_000,
};

export { ReaderError, type ReaderErrorCode } from "./errors";

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
  /** True for a cell style that has a number format, bold or a fill (the only styles the snapshot keeps). */
  useful: boolean[];
}

function readStyles(xml: string | undefined): Styles {
  const styles: Styles = { format: [], bold: [], fill: [], useful: [] };
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
        const k = styles.format.length - 1;
        styles.useful.push(styles.format[k] !== null || styles.bold[k] || styles.fill[k] !== null);
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

function readSharedStrings(bytes: Uint8Array | undefined): string[] | null {
  if (!bytes) return null;
  const out: string[] = [];
  const sc = new XmlScanner(bytes);
  let current: string | null = null;
  let inT = false;
  let skip = 0;
  for (let tok = sc.next(); tok !== Tok.End; tok = sc.next()) {
    if (tok === Tok.Text) {
      if (inT && current !== null && !skip) current += sc.text();
    } else if (tok === Tok.Open) {
      if (sc.is("si")) current = "";
      else if (sc.is("t")) inT = true;
      else if (sc.is("rPh") || sc.is("phoneticPr")) skip++;
    } else if (sc.is("si")) {
      out.push(current ?? "");
      current = null;
    } else if (sc.is("t")) inT = false;
    else if (sc.is("rPh") || sc.is("phoneticPr")) skip--;
  }
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

/**
 * The number written in bytes [s, e) ("123", "-4.5", "92.35"), exactly as Number() would read it,
 * without making a string; NaN when it is not that simple (exponents, long mantissas: the caller
 * falls back to Number()).
 */
function simpleNumber(buf: Uint8Array, s: number, e: number): number {
  let k = s;
  let negative = false;
  if (buf[k] === 45) {
    negative = true;
    k++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; k < e; k++) {
    const b = buf[k];
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (b === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  // Clinger's fast path: an exact integer mantissa divided by an exact power of ten is correctly rounded.
  if (digits === 0 || digits > 15 || decimals === 0) return NaN;
  const v = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -v : v;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** An A1 reference's bytes ("AB12", upper case, no "$") → row * 20000 + col, or -1. */
function refAt(buf: Uint8Array, s: number, e: number): number {
  let k = s;
  let col = 0;
  while (k < e && buf[k] >= 65 && buf[k] <= 90) col = col * 26 + (buf[k++] - 64);
  if (k === s || k === e || col > 16384) return -1;
  let row = 0;
  for (; k < e; k++) {
    const b = buf[k];
    if (b < 48 || b > 57) return -1;
    row = row * 10 + (b - 48);
  }
  return row > 0 && row <= 1_048_576 ? row * 20000 + col : -1;
}

/** Excel's serial day number for an ISO 8601 date cell (t="d"), or null. */
function isoSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !/T/.test(text) ? text : `${text}Z`);
  return Number.isFinite(ms) ? ms / 86_400_000 + 25569 : null;
}

const CAPTURE_NONE = 0;
const CAPTURE_V = 1;
const CAPTURE_F = 2;
const CAPTURE_T = 3;

function readSheet(name: string, bytes: Uint8Array, shared: string[] | null, styles: Styles): SheetSnapshot {
  // Cells go straight into lines by absolute row, indexed by column - 1: values (cells with a value
  // or a formula), formulas, and the style ids that say something (format, bold, fill).
  const valueLines: (CellValue[] | undefined)[] = [];
  const formulaLines: (string[] | undefined)[] = [];
  const styleLines: (number[] | undefined)[] = [];
  let stored = 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  const sharedFormulas = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;
  let rowNumber = 0;
  let nextCol = 1;
  // The open cell, as plain variables (no object per cell).
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType = "n";
  let cStyle = 0;
  // The cell's <v> text: a raw byte span when it came as one plain text run, else a string.
  let cV: string | null = null;
  let cVs = -1;
  let cVe = -1;
  let vRuns = 0;
  let cF: string | null = null;
  let fShared: string | undefined;
  let fRef = false;
  let capture = CAPTURE_NONE;
  let text = "";
  let inIs = false;
  let phonetic = 0;
  const sc = new XmlScanner(bytes);
  const buf = bytes;
  const truthy = (vs: number, ve: number) => (ve - vs === 1 && buf[vs] === 49) || spanIs(buf, vs, ve, "true");

  const rowAttrs = (ns: number, ne: number, vs: number, ve: number) => {
    if (spanIs(buf, ns, ne, "r")) {
      const r = Number(decodeBytes(buf, vs, ve));
      if (Number.isInteger(r) && r > 0) rowNumber = r;
    } else if (spanIs(buf, ns, ne, "hidden") && truthy(vs, ve)) hiddenRows.push(-1);
  };
  const cellAttrs = (ns: number, ne: number, vs: number, ve: number) => {
    if (ne - ns !== 1) return;
    const a = buf[ns];
    if (a === 114 /* r */) {
      const ref = refAt(buf, vs, ve);
      if (ref >= 0) {
        cRow = Math.floor(ref / 20000);
        cCol = ref % 20000;
      }
    } else if (a === 116 /* t */) cType = decodeBytes(buf, vs, ve);
    else if (a === 115 /* s */) {
      let v = 0;
      for (let k = vs; k < ve; k++) v = v * 10 + (buf[k] - 48);
      cStyle = v >= 0 && Number.isFinite(v) ? v : 0;
    }
  };
  let fType = "";
  const formulaAttrs = (ns: number, ne: number, vs: number, ve: number) => {
    if (spanIs(buf, ns, ne, "t")) fType = decodeBytes(buf, vs, ve);
    else if (spanIs(buf, ns, ne, "si")) fShared = decodeBytes(buf, vs, ve);
    else if (spanIs(buf, ns, ne, "ref")) fRef = true;
  };

  for (let tok = sc.next(); tok !== Tok.End; tok = sc.next()) {
    if (tok === Tok.Text) {
      if (capture === CAPTURE_V && vRuns++ === 0 && !sc.cdata) {
        cVs = sc.textStart;
        cVe = sc.textEnd;
      } else if (capture !== CAPTURE_NONE) {
        if (capture === CAPTURE_V && cVs >= 0) {
          text = decodeBytes(buf, cVs, cVe);
          cVs = -1;
        }
        text += sc.text();
      }
      continue;
    }
    const len = sc.nameLength();
    const first = sc.firstByte();
    if (tok === Tok.Open) {
      if (len === 1) {
        if (first === 99 /* c */) {
          inCell = true;
          cRow = rowNumber;
          cCol = nextCol;
          cType = "n";
          cStyle = 0;
          cV = null;
          cVs = -1;
          cF = null;
          fShared = undefined;
          fRef = false;
          sc.attributes(cellAttrs);
          nextCol = cCol + 1;
        } else if (first === 118 /* v */) {
          capture = CAPTURE_V;
          text = "";
          vRuns = 0;
          cV = null;
          cVs = -1;
        } else if (first === 102 /* f */) {
          capture = CAPTURE_F;
          text = "";
          fType = "";
          fShared = undefined;
          fRef = false;
          sc.attributes(formulaAttrs);
          if (fType !== "shared") fShared = undefined;
        } else if (first === 116 /* t */ && inIs && !phonetic) {
          capture = CAPTURE_T;
          text = "";
        }
      } else if (len === 3 && sc.is("row")) {
        rowNumber++;
        nextCol = 1;
        const before = hiddenRows.length;
        sc.attributes(rowAttrs);
        if (hiddenRows.length > before) hiddenRows[hiddenRows.length - 1] = rowNumber;
      } else if (len === 2 && sc.is("is")) {
        inIs = true;
        cV = "";
        cVs = -1;
      } else if (len === 3 && sc.is("rPh")) phonetic++;
      else if (len === 9 && sc.is("mergeCell")) {
        const ref = sc.attr("ref");
        if (ref) {
          const [a, b] = ref.split(":");
          const p = /^([A-Z]+)(\d+)$/.exec(a);
          const q = /^([A-Z]+)(\d+)$/.exec(b ?? a);
          if (p && q) merges.push({ top: Number(p[2]), left: columnIndex(p[1]), bottom: Number(q[2]), right: columnIndex(q[1]) });
        }
      } else if (len === 3 && sc.is("col")) {
        const h = sc.attr("hidden");
        if (h === "1" || h === "true") {
          const max = Math.min(Number(sc.attr("max")), 16384);
          for (let c = Number(sc.attr("min")); c <= max; c++) hiddenCols.push(c);
        }
      } else if (len === 15 && sc.is("sheetProtection")) {
        const v = sc.attr("sheet");
        isProtected = v === "1" || v === "true";
      }
      continue;
    }
    // Close.
    if (len === 1) {
      if (first === 118 /* v */) {
        if (capture === CAPTURE_V && cVs < 0) cV = text;
        capture = CAPTURE_NONE;
      } else if (first === 102 /* f */) {
        if (capture === CAPTURE_F && inCell) {
          if (fShared !== undefined) {
            const base = sharedFormulas.get(fShared);
            if (fRef || !base) {
              if (text) sharedFormulas.set(fShared, { formula: text, row: cRow, col: cCol });
              cF = text || null;
            } else cF = shiftFormula(base.formula, cRow - base.row, cCol - base.col);
          } else cF = text || null;
        }
        capture = CAPTURE_NONE;
      } else if (first === 116 /* t */) {
        if (capture === CAPTURE_T) cV = (cV ?? "") + text;
        capture = CAPTURE_NONE;
      } else if (first === 99 /* c */ && inCell) {
        inCell = false;
        let value: CellValue = null;
        const span = cVs >= 0;
        if (!span && !cV) {
          // An empty cell (it may still carry a formula or a style).
        } else if (cType === "s") {
          if (!shared) throw new ReaderError("missingSharedStrings");
          let i = span ? simpleNumber(buf, cVs, cVe) : Number(cV);
          if (i !== i && span) i = Number(decodeBytes(buf, cVs, cVe));
          if (!(i >= 0 && i < shared.length)) throw new ReaderError("missingSharedStrings", `index ${span ? decodeBytes(buf, cVs, cVe) : cV}`);
          value = shared[i];
        } else if (cType === "n" && span && (value = simpleNumber(buf, cVs, cVe)) === value) {
          // A plain number, read straight from the bytes.
        } else {
          const raw = span ? decodeBytes(buf, cVs, cVe) : (cV as string);
          switch (cType) {
            case "inlineStr":
            case "str":
              value = raw;
              break;
            case "b":
              value = raw === "1" || raw === "true";
              break;
            case "e":
              value = { error: raw };
              break;
            case "d":
              value = isoSerial(raw) ?? raw;
              break;
            default:
              value = Number(raw);
              if (!Number.isFinite(value)) value = raw;
          }
        }
        if (value === "") value = null;
        if (value === null && cF === null && !cStyle) continue;
        if (++stored > LIMITS.cells) throw new ReaderError("tooLarge", `more than ${LIMITS.cells} cells`);
        const j = cCol - 1;
        if (value !== null || cF !== null) {
          (valueLines[cRow] ??= [])[j] = value;
          if (cRow < top) top = cRow;
          if (cRow > bottom) bottom = cRow;
          if (cCol < left) left = cCol;
          if (cCol > right) right = cCol;
          if (cF !== null) (formulaLines[cRow] ??= [])[j] = `=${cF}`;
        }
        if (cStyle && styles.useful[cStyle]) (styleLines[cRow] ??= [])[j] = cStyle;
      }
    } else if (len === 2 && sc.is("is")) inIs = false;
    else if (len === 3 && sc.is("rPh")) phonetic--;
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
  const values: CellValue[][] = new Array(height);
  // Formula and style grids are sparse: a row with nothing to say shares one empty line (a missing cell reads as null).
  const EMPTY: never[] = [];
  const numberFormats: (string | null)[][] = new Array(height).fill(EMPTY);
  const bold: boolean[][] = new Array(height).fill(EMPTY);
  const fills: (string | null)[][] = new Array(height).fill(EMPTY);
  let formulas: (string | null)[][] | undefined;
  for (let i = 0; i < height; i++) {
    const row = top + i;
    const line = valueLines[row];
    let out: CellValue[];
    if (line && left === 1) {
      // The line already is the row (every stored column lies within the used range): fill its holes.
      out = line;
      for (let j = 0; j < width; j++) if (out[j] === undefined) out[j] = null;
    } else {
      out = new Array<CellValue>(width);
      for (let j = 0; j < width; j++) {
        const v = line ? line[left - 1 + j] : undefined;
        out[j] = v === undefined ? null : v;
      }
    }
    values[i] = out;
    valueLines[row] = undefined;
    const fline = formulaLines[row];
    if (fline) {
      formulas ??= new Array(height).fill(EMPTY);
      const f = new Array<string | null>(width).fill(null);
      for (let j = 0; j < width; j++) f[j] = fline[left - 1 + j] ?? null;
      formulas[i] = f;
    }
    const sline = styleLines[row];
    if (sline) {
      let formatLine: (string | null)[] | undefined;
      let boldLine: boolean[] | undefined;
      let fillLine: (string | null)[] | undefined;
      for (let j = 0; j < width; j++) {
        const style = sline[left - 1 + j];
        if (!style) continue;
        if (!formatLine) {
          formatLine = new Array<string | null>(width).fill(null);
          boldLine = new Array<boolean>(width).fill(false);
          fillLine = new Array<string | null>(width).fill(null);
          numberFormats[i] = formatLine;
          bold[i] = boldLine;
          fills[i] = fillLine;
        }
        formatLine[j] = styles.format[style] ?? null;
        boldLine![j] = styles.bold[style] ?? false;
        fillLine![j] = styles.fill[style] ?? null;
      }
    }
  }
  // A merged area keeps its value in its top-left cell only.
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const line = values[r - top];
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) line[c - left] = null;
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
  /** A part's bytes, dropped from the package once taken. */
  const take = (part: string) => {
    const bytes = files[part];
    delete files[part];
    return bytes;
  };
  const styles = readStyles(text("xl/styles.xml"));
  const shared = readSharedStrings(take("xl/sharedStrings.xml"));
  const sheets: SheetSnapshot[] = [];
  for (const meta of sheetsMeta) {
    const xml = take(meta.part);
    if (xml === undefined) continue;
    const snap = readSheet(meta.name, xml, shared, styles);
    if (meta.hidden) snap.hidden = true;
    sheets.push(snap);
  }
  return { name, sheets };
}
