/**
 * The Excel formulas the product writes, in locale-neutral form (English function names, comma
 * separators): Excel shows them in the user's own locale, so a Vietnamese-locale Excel shows the
 * same formula with ";" separators. They never show #DIV/0! or #VALUE!: while a figure is missing,
 * is text (a bound such as "≥ 80") or the target is 0, they stay blank.
 */

/** Percent of actual over target (× 100, or the fraction for a "%"-formatted column). */
export function percentFormula(target: string, actual: string, options: { fraction?: boolean } = {}): string {
  const ratio = options.fraction ? `${actual}/${target}` : `${actual}/${target}*100`;
  return `=IF(AND(ISNUMBER(${target}),ISNUMBER(${actual}),${target}<>0),${ratio},"")`;
}

/** The words a verdict formula writes: the sheet's own ("Hoàn thành", "Chưa hoàn thành") when it has them. */
export interface VerdictWords {
  met: string;
  notMet: string;
}

export const STANDARD_WORDS: VerdictWords = { met: "Đạt", notMet: "Chưa đạt" };

/** A text as a formula's string literal: quotes doubled. */
export function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** "Đạt" when the actual meets a plain number target (≤ for lower-is-better), blank while a figure is missing. */
export function verdictFormula(target: string, actual: string, options: { lowerIsBetter?: boolean; words?: VerdictWords } = {}): string {
  const test = options.lowerIsBetter ? `${actual}<=${target}` : `${actual}>=${target}`;
  const words = options.words ?? STANDARD_WORDS;
  return `=IF(AND(ISNUMBER(${target}),ISNUMBER(${actual})),IF(${test},${quoted(words.met)},${quoted(words.notMet)}),"")`;
}

/**
 * The words of a bound target (SPEC §4), by what they ask of the actual. Checked in this order:
 * "không dưới" is at least before "dưới" is less than, "không cao hơn" at most before "hơn" more than.
 */
const BOUND_WORDS = {
  atLeast: ["trở lên", "≥", ">=", "ít nhất", "tối thiểu", "không dưới", "không thấp hơn"],
  atMost: ["trở xuống", "≤", "<=", "không quá", "tối đa", "không vượt quá", "không cao hơn"],
  below: ["dưới", "<", "thấp hơn", "ít hơn"],
  above: ["trên", ">", "hơn"],
  /** "giảm còn 8%": at most. */
  down: ["còn"],
};

/** Everything a bound's text holds besides its number, longest first (removed to leave the number). */
const BOUND_NOISE = [
  ...new Set([...BOUND_WORDS.atLeast, ...BOUND_WORDS.atMost, ...BOUND_WORDS.below, ...BOUND_WORDS.above, ...BOUND_WORDS.down, "từ", "giảm", "xuống", "đạt", "là", "=", "%", " ", "\u00a0"]),
].sort((a, b) => b.length - a.length);

/**
 * The verdict of a row whose target may be a number or a bound written as text ("Từ 55% trở lên",
 * "≥ 80", "Trên 5%", "Còn dưới 6%"): a number target as verdictFormula(); a bound is read in the
 * formula itself (its words give the direction and strictness, the rest is its number, with "," or
 * "." as the decimal mark), so the template judges every target it accepts, live. Anything else
 * (a range, "Khoảng 50", a relative change) stays blank, as the engine gives it no verdict either.
 * Only functions Excel 2007 and LibreOffice share (no _xlfn. prefix).
 */
export function boundVerdictFormula(target: string, actual: string, options: { lowerIsBetter?: boolean; words?: VerdictWords } = {}): string {
  const words = options.words ?? STANDARD_WORDS;
  const has = (list: string[]) => `OR(${list.map((w) => `ISNUMBER(SEARCH(${quoted(w)},${target}))`).join(",")})`;
  // The kind of bound: 1 at least, 2 at most, 3 below, 4 above, 0 none (a number typed as text).
  const kind = `IF(${has(BOUND_WORDS.atLeast)},1,IF(${has(BOUND_WORDS.atMost)},2,IF(${has(BOUND_WORDS.below)},3,IF(${has(BOUND_WORDS.above)},4,IF(${has(BOUND_WORDS.down)},2,0)))))`;
  const plain = options.lowerIsBetter ? -1 : 1;
  const direction = `CHOOSE(${kind}+1,${plain},1,-1,-1,1)`;
  const strict = `CHOOSE(${kind}+1,0,0,0,1,1)`;
  let number = `LOWER(${target})`;
  for (const w of BOUND_NOISE) number = `SUBSTITUTE(${number},${quoted(w)},"")`;
  number = `VALUE(SUBSTITUTE(${number},",",MID(1/2,2,1)))`;
  const judged = `IFERROR(IF(SIGN(${direction}*(${actual}-${number}))>=${strict},${quoted(words.met)},${quoted(words.notMet)}),"")`;
  const numeric = `IF(${options.lowerIsBetter ? `${actual}<=${target}` : `${actual}>=${target}`},${quoted(words.met)},${quoted(words.notMet)})`;
  return `=IF(ISNUMBER(${actual}),IF(ISNUMBER(${target}),${numeric},IF(ISTEXT(${target}),${judged},"")),"")`;
}

/**
 * The target a verdict is measured against when a sheet has several baselines: the first one
 * filled in (SPEC §5, as the engine reads it). "" while all are blank (a bare reference to an empty
 * cell would be 0 inside IF).
 */
export function firstFilled(targets: string[]): string {
  if (targets.length === 1) return targets[0];
  return targets.reduceRight((rest, t) => `IF(${t}="",${rest},${t})`, '""');
}
