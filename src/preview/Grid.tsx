/** The preview's sheet grid: draws one ExcelJS worksheet as an HTML table (values, merges, fills). */
import * as React from "react";
import type ExcelJS from "exceljs";
import { a1, columnLetter, shownText } from "../engine";
import { sheetSnapshot } from "../exceljs/read";

/** What the grid shows for a value with its number format, as the sheet shows it (exported for the end-to-end tests). */
export function cellText(v: unknown, numFmt: string | null): string {
  return shownText(v, numFmt);
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  const argb = f && f.type === "pattern" && f.pattern !== "none" ? f.fgColor?.argb : undefined;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

export function Grid({ sheet, selected }: { sheet: ExcelJS.Worksheet; selected: string | null }): React.ReactElement {
  const snap = sheetSnapshot(sheet);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of snap.merges) {
    spans.set(a1(m.top, m.left), { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(a1(r, c));
  }
  const top = 1;
  const left = 1;
  const bottom = snap.origin.row + snap.values.length - 1;
  const right = snap.origin.col + (snap.values[0]?.length ?? 0) - 1;
  const rows: React.ReactElement[] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: React.ReactElement[] = [<th key="h">{r}</th>];
    for (let c = left; c <= right; c++) {
      const address = a1(r, c);
      if (covered.has(address)) continue;
      const i = r - snap.origin.row;
      const j = c - snap.origin.col;
      const v = i >= 0 && j >= 0 ? snap.values[i]?.[j] : null;
      const nf = i >= 0 && j >= 0 ? (snap.numberFormats?.[i]?.[j] ?? null) : null;
      const cell = sheet.getCell(address);
      const fill = fillOf(cell);
      const span = spans.get(address);
      const note = cell.note ? (typeof cell.note === "string" ? cell.note : (cell.note.texts ?? []).map((x) => x.text).join("")) : undefined;
      cells.push(
        <td
          key={address}
          data-cell={address}
          data-fill={fill ?? ""}
          title={note}
          rowSpan={span?.rows}
          colSpan={span?.cols}
          className={`${typeof v === "number" ? "pv-num" : ""}${selected === address ? " pv-sel" : ""}`}
          style={fill ? { background: fill } : undefined}
        >
          {cellText(v, nf)}
        </td>,
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }
  const head = [<th key="corner" />];
  for (let c = left; c <= right; c++) head.push(<th key={c}>{columnLetter(c)}</th>);
  return (
    <table className="pv-grid" data-testid="grid" data-sheet={sheet.name}>
      <thead>
        <tr>{head}</tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}
