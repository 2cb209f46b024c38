/**
 * The user's correction of a column role ("cột E mới là Thực hiện"). The engine reads roles from
 * the header text, so a correction is applied to a copy of the snapshot: the chosen column's
 * header says the role in the engine's own words, and the column that held the role before gets
 * a header that names no role. The workbook itself is never touched.
 */
import { Grid, columnIndex, columnLetter, recogniseTable, roleOfHeader, type CellValue, type ColumnRole, type SheetReport, type SheetSnapshot } from "../engine";

/** Role → column letter the user chose ("" for none). */
export type RoleOverrides = Partial<Record<ColumnRole, string>>;

/** A header text per role that the engine's synonym data maps to that role (tested). */
export const ROLE_HEADER: Record<ColumnRole, string> = {
  stt: "STT",
  name: "Nội dung",
  unit: "Đơn vị tính",
  target: "Kế hoạch",
  actual: "Thực hiện",
  percent: "Tỷ lệ",
  verdict: "Đánh giá",
  forecast: "Ước cả năm",
  note: "Ghi chú",
};

/** A header that names no role. */
export const NO_ROLE = "—";

/** The columns of the sheet's used range, as letters. */
export function sheetColumns(sheet: SheetSnapshot): string[] {
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => columnLetter(sheet.origin.col + i));
}

export function applyOverrides(sheet: SheetSnapshot, overrides: RoleOverrides): SheetSnapshot {
  // An empty letter means "no column has this role".
  const entries = Object.entries(overrides).filter(([, letter]) => letter !== undefined) as [ColumnRole, string][];
  if (!entries.length) return sheet;
  const rec = recogniseTable(new Grid(sheet));
  if (!rec.ok) return sheet;
  const { layout } = rec;
  const values: CellValue[][] = sheet.values.map((row) => row.slice());
  let merges = sheet.merges.slice();
  const top = layout.headerTop;
  const bottom = layout.headerBottom;
  const at = (row: number, col: number) => ({ r: row - sheet.origin.row, c: col - sheet.origin.col });
  const set = (row: number, col: number, v: CellValue) => {
    const { r, c } = at(row, col);
    if (r < 0 || c < 0 || r >= values.length) return;
    while (values[r].length <= c) values[r].push(null);
    values[r][c] = v;
  };

  /** Undo the header merges over a column, copying each merge's text into the cells it covered. */
  const unmerge = (col: number) => {
    const hit = merges.filter((m) => m.left <= col && m.right >= col && m.bottom >= top && m.top <= bottom);
    for (const m of hit) {
      const { r, c } = at(m.top, m.left);
      const text = values[r]?.[c] ?? null;
      for (let row = m.top; row <= m.bottom; row++) for (let cc = m.left; cc <= m.right; cc++) set(row, cc, text);
    }
    merges = merges.filter((m) => !hit.includes(m));
  };

  const writeHeader = (col: number, text: string) => {
    unmerge(col);
    for (let row = top; row <= bottom; row++) set(row, col, row === top ? text : null);
  };

  const holders = (role: ColumnRole): number[] =>
    role === "target" ? layout.targets : role === "percent" ? layout.percents.map((p) => p.col) : layout.col[role] !== undefined ? [layout.col[role]!] : [];

  for (const [role, letter] of entries) {
    const col = letter ? columnIndex(letter) : -1;
    for (const old of holders(role)) if (old !== col) writeHeader(old, NO_ROLE);
    if (col > 0) writeHeader(col, ROLE_HEADER[role]);
  }
  return { ...sheet, values, merges };
}

/** True when the header text the engine reads names the role (used by the tests of ROLE_HEADER). */
export function namesRole(text: string, role: ColumnRole): boolean {
  return roleOfHeader(text) === role;
}

/**
 * Whether the column map can stay folded: the layout is recognised and every role the checks
 * need was found (a table: name, target, actual; prose: its text column). Otherwise it is shown
 * first, so the user can pick the columns.
 */
export function columnsSettled(report: SheetReport): boolean {
  if (!report.recognized) return false;
  if (report.layout === "narrative") return Boolean(report.columns.name || report.columns.actual);
  if (report.rolesUnclear) return false;
  return Boolean(report.columns.name && report.columns.target && report.columns.actual);
}
