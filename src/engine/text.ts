/** Text normalisation for matching headers, verdict words and indicator names. */

/** NFC, lower case, every run of white space (line breaks, NBSP) folded to one space, trimmed. */
export function normalise(text: string): string {
  // Vietnamese has no locale-specific case rules, so the plain (much faster) lower-casing is exact.
  const nfc = /^[ -~\t\n\r]*$/.test(text) ? text : text.normalize("NFC");
  return nfc.toLowerCase().replace(/\s+/g, " ").trim();
}

/** normalise() and then diacritics stripped (đ → d), for matching text typed without accents. */
export function fold(text: string): string {
  return normalise(text)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}

const WORD = /[\p{L}\p{N}]/u;

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
    const before = at === 0 ? "" : text[at - 1];
    const after = text[at + phrase.length] ?? "";
    if (!WORD.test(before) && !WORD.test(after)) return true;
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
