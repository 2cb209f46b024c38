/**
 * A small XML tokenizer over UTF-8 bytes, for the two parts that can be large: worksheets and
 * shared strings. It reads the bytes in place (no string of the whole part, no object per tag), so
 * a 100k-row sheet costs little more than inflating it. It is strict where it matters: any
 * DOCTYPE or entity declaration is refused (no entity expansion ever), an unknown entity or a
 * broken tag is "corrupt", and text is decoded as an XML parser would (the five predefined
 * entities, character references, CDATA, line ends normalised to "\n").
 */
import { ReaderError } from "./errors";

/** Token kinds returned by XmlScanner.next(). */
export const Tok = { End: 0, Open: 1, Close: 2, Text: 3 } as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const AMP = 38;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const COLON = 58;
const CR = 13;

const decoder = new TextDecoder("utf-8", { fatal: false });

function isSpace(b: number): boolean {
  return b === 32 || b === 10 || b === 9 || b === CR;
}

/** Index of the byte sequence `seq` in `buf` at or after `from`, or -1. */
function indexOfSeq(buf: Uint8Array, seq: number[], from: number): number {
  const first = seq[0];
  for (let i = buf.indexOf(first, from); i >= 0; i = buf.indexOf(first, i + 1)) {
    let k = 1;
    while (k < seq.length && buf[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

const CDATA_OPEN = [...("<![CDATA[" as string)].map((c) => c.charCodeAt(0));
const CDATA_CLOSE = [93, 93, GT];
const COMMENT_CLOSE = [45, 45, GT];
const PI_CLOSE = [QUESTION, GT];

function startsWithAt(buf: Uint8Array, at: number, seq: number[]): boolean {
  for (let k = 0; k < seq.length; k++) if (buf[at + k] !== seq[k]) return false;
  return true;
}

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replaces entity and character references; an undeclared entity or a bare "&" is corrupt XML. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z][\w.-]*)?;?/g, (m, ref: string | undefined) => {
    if (!ref || !m.endsWith(";")) throw new ReaderError("corrupt", "bare &");
    if (ref[0] !== "#") {
      const v = PREDEFINED[ref];
      if (v === undefined) throw new ReaderError("corrupt", `undeclared entity &${ref};`);
      return v;
    }
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) throw new ReaderError("corrupt", `character reference ${m}`);
    return String.fromCodePoint(code);
  });
}

/** Bytes [s, e) as text: UTF-8, line ends normalised, references replaced unless `raw` (CDATA). */
export function decodeBytes(buf: Uint8Array, s: number, e: number, raw = false): string {
  let ascii = true;
  let amp = false;
  let cr = false;
  for (let k = s; k < e; k++) {
    const b = buf[k];
    if (b >= 0x80) ascii = false;
    else if (b === AMP) amp = true;
    else if (b === CR) cr = true;
  }
  let out: string;
  if (ascii && e - s <= 32) {
    out = "";
    for (let k = s; k < e; k++) out += String.fromCharCode(buf[k]);
  } else out = decoder.decode(buf.subarray(s, e));
  if (cr) out = out.replace(/\r\n?/g, "\n");
  if (amp && !raw) out = unescapeXml(out);
  return out;
}

/**
 * Pull tokenizer. After next(): for Open and Close, nameStart..nameEnd is the element's local name
 * (prefix dropped); for Open, attrStart..attrEnd its attributes and selfClosing whether it was
 * `<x/>` (a Close with the same name follows at once); for Text, text() is its decoded content.
 */
export class XmlScanner {
  pos = 0;
  nameStart = 0;
  nameEnd = 0;
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** The current Text token's raw span, and whether it was CDATA. */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  private pendingClose = false;
  private depth = 0;

  constructor(readonly buf: Uint8Array) {
    // A byte-order mark before the declaration.
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = 3;
  }

  next(): Tok {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return Tok.Close;
    }
    const buf = this.buf;
    const n = buf.length;
    for (;;) {
      const i = this.pos;
      if (i >= n) {
        if (this.depth !== 0) throw new ReaderError("corrupt", "unexpected end of XML");
        return Tok.End;
      }
      if (buf[i] !== LT) {
        let j = buf.indexOf(LT, i);
        if (j < 0) j = n;
        this.textStart = i;
        this.textEnd = j;
        this.cdata = false;
        this.pos = j;
        return Tok.Text;
      }
      const c = buf[i + 1];
      if (c === QUESTION) {
        const end = indexOfSeq(buf, PI_CLOSE, i + 2);
        if (end < 0) throw new ReaderError("corrupt", "unterminated processing instruction");
        this.pos = end + 2;
        continue;
      }
      if (c === BANG) {
        if (buf[i + 2] === 45 && buf[i + 3] === 45) {
          const end = indexOfSeq(buf, COMMENT_CLOSE, i + 4);
          if (end < 0) throw new ReaderError("corrupt", "unterminated comment");
          this.pos = end + 3;
          continue;
        }
        if (startsWithAt(buf, i, CDATA_OPEN)) {
          const end = indexOfSeq(buf, CDATA_CLOSE, i + 9);
          if (end < 0) throw new ReaderError("corrupt", "unterminated CDATA");
          this.textStart = i + 9;
          this.textEnd = end;
          this.cdata = true;
          this.pos = end + 3;
          return Tok.Text;
        }
        // <!DOCTYPE …>, <!ENTITY …>, <!ELEMENT …>: never expanded, never read.
        throw new ReaderError("doctype");
      }
      if (c === SLASH) {
        let k = i + 2;
        let start = k;
        while (k < n && buf[k] !== GT && !isSpace(buf[k])) {
          if (buf[k] === COLON) start = k + 1;
          k++;
        }
        this.nameStart = start;
        this.nameEnd = k;
        const gt = buf.indexOf(GT, k);
        if (gt < 0 || start === k) throw new ReaderError("corrupt", "broken closing tag");
        this.pos = gt + 1;
        this.depth--;
        if (this.depth < 0) throw new ReaderError("corrupt", "unbalanced tags");
        return Tok.Close;
      }
      let k = i + 1;
      let start = k;
      while (k < n) {
        const b = buf[k];
        if (b === GT || b === SLASH || isSpace(b)) break;
        if (b === COLON) start = k + 1;
        k++;
      }
      if (start === k) throw new ReaderError("corrupt", "broken tag");
      this.nameStart = start;
      this.nameEnd = k;
      this.attrStart = k;
      // The tag ends at the first ">" outside a quoted attribute value.
      let quote = 0;
      while (k < n) {
        const b = buf[k];
        if (quote) {
          if (b === quote) quote = 0;
        } else if (b === DQ || b === SQ) quote = b;
        else if (b === GT) break;
        k++;
      }
      if (k >= n) throw new ReaderError("corrupt", "unterminated tag");
      this.selfClosing = buf[k - 1] === SLASH;
      this.attrEnd = this.selfClosing ? k - 1 : k;
      this.pos = k + 1;
      this.depth++;
      if (this.selfClosing) this.pendingClose = true;
      return Tok.Open;
    }
  }

  /**
   * After an Open token that is not self-closing: when what follows is exactly
   * `<v>TEXT</v></c>` (TEXT not empty, no markup in it), the common cell, it is taken at once:
   * textStart..textEnd is TEXT (as a Text token would leave it), the element is closed, true is
   * returned. Otherwise nothing moves and false is returned (the tokens then come one by one).
   */
  plainValueCell(): boolean {
    const buf = this.buf;
    const k = this.pos;
    if (this.pendingClose || buf[k] !== LT || buf[k + 1] !== 118 || buf[k + 2] !== GT) return false;
    const s = k + 3;
    const e = buf.indexOf(LT, s);
    if (e <= s || buf[e + 1] !== SLASH || buf[e + 2] !== 118 || buf[e + 3] !== GT) return false;
    if (buf[e + 4] !== LT || buf[e + 5] !== SLASH || buf[e + 6] !== 99 || buf[e + 7] !== GT) return false;
    this.textStart = s;
    this.textEnd = e;
    this.cdata = false;
    this.pos = e + 8;
    this.depth--;
    return true;
  }

  /** Attribute spans of plainCell(): name start, name end, value start, value end, four per attribute. */
  private readonly spans = new Int32Array(32);

  /**
   * At a cell written plainly, `<c a="…" b="…">` + `<v>TEXT</v></c>` or `<c a="…"/>` (one space
   * before each attribute, double quotes, at most 8 attributes), before any token of it is read:
   * calls `each` for its attributes as attributes() would, takes the whole cell and returns true,
   * the value's span in textStart..textEnd (-1 when it has none). Otherwise nothing moves, false.
   */
  plainCell(each: (ns: number, ne: number, vs: number, ve: number) => void): boolean {
    const buf = this.buf;
    const spans = this.spans;
    let k = this.pos;
    if (this.pendingClose || buf[k] !== LT || buf[k + 1] !== 99 || buf[k + 2] !== 32) return false;
    k += 2;
    let count = 0;
    while (buf[k] === 32 && count < 32) {
      const ns = ++k;
      while (k < buf.length && buf[k] !== EQ && !isSpace(buf[k]) && buf[k] !== GT && buf[k] !== SLASH) k++;
      if (k === ns || buf[k] !== EQ || buf[k + 1] !== DQ) return false;
      // Short spans: a plain loop beats indexOf's call.
      let ve = k + 2;
      while (ve < buf.length && buf[ve] !== DQ) ve++;
      if (ve >= buf.length) return false;
      spans[count] = ns;
      spans[count + 1] = k;
      spans[count + 2] = k + 2;
      spans[count + 3] = ve;
      count += 4;
      k = ve + 1;
    }
    let end: number;
    if (buf[k] === SLASH && buf[k + 1] === GT) {
      this.textStart = this.textEnd = -1;
      end = k + 2;
    } else {
      if (buf[k] !== GT || buf[k + 1] !== LT || buf[k + 2] !== 118 || buf[k + 3] !== GT) return false;
      const vs = k + 4;
      let e = vs;
      while (e < buf.length && buf[e] !== LT) e++;
      if (e <= vs || e >= buf.length || buf[e + 1] !== SLASH || buf[e + 2] !== 118 || buf[e + 3] !== GT) return false;
      if (buf[e + 4] !== LT || buf[e + 5] !== SLASH || buf[e + 6] !== 99 || buf[e + 7] !== GT) return false;
      this.textStart = vs;
      this.textEnd = e;
      end = e + 8;
    }
    for (let i = 0; i < count; i += 4) each(spans[i], spans[i + 1], spans[i + 2], spans[i + 3]);
    this.cdata = false;
    this.pos = end;
    return true;
  }

  /** The current Text token's content. */
  text(): string {
    return decodeBytes(this.buf, this.textStart, this.textEnd, this.cdata);
  }

  /** True when the current element's local name is `name` (ASCII). */
  is(name: string): boolean {
    const len = this.nameEnd - this.nameStart;
    if (len !== name.length) return false;
    for (let k = 0; k < len; k++) if (this.buf[this.nameStart + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** Length and first byte of the local name, for a quick dispatch before is(). */
  nameLength(): number {
    return this.nameEnd - this.nameStart;
  }

  firstByte(): number {
    return this.buf[this.nameStart];
  }

  /**
   * Calls `each` for every attribute of the current Open token with the name's span (prefix kept)
   * and the value's span (still escaped). A malformed attribute list is corrupt XML.
   */
  attributes(each: (ns: number, ne: number, vs: number, ve: number) => void): void {
    const buf = this.buf;
    let k = this.attrStart;
    const end = this.attrEnd;
    for (;;) {
      while (k < end && isSpace(buf[k])) k++;
      if (k >= end) return;
      const ns = k;
      while (k < end && buf[k] !== EQ && !isSpace(buf[k])) k++;
      const ne = k;
      while (k < end && isSpace(buf[k])) k++;
      if (buf[k] !== EQ || ns === ne) throw new ReaderError("corrupt", "broken attribute");
      k++;
      while (k < end && isSpace(buf[k])) k++;
      const q = buf[k];
      if (q !== DQ && q !== SQ) throw new ReaderError("corrupt", "unquoted attribute");
      const vs = k + 1;
      const ve = buf.indexOf(q, vs);
      if (ve < 0 || ve >= end) throw new ReaderError("corrupt", "unterminated attribute");
      each(ns, ne, vs, ve);
      k = ve + 1;
    }
  }

  /** One attribute's decoded value by its exact (prefixed) name, or undefined. */
  attr(name: string): string | undefined {
    let out: string | undefined;
    this.attributes((ns, ne, vs, ve) => {
      if (out === undefined && spanIs(this.buf, ns, ne, name)) out = decodeBytes(this.buf, vs, ve).replace(/[\t\n]/g, " ");
    });
    return out;
  }
}

/** The whole number written in bytes [s, e) (1 to 9 ASCII digits, nothing else), else undefined. */
export function digitsAt(buf: Uint8Array, s: number, e: number): number | undefined {
  if (e <= s || e - s > 9) return undefined;
  let v = 0;
  for (let k = s; k < e; k++) {
    const b = buf[k];
    if (b < 48 || b > 57) return undefined;
    v = v * 10 + (b - 48);
  }
  return v;
}

export function spanIs(buf: Uint8Array, s: number, e: number, name: string): boolean {
  if (e - s !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (buf[s + k] !== name.charCodeAt(k)) return false;
  return true;
}
