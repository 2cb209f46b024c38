/**
 * The ExcelJS adapter, loaded on first use. ExcelJS costs about 15 MB and a tenth of a second to
 * load, and only writing needs it (recalc, template, --annotate, an .xlsx summary): a plain check
 * reads with the streaming reader and never loads it. A plain require stays lazy under tsx, jest
 * and the bundlers alike.
 */
type Adapter = typeof import("../exceljs/read") & typeof import("../exceljs/write") & typeof import("../exceljs/template");

let adapter: Adapter | undefined;

export function exceljsAdapter(): Adapter {
  adapter ??= { ...require("../exceljs/read"), ...require("../exceljs/write"), ...require("../exceljs/template") } as Adapter;
  return adapter;
}

/** ExcelJS itself, for the summary workbook. */
export function exceljs(): typeof import("exceljs") {
  return require("exceljs") as typeof import("exceljs");
}
