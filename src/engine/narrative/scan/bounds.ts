/**
 * Bound words around a figure ("trên 46,2 ha", "dưới 3%", "từ 90% trở lên", "gần 16 tỷ"): the
 * figure is then a floor, a ceiling or an approximation, never an exact value. Words come from
 * rules/prose.json. Every look is a short anchored slice: constant work per figure.
 */
import rules from "../../rules/prose.json";
import { alternation } from "../vocab";

export type BoundKind = "floor" | "ceiling" | "approx";

/** Every bound word in one expression (longest first, so "trên dưới" wins over "dưới"), and its kind. */
const KIND = new Map<string, BoundKind>();
for (const k of ["ceiling", "floor", "approx"] as BoundKind[]) for (const w of rules.bounds[k]) KIND.set(w.toLowerCase(), k);
const BEFORE = new RegExp(`(?:^|[^\\p{L}])(${alternation([...KIND.keys()])})[ \\t]*(?:mức[ \\t]*)?:?[ \\t]*$`, "iu");
const SIGNS: [BoundKind, RegExp][] = [
  ["floor", /(?:≥|>=|>)[ \t]*$/u],
  ["ceiling", /(?:≤|<=|<)[ \t]*$/u],
];
const AFTER: [BoundKind, RegExp][] = (["floor", "ceiling"] as const).map((k) => [k, new RegExp(`^[ \\t]*%?[ \\t]*(?:${alternation(rules.boundAfter[k])})(?![\\p{L}])`, "iu")]);

/** The bound word written right before `pos` (a figure's start), if any. */
export function boundBefore(text: string, pos: number): BoundKind | null {
  const left = text.slice(Math.max(0, pos - 24), pos);
  for (const [k, re] of SIGNS) if (re.test(left)) return k;
  const m = BEFORE.exec(left);
  return m ? (KIND.get(m[1].toLowerCase()) ?? null) : null;
}

/** "trở lên" / "trở xuống" right after a figure (and its "%"). */
export function boundAfter(text: string, pos: number): BoundKind | null {
  const right = text.slice(pos, pos + 24);
  for (const [k, re] of AFTER) if (re.test(right)) return k;
  return null;
}

/** A bound either side of a figure. */
export function boundAround(text: string, start: number, end: number): BoundKind | null {
  return boundBefore(text, start) ?? boundAfter(text, end);
}

/** "tỷ lệ này", "có tỷ lệ …": the words between a count of units and a percent say each unit's own rate. */
export const OWN_RATE = /(?:(?:tỷ|tỉ)[ \t]+lệ[ \t]+này|(?:^|[^\p{L}])có[ \t]+(?:tỷ|tỉ)[ \t]+lệ)/iu;

const OVERLAP = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(rules.overlap)})(?![\\p{L}])`, "iu");

/** A part named by a category that may overlap others (nữ, dân tộc thiểu số, đảng viên). */
export function overlapping(name: string): boolean {
  return OVERLAP.test(name);
}

const SUBJECT = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(rules.subject)})[ \\t]+\\p{Lu}`, "u");

/** Words that name a person the figure is about ("ông Nguyễn Văn A được 45/45 phiếu"). */
export function namesPerson(words: string): boolean {
  return SUBJECT.test(words);
}

const LABEL = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(rules.labels)})[ \\t]*(?:\\d+[ \\t]*(?:và|,|-|–)[ \\t]*)?$`, "iu");

/** A figure that is a label's number, not an amount: "loại 1 và 2", "thôn 3", "tiêu chí 17". */
export function labelled(text: string, pos: number): boolean {
  return LABEL.test(text.slice(Math.max(0, pos - 24), pos));
}
