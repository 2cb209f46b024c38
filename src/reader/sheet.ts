/** One worksheet's XML → its snapshot, in one pass of the byte scanner (values, formulas, styles, merges, hidden rows and columns). */
import { boundsWithMerges, columnIndex, keepMergeAnchors, type CellRange, type CellValue, type SheetSnapshot } from "../engine";
import { ReaderError } from "./errors";
import { Tok, XmlScanner, decodeBytes, digitsAt, spanIs } from "./scan";
import { LIMITS } from "./limits";
import { sameStyles, type Styles } from "./styles";
import { shiftFormula } from "./formulas";

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

export function readSheet(name: string, bytes: Uint8Array, shared: string[] | null, styles: Styles): SheetSnapshot {
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
      const r = digitsAt(buf, vs, ve) ?? Number(decodeBytes(buf, vs, ve));
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
    } else if (a === 116 /* t */) cType = ve - vs === 1 && buf[vs] === 115 ? "s" : decodeBytes(buf, vs, ve);
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

  /** The open cell is complete: its value, formula and style go into their lines. */
  const closeCell = () => {
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
    if (value === null && cF === null && !cStyle) return;
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
  };

  /** The cells that follow, while they are written plainly: read without tokens (XmlScanner.plainCell). */
  const plainCells = () => {
    for (;;) {
      // The defaults of an Open <c>, before its attributes.
      cRow = rowNumber; cCol = nextCol; cType = "n"; cStyle = 0;
      if (!sc.plainCell(cellAttrs)) return;
      inCell = true; cV = null; cF = null; fShared = undefined; fRef = false;
      nextCol = cCol + 1; cVs = sc.textStart; cVe = sc.textEnd;
      closeCell();
    }
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
          if (sc.plainValueCell()) {
            // <v>…</v></c> taken at once: the value's bytes are the span a Text token would give.
            cVs = sc.textStart;
            cVe = sc.textEnd;
            closeCell();
            plainCells();
          }
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
        if (!sc.selfClosing) plainCells();
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
        closeCell();
        plainCells();
      }
    } else if (len === 2 && sc.is("is")) inIs = false;
    else if (len === 3 && sc.is("rPh")) phonetic--;
  }

  const span = { top, left, bottom, right };
  boundsWithMerges(span, merges);
  ({ top, left, bottom, right } = span);
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
  const styleRows = new Map<string, { format: (string | null)[]; bold: boolean[]; fill: (string | null)[] }>();
  let prevLine: number[] | undefined;
  let prevLines = { format: EMPTY, bold: EMPTY, fill: EMPTY } as { format: (string | null)[]; bold: boolean[]; fill: (string | null)[] };
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
      // Rows styled alike (every item row of a table) share one line of each grid: the lines are
      // only ever read, and a 100k-row sheet then holds a handful of them instead of 300 000.
      // A row styled like the styled row before it (most of a table) takes its lines with no key made.
      let lines = prevLine && sameStyles(sline, prevLine, left - 1, width, styles.useful) ? prevLines : undefined;
      let key = "";
      for (let j = 0; j < width && !lines; j++) {
        const style = sline[left - 1 + j];
        key += style && styles.useful[style] ? `${style},` : ",";
      }
      lines ??= styleRows.get(key);
      if (!lines) {
        lines = { format: EMPTY, bold: EMPTY, fill: EMPTY };
        for (let j = 0; j < width; j++) {
          const style = sline[left - 1 + j];
          if (!style) continue;
          if (lines.format === EMPTY) {
            lines = { format: new Array<string | null>(width).fill(null), bold: new Array<boolean>(width).fill(false), fill: new Array<string | null>(width).fill(null) };
          }
          lines.format[j] = styles.format[style] ?? null;
          lines.bold[j] = styles.bold[style] ?? false;
          lines.fill[j] = styles.fill[style] ?? null;
        }
        if (styleRows.size < 10_000) styleRows.set(key, lines);
      }
      prevLine = sline;
      prevLines = lines;
      numberFormats[i] = lines.format;
      bold[i] = lines.bold;
      fills[i] = lines.fill;
      styleLines[row] = undefined;
    }
  }
  keepMergeAnchors(values, { row: top, col: left }, merges);
  const snap: SheetSnapshot = { name, origin: { row: top, col: left }, values, numberFormats, bold, fills, merges, hiddenRows, hiddenCols, protected: isProtected };
  if (formulas) snap.formulas = formulas;
  return snap;
}

