/** What analysis produces: per sheet, the recognised layout, the items read and the findings. */

export type Severity = "error" | "warning" | "info";

export type FindingKind =
  | "percent-mismatch"
  | "percent-rounding"
  | "verdict-mismatch"
  | "verdict-conflict"
  | "rollup-mismatch"
  | "count-mismatch"
  | "verdict-missing"
  | "missing-target"
  | "total-mismatch"
  | "arithmetic-mismatch"
  | "malformed-number"
  | "number-as-text"
  | "unit-mismatch"
  | "numbering-gap"
  | "formula-error"
  | "figure-conflict"
  | "unverifiable-verdict"
  | "formula-uncomputed";

/** Severity of each kind (SPEC §6). */
export const SEVERITY: Record<FindingKind, Severity> = {
  "percent-mismatch": "error",
  "percent-rounding": "info",
  "verdict-mismatch": "error",
  "verdict-conflict": "error",
  "rollup-mismatch": "error",
  "count-mismatch": "error",
  "verdict-missing": "warning",
  "missing-target": "warning",
  "total-mismatch": "error",
  "arithmetic-mismatch": "error",
  "malformed-number": "error",
  "number-as-text": "info",
  "unit-mismatch": "warning",
  "numbering-gap": "warning",
  "formula-error": "error",
  "figure-conflict": "warning",
  "unverifiable-verdict": "info",
  "formula-uncomputed": "info",
};

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** A1 address of the cell that holds the wrong figure (narrative: the text cell holding the claim). */
  cell: string;
  /** A full Vietnamese sentence saying what was stated, what was expected and why. */
  message: string;
  /** The same sentence in English. */
  messageEn: string;
  /** Narrative layout: the exact words of the claim, and where they stand in the cell's text. */
  quote?: string;
  start?: number;
  end?: number;
  stated?: string | number | null;
  expected?: string | number | null;
}

/** A finding's optional fields: the quote with where it stands, the stated and the expected value. */
export type FindingExtras = Pick<Finding, "quote" | "start" | "end" | "stated" | "expected">;

/**
 * The optional fields of `f` that are given, in this order: quote, start, end (these three come
 * together, with the quote), stated, expected. A finding and its JSON both carry exactly these.
 */
export function findingExtras(f: FindingExtras): FindingExtras {
  const out: FindingExtras = {};
  if (f.quote !== undefined) {
    out.quote = f.quote;
    out.start = f.start;
    out.end = f.end;
  }
  if (f.stated !== undefined) out.stated = f.stated;
  if (f.expected !== undefined) out.expected = f.expected;
  return out;
}

/** A finding of `kind` with its severity from SEVERITY; the optional fields are set only when given. */
export function makeFinding(kind: FindingKind, cell: string, message: string, messageEn: string, extra: FindingExtras = {}): Finding {
  return { kind, severity: SEVERITY[kind], cell, message, messageEn, ...findingExtras(extra) };
}

export type Verdict = "Đạt" | "Chưa đạt";

export type ColumnRole = "stt" | "name" | "unit" | "target" | "actual" | "percent" | "verdict" | "forecast" | "note";

export interface Item {
  row: number;
  stt: string | null;
  name: string | null;
  /** The target as written (a number, or the text of a bound, range, qualitative target). */
  target: string | number | null;
  actual: string | number | null;
  /** The stated percent, in percent points (a 0.9037 fraction in a % cell is 90.37). */
  statedPercent: number | null;
  /** Computed percent in percent points, unrounded; null when not computable. */
  percent: number | null;
  statedVerdict: string | null;
  /** Computed verdict; null when the target is qualitative or a figure is missing. */
  verdict: Verdict | null;
}

/** A claim found in prose (narrative layout): quote and character offsets in its cell's text. */
export interface Claim {
  cell: string;
  /** "share": an amount's percent of a base that stands elsewhere in the text (read only when some amount around fits). */
  kind: "ratio" | "arithmetic" | "total" | "count" | "verdict" | "figure" | "share";
  quote: string;
  start: number;
  end: number;
  /** True when the claim checks out, false when a finding was raised, null when it cannot be checked. */
  ok: boolean | null;
}

export interface SheetReport {
  name: string;
  recognized: boolean;
  layout: "table" | "narrative" | null;
  /** Why the sheet was not recognised, in Vietnamese. */
  reason?: string;
  reasonEn?: string;
  /** Column role → column letter (the first target / percent column where there are two). */
  columns: Partial<Record<ColumnRole, string>>;
  items: Item[];
  findings: Finding[];
  /** Narrative layout: every claim read from the prose. */
  claims?: Claim[];
  /**
   * Table layout: the roles could not be settled from the sheet alone (several actual columns by
   * period and none named as the one the verdict judges), so the pane shows the column map first.
   */
  rolesUnclear?: boolean;
}

export interface WorkbookReport {
  file?: string;
  sheets: SheetReport[];
}

export function countBySeverity(findings: Iterable<Finding>): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
