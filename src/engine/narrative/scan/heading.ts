/**
 * A list whose heading announces the base of every percent in it: "Kết quả các thôn đạt so với kế
 * hoạch: thôn 1 đạt 95%, …, 5/6 thôn đạt 100%". Looks back over the current sentence only (at most
 * a few hundred characters): constant work per claim.
 */
const HEADING = /(?:so với|so)[ \t]+(?:kế hoạch|kh|chỉ tiêu|dự toán|nghị quyết|mục tiêu)(?![\p{L}])[^.;:\n]{0,60}:/iu;

/** Whether the sentence holding `pos` opened with a heading "… so với kế hoạch:" before `pos`. */
export function headingBase(text: string, pos: number): boolean {
  const from = Math.max(0, pos - 400);
  const left = text.slice(from, pos);
  // The sentence start: the last ". " + capital, or line break, before pos.
  let cut = 0;
  const re = /[.!?][ \t]+(?=\p{Lu})|\n/gu;
  for (let m = re.exec(left); m; m = re.exec(left)) cut = m.index + m[0].length;
  return HEADING.test(left.slice(cut));
}
