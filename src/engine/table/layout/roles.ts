/**
 * Roles decided from more than one header cell's words: a column's content where its header is
 * silent or ambiguous, and the period each figure column covers (last year's actual is never the
 * actual). The words are data: rules/periods.json.
 */
import periodWords from "../../rules/periods.json";
import { containsPhrase, fold } from "../../text";
import type { Grid } from "../grid";
import { holdsNames, holdsVerdicts } from "./content";
import type { HeaderRole } from "./index";

const PREVIOUS = periodWords.previous.map(fold);
const PERIODS = [...periodWords.partial, ...periodWords.estimate].map(fold);

/** The period words a header names ("6 tháng", "cả năm", "quý"), without diacritics. */
export function periodsOf(text: string): string[] {
  const f = fold(text);
  return PERIODS.filter((p) => containsPhrase(f, p));
}
/** "Đơn vị tính", "ĐVT", "Đ.v.t": a unit column whatever it holds. */
const UNIT_WORDS = /\b(?:dvt|d\.v\.t|tinh)\b/;

/**
 * Roles the content decides: a column of verdict words is the verdict column whatever its header
 * ("Kết quả", "Tình hình thực hiện"), never the actual; a column headed "Đơn vị" that holds names of
 * communes or offices is the name column, not the unit.
 */
export function readContent(grid: Grid, roles: Map<number, HeaderRole>, texts: Map<number, string>, from: number, fixed: ReadonlySet<number> = new Set()): void {
  // A header that names a verdict column wins: then an actual of words ("Đạt chuẩn" under "Thực
  // hiện") keeps its role. A column whose role the clerk chose in the pane's column map (`fixed`) stays so.
  if (![...roles.values()].includes("verdict")) {
    const actuals = [...roles.values()].filter((r) => r === "actual").length;
    for (const c of texts.keys()) {
      const role = roles.get(c);
      // The only actual column stays the actual: its words may be results ("Đạt chuẩn"), not verdicts.
      const open = !fixed.has(c) && (role === undefined || (role === "actual" && actuals > 1) || role === "forecast" || role === "note");
      if (open && holdsVerdicts(grid, c, from)) {
        roles.set(c, "verdict");
        break;
      }
    }
  }
  if (![...roles.values()].includes("name")) {
    for (const [c, role] of roles) {
      // "Đơn vị", "Tên đơn vị", "Đơn vị thực hiện" over "Xã Tân Hòa", "Phòng Tài chính": the rows' names.
      const f = fold(texts.get(c) ?? "");
      const unitLike = role === "unit" || (role === "actual" && containsPhrase(f, "don vi"));
      if (unitLike && !UNIT_WORDS.test(f) && holdsNames(grid, c, from)) {
        roles.set(c, "name");
        break;
      }
    }
  }
}

/** The single year a header names ("Năm 2024", "KH 2025"), or null (none, or a span "2021-2025"). */
export function yearOf(text: string): number | null {
  const years = [...new Set(text.match(/\b(?:19|20)\d\d\b/g) ?? [])];
  return years.length === 1 ? Number(years[0]) : null;
}

/**
 * Last year's figures among the actual-like columns: a header naming last year ("cùng kỳ", "năm
 * trước"), an earlier year than the plan's ("Thực hiện năm 2024" beside "Kế hoạch năm 2025"), or a
 * column the numbering row divides by beside the plan ("(8)=(6)/(4)" where (6)/(5) is the plan's).
 * A column stays the actual when no other actual is left.
 */
export function markPrevious(roles: Map<number, HeaderRole>, texts: Map<number, string>, ratios: { pct: number; actual: number; target: number }[]): void {
  const cols = (role: HeaderRole) => [...roles].filter(([, r]) => r === role).map(([c]) => c);
  const targetYears = cols("target").map((c) => yearOf(texts.get(c) ?? "")).filter((y): y is number => y !== null);
  const actualLike = [...cols("actual"), ...cols("forecast")];
  const actualYears = actualLike.map((c) => yearOf(texts.get(c) ?? "")).filter((y): y is number => y !== null);
  // The year reported on: the latest plan year the actuals reach ("KH 2024 | ƯTH 2024 | KH 2025": 2024).
  const reached = actualYears.length ? targetYears.filter((y) => y <= Math.max(...actualYears)) : targetYears;
  const current = reached.length ? Math.max(...reached) : targetYears.length ? Math.min(...targetYears) : actualYears.length ? Math.max(...actualYears) : null;
  // Next year's plan beside this year's figures is no target of this year's actual.
  if (current !== null && cols("target").length > 1) {
    for (const c of cols("target")) {
      const y = yearOf(texts.get(c) ?? "");
      if (y !== null && y > current && cols("target").length > 1) roles.delete(c);
    }
  }
  const judged = new Set(ratios.filter((r) => cols("target").includes(r.target)).map((r) => r.actual));
  const earlier = actualLike.filter((c) => {
    if (judged.has(c)) return false;
    const f = fold(texts.get(c) ?? "");
    if (PREVIOUS.some((p) => containsPhrase(f, p))) return true;
    const y = yearOf(texts.get(c) ?? "");
    if (current !== null && y !== null && y < current) return true;
    // Divided by, beside a plan-percent that divides another actual: the comparison base.
    return judged.size > 0 && ratios.some((r) => r.target === c && judged.has(r.actual));
  });
  if (earlier.length < actualLike.length) for (const c of earlier) roles.set(c, "previous");
}
