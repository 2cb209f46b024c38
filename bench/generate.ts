/** Benchmark inputs: table workbooks of N item rows and narrative prose, written straight as XML. */
import { strToU8, zipSync } from "fflate";
import type { CellValue, SheetSnapshot } from "../src/engine/snapshot";
import { CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS } from "../test/helpers/xlsx-parts";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const NAMES = ["Thu ngân sách trên địa bàn", "Sản lượng lương thực", "Diện tích trồng rừng mới", "Tỷ lệ hộ nghèo", "Số hộ được hỗ trợ", "Tổng đàn gia súc", "Tỷ lệ giải quyết hồ sơ đúng hạn"];
const UNITS = ["đồng", "tấn", "ha", "%", "hộ", "con", "%"];
/** "Tỷ lệ hộ nghèo" is lower-is-better (SPEC §4): its verdict is Đạt when actual ≤ target. */
const LOWER_IS_BETTER = [false, false, false, true, false, false, false];

/** A standard indicator table with `rows` item rows in groups of 50, about 2 % of them with a wrong percent. */
export function tableWorkbook(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (t: string) => {
    let i = index.get(t);
    if (i === undefined) {
      i = strings.length;
      strings.push(t);
      index.set(t, i);
    }
    return `<c r="§" t="s"><v>${i}</v></c>`;
  };
  const cell = (col: string, r: number, xml: string) => xml.replace("§", `${col}${r}`);
  const num = (col: string, r: number, v: number) => `<c r="${col}${r}"><v>${v}</v></c>`;
  const out: string[] = [];
  let r = 1;
  const head = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Đánh giá", "Ghi chú"];
  out.push(`<row r="${r}">${head.map((h, i) => cell(String.fromCharCode(65 + i), r, s(h))).join("")}</row>`);
  r++;
  out.push(`<row r="${r}">${["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"].map((h, i) => cell(String.fromCharCode(65 + i), r, s(h))).join("")}</row>`);
  r++;
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0) {
      out.push(`<row r="${r}">${cell("A", r, s(["I", "II", "III", "IV", "V"][(i / 50) % 5]))}${cell("B", r, s(`NHÓM ${i / 50 + 1}`))}</row>`);
      r++;
    }
    const k = i % NAMES.length;
    const target = 100 + (i % 37) * 10;
    const actual = target - 20 + (i % 41);
    let pct = Math.round((actual / target) * 10000) / 100;
    if (i % 53 === 7) pct += 3;
    const verdict = (LOWER_IS_BETTER[k] ? actual <= target : actual >= target) ? "Đạt" : "Chưa đạt";
    out.push(
      `<row r="${r}">${num("A", r, i + 1)}${cell("B", r, s(`${NAMES[k]} ${i + 1}`))}${cell("C", r, s(UNITS[k]))}${num("D", r, target)}${num("E", r, actual)}${num("F", r, pct)}${cell("G", r, s(verdict))}</row>`,
    );
    r++;
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join("")}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join("")}</sst>`;
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(WORKBOOK(["Chỉ tiêu"])),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS(1)),
    "xl/sharedStrings.xml": strToU8(sst),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}

/**
 * A narrative sheet (SPEC §2.2) holding about `bytes` of prose: the seed's evaluation text cut at
 * line ends into cells of at most 30 000 characters (Excel holds 32 767 in a cell), one task group
 * per row, numbered on from `firstGroup`.
 */
export function narrativeSheet(seedText: string, bytes: number, firstGroup = 1): SheetSnapshot {
  // The seed's body (from its first task group on), one task or result per line, without the cell tabs.
  const all = seedText.split("\n").map((l) => l.replace(/^\t+/, ""));
  const start = Math.max(0, all.findIndex((l) => /^1\. Nhóm/.test(l)));
  const lines = all.slice(start);
  const rows: CellValue[][] = [["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ", "Dự báo 6 tháng cuối năm"]];
  let size = 0;
  for (let k = firstGroup; size < bytes; k++) {
    let cell = "";
    for (const line of lines) {
      const renumbered = line.replace(/^(\s*)1\.(\d)/, `$1${k}.$2`);
      if (cell.length + renumbered.length + 1 > 30_000) break;
      cell += (cell ? "\n" : "") + renumbered;
    }
    rows.push([k, `${k}. Nhóm nhiệm vụ thứ ${k}: Gồm 05 nhiệm vụ (có 02 nhiệm vụ chưa đạt)`, cell, "Tiếp tục thực hiện"]);
    size += Buffer.byteLength(cell);
  }
  return { name: "Nhiệm vụ trọng tâm", origin: { row: 1, col: 1 }, values: rows, merges: [], hiddenRows: [], hiddenCols: [] };
}
