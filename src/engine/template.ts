/**
 * The blank standard indicator table ("biểu chỉ tiêu", SPEC §2.1) as data: title rows, a header and
 * numbering row, group rows I/II/III with numbered item rows carrying live formulas, a verdict list,
 * conditional formats, print setup and the signature footer. Adapters (ExcelJS, Office.js) write it.
 */
import { a1 } from "./address";
import { percentFormula, verdictFormula } from "./formulas";
import { isLowerIsBetter } from "./verdicts";
import { HIGHLIGHT_FILL } from "./plan";

export type TemplateStyle = "title" | "subtitle" | "header" | "numbering" | "group" | "item" | "footer" | "footerNote";

/** How each kind of template cell looks, as data both adapters (ExcelJS, Office.js) apply. */
export interface TemplateLook {
  size: number;
  bold?: boolean;
  italic?: boolean;
  align?: "center";
  middle?: boolean;
  wrap?: boolean;
  border?: boolean;
  /** Fill colour "#RRGGBB". */
  fill?: string;
}

export const TEMPLATE_FONT = "Times New Roman";

export const TEMPLATE_LOOKS: Record<TemplateStyle, TemplateLook> = {
  title: { size: 13, bold: true, align: "center", middle: true, wrap: true },
  subtitle: { size: 12, italic: true, align: "center" },
  header: { size: 12, bold: true, align: "center", middle: true, wrap: true, border: true, fill: "#F2F2F2" },
  numbering: { size: 10, italic: true, align: "center", border: true },
  group: { size: 12, bold: true, border: true },
  item: { size: 12, middle: true, wrap: true, border: true },
  footer: { size: 12, bold: true, align: "center" },
  footerNote: { size: 12, italic: true, align: "center" },
};

/** The conditional formats of the template: "Chưa đạt" in red, any formula error filled. */
export const TEMPLATE_ALERT = { fill: HIGHLIGHT_FILL.error, font: "#9C0006" };

/** A sheet name not yet taken: "Biểu chỉ tiêu", then "Biểu chỉ tiêu (2)", … (Excel compares names without case). */
export function uniqueSheetName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase("vi")));
  if (!used.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!used.has(name.toLocaleLowerCase("vi"))) return name;
  }
}

export interface TemplateCell {
  cell: string;
  value?: string | number;
  formula?: string;
  style: TemplateStyle;
  numberFormat?: string;
}

export interface TemplateGroup {
  label: string;
  name: string;
  /** Indicator rows; blank rows are left for the clerk to fill. */
  items: TemplateItem[];
}

export interface TemplateItem {
  /** Numbering as written in a carried-over list ("1", "1.2", "-"); numbered 1, 2, 3 … when absent. */
  stt?: string;
  /** A sub-item (1.1) or a breakdown line ("- Trâu") keeps its place under its item. */
  kind?: "item" | "subitem" | "breakdown";
  name?: string;
  unit?: string;
  target?: number | string;
}

export interface TemplateOptions {
  commune?: string;
  period?: string;
  groups?: TemplateGroup[];
}

export interface TemplateModel {
  sheetName: string;
  columns: { header: string; width: number }[];
  cells: TemplateCell[];
  merges: string[];
  /** Rows repeated at the top of every printed page ("5:6"). */
  printTitleRows: string;
  headerRow: number;
  firstBodyRow: number;
  lastBodyRow: number;
  verdictList: string[];
  /** Ranges of the verdict and percent columns over the body, for validation and conditional formats. */
  verdictRange: string;
  percentRange: string;
  bodyRange: string;
  /** Header row height in points. */
  headerHeight: number;
}

export const VERDICT_LIST = ["Đạt", "Chưa đạt", "Chưa đánh giá"];

const COLUMNS = [
  { header: "STT", width: 6 },
  { header: "Chỉ tiêu", width: 48 },
  { header: "ĐVT", width: 10 },
  { header: "Kế hoạch", width: 14 },
  { header: "Thực hiện", width: 14 },
  { header: "Tỷ lệ (%)", width: 11 },
  { header: "Đánh giá", width: 14 },
  { header: "Ghi chú", width: 20 },
];

export const DEFAULT_GROUPS: TemplateGroup[] = [
  { label: "I", name: "KINH TẾ", items: Array.from({ length: 5 }, () => ({})) },
  { label: "II", name: "VĂN HÓA - XÃ HỘI", items: Array.from({ length: 5 }, () => ({})) },
  { label: "III", name: "QUỐC PHÒNG - AN NINH", items: Array.from({ length: 3 }, () => ({})) },
];

export function buildTemplate(options: TemplateOptions = {}): TemplateModel {
  const commune = options.commune?.trim() || "……………";
  const period = options.period?.trim() || "…… NĂM ……";
  const groups = options.groups ?? DEFAULT_GROUPS;
  const last = COLUMNS.length;
  const lastLetter = String.fromCharCode(64 + last);
  const cells: TemplateCell[] = [];
  const merges: string[] = [];

  cells.push({ cell: "A1", value: `ỦY BAN NHÂN DÂN XÃ ${commune.toLocaleUpperCase("vi")}`, style: "title" });
  merges.push(`A1:${lastLetter}1`);
  cells.push({ cell: "A2", value: `BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${period.toLocaleUpperCase("vi")}`, style: "title" });
  merges.push(`A2:${lastLetter}2`);
  cells.push({ cell: "A3", value: "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng      năm       của UBND xã)", style: "subtitle" });
  merges.push(`A3:${lastLetter}3`);

  const headerRow = 5;
  COLUMNS.forEach((c, i) => cells.push({ cell: a1(headerRow, i + 1), value: c.header, style: "header" }));
  const numbering = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(5)/(4)", "(7)", "(8)"];
  numbering.forEach((n, i) => cells.push({ cell: a1(headerRow + 1, i + 1), value: n, style: "numbering" }));

  let row = headerRow + 2;
  const firstBodyRow = row;
  let n = 1;
  for (const g of groups) {
    cells.push({ cell: a1(row, 1), value: g.label, style: "group" });
    cells.push({ cell: a1(row, 2), value: g.name, style: "group" });
    for (let c = 3; c <= last; c++) cells.push({ cell: a1(row, c), style: "group" });
    row++;
    for (const item of g.items) {
      // A carried-over list keeps its numbering (1.1, "-"); a blank row is numbered on.
      const stt = item.stt?.trim();
      if (stt && /^\d+$/.test(stt)) n = Number(stt) + 1;
      cells.push({ cell: a1(row, 1), value: stt ? (/^\d+$/.test(stt) ? Number(stt) : stt) : n++, style: "item" });
      cells.push({ cell: a1(row, 2), value: item.name ?? "", style: "item" });
      cells.push({ cell: a1(row, 3), value: item.unit ?? "", style: "item" });
      cells.push(item.target !== undefined ? { cell: a1(row, 4), value: item.target, style: "item" } : { cell: a1(row, 4), style: "item" });
      cells.push({ cell: a1(row, 5), style: "item" });
      cells.push({ cell: a1(row, 6), formula: percentFormula(a1(row, 4), a1(row, 5)), style: "item", numberFormat: "0.00" });
      // "Tỷ lệ hộ nghèo" and the like are met at or below the target (SPEC §4).
      const lowerIsBetter = isLowerIsBetter(item.name);
      cells.push({ cell: a1(row, 7), formula: verdictFormula(a1(row, 4), a1(row, 5), { lowerIsBetter }), style: "item" });
      cells.push({ cell: a1(row, 8), style: "item" });
      row++;
    }
  }
  const lastBodyRow = row - 1;
  row += 1;
  cells.push({ cell: a1(row, 2), value: "NGƯỜI LẬP BIỂU", style: "footer" });
  cells.push({ cell: a1(row, 6), value: "TM. ỦY BAN NHÂN DÂN", style: "footer" });
  merges.push(`${a1(row, 6)}:${a1(row, 8)}`);
  cells.push({ cell: a1(row + 1, 2), value: "(Ký, ghi rõ họ tên)", style: "footerNote" });
  cells.push({ cell: a1(row + 1, 6), value: "CHỦ TỊCH", style: "footer" });
  merges.push(`${a1(row + 1, 6)}:${a1(row + 1, 8)}`);

  return {
    sheetName: "Biểu chỉ tiêu",
    columns: COLUMNS,
    cells,
    merges,
    printTitleRows: `${headerRow}:${headerRow + 1}`,
    headerRow,
    firstBodyRow,
    lastBodyRow,
    verdictList: VERDICT_LIST,
    verdictRange: `G${firstBodyRow}:G${lastBodyRow}`,
    percentRange: `F${firstBodyRow}:F${lastBodyRow}`,
    bodyRange: `A${firstBodyRow}:${lastLetter}${lastBodyRow}`,
    headerHeight: 32,
  };
}
