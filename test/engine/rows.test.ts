/** The footer pre-check of row classification never rules out a footer text. */
import fc from "fast-check";
import headerRules from "../../src/engine/rules/headers.json";
import { isFooterText, mayBeFooter } from "../../src/engine/table/rows";

test("mayBeFooter is true for every footer text (it only rules out what isFooterText refuses)", () => {
  const pieces = [...headerRules.footer, ...headerRules.footer.map((f) => f.toUpperCase()), "Thu ngân sách", "Số hộ", "  ", "\t", "\u00a0", "Đạt", "x", "1", "(", "ký"];
  let footers = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 3 }), (parts) => {
      const v = parts.join("");
      if (isFooterText(v)) {
        footers++;
        expect(mayBeFooter(v)).toBe(true);
      }
    }),
    { numRuns: 5000 },
  );
  expect(footers).toBeGreaterThan(300);
  expect(mayBeFooter("Sản lượng lương thực")).toBe(false);
  expect(mayBeFooter("  Người lập biểu")).toBe(true);
});
