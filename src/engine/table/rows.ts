/** Row types of a table body (SPEC §2.1): group, item, sub-item, breakdown, total, footer. */
import headerRules from "../rules/headers.json";
import { memoise } from "../memo";
import { cellText, normalise } from "../text";
import type { Grid } from "./grid";
import type { TableLayout } from "./layout";

export type RowKind = "group" | "item" | "subitem" | "breakdown" | "total" | "footer" | "empty" | "note";

export interface BodyRow {
  row: number;
  kind: RowKind;
  /** The numbering as written ("I", "1", "1.2", "-"), trimmed; "" when none. */
  stt: string;
  /** Numbering path for items and sub-items ("1.2" → [1, 2]); group label for groups. */
  path: number[];
  name: string;
  /** True when the row holds a figure in a target or actual column. */
  hasFigures: boolean;
  /** True when the row holds both a target and an actual of its own (a breakdown line that is an item too). */
  paired?: boolean;
}

const ROMAN = /^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const LETTER = /^[A-ZĐ]$/;
const DOTTED = /^\d{1,3}(?:\.\d{1,3})*\.?$/;
const BREAKDOWN = /^(?:[-+*•–—·]|[a-zđ][).]|\([a-zđ]\))$/;
const FOOTER = headerRules.footer.map(normalise);
const TOTAL = headerRules.total.map(normalise);

/** The first two letters of a text, without diacritics, lower case, spaces skipped ("Người" → "ng"). */
function head(text: string): string {
  let out = "";
  for (let i = 0; i < text.length && out.length < 2; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code >= 65 && code <= 90) out += String.fromCharCode(code + 32);
    else if (code < 128) out += text[i];
    else if (!/\s/.test(text[i])) out += text[i].normalize("NFD")[0].toLowerCase();
  }
  return out;
}

/** Footer phrases by their first two letters: most cells are ruled out without normalising them. */
const FOOTER_HEADS = new Set(FOOTER.map(head));

/** Units and verdicts repeat down a sheet: each text is judged once. */
export const isFooterText = memoise((v: string): boolean => {
  if (v.length > 60 || !FOOTER_HEADS.has(head(v))) return false;
  const t = normalise(v);
  return t.length <= 40 && FOOTER.some((f) => t.startsWith(f));
});

/** The first letters of the footer phrases' heads. */
const FOOTER_FIRSTS = new Set([...FOOTER_HEADS].map((h) => h.charCodeAt(0)));

/**
 * False at once for a text whose first character (spaces skipped) is ASCII and begins no footer
 * phrase (most names and units): its head could not be a footer head. Anything else asks
 * isFooterText.
 */
export function mayBeFooter(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13)) continue;
    if (code >= 128) return true;
    return FOOTER_FIRSTS.has(code >= 65 && code <= 90 ? code + 32 : code);
  }
  return false;
}

function isFooterRow(grid: Grid, row: number): boolean {
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const v = grid.value(row, c);
    if (typeof v === "string" && mayBeFooter(v) && isFooterText(v)) return true;
  }
  return false;
}

/**
 * "Tổng cộng", "Cộng:", "Tổng số (I+II)", "Tổng cộng toàn xã" name a total row; "Tổng đàn gia súc"
 * or "Cộng đồng dân cư" are indicators, not totals.
 */
export function isTotalName(lowered: string): boolean {
  return TOTAL.some((t) => {
    if (lowered === t) return true;
    if (!lowered.startsWith(t)) return false;
    const rest = lowered.slice(t.length);
    return /^\s*[:(\-–]/.test(rest) || /^\s+(?:toàn|chung|các|nhóm|phần|mục|[ivx]+(?:\s|$|[+,.)]))/.test(rest);
  });
}

function figure(v: unknown): boolean {
  return v !== null && v !== "" && !(typeof v === "string" && !v.trim());
}

export function classifyRows(grid: Grid, layout: TableLayout): BodyRow[] {
  const out: BodyRow[] = [];
  const sttCol = layout.col.stt;
  const nameCol = layout.col.name;
  const figureCols = [...layout.targets, layout.col.actual!];
  for (let row = layout.bodyTop; row <= grid.lastRow; row++) {
    if (isFooterRow(grid, row)) {
      out.push({ row, kind: "footer", stt: "", path: [], name: "", hasFigures: false });
      break;
    }
    const sttRaw = sttCol !== undefined ? grid.value(row, sttCol) : null;
    const stt = cellText(sttRaw).trim();
    const name = nameCol !== undefined ? cellText(grid.value(row, nameCol)).trim() : "";
    const hasFigures = figureCols.some((c) => figure(grid.value(row, c)));
    let empty = true;
    for (let c = grid.firstCol; c <= grid.lastCol && empty; c++) if (figure(grid.value(row, c))) empty = false;
    if (empty) {
      out.push({ row, kind: "empty", stt, path: [], name, hasFigures });
      continue;
    }
    const kind = kindOf(grid, row, stt, sttRaw, name, hasFigures, nameCol) as BodyRow;
    kind.row = row;
    if (kind.kind === "breakdown") kind.paired = layout.targets.some((c) => figure(grid.value(row, c))) && figure(grid.value(row, layout.col.actual!));
    out.push(kind);
  }
  return out;
}

function kindOf(
  grid: Grid,
  row: number,
  stt: string,
  sttRaw: unknown,
  name: string,
  hasFigures: boolean,
  nameCol: number | undefined,
): Omit<BodyRow, "row"> {
  // The common case first: a whole number in the STT column is an item.
  if (typeof sttRaw === "number" && Number.isInteger(sttRaw) && sttRaw > 0) return { stt, name, hasFigures, kind: "item", path: [sttRaw] };
  const base = { stt, name, hasFigures };
  if (stt && isTotalName(normalise(stt))) return { ...base, kind: "total", path: [] };
  if (stt) {
    const s = stt.replace(/\s+/g, "");
    // "I", "II.", "A", "B)", "Phần I": a group heading.
    const label = s.replace(/^phần/i, "").replace(/[.):]$/, "");
    if (label && (ROMAN.test(label) || LETTER.test(label))) return { ...base, kind: "group", path: [] };
    if (DOTTED.test(s)) {
      const path = s.replace(/\.$/, "").split(".").map(Number);
      return { ...base, kind: path.length === 1 ? "item" : "subitem", path };
    }
    if (BREAKDOWN.test(s.toLowerCase())) return { ...base, kind: "breakdown", path: [] };
  }
  if (!stt) {
    if (isTotalName(normalise(name))) return { ...base, kind: "total", path: [] };
    if (/^[-+*•–]/.test(name)) return { ...base, kind: "breakdown", path: [] };
    if (!hasFigures) {
      const bold = nameCol !== undefined && grid.bold(row, nameCol);
      const heading = /\p{L}/u.test(name) && (bold || name === name.toUpperCase());
      return { ...base, kind: heading ? "group" : "note", path: [] };
    }
    return { ...base, kind: "item", path: [] };
  }
  return { ...base, kind: hasFigures ? "item" : "note", path: [] };
}
