/** The pane's column map folds away once the layout is recognised, and is shown first when a role the checks need is missing. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { analyseSheet, analyseWorkbook } from "../../src/engine";
import { readXlsx } from "../../src/reader/xlsx";
import { columnsSettled } from "../../src/taskpane/columns";
import { FIXTURES, sheet } from "../helpers/grid";

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

test("a table whose judged period is unclear (several actual columns, none named): shown first so the clerk picks the actual", () => {
  const s = analyseSheet(
    sheet([
      ["STT", "Chỉ tiêu", "Kế hoạch năm 2026", "Thực hiện 9 tháng", "Ước thực hiện cả năm", "Đánh giá"],
      [1, "Giải ngân vốn đầu tư công", 2400, 1500, 2380, "Chưa đạt"],
      [2, "Số hộ được cấp nước sạch", 300, 210, 305, "Đạt"],
    ]),
  );
  expect(s.recognized).toBe(true);
  expect(s.rolesUnclear).toBe(true);
  expect(columnsSettled(s)).toBe(false);
});
