/**
 * The narrative layout ("biểu đánh giá nhiệm vụ trọng tâm", SPEC §2.2): each body row is a task
 * group whose cells hold numbered tasks, figures and verdicts in prose. Read the task tree, check
 * the verdict logic (conflicts, roll-ups, counts), numbering, and every figure claim in the text.
 * The narrative layout is never rewritten: its findings are highlights only.
 */
import headerRules from "../rules/headers.json";
import { a1, columnLetter, parseA1 } from "../address";
import { makeFinding, type Claim, type ColumnRole, type Finding, type Item, type SheetReport } from "../report";
import type { WorkbookSnapshot } from "../snapshot";
import { cellText, fold, normalise } from "../text";
import { Grid } from "../table/grid";
import { extractClaims } from "./claims";
import { evaluateTarget, parseTarget } from "../targets";
import { parseViNumber } from "../numbers";
import { parseTasks, statedVerdict, type Task, type TaskTree } from "./tasks";
import { namesPerson } from "./scan/bounds";
import { countClaims } from "./taskcounts";
import { NARRATIVE_HEADER, TARGET_BOUND, TARGET_BOUND_AFTER, TARGET_RESULT } from "./vocab";

export { extractClaims } from "./claims";
export { parseTasks } from "./tasks";

export interface NarrativeLayout {
  headerRow: number;
  group: number;
  result: number;
  forecast?: number;
  stt?: number;
}

/** The header phrases, folded once (not at every cell of the first rows of every sheet). */
const HEADER = {
  group: NARRATIVE_HEADER.group.map(fold),
  result: NARRATIVE_HEADER.result.map(fold),
  forecast: NARRATIVE_HEADER.forecast.map(fold),
  stt: NARRATIVE_HEADER.stt.map(fold),
};

/** True when the text begins with one of the folded phrases. */
function matches(text: string, folded: string[]): boolean {
  const f = fold(text);
  return folded.some((p) => f.startsWith(p));
}

function recognise(grid: Grid): NarrativeLayout | null {
  const last = Math.min(grid.lastRow, grid.firstRow + 20);
  for (let r = grid.firstRow; r <= last; r++) {
    let group: number | undefined;
    let result: number | undefined;
    let forecast: number | undefined;
    let stt: number | undefined;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.value(r, c);
      if (typeof v !== "string" || v.length > 300) continue;
      if (group === undefined && matches(v, HEADER.group)) group = c;
      else if (result === undefined && matches(v, HEADER.result)) result = c;
      else if (forecast === undefined && matches(v, HEADER.forecast)) forecast = c;
      else if (stt === undefined && matches(v, HEADER.stt) && normalise(v).length <= 6) stt = c;
    }
    // The table layout's "Kết quả thực hiện" is a figure column: a narrative header has no target column.
    if (group !== undefined && result !== undefined && result !== group) return { headerRow: r, group, result, forecast, stt };
  }
  return null;
}

const FOOTER = headerRules.footer.map(normalise);

const finding = makeFinding;

function quoteOf(text: string, start: number, end: number): Pick<Finding, "quote" | "start" | "end"> {
  return { quote: text.slice(start, end), start, end };
}

function headingLine(text: string, t: Task): string {
  return text.slice(t.start, t.headingEnd).trim();
}

const VERDICT_VI: Record<string, string> = { "Đạt": "đạt", "Chưa đạt": "chưa đạt", neutral: "chưa đánh giá" };
const VERDICT_EN: Record<string, string> = { "Đạt": "achieved", "Chưa đạt": "not achieved", neutral: "not yet evaluated" };

/** verdict-conflict and rollup-mismatch over a result cell's task tree. */
function verdictLogic(text: string, cell: string, tree: TaskTree, claims: Claim[]): Finding[] {
  const out: Finding[] = [];
  for (const t of tree.tasks) {
    const h = t.heading;
    const c = t.conclusion;
    const before = out.length;
    // Whether the stated verdict could be checked at all: against the other mark, its own figures, or its parts.
    let checked = false;
    if (h && c && h.verdict !== "neutral" && c.verdict !== "neutral") checked = true;
    if (h && c && h.verdict !== "neutral" && c.verdict !== "neutral" && h.verdict !== c.verdict) {
      out.push(
        finding(
          "verdict-conflict",
          cell,
          `Nhiệm vụ ${t.label} vừa được ghi "${text.slice(h.start, h.end)}" ở phần đầu vừa được kết luận "${text.slice(c.start, c.end)}": một nhiệm vụ chỉ có một kết quả đánh giá.`,
          `Task ${t.label} is called "${text.slice(h.start, h.end)}" in its heading but concluded "${text.slice(c.start, c.end)}": a task has one verdict.`,
          { ...quoteOf(text, c.start, c.end), stated: text.slice(h.start, h.end), expected: text.slice(c.start, c.end) },
        ),
      );
    }
    const stated = statedVerdict(t);
    const own = boundAndResult(text, t);
    if (own && (stated === "Đạt" || stated === "Chưa đạt")) {
      const computed = evaluateTarget(own.target, own.actual);
      if (computed) checked = true;
      if (computed && computed !== stated) {
        const mark = (t.conclusion ?? t.heading)!;
        out.push(
          finding(
            "verdict-mismatch",
            cell,
            `Nhiệm vụ ${t.label} được đánh giá ${VERDICT_VI[stated]} nhưng kết quả ${own.resultText} ${computed === "Đạt" ? "thỏa mãn" : "không thỏa mãn"} chỉ tiêu "${own.boundText}", nên phải là ${VERDICT_VI[computed]}.`,
            `Task ${t.label} is called ${VERDICT_EN[stated]} but the result ${own.resultText} ${computed === "Đạt" ? "meets" : "does not meet"} the target "${own.boundText}", so it is ${VERDICT_EN[computed]}.`,
            { ...quoteOf(text, own.start, mark.end > own.end ? mark.end : own.end), stated: VERDICT_VI[stated], expected: computed },
          ),
        );
      }
    }
    const mark = t.conclusion ?? t.heading;
    if (t.children.length && (stated === "Đạt" || stated === "Chưa đạt") && mark) {
      const kids = t.children.map((k) => ({ k, v: statedVerdict(k) }));
      if (kids.some((x) => x.v === "Chưa đạt") || kids.every((x) => x.v === "Đạt")) checked = true;
      out.push(...rollup(text, cell, t, stated, mark, kids));
    }
    if (mark) {
      const ok = out.length > before ? false : checked ? true : null;
      claims.push({ cell, kind: "verdict", quote: text.slice(mark.start, mark.end), start: mark.start, end: mark.end, ok });
    }
  }
  return out;
}

/** rollup-mismatch: a task đạt while a part is chưa đạt, or chưa đạt while every part is đạt. */
function rollup(text: string, cell: string, t: Task, stated: "Đạt" | "Chưa đạt", mark: { start: number; end: number }, kids: { k: Task; v: ReturnType<typeof statedVerdict> }[]): Finding[] {
  const out: Finding[] = [];
  {
    const failing = kids.filter((x) => x.v === "Chưa đạt");
    if (stated === "Đạt" && failing.length) {
      out.push(
        finding(
          "rollup-mismatch",
          cell,
          `Nhiệm vụ ${t.label} được đánh giá đạt nhưng nội dung ${failing.map((x) => x.k.label).join(", ")} chưa đạt; nhiệm vụ chỉ đạt khi mọi nội dung đều đạt.`,
          `Task ${t.label} is called achieved but ${failing.map((x) => x.k.label).join(", ")} ${failing.length > 1 ? "are" : "is"} not; a task is achieved only when every part is.`,
          { ...quoteOf(text, mark.start, mark.end), stated: "Đạt", expected: "Chưa đạt" },
        ),
      );
    } else if (stated === "Chưa đạt" && kids.every((x) => x.v === "Đạt")) {
      out.push(
        finding(
          "rollup-mismatch",
          cell,
          `Nhiệm vụ ${t.label} được đánh giá chưa đạt nhưng cả ${kids.length} nội dung (${kids.map((x) => x.k.label).join(", ")}) đều đạt: hoặc nhiệm vụ đạt, hoặc có nội dung chưa đạt bị ghi nhầm.`,
          `Task ${t.label} is called not achieved but all ${kids.length} of its parts (${kids.map((x) => x.k.label).join(", ")}) are achieved: either the task is achieved or a part is misreported.`,
          { ...quoteOf(text, mark.start, mark.end), stated: "Chưa đạt", expected: "Đạt" },
        ),
      );
    }
  }
  return out;
}

/** A task heading's bound ("≥ 80%", "từ 90% trở lên") and its result ("kết quả thực hiện 97,5%"): words from rules/prose.json. */
const BOUND = new RegExp(
  `(?:≥|>=|≤|<=|(?<![\\p{L}\\d])(?:${TARGET_BOUND})\\s)\\s*\\d[\\d.,]*\\s*%(?:\\s*(?:${TARGET_BOUND_AFTER}))?|\\d[\\d.,]*\\s*%\\s*(?:${TARGET_BOUND_AFTER})`,
  "giu",
);
const RESULT = new RegExp(`(?<![\\p{L}])(?:${TARGET_RESULT})\\s*:?\\s*(?:đạt\\s+)?(\\d[\\d.,]*)\\s*%`, "giu");

/**
 * The one bound a task's heading sets ("≥ 80%", "từ 90% trở lên") and the one result it reports
 * after it ("kết quả thực hiện 97,5%", "đạt 90,7%"); nothing when either is missing or doubled.
 */
function boundAndResult(text: string, t: Task) {
  const seg = text.slice(t.start, t.headingEnd);
  const bounds = [...seg.matchAll(BOUND)];
  if (bounds.length !== 1) return null;
  const b = bounds[0];
  const after = b.index! + b[0].length;
  const results = [...seg.slice(after).matchAll(RESULT)];
  if (results.length !== 1) return null;
  const target = parseTarget(b[0].replace(/^(?:≥|>=)/, "≥ ").replace(/^(?:≤|<=)/, "≤ "));
  if (target.kind !== "atLeast" && target.kind !== "atMost" && target.kind !== "range") return null;
  const parsed = parseViNumber(results[0][1]);
  if (!parsed || parsed === "malformed") return null;
  const r = results[0];
  const rStart = after + r.index!;
  return {
    target,
    actual: parsed.value,
    boundText: b[0].trim(),
    resultText: `${results[0][1]}%`,
    start: t.start + b.index!,
    end: t.start + rStart + r[0].length,
  };
}

function gapFindings(text: string, cell: string, tree: TaskTree): Finding[] {
  return tree.gaps.map((g) =>
    finding(
      "numbering-gap",
      cell,
      `Số thứ tự ${g.task.label} đứng ngay sau ${g.previous}: số tiếp theo phải là ${g.expected}, có thể đánh số nhầm hoặc thiếu một nội dung.`,
      `Number ${g.task.label} comes right after ${g.previous}: the next should be ${g.expected}; a number was mistyped or a part is missing.`,
      { ...quoteOf(text, g.task.start, g.task.start + g.task.label.length), stated: g.task.label, expected: g.expected },
    ),
  );
}

/** The row's tasks: the top level of the result cell (under a lone group heading "1." if there is one). */
function topTasks(tree: TaskTree): Task[] {
  const top = tree.root.children;
  if (top.length === 1 && top[0].path.length === 1 && top[0].children.length) return top[0].children;
  return top;
}

export interface ProseReport {
  claims: Claim[];
  findings: Finding[];
  tree: TaskTree;
}

/** Everything read from one prose cell: its task tree, claims and findings (counts need the row). */
export function analyseProse(text: string, cell: string, options: { verdicts?: boolean } = {}): ProseReport {
  const tree = parseTasks(text);
  const { claims, findings } = extractClaims(text, cell);
  findings.push(...gapFindings(text, cell, tree));
  if (options.verdicts !== false) findings.push(...verdictLogic(text, cell, tree, claims));
  return { claims, findings, tree };
}

/** The narrative layout of a sheet (its header row and prose columns), or null when it has none. */
export function recogniseNarrative(grid: Grid): NarrativeLayout | null {
  return recognise(grid);
}

/** The report of a recognised narrative sheet: each row's prose read, its tasks listed, its claims checked. */
export function checkNarrative(grid: Grid, layout: NarrativeLayout): SheetReport {
  const sheet = grid.sheet;
  const findings: Finding[] = [];
  const claims: Claim[] = [];
  const items: Item[] = [];
  for (let r = layout.headerRow + 1; r <= grid.lastRow; r++) {
    const groupText = cellText(grid.value(r, layout.group));
    const resultText = cellText(grid.value(r, layout.result));
    const rowTexts = [groupText, resultText].map((t) => normalise(t));
    if (rowTexts.some((t) => t.length <= 40 && FOOTER.some((f) => t.startsWith(f)))) break;
    if (!groupText.trim() && !resultText.trim()) continue;
    const groupCell = a1(r, layout.group);
    const resultCell = a1(r, layout.result);
    const group = analyseProse(groupText, groupCell, { verdicts: false });
    const result = analyseProse(resultText, resultCell);
    const tasks = topTasks(result.tree);
    const rowFindings = [
      ...group.findings,
      ...result.findings,
      ...countClaims(groupText, groupCell, tasks, group.claims),
      ...countClaims(resultText, resultCell, tasks, result.claims),
    ];
    if (layout.forecast !== undefined) {
      const text = cellText(grid.value(r, layout.forecast));
      const forecast = extractClaims(text, a1(r, layout.forecast));
      rowFindings.push(...forecast.findings);
      claims.push(...forecast.claims);
    }
    findings.push(...rowFindings);
    claims.push(...group.claims, ...result.claims);
    for (const t of tasks) {
      items.push({
        row: r,
        stt: t.label,
        name: headingLine(resultText, t).replace(/^\d+(?:\.\d+)*\.?-?\s*/, "").slice(0, 160),
        target: null,
        actual: null,
        statedPercent: null,
        percent: null,
        statedVerdict: t.conclusion || t.heading ? resultText.slice((t.conclusion ?? t.heading)!.start, (t.conclusion ?? t.heading)!.end) : null,
        verdict: ((v) => (v === "Đạt" || v === "Chưa đạt" ? v : null))(statedVerdict(t)),
      });
    }
  }
  // The result column holds each task's result and its verdict in prose: its role is "actual".
  const columns: Partial<Record<ColumnRole, string>> = { name: columnLetter(layout.group), actual: columnLetter(layout.result) };
  if (layout.stt !== undefined) columns.stt = columnLetter(layout.stt);
  if (layout.forecast !== undefined) columns.forecast = columnLetter(layout.forecast);
  return { name: sheet.name, recognized: true, layout: "narrative", columns, items, findings, claims };
}

/**
 * figure-conflict: the same ratio quantity reported with two values in one workbook
 * ("Trồng rừng được 27,23/25ha" in one place, "Trồng rừng được 27,35/25ha" in another). Two claims
 * are the same quantity only when their denominators and units are the same and the two words
 * before them are the same: anything looser would guess.
 */
export function workbookFigureConflicts(workbook: WorkbookSnapshot, reports: SheetReport[]): void {
  const seen = new Map<string, { sheet: string; cell: string; quote: string; numerator: string }>();
  reports.forEach((report, i) => {
    if (report.layout !== "narrative" || !report.claims) return;
    const sheet = workbook.sheets[i];
    const grid = new Grid(sheet);
    for (const claim of report.claims) {
      if (claim.kind !== "ratio") continue;
      const m = /^(\d[\d.,]*)\s*([\p{L}²]*)\s*\/\s*(\d[\d.,]*)\s*([\p{L}²]*)/u.exec(claim.quote);
      if (!m) continue;
      const { row, col } = parseA1(claim.cell);
      const text = cellText(grid.value(row, col));
      const before = normalise(text.slice(Math.max(0, claim.start - 40), claim.start)).split(/[^\p{L}]+/u).filter(Boolean).slice(-2);
      if (before.length < 2) continue;
      // "ông A được 45/45 phiếu tán thành", "bà B 39/45 phiếu": votes and figures about a named person
      // are about different subjects; a conflict needs the same subject.
      if (/^phiếu$/iu.test(m[4] || m[2]) || namesPerson(text.slice(Math.max(0, claim.start - 80), claim.start))) continue;
      const key = `${before.join(" ")}|${m[3]}|${normalise(m[4] || m[2])}`;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, { sheet: report.name, cell: claim.cell, quote: claim.quote, numerator: m[1] });
        continue;
      }
      if (prev.numerator === m[1]) continue;
      const where = prev.sheet === report.name ? `ô ${prev.cell}` : `ô ${prev.cell} của trang tính "${prev.sheet}"`;
      const whereEn = prev.sheet === report.name ? `cell ${prev.cell}` : `cell ${prev.cell} of sheet "${prev.sheet}"`;
      report.findings.push(
        finding(
          "figure-conflict",
          claim.cell,
          `Cùng một số liệu được ghi hai giá trị khác nhau: "${claim.quote}" ở đây và "${prev.quote}" ở ${where}; cần thống nhất một số liệu.`,
          `The same figure is given two values: "${claim.quote}" here and "${prev.quote}" in ${whereEn}; the two must agree.`,
          { quote: claim.quote, start: claim.start, end: claim.end, stated: m[1], expected: prev.numerator },
        ),
      );
    }
  });
}

/** Workbook-level narrative findings (figure-conflict), added to the sheet reports they belong to. */
export function workbookNarrativeFindings(workbook: WorkbookSnapshot, reports: SheetReport[]): void {
  workbookFigureConflicts(workbook, reports);
}
