/** Writes the standard template (src/engine/template.ts) as an ExcelJS workbook. */
import ExcelJS from "exceljs";
import type { TemplateModel, TemplateStyle } from "../engine/template";
import { HIGHLIGHT_FILL } from "../engine/plan";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleCell(cell: ExcelJS.Cell, style: TemplateStyle): void {
  const font: Partial<ExcelJS.Font> = { name: "Times New Roman", size: 12 };
  switch (style) {
    case "title":
      cell.font = { ...font, bold: true, size: 13 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      break;
    case "subtitle":
      cell.font = { ...font, italic: true };
      cell.alignment = { horizontal: "center" };
      break;
    case "header":
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BORDER;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
      break;
    case "numbering":
      cell.font = { ...font, italic: true, size: 10 };
      cell.alignment = { horizontal: "center" };
      cell.border = BORDER;
      break;
    case "group":
      cell.font = { ...font, bold: true };
      cell.border = BORDER;
      break;
    case "item":
      cell.font = font;
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: true };
      break;
    case "footer":
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: "center" };
      break;
    case "footerNote":
      cell.font = { ...font, italic: true };
      cell.alignment = { horizontal: "center" };
      break;
  }
}

export function templateWorkbook(model: TemplateModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Soát Biểu";
  const ws = wb.addWorksheet(model.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: model.printTitleRows,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ state: "frozen", ySplit: model.headerRow + 1 }],
  });
  model.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const c of model.cells) {
    const cell = ws.getCell(c.cell);
    if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ""), result: "" } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined) cell.value = c.value;
    styleCell(cell, c.style);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
  }
  for (const m of model.merges) ws.mergeCells(m);
  ws.getRow(model.headerRow).height = 32;

  const list = `"${model.verdictList.join(",")}"`;
  const [vTop, vBottom] = model.verdictRange.split(":");
  const col = vTop.replace(/\d+/g, "");
  for (let r = Number(vTop.replace(/\D+/g, "")); r <= Number(vBottom.replace(/\D+/g, "")); r++) {
    ws.getCell(`${col}${r}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [list],
      showErrorMessage: false,
      promptTitle: "Đánh giá",
      prompt: "Đạt, Chưa đạt hoặc Chưa đánh giá",
      showInputMessage: true,
    };
  }
  const top = model.verdictRange.split(":")[0];
  const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", bgColor: { argb: `FF${hex.slice(1)}` } });
  ws.addConditionalFormatting({
    ref: model.verdictRange,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`${top}="Chưa đạt"`],
        style: { font: { color: { argb: "FF9C0006" }, bold: true }, fill: fill(HIGHLIGHT_FILL.error) },
      },
    ],
  });
  const bodyTop = model.bodyRange.split(":")[0];
  ws.addConditionalFormatting({
    ref: model.bodyRange,
    rules: [{ type: "expression", priority: 2, formulae: [`ISERROR(${bodyTop})`], style: { fill: fill(HIGHLIGHT_FILL.error) } }],
  });
  return wb;
}
