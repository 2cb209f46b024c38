/** Correcting a column role in the pane: the engine then reads the column the user named. */
import { analyseSheet, planRecalc } from "../../src/engine";
import type { ColumnRole } from "../../src/engine/report";
import { applyOverrides, namesRole, NO_ROLE, ROLE_HEADER, sheetColumns } from "../../src/taskpane/columns";
import { roleOfHeader } from "../../src/engine/table";
import { fixture } from "../helpers/grid";

test("every canonical header names its role, and the neutral header names none", () => {
  for (const [role, text] of Object.entries(ROLE_HEADER)) expect([role, namesRole(text, role as ColumnRole)]).toEqual([role, true]);
  expect(roleOfHeader(NO_ROLE)).toBeNull();
});

test("no correction: the snapshot is used as is", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  expect(applyOverrides(wb.sheets[0], {})).toBe(wb.sheets[0]);
  expect(sheetColumns(wb.sheets[0])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
});

test("naming E (HĐND xã giao) as the target: the engine measures against E and the workbook copy is untouched", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const sheet = wb.sheets[0];
  const original = JSON.stringify(sheet);
  expect(analyseSheet(sheet).columns.target).toBe("D");
  const corrected = applyOverrides(sheet, { target: "E" });
  const report = analyseSheet(corrected);
  expect(report.columns.target).toBe("E");
  expect(report.columns.actual).toBe("F");
  expect(JSON.stringify(sheet)).toBe(original);
  // Row 9: 2.875.423.646 against E9 (empty) → no percent; row 8: 7.133.000 / 13.202.000.
  const row8 = report.items.find((i) => i.row === 8)!;
  expect(row8.percent).toBeCloseTo((7133000 / 13202000) * 100, 6);
  // The recalculation plan now divides by column E.
  expect(planRecalc({ sheets: [corrected] }).find((w) => w.role === "percent" && w.cell.endsWith("8"))?.formula ?? "").toContain("E8");
});

test("naming another column as the verdict column moves the verdict checks there", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const report = analyseSheet(applyOverrides(wb.sheets[0], { verdict: "J" }));
  expect(report.columns.verdict).toBe("J");
  expect(report.findings.some((f) => f.cell === "I12")).toBe(false);
});

test("choosing no column for the note role leaves the other roles as they were", async () => {
  const wb = await fixture("f2-binh-trung-table.xlsx");
  const before = analyseSheet(wb.sheets[0]).columns;
  const after = analyseSheet(applyOverrides(wb.sheets[0], { note: "" })).columns;
  expect(after.note).toBeUndefined();
  expect({ ...after, note: before.note }).toEqual(before);
});
