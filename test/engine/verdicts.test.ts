import { isLowerIsBetter, readVerdict } from "../../src/engine/verdicts";
import { judgeStatedPercent } from "../../src/engine/percent";
import { Decimal } from "../../src/engine/decimal";
import verdictWords from "../../src/engine/rules/verdicts.json";

describe("readVerdict", () => {
  test.each(verdictWords.dat)("%s reads as Đạt", (w) => expect(readVerdict(w)).toBe("Đạt"));
  test.each(verdictWords.chuaDat)("%s reads as Chưa đạt", (w) => expect(readVerdict(w)).toBe("Chưa đạt"));
  test.each(verdictWords.neutral)("%s is neutral", (w) => expect(readVerdict(w)).toBe("neutral"));

  test.each([
    ["ĐẠT", "Đạt"],
    ["  Chưa   đạt. ", "Chưa đạt"],
    ["Đạt và vượt", "Đạt"],
    ["Không đạt (95%)", "Chưa đạt"],
    ["Chưa đạt\n", "Chưa đạt"],
    ["Đạt tiến độ", "neutral"],
  ])("%s reads as %s", (text, expected) => expect(readVerdict(text)).toBe(expected));

  test.each(["", "Ghi chú", "Đạt được nhiều thành tích trong công tác tuyên truyền", "x"])("%s is no verdict", (text) => {
    expect(readVerdict(text)).toBeNull();
  });
});

describe("isLowerIsBetter", () => {
  test.each(["Tỷ lệ hộ nghèo", "Số vụ cháy rừng", "Tỷ lệ trẻ em suy dinh dưỡng", "Số vụ tai nạn giao thông", "Tỷ lệ hồ sơ trễ hạn"])(
    "%s: lower is better",
    (name) => expect(isLowerIsBetter(name)).toBe(true),
  );
  test.each(["Mức giảm tỷ lệ hộ nghèo so với đầu năm", "Số hộ nghèo được hỗ trợ làm nhà ở", "Thu ngân sách", "Giao quân"])(
    "%s: higher is better",
    (name) => expect(isLowerIsBetter(name)).toBe(false),
  );
});

describe("judgeStatedPercent (SPEC §5.1)", () => {
  const exact = (a: number, b: number) => new Decimal(a).div(b).times(100);
  test.each([
    ["29.27", 2, exact(3.22, 11), "ok"],
    ["32", 0, exact(3.22, 10), "ok"],
    ["52.36", 2, exact(177, 338), "truncated"],
    ["116.6", 1, exact(7, 6), "truncated"],
    ["93.3", 1, exact(396, 424), "truncated"],
    ["96.4", 1, exact(409, 424), "truncated"],
    ["23.01", 2, exact(6, 26), "mismatch"],
    ["109.4", 1, exact(27.23, 25), "mismatch"],
    ["109.4", 1, exact(27.35, 25), "ok"],
    ["100", 0, exact(424, 424), "ok"],
  ] as const)("%s (%d decimals)", (stated, decimals, value, expected) => {
    expect(judgeStatedPercent(new Decimal(stated), decimals, value)).toBe(expected);
  });
});
