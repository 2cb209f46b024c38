/** Units after a figure in prose: money scales (đồng, nghìn, triệu, tỷ) and other units, as data. */
import { Decimal } from "../decimal";

export interface UnitReading {
  /** The unit words as written, trimmed ("đồng", "triệu đồng", "ha", "học sinh"). */
  text: string;
  /** Money scale in đồng (1, 1.000, 1.000.000, 1.000.000.000) or null for a non-money unit. */
  scale: Decimal | null;
  /** Offset just past the unit in the text. */
  end: number;
}

const MONEY: [RegExp, number][] = [
  [/^(?:tỷ|tỉ)(?:\s*(?:đồng|đ))?(?![\p{L}])/iu, 1e9],
  [/^triệu(?:\s*(?:đồng|đ))?(?![\p{L}])/iu, 1e6],
  [/^(?:nghìn|ngàn)(?:\s*(?:đồng|đ))?(?![\p{L}])/iu, 1e3],
  [/^(?:đồng|đ|vnđ|vnd)(?![\p{L}])/iu, 1],
];

const WORDS_RE = new Map<number, RegExp>();

/** `^word( word){0,n-1}`, compiled once per n. */
function wordsRe(maxWords: number): RegExp {
  let re = WORDS_RE.get(maxWords);
  if (!re) {
    re = new RegExp(`^[\\p{L}²³]+(?:[ \\t]+[\\p{L}²³]+){0,${Math.max(0, maxWords - 1)}}`, "u");
    WORDS_RE.set(maxWords, re);
  }
  return re;
}

/** Up to `maxWords` letter words right after `from` (skipping spaces): the unit of a figure. */
export function unitAfter(text: string, from: number, maxWords = 2): UnitReading {
  const rest = text.slice(from, from + 60);
  const lead = /^[ \t]*/.exec(rest)![0].length;
  const body = rest.slice(lead);
  for (const [re, scale] of MONEY) {
    const m = re.exec(body);
    if (m) return { text: m[0], scale: new Decimal(scale), end: from + lead + m[0].length };
  }
  const words = wordsRe(maxWords).exec(body);
  if (!words || /^(?:x|đạt|so|và|là|trong|bằng|chiếm|được|có|với|của|trên|dưới|tại)$/iu.test(words[0].split(/\s+/)[0])) {
    return { text: "", scale: null, end: from };
  }
  const first = words[0].split(/[ \t]+/)[0];
  return { text: first, scale: null, end: from + lead + first.length };
}

export function sameUnit(a: UnitReading, b: UnitReading): boolean {
  if (a.scale && b.scale) return true;
  if (a.scale || b.scale) return false;
  if (!a.text || !b.text) return true;
  return a.text.toLowerCase() === b.text.toLowerCase();
}
