import type { Decimal } from "../../decimal";
import { formatPercent, formatViNumber } from "../../numbers";
import { makeFinding, type Finding } from "../../report";
import { BASES } from "../vocab";

/**
 * A list whose heading announces the base of every percent in it: "Kết quả các thôn đạt so với kế
 * hoạch: thôn 1 đạt 95%, …, 5/6 thôn đạt 100%". Looks back over the current sentence only (at most
 * a few hundred characters): constant work per claim.
 */
const HEADING = new RegExp(`(?:so với|so)[ \\t]+(?:${BASES})(?![\\p{L}])[^.;:\\n]{0,60}:`, "iu");

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

/**
 * "X/Y … đạt P% kế hoạch" where P ≠ X/Y. In real reports X/Y in this form is actual/plan: said as a
 * warning that names the doubt while the words leave the base open, as an error when Y itself is
 * named the plan ("19,3/30 tỷ đồng chỉ tiêu … đạt 70%").
 */
export function planFinding(cell: string, text: string, start: number, end: number, xv: Decimal, yv: Decimal, stated: Decimal, d: number, exact: Decimal, named: boolean): Finding {
  const statedText = `${formatViNumber(stated, d)}%`;
  const exactText = formatPercent(exact, Math.max(2, d));
  const xs = formatViNumber(xv);
  const ys = formatViNumber(yv);
  const f = makeFinding(
    "percent-mismatch",
    cell,
    named
      ? `Tỷ lệ ghi ${statedText} kế hoạch nhưng ${xs}/${ys} = ${exactText}%, mà ${ys} chính là kế hoạch được nêu.`
      : `Tỷ lệ ghi ${statedText} so với kế hoạch nhưng ${xs}/${ys} = ${exactText}%; nếu ${ys} là kế hoạch thì tỷ lệ phải là ${formatViNumber(exact, d)}%, còn nếu tỷ lệ tính trên một kế hoạch khác thì cần ghi rõ kế hoạch đó.`,
    named
      ? `The percent says ${statedText} of plan but ${xs}/${ys} = ${exactText}%, and ${ys} is the plan named.`
      : `The percent says ${statedText} of plan but ${xs}/${ys} = ${exactText}%; if ${ys} is the plan the percent is ${formatViNumber(exact, d)}%, and if it is measured against another plan, that plan should be named.`,
    { quote: text.slice(start, end), start, end, stated: stated.toNumber(), expected: exact.toNumber() },
  );
  if (!named) f.severity = "warning";
  return f;
}
