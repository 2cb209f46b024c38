/**
 * Formula cells saved without a computed value (files written by programs): computed from their
 * formula where the engine can, else said once as an info, never a missing verdict.
 */
import ExcelJS from "exceljs";
import { analyseSheet, planRecalc } from "../../src/engine";
import { dec } from "../../src/engine/decimal";
import { evaluateFormula } from "../../src/engine/formula-eval";
import { boundVerdictFormula, firstFilled, percentFormula, verdictFormula } from "../../src/engine/formulas";
import { evaluateTarget, parseTarget } from "../../src/engine/targets";
import { buildTemplate } from "../../src/engine/template";
import { templateWorkbook } from "../../src/exceljs/template";
import { readSnapshot } from "../../src/exceljs/read";
import { readXlsx } from "../../src/reader/xlsx";

const cells = (map: Record<string, unknown>) => (row: number, col: number) => (map[`${String.fromCharCode(64 + col)}${row}`] ?? null) as never;

test("the evaluator computes the forms the template and Tính lại write, and plain arithmetic", () => {
  const at = cells({ D8: 520, E8: 498.6, D9: 0, E9: 5, D10: "Từ 55% trở lên", E10: 60, A1: 2, A2: 3, A3: "x" });
  expect(evaluateFormula(percentFormula("D8", "E8"), at)).toBeCloseTo(95.8846, 4);
  expect(evaluateFormula(percentFormula("D9", "E9"), at)).toBe("");
  expect(evaluateFormula(percentFormula("D8", "E8", { fraction: true }), at)).toBeCloseTo(0.958846, 6);
  expect(evaluateFormula(verdictFormula("D8", "E8"), at)).toBe("Chưa đạt");
  expect(evaluateFormula(verdictFormula("D8", "E8", { lowerIsBetter: true }), at)).toBe("Đạt");
  expect(evaluateFormula(verdictFormula("D10", "E10"), at)).toBe("");
  expect(evaluateFormula(boundVerdictFormula("D10", "E10"), at)).toBe("Đạt");
  expect(evaluateFormula("=A1+A2*2^2-1", at)).toBe(13);
  expect(evaluateFormula("=-A1^2", at)).toBe(4);
  expect(evaluateFormula("=SUM(A1:A3)+50%", at)).toBe(5.5);
  expect(evaluateFormula('=A3&"y"', at)).toBe("xy");
  expect(evaluateFormula("=A1/D9", at)).toEqual({ error: "#DIV/0!" });
  expect(evaluateFormula("=A3*2", at)).toEqual({ error: "#VALUE!" });
  expect(evaluateFormula("=ROUND(E8/D8*100,2)", at)).toBe(95.88);
  // Two baselines: the first filled in; nothing while both are blank (not "Đạt" against an empty 0).
  const two = boundVerdictFormula(firstFilled(["D1", "E1"]), "F1");
  expect(evaluateFormula(two, cells({ E1: 8, F1: 9 }))).toBe("Đạt");
  expect(evaluateFormula(two, cells({ D1: 10, E1: 8, F1: 9 }))).toBe("Chưa đạt");
  expect(evaluateFormula(two, cells({ F1: 9 }))).toBe("");
  // Not one of our forms: not computed, never guessed.
  expect(evaluateFormula("=VLOOKUP(A1,B1:C9,2,FALSE)", at)).toBeUndefined();
  expect(evaluateFormula("='Kỳ trước'!D8*2", at)).toBeUndefined();
  expect(evaluateFormula("=Sheet2!A1", at)).toBeUndefined();
  expect(evaluateFormula("=A1+", at)).toBeUndefined();
});

test("the bound verdict formula, computed, agrees with the engine on every bound form it accepts", () => {
  const targets = ["Từ 55% trở lên", "≥ 80", ">= 80", "Trên 5%", "Còn dưới 6%", "dưới 15%", "< 15", "Không quá 8", "tối đa 8", "8% trở xuống", "giảm còn 8%", "ít nhất 92", "tối thiểu 92", "> 5", "≤ 8", "Trên 5,5%", "100", "Khoảng 50", "75 - 80", "tăng 5% so với năm trước"];
  const actuals = [0, 4.9, 5, 5.5, 5.6, 6, 7.99, 8, 14.9, 15, 54.9, 55, 79, 80, 91.9, 92, 100, 120];
  let judged = 0;
  for (const target of targets)
    for (const actual of actuals)
      for (const lowerIsBetter of [false, true]) {
        const engine = evaluateTarget(parseTarget(target), dec(actual), { lowerIsBetter });
        const got = evaluateFormula(boundVerdictFormula("D1", "E1", { lowerIsBetter }), cells({ D1: target, E1: actual }));
        // The formula is blank where it cannot judge; where it judges, it says what the engine says.
        if (got !== "") {
          expect([target, actual, lowerIsBetter, got]).toEqual([target, actual, lowerIsBetter, engine]);
          judged++;
        } else expect([target, engine === null || /khoảng|-|tăng/i.test(target)]).toEqual([target, true]);
      }
  expect(judged).toBeGreaterThan(500);
});

/** A filled template as a program writes it: formulas stored, no computed values. */
async function programWritten(plant: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<Uint8Array> {
  const wb = templateWorkbook(buildTemplate({ commune: "Thử Nghiệm" }));
  const ws = wb.worksheets[0];
  const rows: [number, string, string, number | string, number][] = [
    [8, "Thu ngân sách", "đồng", 12000000, 13000000],
    [9, "Sản lượng lương thực", "tấn", 520, 498.6],
    [10, "Trồng rừng mới", "ha", 25, 27.35],
    [14, "Tỷ lệ thửa đất đăng ký", "%", "Từ 55% trở lên", 60],
    [15, "Tỷ lệ tiêm chủng", "%", "≥ 80", 79],
  ];
  for (const [r, name, unit, target, actual] of rows) {
    ws.getCell(`B${r}`).value = name;
    ws.getCell(`C${r}`).value = unit;
    ws.getCell(`D${r}`).value = target;
    ws.getCell(`E${r}`).value = actual;
  }
  ws.eachRow((row) => row.eachCell((c) => c.formula && (c.value = { formula: c.formula } as ExcelJS.CellFormulaValue)));
  plant(ws);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("a template filled by a program (formulas without values) is computed by the engine and checks clean, with either reader", async () => {
  const bytes = await programWritten();
  for (const sheet of [(await readSnapshot(bytes, "p.xlsx")).sheets[0], readXlsx(bytes).sheets[0]]) {
    expect(sheet.values[13]?.[6] ?? null).toBeNull(); // G14 holds no value in the file
    const report = analyseSheet(sheet);
    expect(report.findings).toEqual([]);
    expect(report.items.filter((i) => i.verdict).map((i) => [i.row, i.verdict])).toEqual([
      [8, "Đạt"],
      [9, "Chưa đạt"],
      [10, "Đạt"],
      [14, "Đạt"],
      [15, "Chưa đạt"],
    ]);
    expect(planRecalc({ sheets: [sheet] })).toEqual([]);
  }
});

test("a formula the engine cannot compute is said once as an info, never as a missing verdict", async () => {
  const bytes = await programWritten((ws) => {
    ws.getCell("G8").value = { formula: 'VLOOKUP(B8,Danhmuc!A:B,2,FALSE)' } as ExcelJS.CellFormulaValue;
    ws.getCell("G9").value = { formula: "INDIRECT(\"E9\")" } as ExcelJS.CellFormulaValue;
  });
  const report = analyseSheet((await readSnapshot(bytes, "p.xlsx")).sheets[0]);
  expect(report.findings.map((f) => `${f.kind}@${f.cell}:${f.severity}`)).toEqual(["formula-uncomputed@G8:info"]);
  expect(report.findings[0].message).toContain("2 ô có công thức nhưng tệp không lưu giá trị đã tính");
  expect(report.findings[0].message).toContain("G8, G9");
});
