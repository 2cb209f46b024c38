/**
 * Where a quoted claim stands in a long cell: its line of the cell's text and a few words either
 * side, so a reader finds "396/424=93,3" among 12 000 characters. Used by the task pane and the
 * command line alike. Pure: no Node, no DOM.
 */

export interface QuoteContext {
  /** 1-based line of the cell's text (lines as Excel shows them, Alt+Enter breaks). */
  line: number;
  /** Number of lines in the cell. */
  lines: number;
  /** The words before the quote on its line ("…" first when cut). */
  before: string;
  /** The quote exactly as it stands in the cell. */
  quote: string;
  /** The words after it on its line ("…" last when cut). */
  after: string;
}

/**
 * The quote at [start, end) of `text` with up to about `radius` characters of its line either
 * side, cut at a space. Null when the offsets do not fit the text.
 */
export function quoteContext(text: string, start: number, end: number, radius = 50): QuoteContext | null {
  if (!(start >= 0 && end > start && end <= text.length)) return null;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  const lineEnd = nl < 0 ? text.length : nl;
  const line = countNewlines(text, 0, start) + 1;
  const lines = countNewlines(text, 0, text.length) + 1;

  let from = Math.max(lineStart, start - radius);
  if (from > lineStart) {
    const space = text.indexOf(" ", from);
    from = space >= 0 && space < start ? space + 1 : from;
  }
  let to = Math.min(lineEnd, end + radius);
  if (to < lineEnd) {
    const space = text.lastIndexOf(" ", to);
    to = space > end ? space : to;
  }
  const before = `${from > lineStart ? "…" : ""}${text.slice(from, start).replace(/\r/g, "")}`;
  const after = `${text.slice(end, to).replace(/\r/g, "").trimEnd()}${to < lineEnd ? "…" : ""}`;
  return { line, lines, before, quote: text.slice(start, end), after };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** "dòng 39 / 120 của ô B5" — where the quote is, in words. */
export function quotePlace(ctx: QuoteContext, cell: string, lang: "vi" | "en"): string {
  if (ctx.lines <= 1) return lang === "en" ? `cell ${cell}` : `ô ${cell}`;
  return lang === "en" ? `line ${ctx.line} of ${ctx.lines} in cell ${cell}` : `dòng ${ctx.line}/${ctx.lines} của ô ${cell}`;
}

/** The text of a cell of a snapshot-shaped grid ("" when empty or not text). */
export function cellText(sheet: { origin: { row: number; col: number }; values: unknown[][] }, cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return "";
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const v = sheet.values[Number(m[2]) - sheet.origin.row]?.[col - sheet.origin.col];
  return typeof v === "string" ? v : "";
}
