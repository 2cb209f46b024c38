/**
 * The blank standard indicator table ("biểu chỉ tiêu", SPEC §2.1) as data: title rows, a header and
 * numbering row, group rows I/II/III with numbered item rows carrying live formulas, a verdict list,
 * conditional formats, print setup and the signature footer. Adapters (ExcelJS, Office.js) write it.
 */
import { a1 } from "./address";
import { boundVerdictFormula, firstFilled, percentFormula } from "./formulas";
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

/** One conditional format: a formula relative to the range's top-left cell (no "="), and its look. */
export interface TemplateAlert {
  range: string;
  formula: string;
  fill: string;
  font?: string;
  bold?: boolean;
}

/** The verdict cells' input message (a list of VERDICT_LIST). */
export const VERDICT_PROMPT = { title: "Đánh giá", message: "Đạt, Chưa đạt hoặc Chưa đánh giá" };

/** The print setup both writers apply: A4 landscape, one page wide, margins in inches. */
export const TEMPLATE_PAGE = { paper: "A4", orientation: "landscape", fitToWidth: 1, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } } as const;

/** The template's alerts: "Chưa đạt" in the verdict column in red and bold, any formula error in the body filled. */
export function templateAlerts(model: Pick<TemplateModel, "verdictRange" | "bodyRange">): TemplateAlert[] {
  const top = (range: string) => range.split(":")[0];
  return [
    { range: model.verdictRange, formula: `${top(model.verdictRange)}="Chưa đạt"`, fill: TEMPLATE_ALERT.fill, font: TEMPLATE_ALERT.font, bold: true },
    { range: model.bodyRange, formula: `ISERROR(${top(model.bodyRange)})`, fill: TEMPLATE_ALERT.fill },
  ];
}

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
  /**
   * The target columns' headers, left to right: one ("Kế hoạch") by default, two when the previous
   * table had two baselines ("Kế hoạch huyện giao", "Kế hoạch HĐND xã giao"). Each gets its percent
   * column; the verdict is measured against the first (SPEC §5).
   */
  baselines?: string[];
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
  /** Other rows that need more than one line's height (the national heading's two lines), in points. */
  rowHeights?: Record<number, number>;
}

export const VERDICT_LIST = ["Đạt", "Chưa đạt", "Chưa đánh giá"];

const WIDTHS = { stt: 6, name: 48, unit: 10, target: 14, actual: 14, percent: 11, verdict: 14, note: 20 };

export const DEFAULT_GROUPS: TemplateGroup[] = [
  { label: "I", name: "KINH TẾ", items: Array.from({ length: 5 }, () => ({})) },
  { label: "II", name: "VĂN HÓA - XÃ HỘI", items: Array.from({ length: 5 }, () => ({})) },
  { label: "III", name: "QUỐC PHÒNG - AN NINH", items: Array.from({ length: 3 }, () => ({})) },
];

/** The national heading (Quốc hiệu, tiêu ngữ) of an official form. */
export const NATIONAL_HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

export function buildTemplate(options: TemplateOptions = {}): TemplateModel {
  const communeName = options.commune?.trim();
  const commune = communeName || "……………";
  const period = options.period?.trim() || "…… NĂM ……";
  const groups = options.groups ?? DEFAULT_GROUPS;
  const baselines = options.baselines?.length ? options.baselines : ["Kế hoạch"];
  const two = baselines.length > 1;
  // Columns: STT, Chỉ tiêu, ĐVT, the targets, Thực hiện, a percent per target, Đánh giá, Ghi chú.
  const columns: { header: string; width: number }[] = [
    { header: "STT", width: WIDTHS.stt },
    { header: "Chỉ tiêu", width: WIDTHS.name },
    { header: "ĐVT", width: WIDTHS.unit },
    ...baselines.map((b) => ({ header: b, width: WIDTHS.target })),
    { header: "Thực hiện", width: WIDTHS.actual },
    ...baselines.map((b) => ({ header: two ? `Tỷ lệ (%) so với ${b.charAt(0).toLocaleLowerCase("vi")}${b.slice(1)}` : "Tỷ lệ (%)", width: WIDTHS.percent })),
    { header: "Đánh giá", width: WIDTHS.verdict },
    { header: "Ghi chú", width: WIDTHS.note },
  ];
  const targetCols = baselines.map((_, i) => 4 + i);
  const actualCol = 4 + baselines.length;
  const percentCols = baselines.map((_, i) => actualCol + 1 + i);
  const verdictCol = actualCol + baselines.length + 1;
  const noteCol = verdictCol + 1;
  const last = columns.length;
  const letter = (c: number) => a1(1, c).replace(/\d+/g, "");
  const lastLetter = letter(last);
  const cells: TemplateCell[] = [];
  const merges: string[] = [];

  // Title block: the commune (left) and the national heading (right), the place and date, the title.
  const split = Math.max(3, Math.floor(last / 2) - 1);
  cells.push({ cell: "A1", value: `ỦY BAN NHÂN DÂN XÃ ${commune.toLocaleUpperCase("vi")}`, style: "title" });
  merges.push(`A1:${letter(split)}1`);
  cells.push({ cell: a1(1, split + 1), value: `${NATIONAL_HEADING}\n${NATIONAL_MOTTO}`, style: "title" });
  merges.push(`${a1(1, split + 1)}:${lastLetter}1`);
  cells.push({ cell: a1(2, split + 1), value: `${communeName || "……"}, ngày …… tháng …… năm ……`, style: "subtitle" });
  merges.push(`${a1(2, split + 1)}:${lastLetter}2`);
  cells.push({ cell: "A3", value: `BIỂU ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${period.toLocaleUpperCase("vi")}`, style: "title" });
  merges.push(`A3:${lastLetter}3`);
  cells.push({ cell: "A4", value: "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng      năm       của UBND xã)", style: "subtitle" });
  merges.push(`A4:${lastLetter}4`);

  const headerRow = 5;
  columns.forEach((c, i) => cells.push({ cell: a1(headerRow, i + 1), value: c.header, style: "header" }));
  const numbering = columns.map((_, i) => `(${i + 1})`);
  percentCols.forEach((c, i) => (numbering[c - 1] = `(${c})=(${actualCol})/(${targetCols[i]})`));
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
      targetCols.forEach((c, i) =>
        cells.push(i === 0 && item.target !== undefined ? { cell: a1(row, c), value: item.target, style: "item" } : { cell: a1(row, c), style: "item" }),
      );
      cells.push({ cell: a1(row, actualCol), style: "item" });
      percentCols.forEach((c, i) => cells.push({ cell: a1(row, c), formula: percentFormula(a1(row, targetCols[i]), a1(row, actualCol)), style: "item", numberFormat: "0.00" }));
      // "Tỷ lệ hộ nghèo" and the like are met at or below the target (SPEC §4); a bound ("Từ 55% trở lên") is judged as written.
      const lowerIsBetter = isLowerIsBetter(item.name);
      const target = firstFilled(targetCols.map((c) => a1(row, c)));
      cells.push({ cell: a1(row, verdictCol), formula: boundVerdictFormula(target, a1(row, actualCol), { lowerIsBetter }), style: "item" });
      cells.push({ cell: a1(row, noteCol), style: "item" });
      row++;
    }
  }
  const lastBodyRow = row - 1;
  row += 1;
  const sign = Math.max(4, last - 2);
  cells.push({ cell: a1(row, 2), value: "NGƯỜI LẬP BIỂU", style: "footer" });
  cells.push({ cell: a1(row, sign), value: "TM. ỦY BAN NHÂN DÂN", style: "footer" });
  merges.push(`${a1(row, sign)}:${a1(row, last)}`);
  cells.push({ cell: a1(row + 1, 2), value: "(Ký, ghi rõ họ tên)", style: "footerNote" });
  cells.push({ cell: a1(row + 1, sign), value: "CHỦ TỊCH", style: "footer" });
  merges.push(`${a1(row + 1, sign)}:${a1(row + 1, last)}`);

  const v = letter(verdictCol);
  const p = letter(percentCols[0]);
  return {
    sheetName: "Biểu chỉ tiêu",
    columns,
    cells,
    merges,
    printTitleRows: `${headerRow}:${headerRow + 1}`,
    headerRow,
    firstBodyRow,
    lastBodyRow,
    verdictList: VERDICT_LIST,
    verdictRange: `${v}${firstBodyRow}:${v}${lastBodyRow}`,
    percentRange: `${p}${firstBodyRow}:${p}${lastBodyRow}`,
    bodyRange: `A${firstBodyRow}:${lastLetter}${lastBodyRow}`,
    headerHeight: two ? 48 : 32,
    rowHeights: { 1: 34 },
  };
}
