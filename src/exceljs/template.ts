/** Writes the standard template (src/engine/template.ts) as an ExcelJS worksheet or workbook. */
import ExcelJS from "exceljs";
import { argb } from "./write";
import { TEMPLATE_ALERT, TEMPLATE_FONT, TEMPLATE_LOOKS, type TemplateModel, type TemplateStyle } from "../engine";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function styleCell(cell: ExcelJS.Cell, style: TemplateStyle): void {
  const look = TEMPLATE_LOOKS[style];
  cell.font = { name: TEMPLATE_FONT, size: look.size, ...(look.bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}) };
  if (look.align || look.middle || look.wrap) {
    cell.alignment = { ...(look.align ? { horizontal: look.align } : {}), ...(look.middle ? { vertical: "middle" } : {}), ...(look.wrap ? { wrapText: true } : {}) };
  }
  if (look.border) cell.border = BORDER;
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
}

/** Adds the template as a new sheet of `wb` (named `name`, else the model's name). */
export function addTemplateSheet(wb: ExcelJS.Workbook, model: TemplateModel, name = model.sheetName): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
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
  ws.getRow(model.headerRow).height = model.headerHeight;

  for (const [r, h] of Object.entries(model.rowHeights ?? {})) ws.getRow(Number(r)).height = h;

  // One validation for the whole verdict range (per-cell validations come out of ExcelJS as overlapping ranges).
  const list = `"${model.verdictList.join(",")}"`;
  const [vTop] = model.verdictRange.split(":");
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(model.verdictRange, {
    type: "list",
    allowBlank: true,
    formulae: [list],
    showErrorMessage: false,
    promptTitle: "Đánh giá",
    prompt: "Đạt, Chưa đạt hoặc Chưa đánh giá",
    showInputMessage: true,
  });
  const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", bgColor: { argb: argb(hex) } });
  ws.addConditionalFormatting({
    ref: model.verdictRange,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [`${vTop}="Chưa đạt"`],
        style: { font: { color: { argb: argb(TEMPLATE_ALERT.font) }, bold: true }, fill: fill(TEMPLATE_ALERT.fill) },
      },
    ],
  });
  const bodyTop = model.bodyRange.split(":")[0];
  ws.addConditionalFormatting({
    ref: model.bodyRange,
    rules: [{ type: "expression", priority: 2, formulae: [`ISERROR(${bodyTop})`], style: { fill: fill(TEMPLATE_ALERT.fill) } }],
  });
  return ws;
}

/** A new workbook holding only the template sheet. */
export function templateWorkbook(model: TemplateModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Soát Biểu";
  addTemplateSheet(wb, model);
  return wb;
}
