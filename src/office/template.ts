/**
 * "Tạo biểu mẫu" in Excel: the engine's template model written into a new sheet, in batches of
 * at most TEMPLATE_OPS operations. A sheet half-made by a failed batch is removed again.
 */
/* global Excel */
import { TEMPLATE_FONT, TEMPLATE_LOOKS, TEMPLATE_PAGE, VERDICT_PROMPT, templateAlerts, uniqueSheetName, type TemplateModel } from "../engine";
import { HostError } from "../host/host";
import { translate } from "./errors";
import { readOnly, supported } from "./support";

/** Operations per sync when making a template sheet. */
export const TEMPLATE_OPS = 400;

/** Adds the template as a new sheet (under a name not yet taken), activates it and returns its name. */
export async function addTemplateSheet(model: TemplateModel): Promise<string> {
  if (readOnly()) throw new HostError("readOnly");
  let id: string | undefined;
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();
      // A workbook whose structure is protected takes no new sheet.
      if (protection.protected) throw new HostError("protected");
      const name = uniqueSheetName(model.sheetName, sheets.items.map((s) => s.name));
      const ws = sheets.add(name);
      ws.load("id");
      await context.sync();
      id = ws.id;
      // Bounded batches: a long indicator list never makes one huge request.
      let queued = 0;
      await writeTemplate(ws, model, async (ops) => {
        queued += ops;
        if (queued < TEMPLATE_OPS) return;
        queued = 0;
        await context.sync();
      });
      ws.activate();
      await context.sync();
      return name;
    });
  } catch (e) {
    // Excel keeps what a failed batch did before the failure: the half-made sheet is removed, by
    // its id (a sheet of the same name that someone else made meanwhile is not ours).
    if (id) await removeSheet(id);
    return translate(e);
  }
}

/** Queues the template into a new, empty sheet; `tick(n)` after every n operations may sync. */
async function writeTemplate(ws: Excel.Worksheet, model: TemplateModel, tick: (ops: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < model.columns.length; i++) {
    // Excel's column width in points: about 7 points per character of the default font, plus padding.
    ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = Math.round(model.columns[i].width * 7 + 5);
    await tick(1);
  }
  for (const c of model.cells) {
    const r = ws.getRange(c.cell);
    let ops = 2;
    if (c.numberFormat) r.numberFormat = [[c.numberFormat]];
    if (c.formula) r.formulas = [[c.formula]];
    else if (c.value !== undefined) r.values = [[c.value]];
    const look = TEMPLATE_LOOKS[c.style];
    const f = r.format;
    f.font.name = TEMPLATE_FONT;
    f.font.size = look.size;
    if (look.bold) f.font.bold = true;
    if (look.italic) f.font.italic = true;
    if (look.align) f.horizontalAlignment = "Center";
    if (look.middle) f.verticalAlignment = "Center";
    if (look.wrap) f.wrapText = true;
    if (look.fill) f.fill.color = look.fill;
    if (look.border) {
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = f.borders.getItem(edge);
        b.style = "Continuous";
        b.color = "#000000";
        ops += 2;
      }
    }
    await tick(ops + 8);
  }
  for (const m of model.merges) ws.getRange(m).merge(false);
  ws.getRange(`${model.headerRow}:${model.headerRow}`).format.rowHeight = model.headerHeight;
  ws.freezePanes.freezeRows(model.headerRow + 1);
  // Alerts: "Chưa đạt" in red, any formula error filled (ExcelApi 1.6, within our 1.7 minimum).
  for (const a of templateAlerts(model)) {
    const format = ws.getRange(a.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${a.formula}`;
    format.custom.format.fill.color = a.fill;
    if (a.font) format.custom.format.font.color = a.font;
    if (a.bold) format.custom.format.font.bold = true;
  }
  // The verdict list (ExcelApi 1.8) and the print setup (1.9) where this Excel has them.
  if (supported("ExcelApi", "1.8")) {
    const v = ws.getRange(model.verdictRange).dataValidation;
    v.rule = { list: { inCellDropDown: true, source: model.verdictList.join(",") } };
    v.prompt = { showPrompt: true, title: VERDICT_PROMPT.title, message: VERDICT_PROMPT.message };
    v.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
  }
  if (supported("ExcelApi", "1.9")) {
    const page = ws.pageLayout;
    page.orientation = TEMPLATE_PAGE.orientation === "landscape" ? "Landscape" : "Portrait";
    page.paperSize = TEMPLATE_PAGE.paper;
    // One page wide; as many pages tall as the list needs.
    page.zoom = { horizontalFitToPages: TEMPLATE_PAGE.fitToWidth };
    page.setPrintTitleRows(model.printTitleRows.split(":").map((r) => `$${r}`).join(":"));
  }
  await tick(model.merges.length + 20);
}

async function removeSheet(id: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(id).delete();
      await context.sync();
    });
  } catch {
    // The sheet was never made.
  }
}
