/** numbering-gap. */
import { type Finding } from "../../report";
import { finding, type Model } from "../model";


/** numbering-gap: 1, 2, 4 or 1.1, 1.2, 1.4; numbering may restart at 1 in each group or run on. */
export function checkNumbering(model: Model): Finding[] {
  const { grid, layout } = model;
  const sttCol = layout.col.stt;
  if (sttCol === undefined) return [];
  const out: Finding[] = [];
  let prevTop: number | null = null;
  let groupStart = true;
  const lastChild = new Map<string, number>();
  const seen = new Set<string>();
  const gap = (row: number, label: string, prev: string, expected: string) => {
    const cell = grid.address(row, sttCol);
    out.push(
      finding(
        "numbering-gap",
        cell,
        `Số thứ tự ${label} đứng ngay sau ${prev}: số tiếp theo phải là ${expected}, có thể thiếu một chỉ tiêu hoặc đánh số nhầm.`,
        `Number ${label} comes right after ${prev}: the next number should be ${expected}; an item may be missing or misnumbered.`,
        label,
        expected,
      ),
    );
  };
  for (const body of model.rows) {
    if (body.kind === "group") {
      groupStart = true;
      continue;
    }
    if ((body.kind === "item" || body.kind === "subitem") && body.path.length >= 1) {
      // Numbering that restarts (a second "1" in the next group) starts its sub-items afresh.
      const key = body.path.join(".");
      if (lastChild.size) for (const k of [...lastChild.keys()]) if (k === key || k.startsWith(`${key}.`)) lastChild.delete(k);
      seen.add(key);
    }
    if (body.kind === "item" && body.path.length === 1) {
      const n = body.path[0];
      if (prevTop !== null && n !== prevTop + 1 && !(groupStart && n === 1)) gap(body.row, String(n), String(prevTop), String(prevTop + 1));
      prevTop = n;
      groupStart = false;
      continue;
    }
    if (body.kind === "subitem" && body.path.length >= 2) {
      const parentKey = body.path.slice(0, -1).join(".");
      const k = body.path[body.path.length - 1];
      const last = lastChild.get(parentKey);
      if (last !== undefined && k !== last + 1) gap(body.row, body.path.join("."), `${parentKey}.${last}`, `${parentKey}.${last + 1}`);
      else if (last === undefined && k !== 1 && seen.has(parentKey)) gap(body.row, body.path.join("."), parentKey, `${parentKey}.1`);
      lastChild.set(parentKey, k);
    }
  }
  return out;
}

