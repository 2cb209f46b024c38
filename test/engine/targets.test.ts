import { Decimal } from "../../src/engine/decimal";
import { describeTarget, evaluateTarget, parseTarget, percentOf } from "../../src/engine/targets";

const d = (x: number | string) => new Decimal(x);

describe("parseTarget: every form of SPEC §4", () => {
  test.each([
    [100, "quantity", "100"],
    ["25 ha", "quantity", "25"],
    ["1.105 tấn", "quantity", "1105"],
    ["100%", "quantity", "100"],
    ["8/8", "quantity", "8"],
  ])("%s is a quantity of %s", (input, kind, value) => {
    const t = parseTarget(input);
    expect(t.kind).toBe(kind);
    expect(t.kind === "quantity" && t.value.toFixed()).toBe(value);
  });

  test.each([
    ["≥ 92", "atLeast", false, "92"],
    [">= 92", "atLeast", false, "92"],
    ["từ 92% trở lên", "atLeast", false, "92"],
    ["Từ 55% trở lên", "atLeast", false, "55"],
    ["ít nhất 92", "atLeast", false, "92"],
    ["tối thiểu 92", "atLeast", false, "92"],
    ["92% trở lên", "atLeast", false, "92"],
    ["> 5", "atLeast", true, "5"],
    ["trên 5%", "atLeast", true, "5"],
    ["≤ 8", "atMost", false, "8"],
    ["không quá 8", "atMost", false, "8"],
    ["tối đa 8", "atMost", false, "8"],
    ["8% trở xuống", "atMost", false, "8"],
    ["giảm còn 8%", "atMost", false, "8"],
    ["còn dưới 8%", "atMost", true, "8"],
    ["< 15", "atMost", true, "15"],
    ["dưới 15%", "atMost", true, "15"],
  ])("%s is %s (strict %s) %s", (input, kind, strict, value) => {
    const t = parseTarget(input);
    expect(t.kind).toBe(kind);
    if (t.kind === "atLeast" || t.kind === "atMost") {
      expect(t.strict).toBe(strict);
      expect(t.value.toFixed()).toBe(value);
    }
  });

  test.each([
    ["75 - 80", "75", "80"],
    ["từ 75 đến 80", "75", "80"],
    ["1-2 nội dung", "1", "2"],
  ])("%s is a range", (input, low, high) => {
    const t = parseTarget(input);
    expect(t.kind).toBe("range");
    if (t.kind === "range") expect([t.low.toFixed(), t.high.toFixed()]).toEqual([low, high]);
  });

  test("vượt 10% dự toán, tăng 5%, giảm 10%", () => {
    expect(parseTarget("vượt 10% dự toán")).toMatchObject({ kind: "exceed" });
    expect(parseTarget("tăng 5% so với năm trước")).toMatchObject({ kind: "relative", direction: "increase" });
    expect(parseTarget("giảm 10%")).toMatchObject({ kind: "relative", direction: "decrease" });
  });

  test.each(["Khoảng 50", "Giảm so với năm trước", "Hoàn thành tốt nhiệm vụ", "6/8"])("%s is qualitative", (input) => {
    expect(parseTarget(input).kind).toBe("qualitative");
  });

  test("empty is none", () => {
    expect(parseTarget(null).kind).toBe("none");
    expect(parseTarget("  ").kind).toBe("none");
  });
});

describe("evaluateTarget", () => {
  test("quantity: higher is better unless lower-is-better", () => {
    expect(evaluateTarget(parseTarget(100), d(100))).toBe("Đạt");
    expect(evaluateTarget(parseTarget(100), d(99.9))).toBe("Chưa đạt");
    expect(evaluateTarget(parseTarget(0), d(0), { lowerIsBetter: true })).toBe("Đạt");
    expect(evaluateTarget(parseTarget(5), d(6), { lowerIsBetter: true })).toBe("Chưa đạt");
  });
  test("bounds: strict stays strict", () => {
    expect(evaluateTarget(parseTarget("trên 5%"), d(5))).toBe("Chưa đạt");
    expect(evaluateTarget(parseTarget("trên 5%"), d("5.2"))).toBe("Đạt");
    expect(evaluateTarget(parseTarget("Còn dưới 6%"), d(6))).toBe("Chưa đạt");
    expect(evaluateTarget(parseTarget("≤ 8"), d(8))).toBe("Đạt");
    expect(evaluateTarget(parseTarget("≥ 92"), d("90.7"))).toBe("Chưa đạt");
  });
  test("ranges are inclusive", () => {
    expect(evaluateTarget(parseTarget("75 - 80"), d(75))).toBe("Đạt");
    expect(evaluateTarget(parseTarget("75 - 80"), d(81))).toBe("Chưa đạt");
  });
  test("relative and exceed targets need their baseline", () => {
    expect(evaluateTarget(parseTarget("vượt 10% dự toán"), d(100))).toBeNull();
    expect(evaluateTarget(parseTarget("vượt 10% dự toán"), d(110), { baseline: d(100) })).toBe("Đạt");
    expect(evaluateTarget(parseTarget("vượt 10% dự toán"), d(109), { baseline: d(100) })).toBe("Chưa đạt");
    expect(evaluateTarget(parseTarget("giảm 10%"), d(90), { baseline: d(100) })).toBe("Đạt");
  });
  test("qualitative targets give no verdict", () => {
    expect(evaluateTarget(parseTarget("Khoảng 50"), d(50))).toBeNull();
  });
});

describe("percentOf", () => {
  test("only for a plain quantity other than 0, exactly", () => {
    expect(percentOf(parseTarget(26), d(6))!.toFixed(4)).toBe("23.0769");
    expect(percentOf(parseTarget(0), d(0))).toBeNull();
    expect(percentOf(parseTarget("≥ 80"), d(85))).toBeNull();
    expect(percentOf(parseTarget("0,3"), d("0.1").plus(d("0.2")))!.toFixed()).toBe("100");
  });
  test("describeTarget says the threshold", () => {
    expect(describeTarget(parseTarget("Còn dưới 6%"))).toBe("< 6");
    expect(describeTarget(parseTarget("từ 75 đến 80"))).toBe("75–80");
  });
});
