/** What a column holds under its header, for the roles its header leaves silent or ambiguous. */
import placeWords from "../../rules/periods.json";
import { fold } from "../../text";
import { readVerdict } from "../../verdicts";
import type { Grid } from "../grid";

/** True when most body cells of a column under the header hold numbers (a figure column). */
export function holdsFigures(grid: Grid, col: number, from: number): boolean {
  let numbers = 0;
  let words = 0;
  for (let r = from; r <= Math.min(grid.lastRow, from + 60); r++) {
    const v = grid.value(r, col);
    if (typeof v === "number") numbers++;
    else if (typeof v === "string" && v.trim()) {
      if (/^[\s\d.,%≥≤<>=+\-–]+$/.test(v) || /\d/.test(v) && v.length <= 24) numbers++;
      else words++;
    }
  }
  return numbers > 0 && numbers >= words * 2;
}


/** Non-empty text cells of a column under the header (at most 60 rows), trimmed. */
function texts(grid: Grid, col: number, from: number): { filled: number; strings: string[]; figureRows: number } {
  let filled = 0;
  let figureRows = 0;
  const strings: string[] = [];
  for (let r = from; r <= Math.min(grid.lastRow, from + 60); r++) {
    for (let c = grid.firstCol; c <= grid.lastCol; c++) {
      if (typeof grid.value(r, c) === "number") {
        figureRows++;
        break;
      }
    }
    const v = grid.value(r, col);
    if (v === null || (typeof v === "string" && !v.trim())) continue;
    filled++;
    if (typeof v === "string") strings.push(v.trim());
  }
  return { filled, strings, figureRows };
}

/**
 * True when a column holds verdict words ("Đạt", "Chưa đạt", "Hoàn thành", "Không hoàn thành",
 * "Vượt" …) in most of its filled cells: it is the verdict column whatever its header says.
 */
export function holdsVerdicts(grid: Grid, col: number, from: number): boolean {
  const { filled, strings, figureRows } = texts(grid, col, from);
  const verdicts = strings.filter((s) => s.length <= 40 && readVerdict(s) !== null).length;
  // … and on at least half the rows with figures: a few "Hoàn thành" in a remarks column are remarks.
  return verdicts >= 2 && verdicts >= filled * 0.6 && verdicts >= figureRows * 0.5;
}

const PLACE = new RegExp(`^(?:${placeWords.places.map((w) => fold(w)).join("|")})\\b`);

/**
 * True when a column headed "Đơn vị" holds the names of communes, villages or offices ("Xã Tân
 * Hòa", "Phòng Tài chính"), not units of measure ("ha", "tấn", "triệu đồng").
 */
export function holdsNames(grid: Grid, col: number, from: number): boolean {
  const { filled, strings } = texts(grid, col, from);
  const names = strings.filter((s) => PLACE.test(fold(s)) || (s.length > 16 && /\s/.test(s))).length;
  return names >= 2 && names >= filled * 0.6;
}
