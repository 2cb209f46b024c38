/**
 * The table sheet model: rows classified and each figure row read once (target, actual, percent,
 * verdict, stated figures); the checks and the recalculation plan take this model.
 */
import { Decimal } from "../decimal";
import { makeFinding, type Finding, type FindingKind, type Verdict } from "../report";
import { evaluateTarget, parseTarget, percentOf, type Target } from "../targets";
import { cellText, normalise } from "../text";
import { isLowerIsBetter, readVerdict, type StatedVerdict } from "../verdicts";
import { memoise } from "../memo";
import { Grid } from "./grid";
import { type TableLayout } from "./layout";
import { classifyRows, type BodyRow } from "./rows";
import { figureValue, readStatedPercent, isPercentFormat, type Figure, type StatedPercent } from "./figures";
import { percentNumber } from "./fast";


/** One row read with everything the checks and the plan need. */
export interface RowReading {
  body: BodyRow;
  target: Target;
  targetFigure: Figure;
  actual: Figure;
  actualValue: Decimal | undefined;
  lowerIsBetter: boolean;
  percent: Decimal | null;
  /** percent.toNumber() (the item list's percent), null when there is no percent. */
  percentNumber: number | null;
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

export interface Model {
  grid: Grid;
  layout: TableLayout;
  rows: BodyRow[];
  readings: Map<number, RowReading>;
}

export const FIGURE_ROWS = new Set(["item", "subitem", "group", "total", "breakdown"]);

/** A table finding: no quote, the stated and expected values only. */
export function finding(kind: FindingKind, cell: string, message: string, messageEn: string, stated?: string | number | null, expected?: string | number | null): Finding {
  return makeFinding(kind, cell, message, messageEn, { stated, expected });
}

export function readTarget(fig: Figure, raw: unknown): Target {
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
export function pairValues(
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

export const MARK = /^(?:x|✓|✔|v|√|\+|1|có)$/i;

/** The stated verdict of a row: the verdict cell's text, or the "x" of a "Đạt | Chưa đạt" pair. */
export function statedVerdictOf(grid: Grid, layout: TableLayout, row: number): { text: string | null; verdict: StatedVerdict | null; col: number | undefined } {
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

/** True when the cell holds a number a "%" format shows ×100 (see pairValues). */
function percentScaled(grid: Grid, row: number, col: number): boolean {
  return typeof grid.value(row, col) === "number" && isPercentFormat(grid.numberFormat(row, col));
}

type Common = Omit<RowReading, "target" | "actualValue" | "targetValue" | "percent" | "percentNumber" | "verdict">;

/**
 * The reading of a row whose target and actual are plain numbers on one scale: what the slow
 * path computes with decimals, made from them only when asked (a check that reports, the plan).
 */
class NumberReading implements RowReading {
  readonly body: BodyRow;
  readonly targetFigure: Figure;
  readonly actual: Figure;
  readonly lowerIsBetter: boolean;
  readonly statedVerdictText: string | null;
  readonly statedVerdict: StatedVerdict | null;
  readonly verdictCol: number | undefined;
  readonly targetCol: number;
  readonly stated: StatedPercent | null;
  readonly unit: string;
  readonly percentNumber: number | null;
  private exactPercent: Decimal | null | undefined;
  private quantity: Target | undefined;

  constructor(
    common: Common,
    private readonly rawTarget: unknown,
    readonly verdict: Verdict | null,
    private readonly first: boolean,
  ) {
    // Field by field, not Object.assign: one shape for every reading, made fast.
    this.body = common.body;
    this.targetFigure = common.targetFigure;
    this.actual = common.actual;
    this.lowerIsBetter = common.lowerIsBetter;
    this.statedVerdictText = common.statedVerdictText;
    this.statedVerdict = common.statedVerdict;
    this.verdictCol = common.verdictCol;
    this.targetCol = common.targetCol;
    this.stated = common.stated;
    this.unit = common.unit;
    const t = (this.targetFigure as { num: number }).num;
    const a = (this.actual as { num: number }).num;
    this.percentNumber = !first || t === 0 ? null : (percentNumber(a, t) ?? this.percent!.toNumber());
  }

  get target(): Target {
    return (this.quantity ??= readTarget(this.targetFigure, this.rawTarget));
  }
  get targetValue(): Decimal {
    return (this.targetFigure as { value: Decimal }).value;
  }
  get actualValue(): Decimal {
    return (this.actual as { value: Decimal }).value;
  }
  get percent(): Decimal | null {
    if (this.exactPercent === undefined) this.exactPercent = this.first ? percentOf(this.target, this.actualValue) : null;
    return this.exactPercent;
  }
}

/** A unit as compared between rows ("Con", "con " and "con" agree); units repeat, so each is normalised once. */
const unitOf = memoise((v: unknown): string => normalise(cellText(v)), 5000);

export function buildModel(grid: Grid, layout: TableLayout): Model {
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
    const actual = grid.figure(body.row, actualCol);
    const stated = statedVerdictOf(grid, layout, body.row);
    const unit = layout.col.unit !== undefined ? unitOf(grid.value(body.row, layout.col.unit)) : "";
    const lowerIsBetter = isLowerIsBetter(body.name);
    // No verdict where the sheet judges none (no verdict column) or does not say which period it judges.
    const judges = layout.col.verdict !== undefined && !layout.periodUnclear;
    const common = {
      body,
      targetFigure,
      actual,
      lowerIsBetter,
      statedVerdictText: stated.text,
      statedVerdict: stated.verdict,
      verdictCol: stated.col,
      targetCol,
      stated: layout.percents.length ? readStatedPercent(grid, body.row, layout.percents[0].col) : null,
      unit,
    };
    const t = targetFigure.kind === "number" ? targetFigure.num : undefined;
    const a = actual.kind === "number" ? actual.num : undefined;
    if (t !== undefined && a !== undefined && percentScaled(grid, body.row, targetCol) === percentScaled(grid, body.row, actualCol)) {
      // Two plain numbers on one scale (the common row): decided on the numbers (see fast.ts),
      // the exact decimals made only if a check asks for them.
      const verdict = judges ? ((lowerIsBetter ? a <= t : a >= t) ? "Đạt" : "Chưa đạt") : null;
      readings.set(body.row, new NumberReading(common, grid.value(body.row, targetCol), verdict, targetCol === layout.targets[0]));
      continue;
    }
    const rawTarget = grid.value(body.row, targetCol);
    let target = readTarget(targetFigure, rawTarget);
    const pair = pairValues(grid, body.row, targetCol, actualCol, { target: targetFigure, actual });
    if (target.kind === "quantity" && pair.t !== undefined) target = { ...target, value: pair.t };
    const actualValue = pair.a;
    const percent = actualValue !== undefined && targetCol === layout.targets[0] ? percentOf(target, actualValue) : null;
    const verdict = judges && actualValue !== undefined ? evaluateTarget(target, actualValue, { lowerIsBetter }) : null;
    readings.set(body.row, { ...common, target, actualValue, percent, percentNumber: percent ? percent.toNumber() : null, verdict, targetValue: pair.t });
  }
  return { grid, layout, rows, readings };
}

/** Rows that are items: listed, computed and judged (a breakdown line with its own target and actual too, issue 11 item 10). */
export function isItemRow(r: BodyRow): boolean {
  return r.kind === "item" || r.kind === "subitem" || ((r.kind === "group" || r.kind === "total") && r.hasFigures) || (r.kind === "breakdown" && r.paired === true);
}

/** A name cut to 60 characters for a message. */
export function short(name: string): string {
  const t = name.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** True when a numbering path begins with the prefix ("1.2.3" under "1.2"). */
export function startsWith(path: number[], prefix: number[]): boolean {
  return path.length > prefix.length && prefix.every((n, i) => path[i] === n);
}
