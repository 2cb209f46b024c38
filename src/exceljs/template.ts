/** Writes the standard template (src/engine/template.ts) as an ExcelJS worksheet or workbook. */
import ExcelJS from "exceljs";
import { argb } from "./write";
import { TEMPLATE_FONT, TEMPLATE_LOOKS, TEMPLATE_PAGE, VERDICT_PROMPT, templateAlerts, type TemplateModel, type TemplateStyle } from "../engine";

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
      paperSize: 9, // A4
      orientation: TEMPLATE_PAGE.orientation,
      fitToPage: true,
      fitToWidth: TEMPLATE_PAGE.fitToWidth,
      fitToHeight: 0,
      printTitlesRow: model.printTitleRows,
      margins: { ...TEMPLATE_PAGE.margins },
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
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(model.verdictRange, {
    type: "list",
    allowBlank: true,
    formulae: [`"${model.verdictList.join(",")}"`],
    showErrorMessage: false,
    promptTitle: VERDICT_PROMPT.title,
    prompt: VERDICT_PROMPT.message,
    showInputMessage: true,
  });
  templateAlerts(model).forEach((a, i) =>
    ws.addConditionalFormatting({
      ref: a.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [a.formula],
          style: { ...(a.font ? { font: { color: { argb: argb(a.font) }, ...(a.bold ? { bold: true } : {}) } } : {}), fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(a.fill) } } },
        },
      ],
    }),
  );
  return ws;
}

/** A new workbook holding only the template sheet. */
export function templateWorkbook(model: TemplateModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Soát Biểu";
  addTemplateSheet(wb, model);
  return wb;
}
