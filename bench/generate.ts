/** Benchmark inputs: table workbooks of N item rows and narrative prose, written straight as XML. */
import { strToU8, zipSync } from "fflate";
import type { CellValue, SheetSnapshot } from "../src/engine/snapshot";
import { CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS } from "../test/helpers/xlsx-parts";
import { rng } from "../test/helpers/rng";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const NAMES = ["Thu ngân sách trên địa bàn", "Sản lượng lương thực", "Diện tích trồng rừng mới", "Tỷ lệ hộ nghèo", "Số hộ được hỗ trợ", "Tổng đàn gia súc", "Tỷ lệ giải quyết hồ sơ đúng hạn"];
const UNITS = ["đồng", "tấn", "ha", "%", "hộ", "con", "%"];
/** "Tỷ lệ hộ nghèo" is lower-is-better (SPEC §4): its verdict is Đạt when actual ≤ target. */
const LOWER_IS_BETTER = [false, false, false, true, false, false, false];

/**
 * The styles a real workbook carries: every body cell shares one bordered style (as Excel and
 * LibreOffice save them), figures a "#,##0" format, the percent column "0.00%" (it then holds
 * fractions), the header bold.
 */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.##"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/></cellXfs></styleSheet>`;

const STYLES_CONTENT_TYPE = `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`;
const STYLES_REL = `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;

/**
 * A standard indicator table with `rows` item rows in groups of 50, about 2 % of them with a wrong
 * percent; styled as real workbooks are (one shared body style, number formats, a "0.00%" percent
 * column holding fractions, bold header and group rows).
 */
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
    return `<c r="§" s="1" t="s"><v>${i}</v></c>`;
  };
  const cell = (col: string, r: number, xml: string, style = 1) => xml.replace("§", `${col}${r}`).replace(' s="1"', ` s="${style}"`);
  const num = (col: string, r: number, v: number, style = 2) => `<c r="${col}${r}" s="${style}"><v>${v}</v></c>`;
  const out: string[] = [];
  let r = 1;
  const head = ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá", "Ghi chú"];
  out.push(`<row r="${r}">${head.map((h, i) => cell(String.fromCharCode(65 + i), r, s(h), 4)).join("")}</row>`);
  r++;
  out.push(`<row r="${r}">${["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"].map((h, i) => cell(String.fromCharCode(65 + i), r, s(h))).join("")}</row>`);
  r++;
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0) {
      out.push(`<row r="${r}">${cell("A", r, s(["I", "II", "III", "IV", "V"][(i / 50) % 5]), 4)}${cell("B", r, s(`NHÓM ${i / 50 + 1}`), 4)}</row>`);
      r++;
    }
    const k = i % NAMES.length;
    const target = 100 + (i % 37) * 10;
    const actual = target - 20 + (i % 41);
    // The "0.00%" column holds fractions: 0.9523 shows 95,23%.
    let pct = Math.round((actual / target) * 10000) / 10000;
    if (i % 53 === 7) pct += 0.03;
    const verdict = (LOWER_IS_BETTER[k] ? actual <= target : actual >= target) ? "Đạt" : "Chưa đạt";
    out.push(
      `<row r="${r}">${num("A", r, i + 1)}${cell("B", r, s(`${NAMES[k]} ${i + 1}`))}${cell("C", r, s(UNITS[k]))}${num("D", r, target)}${num("E", r, actual)}${num("F", r, pct, 3)}${cell("G", r, s(verdict))}</row>`,
    );
    r++;
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join("")}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join("")}</sst>`;
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES.replace("</Types>", `${STYLES_CONTENT_TYPE}</Types>`)),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(WORKBOOK(["Chỉ tiêu"])),
    "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS(1).replace("</Relationships>", `${STYLES_REL}</Relationships>`)),
    "xl/styles.xml": strToU8(STYLES),
    "xl/sharedStrings.xml": strToU8(sst),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}


/**
 * A narrative sheet (SPEC §2.2) holding about `bytes` of varied prose: the seeds' texts one after
 * another, every figure rewritten by a seeded generator (same length, so the shapes of numbers,
 * ratios and dates stay), cut at line ends into cells of at most 30 000 characters (Excel holds
 * 32 767 in a cell), one task group per row. No two groups repeat a text, so nothing a cache keeps
 * for one text serves the next.
 */
export function narrativeSheet(seedTexts: string[], bytes: number): SheetSnapshot {
  const next = rng(20261203);
  const digit = (first: boolean) => String(Math.floor(next() * (first ? 9 : 10)) + (first ? 1 : 0));
  const lines = seedTexts.flatMap((text) => text.split("\n").map((l) => l.replace(/^\t+/, "")).filter((l) => l.trim() !== ""));
  const rows: CellValue[][] = [["STT", "Tên nhóm nhiệm vụ", "Kết quả đánh giá từng nhiệm vụ", "Dự báo 6 tháng cuối năm"]];
  let size = 0;
  let at = 0;
  for (let k = 1; size < bytes; k++) {
    let cell = "";
    for (;;) {
      // Every figure of the line gets new digits; numbering at the line start keeps its shape.
      const line = lines[at % lines.length].replace(/\d+/g, (d) => [...d].map((_, i) => digit(i === 0 && d.length > 1)).join(""));
      if (cell.length + line.length + 1 > 30_000 && cell !== "") break;
      cell += (cell ? "\n" : "") + line;
      at++;
    }
    rows.push([k, `${k}. Nhóm nhiệm vụ thứ ${k}: Gồm 05 nhiệm vụ (có 02 nhiệm vụ chưa đạt)`, cell, "Tiếp tục thực hiện"]);
    size += Buffer.byteLength(cell);
  }
  return { name: "Nhiệm vụ trọng tâm", origin: { row: 1, col: 1 }, values: rows, merges: [], hiddenRows: [], hiddenCols: [] };
}
