/**
 * A narrative cell split into its task tree by numbering (1., 1.1., 1.3.4., 3.1.4 , 2.2.1-, and
 * sub-schemes such as 17.1 … 17.11 under "Tiêu chí 17"), with each task's stated verdicts:
 * in its heading line ("(đánh giá đạt)", "(Nhiệm vụ chưa đạt …)", "thực hiện vượt") and in its
 * conclusion ("=> Đánh giá chưa đạt"). Linear: one pass over the lines.
 */
import { normalise } from "../text";
import { readVerdict, type StatedVerdict } from "../verdicts";
import { BRACKETED, CLOSING, PREFIXES, QUALIFIERS, STATED } from "./vocab";

export interface VerdictMark {
  verdict: StatedVerdict;
  start: number;
  end: number;
}

export interface Task {
  label: string;
  path: number[];
  /** Offset of the label in the cell text. */
  start: number;
  /** End of the heading line (or of the text before the next label on that line). */
  headingEnd: number;
  /** End of the task's whole text, children included. */
  end: number;
  parent: Task | null;
  children: Task[];
  heading?: VerdictMark;
  conclusion?: VerdictMark;
  /** First component shared by a sub-scheme of children (17 for 17.1 … 17.11), when not the parent's own path. */
  scheme?: number;
}

export interface NumberingGap {
  task: Task;
  previous: string;
  expected: string;
}

export interface TaskTree {
  root: Task;
  tasks: Task[];
  gaps: NumberingGap[];
}

const LINE_LABEL = /^[ \t*]*(\d{1,2}(?:\.\d{1,2})*)(\.?-|\.|[ \t])[ \t]*(?=\p{L})/u;
const MID_LABEL = /(?:[.:;][ \t]?|[ \t])(\d{1,2}(?:\.\d{1,2})+)\.[ \t]*(?=\p{Lu})/gu;

interface Candidate {
  label: string;
  path: number[];
  start: number;
  lineStart: boolean;
  bodyStart: number;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const m = LINE_LABEL.exec(line);
    let scanFrom = 0;
    if (m) {
      const label = m[1];
      const dotted = label.includes(".");
      // A lone number is a label only as "1." (a task group), never "2017 người" or "06 nhà".
      if (dotted || m[2] === ".") {
        const at = lineStart + m[0].indexOf(label);
        out.push({ label, path: label.split(".").map(Number), start: at, lineStart: true, bodyStart: lineStart + m[0].length });
        scanFrom = m[0].length;
      }
    }
    MID_LABEL.lastIndex = scanFrom;
    for (let mm = MID_LABEL.exec(line); mm; mm = MID_LABEL.exec(line)) {
      const label = mm[1];
      const at = lineStart + mm.index + mm[0].indexOf(label);
      out.push({ label, path: label.split(".").map(Number), start: at, lineStart: false, bodyStart: lineStart + mm.index + mm[0].length });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function samePath(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function chain(t: Task): Task[] {
  const out: Task[] = [];
  for (let n: Task | null = t; n; n = n.parent) out.push(n);
  return out;
}

/** Where a label fits in the tree: as child of a node, and whether that follows the numbering. */
function place(current: Task, path: number[]): { parent: Task; fits: boolean; newScheme?: number } | null {
  const prefix = path.slice(0, -1);
  const last = path[path.length - 1];
  for (const node of chain(current)) {
    // Child of a node whose own label is the prefix ("1.3" → "1.3.1").
    if (node.path.length && samePath(node.path, prefix)) {
      const prev = node.children[node.children.length - 1];
      return { parent: node, fits: prev ? samePath(prev.path.slice(0, -1), prefix) && prev.path[prev.path.length - 1] + 1 === last : last === 1 };
    }
    // Next sibling of a node on the chain ("1.2" after "1.1", "17.3" after "17.2").
    if (node.parent && node.path.length === path.length && samePath(node.path.slice(0, -1), prefix)) {
      const siblings = node.parent.children;
      const prev = siblings[siblings.length - 1];
      return { parent: node.parent, fits: prev.path[prev.path.length - 1] + 1 === last };
    }
  }
  // The first label of a sub-scheme under the current task ("Tiêu chí 17: 17.1. …").
  if (path.length === 2 && last === 1) return { parent: current, fits: true, newScheme: path[0] };
  return null;
}

/**
 * Only sure slips are gaps: numbers skipped under the same prefix (2.1, 2.2, 2.4), or the next
 * number under a mistyped prefix (7.12 after 17.11). A list that starts again at 1, a repeated
 * number or a change of depth is how quoted texts and new sections look, not a slip.
 */
function isGap(prev: number[], next: number[]): boolean {
  if (prev.length !== next.length) return false;
  const last = next[next.length - 1];
  const prevLast = prev[prev.length - 1];
  if (last === 1) return false;
  return samePath(prev.slice(0, -1), next.slice(0, -1)) ? last > prevLast + 1 : last === prevLast + 1;
}

export function parseTasks(text: string): TaskTree {
  const root: Task = { label: "", path: [], start: 0, headingEnd: 0, end: text.length, parent: null, children: [] };
  const tasks: Task[] = [];
  const gaps: NumberingGap[] = [];
  let current = root;
  for (const c of candidates(text)) {
    let where = place(current, c.path);
    if (!c.lineStart) {
      // Inside a line only a label that continues the numbering is taken ("đất.1.3. Phấn đấu").
      if (!where || !where.fits) continue;
      if (where.newScheme !== undefined && !new RegExp(`(?:^|\\D)${where.newScheme}(?:\\D|$)`).test(text.slice(Math.max(current.start, c.start - 400), c.start))) continue;
    }
    if (!where) {
      // A label that fits nowhere: a first top-level label, or a slip such as 7.12 after 17.11.
      const sameDepth = chain(current).find((n) => n.parent && n.path.length === c.path.length);
      where = sameDepth ? { parent: sameDepth.parent!, fits: false } : { parent: current === root ? root : current, fits: current === root };
    }
    const parent = where.parent;
    const task: Task = { label: c.label, path: c.path, start: c.start, headingEnd: c.bodyStart, end: text.length, parent, children: [] };
    if (where.newScheme !== undefined) parent.scheme = where.newScheme;
    const prev = parent.children[parent.children.length - 1];
    if (!where.fits && prev && isGap(prev.path, c.path)) {
      const expected = [...prev.path.slice(0, -1), prev.path[prev.path.length - 1] + 1].join(".");
      gaps.push({ task, previous: prev.label, expected });
    }
    parent.children.push(task);
    tasks.push(task);
    current = task;
  }
  // Ends: a task runs to the next task that is not its descendant.
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    let end = text.length;
    for (let j = i + 1; j < tasks.length; j++) {
      if (!chain(tasks[j]).includes(t)) {
        end = tasks[j].start;
        break;
      }
    }
    t.end = end;
    const next = tasks[i + 1];
    t.headingEnd = lineEndWithin(text, t.headingEnd, Math.min(next ? next.start : text.length, end));
  }
  const arrows = new Arrows(text);
  for (const t of tasks) readVerdicts(text, t, arrows);
  return { root, tasks, gaps };
}

/** The first line break in [from, to), or `to`: never scans past `to`, so the tree stays linear on one-line text. */
function lineEndWithin(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return i;
  return to;
}

/** Every "=>" of the text, found once; next(a, b) is the first in [a, b) or -1 (binary search, never a rescan). */
class Arrows {
  private readonly at: number[] = [];
  constructor(text: string) {
    for (let i = text.indexOf("=>"); i >= 0; i = text.indexOf("=>", i + 2)) this.at.push(i);
  }
  next(a: number, b: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.at.length && this.at[lo] < b ? this.at[lo] : -1;
  }
}

/** The prefixes written before a verdict inside brackets: "(đánh giá thực hiện nhiệm vụ chưa đạt)". */
const PREFIX = new RegExp(`^(?:(?:${PREFIXES})[ :,]*)+`, "u");
/** A verdict and its qualifier in brackets: "(vượt kế hoạch)", "(đạt 100%)". */
const QUALIFIED = new RegExp(`^(${BRACKETED})\\s+(?:${QUALIFIERS}|\\d[\\d.,]*\\s*%)$`, "u");

/** A verdict written in brackets: the whole bracket says it, or nothing. */
function bracketVerdict(inner: string): StatedVerdict | null {
  const n = normalise(inner).replace(PREFIX, "").trim();
  if (!n) return null;
  const v = readVerdict(n);
  if (v) return v;
  const tail = QUALIFIED.exec(n);
  return tail ? readVerdict(tail[1]) : null;
}

/** "đánh giá: chưa đạt." — compiled once; a global expression, so lastIndex is reset before each use. */
const SAID = new RegExp(`đánh giá\\s*:?\\s*(${STATED})(?=\\s*(?:[.;,)!]|\\s*$))`, "giu");
/** A verdict closing the segment: "… chưa đạt.", "thực hiện vượt". */
const TAIL = new RegExp(`(?:^|[\\s:])(${CLOSING})\\s*[.;!*]*\\s*$`, "iu");

/** All verdict marks in text[from, to): bracketed, "đánh giá X", or (at the end) "… chưa đạt", "thực hiện vượt". */
function marksIn(text: string, from: number, to: number, endOnly: boolean): VerdictMark[] {
  const seg = text.slice(from, to);
  const marks: VerdictMark[] = [];
  const bracket = /\(([^()]{1,80})\)/gu;
  for (let m = bracket.exec(seg); m; m = bracket.exec(seg)) {
    const v = bracketVerdict(m[1]);
    if (v) marks.push({ verdict: v, start: from + m.index, end: from + m.index + m[0].length });
  }
  const said = SAID;
  said.lastIndex = 0;
  for (let m = said.exec(seg); m; m = said.exec(seg)) {
    const v = readVerdict(m[1]);
    const at = from + m.index;
    if (v && !marks.some((k) => k.start <= at && at < k.end)) marks.push({ verdict: v, start: at, end: at + m[0].length });
  }
  const tail = TAIL.exec(seg);
  if (tail) {
    const at = from + tail.index + tail[0].indexOf(tail[1]);
    const v = readVerdict(tail[1]);
    if (v && !marks.some((k) => k.start <= at && at < k.end)) marks.push({ verdict: v, start: at, end: at + tail[1].length });
  }
  marks.sort((a, b) => a.start - b.start);
  return endOnly && marks.length ? [marks[marks.length - 1]] : marks;
}

function readVerdicts(text: string, t: Task, arrows: Arrows): void {
  const heading = marksIn(text, t.start, t.headingEnd, false);
  if (heading.length) t.heading = heading[heading.length - 1];
  // Conclusions: "=>" in the task's own text (not in a child's).
  const ownEnd = t.children.length ? t.children[0].start : t.end;
  const spans: [number, number][] = [[t.headingEnd, ownEnd]];
  if (t.children.length) spans.push([t.children[t.children.length - 1].end, t.end]);
  for (const [a, b] of spans) {
    let i = arrows.next(a, b);
    while (i >= 0) {
      const lineEnd = lineEndWithin(text, i, b);
      const found = marksIn(text, i + 2, lineEnd, true);
      if (found.length) {
        // "=> Kết quả …: Tiêu chí số 17 chưa đạt" after 17.1 … 17.12 concludes the criterion, not its last line.
        const owner = t.parent?.scheme !== undefined && new RegExp(`tiêu chí\\s*(?:số\\s*)?${t.parent.scheme}(?!\\d)`, "iu").test(text.slice(i, lineEnd)) ? t.parent : t;
        owner.conclusion = found[0];
      }
      i = arrows.next(lineEnd, b);
    }
  }
}

/** The verdict a task finally states: its conclusion, else its heading. */
export function statedVerdict(t: Task): StatedVerdict | null {
  return t.conclusion?.verdict ?? t.heading?.verdict ?? null;
}
