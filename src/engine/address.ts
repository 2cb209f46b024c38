/** A1 addresses: column letters and cell addresses, 1-based. */
import type { CellRange } from "./snapshot";

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "G10" → { row: 10, col: 7 }; throws on anything that is not an A1 cell address. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 cell address: ${address}`);
  return { row: Number(m[2]), col: columnIndex(m[1]) };
}

/**
 * "G4:H4", "$A$1", "Sheet1!A1:C3" or "'Biểu 1'!B2" → the rectangle (1-based, inclusive, corners
 * in any order); throws on anything that is not an A1 range.
 */
export function parseRangeA1(ref: string): CellRange {
  const bang = ref.lastIndexOf("!");
  const local = bang >= 0 ? ref.slice(bang + 1) : ref;
  const [a, b] = local.trim().split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
