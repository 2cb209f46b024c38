import { percentFormula, verdictFormula } from "../../src/engine/formulas";

// What the formulas compute in a spreadsheet is checked cell by cell in LibreOffice
// (test/libreoffice/libreoffice.test.ts); these tests pin the exact texts the product writes.
describe("formula texts", () => {
  test("percent: actual/target×100, blank while a figure is not a number or the target is 0", () => {
    expect(percentFormula("D8", "E8")).toBe('=IF(AND(ISNUMBER(D8),ISNUMBER(E8),D8<>0),E8/D8*100,"")');
  });

  test("percent in a %-formatted column: the fraction, without ×100", () => {
    expect(percentFormula("D8", "E8", { fraction: true })).toBe('=IF(AND(ISNUMBER(D8),ISNUMBER(E8),D8<>0),E8/D8,"")');
  });

  test("a second baseline: the formula names the pair it is given, in that order", () => {
    expect(percentFormula("E12", "F12", { fraction: true })).toBe('=IF(AND(ISNUMBER(E12),ISNUMBER(F12),E12<>0),F12/E12,"")');
  });

  test("verdict: ≥ for an ordinary indicator, ≤ for lower-is-better, blank while a figure is missing", () => {
    expect(verdictFormula("D8", "E8")).toBe('=IF(AND(ISNUMBER(D8),ISNUMBER(E8)),IF(E8>=D8,"Đạt","Chưa đạt"),"")');
    expect(verdictFormula("D8", "E8", { lowerIsBetter: true })).toBe('=IF(AND(ISNUMBER(D8),ISNUMBER(E8)),IF(E8<=D8,"Đạt","Chưa đạt"),"")');
  });

  test("locale-neutral: English function names, comma separators, the verdict words in NFC", () => {
    for (const f of [percentFormula("D8", "E8"), percentFormula("D8", "E8", { fraction: true }), verdictFormula("D8", "E8"), verdictFormula("D8", "E8", { lowerIsBetter: true })]) {
      expect(f.startsWith("=IF(")).toBe(true);
      expect(f).not.toContain(";");
      expect(f).toBe(f.normalize("NFC"));
      // Balanced parentheses: a typo here would be a broken formula in every recalculated workbook.
      let depth = 0;
      for (const ch of f.replace(/"[^"]*"/g, "")) {
        depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
});
