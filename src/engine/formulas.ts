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
