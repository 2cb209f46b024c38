/** Shared formulas: the anchor's text moved to each cell that shares it. */
import { columnIndex, columnLetter } from "../engine";

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** A shared formula's text moved from its anchor by (dr, dc): relative references shift. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (!dr && !dc) return formula;
  let out = "";
  let inString = false;
  let last = 0;
  for (let i = 0; i <= formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || i === formula.length) {
      const piece = formula.slice(last, i);
      out += inString
        ? piece
        : piece.replace(REF, (m, c$, col, r$, row, offset: number, whole: string) => {
            if (offset > 0 && /[A-Za-z_!'.]/.test(whole[offset - 1])) return m;
            const c = c$ ? col : columnLetter(columnIndex(col) + dc);
            const r = r$ ? row : String(Number(row) + dr);
            return `${c$}${c}${r$}${r}`;
          });
      if (i < formula.length) out += ch;
      inString = !inString;
      last = i + 1;
    }
  }
  return out;
}

