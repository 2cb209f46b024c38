/** total-mismatch and rollup-mismatch. */
import { Decimal } from "../../decimal";
import { formatEnNumber, formatViNumber } from "../../numbers";
import { type Finding, type Verdict } from "../../report";
import { containsPhrase, normalise } from "../../text";
import headerRules from "../../rules/headers.json";
import { type BodyRow } from "../rows";
import { figureValue } from "../figures";
import { finding, type Model, statedVerdictOf, short, startsWith } from "../model";

const NON_ADDITIVE = headerRules.nonAdditive.map(normalise);

/** The units of two rows agree when both are the same (or one is blank), and neither is a percent. */
function additiveUnit(units: string[]): boolean {
  const named = units.filter((u) => u);
  if (named.some((u) => u === "%" || u.includes("%") || u.includes("tỷ lệ"))) return false;
  return new Set(named).size <= 1;
}

/** total-mismatch: breakdown lines against their item, a group's figures against its rows, total rows against groups. */
export function checkSums(model: Model): Finding[] {
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
      const termsEn = values.map((v) => formatEnNumber(v!)).join(" + ");
      out.push(
        finding(
          "total-mismatch",
          cell,
          `Ô ${cell} ghi ${formatViNumber(whole)} nhưng ${label.vi}: ${terms} = ${formatViNumber(sum)}.`,
          `${cell} says ${formatEnNumber(whole)} but ${label.en}: ${termsEn} = ${formatEnNumber(sum)}.`,
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
      // then "Tổng cộng"), or what follows it when it heads the body: the groups when they carry figures, else the items; a grand total right
      // under its sub-totals is left alone rather than guessed.
      let from = 0;
      for (let j = i - 1; j >= 0; j--) {
        if (rows[j].kind === "total") {
          from = j + 1;
          break;
        }
      }
      let region = rows.slice(from, i);
      // "Tổng cộng" as the first row of the body, as district tables by commune put it: it sums what follows.
      if (!region.some((r) => r.hasFigures)) {
        let to = rows.length;
        for (let j = i + 1; j < rows.length; j++) {
          if (rows[j].kind === "total" || rows[j].kind === "footer") {
            to = j;
            break;
          }
        }
        region = rows.slice(i + 1, to);
      }
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
export function checkRollups(model: Model): Finding[] {
  const { grid, layout } = model;
  if (layout.col.verdict === undefined || layout.periodUnclear) return [];
  const out: Finding[] = [];
  const rows = model.rows;
  const verdictOf = (row: number): Verdict | null => {
    const r = model.readings.get(row)!;
    return r.verdict ?? (r.statedVerdict === "Đạt" || r.statedVerdict === "Chưa đạt" ? r.statedVerdict : null);
  };
  for (let i = 0; i < rows.length; i++) {
    const g = rows[i];
    // A group with its own target and actual is judged on them (a district's subtotal), not rolled up.
    const own = model.readings.get(g.row);
    const isGroup = g.kind === "group" && !(own && own.targetFigure.kind !== "empty" && own.actualValue !== undefined);
    const isParentItem = (g.kind === "item" || g.kind === "subitem") && g.path.length > 0 && !g.hasFigures;
    if (!isGroup && !isParentItem) continue;
    const mine = statedVerdictOf(grid, layout, g.row);
    const stated = mine.verdict;
    if ((stated !== "Đạt" && stated !== "Chưa đạt") || mine.col === undefined) continue;
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
    const cell = grid.address(g.row, mine.col);
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

