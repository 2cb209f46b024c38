/** Tính lại writes what the sheet can show: the stated decimals, the column's format, the sheet's own verdict words. */
import { planRecalc } from "../../src/engine";
import { decimalsFormat, shownText } from "../../src/engine/shown";
import { BODY, table, workbook } from "../helpers/grid";

const at = (writes: ReturnType<typeof planRecalc>, cell: string) => writes.find((w) => w.cell === cell);

test("shownText: a value as the cell shows it under its number format, Vietnamese marks", () => {
  expect(shownText(59.441666666, "0.00")).toBe("59,44");
  expect(shownText(59.441666666, null)).toBe("59,44166667");
  expect(shownText(0.540296, "0.00%")).toBe("54,03%");
  expect(shownText(0.5, "0%")).toBe("50%");
  expect(shownText(12000000, "#,##0")).toBe("12.000.000");
  expect(shownText(12000000, null)).toBe("12000000");
  expect(shownText(95.8846, "0.0")).toBe("95,9");
  expect(shownText("Đạt", null)).toBe("Đạt");
  expect(shownText({ error: "#DIV/0!" }, "0.00")).toBe("#DIV/0!");
  expect(decimalsFormat(0)).toBe("0");
  expect(decimalsFormat(2, true)).toBe("0.00%");
});

test("a percent written as a formula shows the decimals the sheet stated, or keeps the cell's format", () => {
  const r = BODY;
  const writes = planRecalc(
    workbook(
      table(
        [
          [1, "Sản lượng lúa", "tấn", 1200, 713.3, 59.44, "Chưa đạt"],
          [2, "Trồng rừng", "ha", 520, 498.6, 96.9, "Chưa đạt"], // wrong; one decimal
          [3, "Câu lạc bộ", "CLB", 3, 1, 33.3333, "Chưa đạt"], // already formatted "0.0"
          [4, "Đường giao thông", "km", 7, 3, null, "Chưa đạt"], // empty: the column's format
        ],
        { formats: { [`F${r + 2}`]: "0.0" } },
      ),
    ),
  );
  expect(at(writes, `F${r}`)).toMatchObject({ formula: expect.stringContaining(`E${r}/D${r}*100`), numberFormat: "0.00" });
  expect(at(writes, `F${r + 1}`)).toMatchObject({ numberFormat: "0.0" });
  expect(at(writes, `F${r + 2}`)!.numberFormat).toBeUndefined();
  // An empty cell takes the format the column already has.
  expect(at(writes, `F${r + 3}`)).toMatchObject({ numberFormat: "0.0" });
});

test("a %-formatted column stays a %-formatted column, in its own format", () => {
  const r = BODY;
  const writes = planRecalc(
    workbook(
      table(
        [
          [1, "Sản lượng lúa", "tấn", 1200, 713.3, 0.5944, "Chưa đạt"],
          [2, "Trồng rừng", "ha", 520, 498.6, 0.959, "Chưa đạt"],
          [3, "Câu lạc bộ", "CLB", 3, 1, 0.3333, "Chưa đạt"],
        ],
        { formats: { [`F${r}`]: "0.0%", [`F${r + 1}`]: "0.0%" } },
      ),
    ),
  );
  expect(at(writes, `F${r}`)).toMatchObject({ formula: expect.stringContaining(`E${r}/D${r},`) });
  expect(at(writes, `F${r}`)!.numberFormat).toBeUndefined();
  expect(at(writes, `F${r + 2}`)).toMatchObject({ numberFormat: "0.0%" });
});

test("a verdict keeps the sheet's own word when it agrees; a changed word is said, in the column's words", () => {
  const r = BODY;
  const writes = planRecalc(
    workbook(
      table([
        [1, "Sản lượng lúa", "tấn", 1200, 1300, 108.33, "Hoàn thành"],
        [2, "Trồng rừng", "ha", 25, 30, 120, "Vượt"],
        [3, "Câu lạc bộ", "CLB", 3, 3, 100, "Hoàn thành"],
        [4, "Đường giao thông", "km", 7, 3, 42.86, "Hoàn thành"], // wrong: not met
        [5, "Nhà văn hóa", "nhà", 2, 1, 50, "Chưa hoàn thành"],
        [6, "Kênh mương", "km", 4, 4, 100, null],
      ]),
    ),
  );
  // Agreeing words stay, as the formula's own text; the shown value does not change.
  expect(at(writes, `G${r}`)).toMatchObject({ value: "Hoàn thành", formula: `=IF(AND(ISNUMBER(D${r}),ISNUMBER(E${r})),IF(E${r}>=D${r},"Hoàn thành","Chưa hoàn thành"),"")` });
  expect(at(writes, `G${r}`)!.reason).toContain("Giữ chữ «Hoàn thành»");
  expect(at(writes, `G${r + 1}`)).toMatchObject({ value: "Vượt", formula: expect.stringContaining('"Vượt","Chưa hoàn thành"') });
  // A verdict that changes takes the column's word for it, and the preview says so.
  expect(at(writes, `G${r + 3}`)).toMatchObject({ value: "Chưa hoàn thành", reason: "«Hoàn thành» đổi thành «Chưa hoàn thành»: tính được Chưa đạt." });
  expect(at(writes, `G${r + 3}`)!.reasonEn).toContain("computed Chưa đạt (not met)");
  expect(at(writes, `G${r + 5}`)).toMatchObject({ value: "Hoàn thành" });
  expect(at(writes, `G${r + 5}`)!.reason).toBeUndefined();
});

test("a cell whose shown value and formula would not change is not written", () => {
  const r = BODY;
  // Target as text ("1.200"): no formula can serve; 713,3/1200 = 59,4416… shows 59,44 as written.
  const writes = planRecalc(
    workbook(
      table([
        [1, "Sản lượng lúa", "tấn", "1.200", 713.3, 59.44, "Chưa đạt"],
        [2, "Trồng rừng", "ha", "520", 498.6, 96.9, "Chưa đạt"],
      ]),
    ),
  );
  expect(at(writes, `F${r}`)).toBeUndefined();
  expect(at(writes, `G${r}`)).toBeUndefined();
  expect(at(writes, `F${r + 1}`)).toMatchObject({ value: expect.closeTo(95.8846, 3), numberFormat: "0.0" });
});
