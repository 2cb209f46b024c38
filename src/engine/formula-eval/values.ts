/** A formula's values and Excel's coercions between them: to a number, to text, to a truth value; comparison. */

export type Value = number | string | boolean | null | { error: string };

export const ERR = (e: string): Value => ({ error: e });
export const isErr = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

export function toNumber(v: Value): number | { error: string } {
  if (isErr(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = textNumber(v);
  return n === null ? { error: "#VALUE!" } : n;
}

/** Text read as a number the way VALUE() reads it in an en-US spreadsheet ("5.5", "1,000", "55%"). */
export function textNumber(s: string): number | null {
  const t = s.trim();
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%?)$/.exec(t);
  if (!m || (!m[2] && !m[3]) || m[3] === ".") return null;
  let n = Number(`${m[1]}${m[2].replace(/,/g, "") || "0"}${m[3] ?? ""}${m[4] ? `e${m[4]}` : ""}`);
  if (m[5]) n /= 100;
  return Number.isFinite(n) ? n : null;
}

export function toText(v: Value): string | { error: string } {
  if (isErr(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

export function toBool(v: Value): boolean | { error: string } {
  if (isErr(v)) return v;
  if (typeof v === "boolean") return v;
  if (v === null || v === "") return false;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return { error: "#VALUE!" };
}

export function compare(a: Value, b: Value): number {
  // Blank against text is "", against a number 0; text sorts above numbers, booleans above text.
  const rank = (v: Value) => (typeof v === "boolean" ? 2 : typeof v === "string" ? 1 : 0);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLocaleLowerCase("vi");
    const y = b.toLocaleLowerCase("vi");
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
