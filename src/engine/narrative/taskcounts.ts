/**
 * Task counts in a narrative row (SPEC §6 count-mismatch): "có 02 nhiệm vụ chưa đạt", "gồm 05
 * nhiệm vụ", "2/3 nhiệm vụ đạt", "hoàn thành 2/3 nhiệm vụ", against the tasks listed below.
 */
import { makeFinding, type Claim, type Finding } from "../report";
import { readVerdict } from "../verdicts";
import { statedVerdict, type Task } from "./tasks";
import { COUNT_LEAD, COUNTED, COUNTED_FIRST } from "./vocab";

const finding = makeFinding;

function quoteOf(text: string, start: number, end: number): Pick<Finding, "quote" | "start" | "end"> {
  return { quote: text.slice(start, end), start, end };
}

const VERDICT_VI: Record<string, string> = { "Đạt": "đạt", "Chưa đạt": "chưa đạt", neutral: "chưa đánh giá" };
const VERDICT_EN: Record<string, string> = { "Đạt": "achieved", "Chưa đạt": "not achieved", neutral: "not yet evaluated" };

/** The verdict words of counts come from rules/verdicts.json ("prose"). */
const COUNT = new RegExp(`(?<!\\d)(\\d{1,3})(?<!\\/\\s*\\d{1,3})\\s+nhiệm vụ\\s+(${COUNTED})(?![\\p{L}])`, "giu");
const TOTAL = new RegExp(`(?:gồm|có)\\s+(\\d{1,3})\\s+nhiệm vụ(?![\\p{L}]|\\s+(?:${COUNTED_FIRST}))`, "giu");
/** "2/3 nhiệm vụ đạt", "hoàn thành 2/3 nhiệm vụ", "1/3 nhiệm vụ chưa đạt". */
const OF_COUNT = new RegExp(`((?:${COUNT_LEAD})\\s+)?(\\d{1,3})\\s*\\/\\s*(\\d{1,3})\\s+nhiệm vụ(?:\\s+(${COUNTED}))?(?![\\p{L}])`, "giu");

/** Whether a count's verdict word says chưa đạt ("chưa hoàn thành", "không đạt"). */
const failingWord = (word: string) => readVerdict(word) === "Chưa đạt";

/** count-mismatch: "có 02 nhiệm vụ chưa đạt", "gồm 05 nhiệm vụ" against the tasks below. */
export function countClaims(text: string, cell: string, tasks: Task[], claims: Claim[]): Finding[] {
  const out: Finding[] = [];
  if (!tasks.length) return out;
  const verdicts = tasks.map(statedVerdict);
  const known = verdicts.every((v) => v !== null);
  const labels = tasks.map((t) => t.label).join(", ");
  for (const m of text.matchAll(COUNT)) {
    const n = Number(m[1]);
    const failing = failingWord(m[2]);
    const start = m.index!;
    const end = start + m[0].length;
    if (!known) {
      claims.push({ cell, kind: "count", quote: m[0], start, end, ok: null });
      continue;
    }
    const actual = verdicts.filter((v) => (failing ? v === "Chưa đạt" : v === "Đạt")).length;
    const good = actual === n;
    claims.push({ cell, kind: "count", quote: m[0], start, end, ok: good });
    if (good) continue;
    const list = tasks.map((t, i) => `${t.label} ${VERDICT_VI[verdicts[i]!]}`).join("; ");
    const listEn = tasks.map((t, i) => `${t.label} ${VERDICT_EN[verdicts[i]!]}`).join("; ");
    out.push(
      finding(
        "count-mismatch",
        cell,
        `Ghi "${m[0]}" nhưng theo đánh giá từng nhiệm vụ (${list}) ${actual ? `có ${actual} nhiệm vụ` : "không có nhiệm vụ nào"} ${failing ? "chưa đạt" : "đạt"}.`,
        `It says "${m[0]}" but by each task's verdict (${listEn}) ${actual === 0 ? "no task is" : actual === 1 ? "1 task is" : `${actual} tasks are`} ${failing ? "not achieved" : "achieved"}.`,
        { ...quoteOf(text, start, end), stated: n, expected: actual },
      ),
    );
  }
  for (const m of text.matchAll(OF_COUNT)) {
    const word = m[4] ?? m[1];
    if (!word) continue;
    const failing = failingWord(word);
    const n = Number(m[2]);
    const of = Number(m[3]);
    const start = m.index!;
    const end = start + m[0].length;
    if (!known) {
      claims.push({ cell, kind: "count", quote: m[0], start, end, ok: of === tasks.length ? null : false });
      if (of === tasks.length) continue;
    }
    const actual = known ? verdicts.filter((v) => (failing ? v === "Chưa đạt" : v === "Đạt")).length : n;
    const good = actual === n && of === tasks.length;
    if (known) claims.push({ cell, kind: "count", quote: m[0], start, end, ok: good });
    if (good) continue;
    const list = known ? tasks.map((t, i) => `${t.label} ${VERDICT_VI[verdicts[i]!]}`).join("; ") : labels;
    const listEn = known ? tasks.map((t, i) => `${t.label} ${VERDICT_EN[verdicts[i]!]}`).join("; ") : labels;
    const sameOf = of === tasks.length;
    out.push(
      finding(
        "count-mismatch",
        cell,
        `Ghi "${m[0]}" nhưng phần kết quả đánh giá có ${tasks.length} nhiệm vụ (${list}), ${actual ? `trong đó ${actual} nhiệm vụ` : "không nhiệm vụ nào"} ${failing ? "chưa đạt" : "đạt"}.`,
        `It says "${m[0]}" but the results list ${tasks.length} tasks (${listEn}), of which ${actual === 0 ? "none is" : actual === 1 ? "1 is" : `${actual} are`} ${failing ? "not achieved" : "achieved"}.`,
        { ...quoteOf(text, start, end), stated: sameOf ? n : `${n}/${of}`, expected: sameOf ? actual : `${actual}/${tasks.length}` },
      ),
    );
  }
  for (const m of text.matchAll(TOTAL)) {
    const n = Number(m[1]);
    const start = m.index!;
    const end = start + m[0].length;
    const good = n === tasks.length;
    claims.push({ cell, kind: "count", quote: m[0], start, end, ok: good });
    if (good) continue;
    out.push(
      finding(
        "count-mismatch",
        cell,
        `Ghi "${m[0]}" nhưng phần kết quả đánh giá có ${tasks.length} nhiệm vụ (${labels}).`,
        `It says "${m[0]}" but the results list ${tasks.length} tasks (${labels}).`,
        { ...quoteOf(text, start, end), stated: n, expected: tasks.length },
      ),
    );
  }
  return out;
}

