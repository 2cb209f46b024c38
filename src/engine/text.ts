/** Text normalisation for matching headers, verdict words and indicator names. */

/**
 * True when NFC cannot change `text`: every character lies below U+0300 (ASCII, Latin-1, Latin
 * Extended-A/B, IPA) or in Latin Extended Additional (U+1E00–U+1EFF, Vietnamese precomposed
 * letters). No character there has a decomposition NFC would redo (they are all
 * NFC_Quick_Check=Yes), and no two of them compose (composition needs a combining mark, U+0300
 * on, or a Hangul jamo). Most cells of a Vietnamese sheet pass, so they skip normalize(), the
 * costly part. test/engine/text.test.ts checks every such character and random strings of them.
 */
export function isNfcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) return false;
  }
  return true;
}

/** NFC, lower case, every run of white space (line breaks, NBSP) folded to one space, trimmed. */
export function normalise(text: string): string {
  // Vietnamese has no locale-specific case rules, so the plain (much faster) lower-casing is exact.
  const nfc = isNfcStable(text) ? text : text.normalize("NFC");
  const lower = nfc.toLowerCase();
  // Most texts have single spaces between words and none at either end: nothing to fold or trim.
  return UNFOLDED.test(lower) ? lower.replace(/\s+/g, " ").trim() : lower;
}

/** White space that normalise() changes: a run, any kind but the plain space, or a space at either end. */
const UNFOLDED = /\s\s|[^\S ]|^ | $/;

/** normalise() and then diacritics stripped (đ → d), for matching text typed without accents. */
export function fold(text: string): string {
  return normalise(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

const WORD = /[\p{L}\p{N}]/u;

/** True when the character at `i` is a letter or a digit (false outside the text). */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  // ASCII and the Latin letters of Vietnamese decided at once (U+00C0–U+024F but × and ÷, U+1E00–U+1EFF
  // are all letters); anything else (other scripts, marks, surrogates) by the regex.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  return WORD.test(text[i]);
}

/**
 * True when `phrase` stands in `text` on word boundaries (both already normalised or folded),
 * so "đạt" is not found inside "đạtx" and "th" is not found inside "thực".
 */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (!isWordChar(text, at - 1) && !isWordChar(text, at + phrase.length)) return true;
    from = at + 1;
  }
}

/** The cell's value as display text ("" for empty), without interpreting it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && "error" in (value as object)) return String((value as { error: string }).error);
  return String(value);
}
