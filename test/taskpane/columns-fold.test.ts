/** The pane's column map folds away once the layout is recognised, and is shown first when a role the checks need is missing. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../../src/engine";
import { readXlsx } from "../../src/reader/xlsx";
import { columnsSettled } from "../../src/taskpane/columns";
import { FIXTURES } from "../helpers/grid";

const report = (file: string) => analyseWorkbook(readXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, file))), file)).sheets[0];

test("recognised table and narrative sheets: folded", () => {
  expect(columnsSettled(report("f2-binh-trung-table.xlsx"))).toBe(true);
  expect(columnsSettled(report("f1-hai-yen-narrative.xlsx"))).toBe(true);
});

test("a table without its name column, or not recognised: shown first", () => {
  const table = report("f2-binh-trung-table.xlsx");
  expect(columnsSettled({ ...table, columns: { ...table.columns, name: undefined } })).toBe(false);
  expect(columnsSettled({ ...table, columns: { ...table.columns, actual: undefined } })).toBe(false);
  expect(columnsSettled({ ...table, recognized: false, layout: null })).toBe(false);
});
