/**
 * The narrative reader's vocabulary, read from the rule data and made into pieces of regular
 * expressions once: the narrative header (rules/headers.json "narrative"), verdict words in prose
 * (rules/verdicts.json "prose"), and the words of ratios and task targets (rules/prose.json). A
 * province extends the JSON, never this file. Every piece is an alternation of escaped words,
 * longest first, so "chưa đạt" wins over "đạt" and a word may hold any character.
 */
import headerRules from "../rules/headers.json";
import proseRules from "../rules/prose.json";
import verdictRules from "../rules/verdicts.json";
import { normalise } from "../text";
import { readVerdict } from "../verdicts";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Words as one alternation: escaped, longest first, each space written as `space` (a literal space unless told). */
export function alternation(words: readonly string[], space = " "): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).split(" ").join(space))
    .join("|");
}

/** The narrative sheet's header phrases per column (group, result, forecast, stt). */
export const NARRATIVE_HEADER = headerRules.narrative;

const prose = verdictRules.prose;

/** Verdicts stated in prose: after "đánh giá", closing a line, before a qualifier in brackets. */
export const STATED = alternation(prose.stated);
/** Verdicts that close a line: the stated ones and "thực hiện vượt", "vượt kế hoạch". */
export const CLOSING = alternation([...prose.stated, ...prose.closing]);
/** Verdicts before a qualifier in brackets, on normalised text: "(vượt kế hoạch)". */
export const BRACKETED = alternation([...prose.stated, ...prose.bracketed].map(normalise));
/** What may follow a verdict in brackets: "(đạt theo kế hoạch)". */
export const QUALIFIERS = alternation(prose.qualifiers.map(normalise));
/** Words before a verdict in brackets, on normalised text: "(đánh giá thực hiện nhiệm vụ chưa đạt)". */
export const PREFIXES = alternation(prose.prefixes.map(normalise));

const counted = prose.stated.filter((w) => {
  const v = readVerdict(w);
  return v === "Đạt" || v === "Chưa đạt";
});
/** The verdicts a task count names: "có 02 nhiệm vụ chưa đạt" (the stated ones that are đạt or chưa đạt). */
export const COUNTED = alternation(counted);
/** Their first words: "gồm 05 nhiệm vụ" is a total only when no verdict follows. */
export const COUNTED_FIRST = alternation([...new Set(counted.map((w) => w.split(" ")[0]))]);
/** A verdict before a count: "hoàn thành 2/3 nhiệm vụ". */
export const COUNT_LEAD = alternation(prose.countLead);

const target = proseRules.taskTarget;

/** A task heading's bound before its percent ("từ 90%"), after it ("90% trở lên"), and the word before its result. */
export const TARGET_BOUND = alternation(target.bounds);
export const TARGET_BOUND_AFTER = alternation(target.boundAfter, "\\s*");
export const TARGET_RESULT = alternation(target.result);

/** What a percent may be measured against, named after it: "kế hoạch", "dự toán". */
export const BASES = alternation(proseRules.bases);
/** A baseline named after a percent ("đạt 100% kế hoạch", "so với dự toán"): maybe not the ratio's own. */
export const OTHER_BASE = new RegExp(`^[ \\t]*(?:so với|(?:${BASES})(?![\\p{L}]))`, "iu");
/** The same, or last year's figure ("so cùng kỳ"): a percent measured against something named. */
export const PLAN_AFTER = new RegExp(`^[ \\t]*(?:so với|so|(?:${BASES})(?![\\p{L}])|cùng kỳ)`, "iu");

/** The verbs between a ratio and its percent ("đạt", "chiếm", "bằng"), as written and opening a sentence. */
export const CONNECT_VERBS = alternation(proseRules.connect.verbs);
export const CONNECT_VERBS_OPENING = alternation(proseRules.connect.verbs.map((w) => w.charAt(0).toUpperCase() + w.slice(1)));
/** Words that make a percent a rate: "tỷ lệ", "tỉ lệ" (any run of blanks between their words). */
export const RATE = alternation(proseRules.connect.rate, "[ \\t]+");
