/**
 * The table layout ("biểu chỉ tiêu"): recognise, read the items, compute percent and verdict,
 * check every stated figure (SPEC §2.1, §5, §6), and plan the writes of "Tính lại" (SPEC §7).
 */
import { Decimal } from "../decimal";
import { formatViNumber, formatPercent } from "../numbers";
import { judgeStatedPercent } from "../percent";
import { makeFinding, type Finding, type FindingKind, type Item, type SheetReport, type Verdict } from "../report";
import { isCellError, type SheetSnapshot } from "../snapshot";
import { evaluateTarget, parseTarget, percentOf, describeTarget, type Target } from "../targets";
import { cellText, containsPhrase, normalise } from "../text";
import { isLowerIsBetter, readVerdict, type StatedVerdict } from "../verdicts";
import type { CellWrite } from "../plan";
import { percentFormula, verdictFormula } from "../formulas";
import headerRules from "../rules/headers.json";
import { memoise } from "../memo";
import { Grid } from "./grid";
import { columnMap, recogniseTable, type TableLayout } from "./layout";
import { classifyRows, type BodyRow } from "./rows";
import { figureValue, readFigure, readStatedPercent, isPercentFormat, type Figure, type StatedPercent } from "./figures";

export { recogniseTable, roleOfHeader } from "./layout";
export type { TableLayout } from "./layout";

/** One row read with everything the checks and the plan need. */
interface RowReading {
  body: BodyRow;
  target: Target;
  targetFigure: Figure;
  actual: Figure;
  actualValue: Decimal | undefined;
  lowerIsBetter: boolean;
  percent: Decimal | null;
  verdict: Verdict | null;
  statedVerdictText: string | null;
  statedVerdict: StatedVerdict | null;
  /** The column of the stated verdict: the verdict column, or the marked one of "Đạt | Chưa đạt". */
  verdictCol: number | undefined;
  /** The target column the verdict is measured against (the first one that is filled in). */
  targetCol: number;
  /** The target's value on the actual's scale (see pairValues). */
  targetValue: Decimal | undefined;
  /** What the first percent column states on this row. */
  stated: StatedPercent | null;
  unit: string;
}

interface Model {
  grid: Grid;
  layout: TableLayout;
  rows: BodyRow[];
  readings: Map<number, RowReading>;
}

const FIGURE_ROWS = new Set(["item", "subitem", "group", "total", "breakdown"]);

function finding(kind: FindingKind, cell: string, message: string, messageEn: string, stated?: string | number | null, expected?: string | number | null): Finding {
  return makeFinding(kind, cell, message, messageEn, { stated, expected });
}

function readTarget(fig: Figure, raw: unknown): Target {
  if (fig.kind === "number" || fig.kind === "text-number") {
    return { kind: "quantity", value: fig.value, unit: "", percent: fig.kind === "text-number" && fig.percent, text: cellText(raw) };
  }
  if (fig.kind === "text") return parseTarget(fig.text);
  return { kind: "none", text: "" };
}

/**
 * A figure's value in percent points where it matters: when exactly one of target and actual sits
 * in a "%" formatted cell, that cell holds a fraction (0,95 shows 95%) while the other holds points.
 */
function pairValues(
  grid: Grid,
  row: number,
  targetCol: number,
  actualCol: number,
  figures?: { target: Figure; actual: Figure },
): { t: Decimal | undefined; a: Decimal | undefined } {
  let t = figureValue(figures?.target ?? grid.figure(row, targetCol));
  let a = figureValue(figures?.actual ?? grid.figure(row, actualCol));
  const tPct = typeof grid.value(row, targetCol) === "number" && isPercentFormat(grid.numberFormat(row, targetCol));
  const aPct = typeof grid.value(row, actualCol) === "number" && isPercentFormat(grid.numberFormat(row, actualCol));
  if (tPct && !aPct && t !== undefined) t = t.times(100);
  if (aPct && !tPct && a !== undefined) a = a.times(100);
  return { t, a };
}

const MARK = /^(?:x|✓|✔|v|√|\+|1|có)$/i;

/** The stated verdict of a row: the verdict cell's text, or the "x" of a "Đạt | Chưa đạt" pair. */
function statedVerdictOf(grid: Grid, layout: TableLayout, row: number): { text: string | null; verdict: StatedVerdict | null; col: number | undefined } {
  if (layout.verdictMarks) {
    const marked = layout.verdictMarks.filter((m) => {
      const t = cellText(grid.value(row, m.col)).trim();
      return t !== "" && (MARK.test(t) || readVerdict(t) === m.verdict);
    });
    const filled = layout.verdictMarks.filter((m) => cellText(grid.value(row, m.col)).trim() !== "");
    if (marked.length === 1 && filled.length === 1) return { text: marked[0].verdict, verdict: marked[0].verdict, col: marked[0].col };
    // Nothing marked: empty; both marked or an unreadable mark: not a verdict the checker can read.
    if (filled.length === 0) return { text: null, verdict: null, col: layout.col.verdict };
    return { text: cellText(grid.value(row, filled[0].col)).trim(), verdict: null, col: filled[0].col };
  }
  const vCol = layout.col.verdict;
  const text = vCol !== undefined ? cellText(grid.value(row, vCol)).trim() || null : null;
  return { text, verdict: readVerdict(text), col: vCol };
}

/** A unit as compared between rows ("Con", "con " and "con" agree); units repeat, so each is normalised once. */
const unitOf = memoise((v: unknown): string => normalise(cellText(v)), 5000);

function buildModel(grid: Grid, layout: TableLayout): Model {
  const rows = classifyRows(grid, layout);
  const readings = new Map<number, RowReading>();
  const actualCol = layout.col.actual!;
  for (const body of rows) {
    if (!FIGURE_ROWS.has(body.kind)) continue;
    // The first target is THE target; when it is blank, the next baseline that is filled in.
    // Each figure is read once here; the checks use the reading.
    let targetCol = layout.targets[0];
    let targetFigure = grid.figure(body.row, targetCol);
    for (let i = 1; i < layout.targets.length && targetFigure.kind === "empty"; i++) {
      const next = grid.figure(body.row, layout.targets[i]);
      if (next.kind !== "empty") {
        targetCol = layout.targets[i];
        targetFigure = next;
      }
    }
    const rawTarget = grid.value(body.row, targetCol);
    let target = readTarget(targetFigure, rawTarget);
    const actual = grid.figure(body.row, actualCol);
    const pair = pairValues(grid, body.row, targetCol, actualCol, { target: targetFigure, actual });
    if (target.kind === "quantity" && pair.t !== undefined) target = { ...target, value: pair.t };
    const actualValue = pair.a;
    const lowerIsBetter = isLowerIsBetter(body.name);
    const percent = actualValue !== undefined && targetCol === layout.targets[0] ? percentOf(target, actualValue) : null;
    const verdict = actualValue !== undefined ? evaluateTarget(target, actualValue, { lowerIsBetter }) : null;
    const stated = statedVerdictOf(grid, layout, body.row);
    const unit = layout.col.unit !== undefined ? unitOf(grid.value(body.row, layout.col.unit)) : "";
    readings.set(body.row, {
      body,
      target,
      targetFigure,
      actual,
      actualValue,
      lowerIsBetter,
      percent,
      verdict,
      statedVerdictText: stated.text,
      statedVerdict: stated.verdict,
      verdictCol: stated.col,
      targetCol,
      targetValue: pair.t,
      stated: layout.percents.length ? readStatedPercent(grid, body.row, layout.percents[0].col) : null,
      unit,
    });
  }
  return { grid, layout, rows, readings };
}

function isItemRow(r: BodyRow): boolean {
  return r.kind === "item" || r.kind === "subitem" || ((r.kind === "group" || r.kind === "total") && r.hasFigures);
}

export function analyseTable(sheet: SheetSnapshot): SheetReport {
  const grid = new Grid(sheet);
  const rec = recogniseTable(grid);
  if (!rec.ok) {
    return { name: sheet.name, recognized: false, layout: null, reason: rec.reason, reasonEn: rec.reasonEn, columns: {}, items: [], findings: [] };
  }
  const model = buildModel(grid, rec.layout);
  const items: Item[] = [];
  for (const body of model.rows) {
    if (!isItemRow(body)) continue;
    const r = model.readings.get(body.row)!;
    items.push({
      row: body.row,
      stt: body.stt || null,
      name: body.name || null,
      target: targetAsWritten(grid.value(body.row, r.targetCol)),
      actual: targetAsWritten(grid.value(body.row, rec.layout.col.actual!)),
      statedPercent: statedPercentOf(model, body.row),
      percent: r.percent ? r.percent.toNumber() : null,
      statedVerdict: r.statedVerdictText,
      verdict: r.verdict,
    });
  }
  const findings = [
    ...checkCells(model),
    ...checkPercents(model),
    ...checkVerdicts(model),
    ...checkSums(model),
    ...checkRollups(model),
    ...checkNumbering(model),
  ];
  findings.sort((a, b) => rowOf(a.cell) - rowOf(b.cell) || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
  return { name: sheet.name, recognized: true, layout: "table", columns: columnMap(rec.layout), items, findings };
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

function targetAsWritten(v: unknown): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (isCellError(v)) return v.error;
  return String(v);
}

function statedPercentOf(model: Model, row: number): number | null {
  const s = model.readings.get(row)!.stated;
  return s ? s.points.toNumber() : null;
}

/** formula-error anywhere in the body; malformed-number and number-as-text in figure columns. */
function checkCells(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  const figureCols = new Set<number>([...layout.targets, layout.col.actual!, ...layout.percents.map((p) => p.col)]);
  for (const body of model.rows) {
    if (body.kind === "footer" || body.kind === "empty") continue;
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      const v = grid.value(body.row, c);
      if (v === null) continue;
      const cell = grid.address(body.row, c);
      if (isCellError(v)) {
        const formula = grid.formula(body.row, c);
        out.push(
          finding(
            "formula-error",
            cell,
            `Ô ${cell} hiển thị lỗi ${v.error}${formula ? ` (công thức ${formula})` : ""}: ô phải có giá trị${v.error === "#DIV/0!" ? "; khi kế hoạch bằng 0 hoặc để trống, tỷ lệ phải để trống thay vì chia cho 0" : ""}.`,
            `Cell ${cell} shows the error ${v.error}${formula ? ` (formula ${formula})` : ""}: it must hold a value${v.error === "#DIV/0!" ? "; when the target is 0 or empty the percent must stay blank instead of dividing by 0" : ""}.`,
            v.error,
            null,
          ),
        );
        continue;
      }
      if (typeof v !== "string" || !figureCols.has(c) || !FIGURE_ROWS.has(body.kind)) continue;
      const fig = grid.figure(body.row, c);
      if (fig.kind === "malformed") {
        out.push(
          finding(
            "malformed-number",
            cell,
            `Số "${fig.text}" ở ô ${cell} không đúng cách viết số: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số, dấu phẩy là dấu thập phân.`,
            `"${fig.text}" in ${cell} is not a valid number: a thousands dot must be followed by exactly three digits, and the comma is the decimal mark.`,
            fig.text,
            null,
          ),
        );
      } else if (fig.kind === "text-number") {
        out.push(
          finding(
            "number-as-text",
            cell,
            `Ô ${cell} ghi số ${fig.text} dưới dạng văn bản; đã đọc là ${formatViNumber(fig.value)}, nên nhập dạng số để Excel tính được.`,
            `${cell} holds the number ${fig.text} as text; it was read as ${formatViNumber(fig.value)}; enter it as a number so Excel can compute with it.`,
            fig.text,
            fig.value.toNumber(),
          ),
        );
      } else if (fig.kind === "text" && (c === layout.targets[0] || layout.targets.includes(c))) {
        // A target written in words may still carry a malformed figure ("từ 2.800.00 trở lên").
        const bad = /\d+(?:[.,]\d+){1,}/.exec(fig.text);
        if (bad && readFigure(bad[0]).kind === "malformed") {
          out.push(
            finding(
              "malformed-number",
              cell,
              `Số "${bad[0]}" trong kế hoạch ở ô ${cell} không đúng cách viết số: dấu chấm phân cách hàng nghìn phải đứng trước đúng ba chữ số.`,
              `"${bad[0]}" in the target in ${cell} is not a valid number: a thousands dot must be followed by exactly three digits.`,
              bad[0],
              null,
            ),
          );
        }
      }
    }
  }
  return out;
}

function withinTolerance(stated: Decimal, exact: Decimal): boolean {
  const scale = Decimal.max(exact.abs(), new Decimal(1));
  return stated.minus(exact).abs().lte(scale.times("1e-9"));
}

/** percent-mismatch / percent-rounding for every percent column against its own target. */
function checkPercents(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  for (const body of model.rows) {
    if (!isItemRow(body)) continue;
    const reading = model.readings.get(body.row)!;
    for (const pc of layout.percents) {
      // The main percent column divides the very pair the reading already read and divided.
      const same = pc.target === reading.targetCol && pc.actual === layout.col.actual;
      const stated = pc === layout.percents[0] ? reading.stated : readStatedPercent(grid, body.row, pc.col);
      if (!stated) continue;
      const { t, a } = same ? { t: reading.targetValue, a: reading.actualValue } : pairValues(grid, body.row, pc.target, pc.actual);
      if (t === undefined || a === undefined || t.isZero()) continue;
      const exact = same && reading.percent !== null ? reading.percent : a.div(t).times(100);
      const cell = grid.address(body.row, pc.col);
      let shownStated = stated.points;
      let decimals = stated.decimals ?? stated.shownDecimals;
      if (stated.decimals === null) {
        if (withinTolerance(stated.points, exact)) continue;
        shownStated = stated.points.toDecimalPlaces(stated.shownDecimals, Decimal.ROUND_HALF_UP);
        decimals = stated.shownDecimals;
      }
      const judgement = judgeStatedPercent(shownStated, decimals, exact);
      if (judgement === "ok") continue;
      const tText = formatViNumber(t);
      const aText = formatViNumber(a);
      const statedText = formatViNumber(shownStated, decimals);
      const exactText = formatPercent(exact, Math.max(2, decimals));
      if (judgement === "truncated") {
        out.push(
          finding(
            "percent-rounding",
            cell,
            `Tỷ lệ ghi ${statedText}% là số bị cắt bớt chữ số thập phân: ${aText}/${tText} = ${exactText}%, làm tròn đúng là ${formatViNumber(exact, decimals)}%.`,
            `The percent ${statedText}% was truncated: ${aText}/${tText} = ${exactText}%, which rounds to ${formatViNumber(exact, decimals)}%.`,
            shownStated.toNumber(),
            exact.toNumber(),
          ),
        );
        continue;
      }
      const flips = flipsVerdict(shownStated, exact, reading.lowerIsBetter);
      out.push(
        finding(
          "percent-mismatch",
          cell,
          `Tỷ lệ ghi ${statedText}% nhưng ${aText}/${tText} = ${exactText}%${flips ? "; tỷ lệ đúng làm thay đổi kết quả đánh giá (ngưỡng 100%)" : ""}.`,
          `The percent says ${statedText}% but ${aText}/${tText} = ${exactText}%${flips ? "; the right percent changes the verdict (the 100% threshold)" : ""}.`,
          shownStated.toNumber(),
          exact.toNumber(),
        ),
      );
    }
  }
  return out;
}

function flipsVerdict(stated: Decimal, exact: Decimal, lowerIsBetter: boolean): boolean {
  const meets = (p: Decimal) => (lowerIsBetter ? p.lte(100) : p.gte(100));
  return meets(stated) !== meets(exact);
}

function why(r: RowReading, actual: Decimal): { vi: string; en: string } {
  const a = formatViNumber(actual);
  const t = r.target;
  if (t.kind === "quantity") {
    const cmp = r.lowerIsBetter ? (r.verdict === "Đạt" ? "≤" : ">") : r.verdict === "Đạt" ? "≥" : "<";
    const extra = r.lowerIsBetter ? " (chỉ tiêu càng thấp càng tốt)" : "";
    const extraEn = r.lowerIsBetter ? " (lower is better for this indicator)" : "";
    return { vi: `thực hiện ${a} ${cmp} kế hoạch ${formatViNumber(t.value)}${extra}`, en: `actual ${a} ${cmp} target ${formatViNumber(t.value)}${extraEn}` };
  }
  const holds = r.verdict === "Đạt";
  return {
    vi: `thực hiện ${a} ${holds ? "thỏa mãn" : "không thỏa mãn"} kế hoạch "${t.text.trim()}" (${describeTarget(t)})`,
    en: `actual ${a} ${holds ? "meets" : "does not meet"} the target "${t.text.trim()}" (${describeTarget(t)})`,
  };
}

/** verdict-mismatch, verdict-missing, missing-target, and info where a stated verdict cannot be checked. */
function checkVerdicts(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  const vCol = layout.col.verdict;
  for (const body of model.rows) {
    if (body.kind !== "item" && body.kind !== "subitem" && !(body.kind === "group" && body.hasFigures)) continue;
    const r = model.readings.get(body.row)!;
    if (r.targetFigure.kind === "empty" && r.actualValue !== undefined && body.kind !== "group") {
      const cell = grid.address(body.row, layout.targets[0]);
      out.push(
        finding(
          "missing-target",
          cell,
          `Chỉ tiêu "${short(body.name)}" có số thực hiện ${formatViNumber(r.actualValue)} nhưng không có kế hoạch ở ô ${cell}, nên không tính được tỷ lệ và đánh giá.`,
          `"${short(body.name)}" has an actual of ${formatViNumber(r.actualValue)} but no target in ${cell}, so neither percent nor verdict can be computed.`,
          null,
          null,
        ),
      );
    }
    if (vCol === undefined || r.verdictCol === undefined) continue;
    let cell = grid.address(body.row, r.verdictCol);
    if (r.verdict && r.actualValue !== undefined) {
      if (!r.statedVerdictText) {
        const reason = why(r, r.actualValue);
        const mark = layout.verdictMarks?.find((m) => m.verdict === r.verdict);
        if (mark) cell = grid.address(body.row, mark.col);
        out.push(
          finding(
            "verdict-missing",
            cell,
            `Chưa ghi đánh giá ở ô ${cell}; theo số liệu phải là "${r.verdict}" vì ${reason.vi}.`,
            `No verdict in ${cell}; the figures say "${r.verdict === "Đạt" ? "Đạt (achieved)" : "Chưa đạt (not achieved)"}" because ${reason.en}.`,
            null,
            r.verdict,
          ),
        );
      } else if ((r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt") && r.statedVerdict !== r.verdict) {
        const reason = why(r, r.actualValue);
        out.push(
          finding(
            "verdict-mismatch",
            cell,
            `Đánh giá ghi "${r.statedVerdictText}" nhưng phải là "${r.verdict}" vì ${reason.vi}.`,
            `The verdict says "${r.statedVerdictText}" but should be "${r.verdict}" because ${reason.en}.`,
            r.statedVerdictText,
            r.verdict,
          ),
        );
      }
    } else if (
      (r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt") &&
      r.actualValue !== undefined &&
      (r.target.kind === "qualitative" || r.target.kind === "relative" || r.target.kind === "exceed")
    ) {
      out.push(
        finding(
          "unverifiable-verdict",
          cell,
          `Không tự kiểm tra được đánh giá "${r.statedVerdictText}" ở ô ${cell} vì kế hoạch "${r.target.text.trim()}" không phải một con số hay một ngưỡng so sánh được.`,
          `The verdict "${r.statedVerdictText}" in ${cell} cannot be checked: the target "${r.target.text.trim()}" is neither a number nor a comparable bound.`,
          r.statedVerdictText,
          null,
        ),
      );
    }
  }
  return out;
}

function short(name: string): string {
  const t = name.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

const NON_ADDITIVE = headerRules.nonAdditive.map(normalise);

/** The units of two rows agree when both are the same (or one is blank), and neither is a percent. */
function additiveUnit(units: string[]): boolean {
  const named = units.filter((u) => u);
  if (named.some((u) => u === "%" || u.includes("%") || u.includes("tỷ lệ"))) return false;
  return new Set(named).size <= 1;
}

/** total-mismatch: breakdown lines against their item, a group's figures against its rows, total rows against groups. */
function checkSums(model: Model): Finding[] {
  const { grid, layout } = model;
  const out: Finding[] = [];
  const sumCols = [layout.col.actual!, ...layout.targets];
  const rows = model.rows.filter((r) => r.kind !== "empty");

  const compare = (owner: BodyRow, parts: BodyRow[], label: { vi: string; en: string }, allowSubset: boolean) => {
    const ownerReading = model.readings.get(owner.row);
    const units = [ownerReading?.unit ?? "", ...parts.map((p) => model.readings.get(p.row)?.unit ?? "")];
    if (!additiveUnit(units)) return;
    // Averages, yields, rates and indices never add up.
    if ([owner, ...parts].some((r) => NON_ADDITIVE.some((w) => containsPhrase(normalise(r.name), w)))) return;
    for (const c of sumCols) {
      const whole = figureValue(grid.figure(owner.row, c));
      if (whole === undefined) continue;
      const values = parts.map((p) => figureValue(grid.figure(p.row, c)));
      if (values.some((v) => v === undefined)) continue;
      const sum = values.reduce<Decimal>((s, v) => s.plus(v!), new Decimal(0));
      if (sum.eq(whole)) continue;
      if (allowSubset && sum.lt(whole)) continue;
      const cell = grid.address(owner.row, c);
      const terms = values.map((v) => formatViNumber(v!)).join(" + ");
      out.push(
        finding(
          "total-mismatch",
          cell,
          `Ô ${cell} ghi ${formatViNumber(whole)} nhưng ${label.vi}: ${terms} = ${formatViNumber(sum)}.`,
          `${cell} says ${formatViNumber(whole)} but ${label.en}: ${terms} = ${formatViNumber(sum)}.`,
          whole.toNumber(),
          sum.toNumber(),
        ),
      );
    }
  };

  for (let i = 0; i < rows.length; i++) {
    const owner = rows[i];
    if (owner.kind === "item" || owner.kind === "subitem" || owner.kind === "group") {
      const parts: BodyRow[] = [];
      for (let j = i + 1; j < rows.length && rows[j].kind === "breakdown"; j++) parts.push(rows[j]);
      if (parts.length >= 2) {
        const subset = [owner, ...parts].some((r) => containsPhrase(normalise(r.name), "trong đó"));
        compare(owner, parts, { vi: "cộng các dòng chi tiết bên dưới", en: "the breakdown lines below add up to" }, subset);
      }
    }
    if (owner.kind === "group" && owner.hasFigures) {
      const children: BodyRow[] = [];
      for (let j = i + 1; j < rows.length; j++) {
        const k = rows[j].kind;
        if (k === "group" || k === "total" || k === "footer") break;
        if (k === "item") children.push(rows[j]);
      }
      if (children.length >= 2) compare(owner, children, { vi: "cộng các chỉ tiêu trong nhóm", en: "the items of the group add up to" }, false);
    }
    if (owner.kind === "total" && owner.hasFigures) {
      // A total sums what stands above it since the previous total row ("Cộng" after each group,
      // then "Tổng cộng"): the groups when they carry figures, else the items; a grand total right
      // under its sub-totals is left alone rather than guessed.
      let from = 0;
      for (let j = i - 1; j >= 0; j--) {
        if (rows[j].kind === "total") {
          from = j + 1;
          break;
        }
      }
      const region = rows.slice(from, i);
      const groups = region.filter((r) => r.kind === "group" && r.hasFigures);
      const summands = groups.length ? groups : region.filter((r) => r.kind === "item" && r.path.length <= 1);
      if (summands.length >= (groups.length ? 1 : 2)) compare(owner, summands, { vi: groups.length ? "cộng các nhóm" : "cộng các chỉ tiêu", en: groups.length ? "the groups add up to" : "the items add up to" }, false);
    }
  }
  return out;
}

/**
 * rollup-mismatch: a group row's stated verdict against the verdicts of its items, and an item
 * without figures of its own against its sub-items (1 over 1.1, 1.2): Đạt only when every one is.
 */
function checkRollups(model: Model): Finding[] {
  const { grid, layout } = model;
  if (layout.col.verdict === undefined) return [];
  const out: Finding[] = [];
  const rows = model.rows;
  const verdictOf = (row: number): Verdict | null => {
    const r = model.readings.get(row)!;
    return r.verdict ?? (r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt" ? r.statedVerdict : null);
  };
  for (let i = 0; i < rows.length; i++) {
    const g = rows[i];
    const isGroup = g.kind === "group";
    const isParentItem = (g.kind === "item" || g.kind === "subitem") && g.path.length > 0 && !g.hasFigures;
    if (!isGroup && !isParentItem) continue;
    const own = statedVerdictOf(grid, layout, g.row);
    const stated = own.verdict;
    if ((stated !== "Đạt" && stated !== "Chưa đạt") || own.col === undefined) continue;
    const verdicts: (Verdict | null)[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const k = rows[j].kind;
      if (k === "footer" || k === "total") break;
      if (isGroup) {
        if (k === "group") break;
        if (k === "item") verdicts.push(verdictOf(rows[j].row));
        continue;
      }
      // The sub-items directly under this item: one level deeper, same prefix.
      if (k === "group" || k === "item" || (k === "subitem" && !startsWith(rows[j].path, g.path))) break;
      if (k === "subitem" && rows[j].path.length === g.path.length + 1) verdicts.push(verdictOf(rows[j].row));
    }
    if (!verdicts.length) continue;
    const failing = verdicts.filter((v) => v === "Chưa đạt").length;
    const cell = grid.address(g.row, own.col);
    const label = isGroup ? `Nhóm "${short(g.name)}"` : `Chỉ tiêu ${g.stt} "${short(g.name)}"`;
    const labelEn = isGroup ? `The group "${short(g.name)}"` : `Item ${g.stt} "${short(g.name)}"`;
    const parts = isGroup ? "chỉ tiêu trong nhóm" : "chỉ tiêu con";
    const partsEn = isGroup ? "items" : "sub-items";
    if (stated === "Đạt" && failing > 0) {
      out.push(
        finding(
          "rollup-mismatch",
          cell,
          `${label} ghi "Đạt" nhưng có ${failing} ${parts} chưa đạt; chỉ đạt khi mọi ${parts} đều đạt.`,
          `${labelEn} says "Đạt" but ${failing} of its ${partsEn} are not achieved; it is achieved only when every one is.`,
          "Đạt",
          "Chưa đạt",
        ),
      );
    } else if (stated === "Chưa đạt" && verdicts.every((v) => v === "Đạt")) {
      out.push(
        finding(
          "rollup-mismatch",
          cell,
          `${label} ghi "Chưa đạt" nhưng cả ${verdicts.length} ${parts} đều đạt.`,
          `${labelEn} says "Chưa đạt" but all ${verdicts.length} of its ${partsEn} are achieved.`,
          "Chưa đạt",
          "Đạt",
        ),
      );
    }
  }
  return out;
}

function startsWith(path: number[], prefix: number[]): boolean {
  return path.length > prefix.length && prefix.every((n, i) => path[i] === n);
}

/** numbering-gap: 1, 2, 4 or 1.1, 1.2, 1.4; numbering may restart at 1 in each group or run on. */
function checkNumbering(model: Model): Finding[] {
  const { grid, layout } = model;
  const sttCol = layout.col.stt;
  if (sttCol === undefined) return [];
  const out: Finding[] = [];
  let prevTop: number | null = null;
  let groupStart = true;
  const lastChild = new Map<string, number>();
  const seen = new Set<string>();
  const gap = (row: number, label: string, prev: string, expected: string) => {
    const cell = grid.address(row, sttCol);
    out.push(
      finding(
        "numbering-gap",
        cell,
        `Số thứ tự ${label} đứng ngay sau ${prev}: số tiếp theo phải là ${expected}, có thể thiếu một chỉ tiêu hoặc đánh số nhầm.`,
        `Number ${label} comes right after ${prev}: the next number should be ${expected}; an item may be missing or misnumbered.`,
        label,
        expected,
      ),
    );
  };
  for (const body of model.rows) {
    if (body.kind === "group") {
      groupStart = true;
      continue;
    }
    if ((body.kind === "item" || body.kind === "subitem") && body.path.length >= 1) {
      // Numbering that restarts (a second "1" in the next group) starts its sub-items afresh.
      const key = body.path.join(".");
      for (const k of [...lastChild.keys()]) if (k === key || k.startsWith(`${key}.`)) lastChild.delete(k);
      seen.add(key);
    }
    if (body.kind === "item" && body.path.length === 1) {
      const n = body.path[0];
      if (prevTop !== null && n !== prevTop + 1 && !(groupStart && n === 1)) gap(body.row, String(n), String(prevTop), String(prevTop + 1));
      prevTop = n;
      groupStart = false;
      continue;
    }
    if (body.kind === "subitem" && body.path.length >= 2) {
      const parentKey = body.path.slice(0, -1).join(".");
      const k = body.path[body.path.length - 1];
      const last = lastChild.get(parentKey);
      if (last !== undefined && k !== last + 1) gap(body.row, body.path.join("."), `${parentKey}.${last}`, `${parentKey}.${last + 1}`);
      else if (last === undefined && k !== 1 && seen.has(parentKey)) gap(body.row, body.path.join("."), parentKey, `${parentKey}.1`);
      lastChild.set(parentKey, k);
    }
  }
  return out;
}

/** The writes of "Tính lại" for a recognised table sheet: percent and verdict cells of item rows. */
export function planTableRecalc(sheet: SheetSnapshot): CellWrite[] {
  const grid = new Grid(sheet);
  const rec = recogniseTable(grid);
  if (!rec.ok) return [];
  const model = buildModel(grid, rec.layout);
  const { layout } = model;
  const writes: CellWrite[] = [];
  const push = (row: number, col: number, role: CellWrite["role"], value: string | number | null, formula?: string, numberFormat?: string) => {
    const before = { value: grid.value(row, col), formula: grid.formula(row, col) };
    if (formula !== undefined ? before.formula === formula : before.formula === null && sameValue(before.value, value)) return;
    const w: CellWrite = { sheet: sheet.name, cell: grid.address(row, col), role, value, before };
    if (formula !== undefined) w.formula = formula;
    if (numberFormat) w.numberFormat = numberFormat;
    writes.push(w);
  };
  // A percent column holds fractions when its cells carry a "%" number format (0.9037 shows 90,37%).
  const fractionColumns = new Set<number>();
  for (const pc of layout.percents) {
    let pct = 0;
    let other = 0;
    for (const body of model.rows) {
      if (!isItemRow(body) || grid.value(body.row, pc.col) === null) continue;
      if (isPercentFormat(grid.numberFormat(body.row, pc.col))) pct++;
      else other++;
    }
    if (pct > other) fractionColumns.add(pc.col);
  }
  for (const body of model.rows) {
    if (body.kind !== "item" && body.kind !== "subitem") continue;
    const r = model.readings.get(body.row)!;
    for (const pc of layout.percents) {
      const tRaw = grid.value(body.row, pc.target);
      const aRaw = grid.value(body.row, pc.actual);
      const tFig = grid.figure(body.row, pc.target);
      let target = readTarget(tFig, tRaw);
      const { t, a } = pairValues(grid, body.row, pc.target, pc.actual);
      if (target.kind === "quantity" && t !== undefined) target = { ...target, value: t };
      const fraction = fractionColumns.has(pc.col);
      const pct = a !== undefined ? percentOf(target, a) : null;
      const value = pct === null ? null : fraction ? pct.div(100).toNumber() : pct.toNumber();
      if (target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, pc.target, pc.actual)) {
        const f = percentFormula(grid.address(body.row, pc.target), grid.address(body.row, pc.actual), { fraction });
        const format = fraction && !isPercentFormat(grid.numberFormat(body.row, pc.col)) ? "0.00%" : undefined;
        push(body.row, pc.col, "percent", value, f, format);
      } else if (isCellError(grid.value(body.row, pc.col)) || pct !== null || grid.value(body.row, pc.col) !== null) {
        push(body.row, pc.col, "percent", value);
      }
    }
    const vCol = layout.col.verdict;
    if (vCol === undefined || !r.verdict) continue;
    if (layout.verdictMarks) {
      // "Đạt | Chưa đạt" marked with "x": the mark goes to the computed verdict's column only.
      for (const m of layout.verdictMarks) {
        const want = m.verdict === r.verdict ? "x" : null;
        const now = grid.value(body.row, m.col);
        if (want === null ? now === null || now === "" : typeof now === "string" && now.trim() !== "" && (MARK.test(now.trim()) || readVerdict(now) === m.verdict)) continue;
        push(body.row, m.col, "verdict", want);
      }
      continue;
    }
    const tRaw = grid.value(body.row, r.targetCol);
    const aRaw = grid.value(body.row, layout.col.actual!);
    if (r.target.kind === "quantity" && typeof tRaw === "number" && typeof aRaw === "number" && sameScale(grid, body.row, r.targetCol, layout.col.actual!)) {
      const f = verdictFormula(grid.address(body.row, r.targetCol), grid.address(body.row, layout.col.actual!), { lowerIsBetter: r.lowerIsBetter });
      push(body.row, vCol, "verdict", r.verdict, f);
    } else {
      push(body.row, vCol, "verdict", r.verdict);
    }
  }
  return writes;
}

/** True when target and actual are both fractions ("%" format) or both not, so a formula may divide them. */
function sameScale(grid: Grid, row: number, a: number, b: number): boolean {
  return isPercentFormat(grid.numberFormat(row, a)) === isPercentFormat(grid.numberFormat(row, b));
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === "") && (b === null || b === "")) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  return a === b;
}
