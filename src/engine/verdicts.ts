/** Stated verdict words and lower-is-better indicators, read from the rule data. */
import verdictWords from "./rules/verdicts.json";
import { memoise } from "./memo";
import lowerIsBetterData from "./rules/lower-is-better.json";
import { containsPhrase, isWordChar, normalise } from "./text";
import type { Verdict } from "./report";

export type StatedVerdict = Verdict | "neutral";

interface VerdictPhrase {
  phrase: string;
  verdict: StatedVerdict;
}

/** Every verdict phrase, longest first, so "chưa đạt" wins over "đạt" and "đạt tiến độ" over "đạt". */
export const VERDICT_PHRASES: readonly VerdictPhrase[] = [
  ...verdictWords.dat.map((phrase) => ({ phrase, verdict: "Đạt" as const })),
  ...verdictWords.chuaDat.map((phrase) => ({ phrase, verdict: "Chưa đạt" as const })),
  ...verdictWords.neutral.map((phrase) => ({ phrase, verdict: "neutral" as const })),
]
  .map((p) => ({ ...p, phrase: normalise(p.phrase) }))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/**
 * Reads a verdict cell or a short verdict phrase: "Đạt", "Vượt", "Đạt và vượt" → "Đạt";
 * "Chưa đạt", "Không đạt" → "Chưa đạt"; "Chưa đánh giá", "Đang thực hiện" → "neutral";
 * anything else (empty, free text) → null. The whole text must be the verdict, give or take
 * punctuation and a trailing remark in brackets.
 */
export function readVerdict(text: string | null | undefined): StatedVerdict | null {
  if (!text) return null;
  return readVerdictText(text);
}

// A column of verdicts repeats a handful of texts: each is read once.
const readVerdictText = memoise((text: string): StatedVerdict | null => {
  const t = normalise(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(/[.;:!,*"'“”]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!t) return null;
  for (const { phrase, verdict } of VERDICT_PHRASES) {
    if (t === phrase) return verdict;
  }
  // A verdict followed by a short qualifier: "Đạt 100%", "Chưa đạt (95%)", "Vượt KH".
  for (const { phrase, verdict } of VERDICT_PHRASES) {
    if (t.startsWith(phrase + " ") && t.length - phrase.length <= 16) return verdict;
  }
  return null;
});

/** True when the indicator's name says that less is better (hộ nghèo, tai nạn, vi phạm …). */
const LOWER = lowerIsBetterData.phrases.map(normalise);
const LOWER_EXCEPT = lowerIsBetterData.except.map(normalise);

/**
 * Phrases by the two characters they begin with, for phrases that begin with a letter or digit
 * (they can only stand at a word start); any other phrase is looked for with containsPhrase.
 */
interface PhraseIndex {
  byHead: Map<number, string[]>;
  other: string[];
}

function indexPhrases(phrases: string[]): PhraseIndex {
  const byHead = new Map<number, string[]>();
  const other: string[] = [];
  for (const p of phrases) {
    if (p.length < 2 || !isWordChar(p, 0)) {
      other.push(p);
      continue;
    }
    const key = p.charCodeAt(0) * 65536 + p.charCodeAt(1);
    byHead.set(key, [...(byHead.get(key) ?? []), p]);
  }
  return { byHead, other };
}

const LOWER_INDEX = indexPhrases(LOWER);
const EXCEPT_INDEX = indexPhrases(LOWER_EXCEPT);

/** containsPhrase(text, p) for some phrase p of the index: each word start of the text looked up once. */
function containsAny(text: string, index: PhraseIndex): boolean {
  for (const p of index.other) if (containsPhrase(text, p)) return true;
  for (let i = 0; i + 1 < text.length; i++) {
    if (i > 0 && isWordChar(text, i - 1)) continue;
    const candidates = index.byHead.get(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1));
    if (!candidates) continue;
    for (const p of candidates) if (text.startsWith(p, i) && !isWordChar(text, i + p.length)) return true;
  }
  return false;
}

export function isLowerIsBetter(name: string | null | undefined): boolean {
  if (!name) return false;
  const n = normalise(name);
  if (containsAny(n, EXCEPT_INDEX)) return false;
  return containsAny(n, LOWER_INDEX);
}
