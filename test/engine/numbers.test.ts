import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import { formatEnNumber, formatEnPercent, formatPercent, formatViNumber, numberTokens, parseViNumber } from "../../src/engine/numbers";

function value(text: string): string {
  const p = parseViNumber(text);
  if (p === null || p === "malformed") throw new Error(`${text} → ${p}`);
  return p.value.toFixed();
}

describe("parseViNumber", () => {
  test.each([
    ["1.147,63", "1147.63"],
    ["3.220.000", "3220000"],
    ["29,27 %", "29.27"],
    ["12000000", "12000000"],
    ["1.105", "1105"],
    ["0,5", "0.5"],
    ["-1.000,5", "-1000.5"],
    ["05", "5"],
  ])("%s is %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  test("counts the decimals written and the percent sign", () => {
    expect(parseViNumber("29,27 %")).toMatchObject({ decimals: 2, percent: true });
    expect(parseViNumber("3.220.000")).toMatchObject({ decimals: 0, percent: false });
    expect(parseViNumber("93,3")).toMatchObject({ decimals: 1 });
  });

  test.each(["2.800.00", "1.2.345", "1,2,3", "1234.567", "12.34.567"])("%s is malformed", (text) => {
    expect(parseViNumber(text)).toBe("malformed");
  });

  test.each(["", "abc", "Kế hoạch", "≥ 80", "1/2", "tháng 5"])("%s is not a number", (text) => {
    expect(parseViNumber(text)).toBeNull();
  });

  test("a single dot with other than three digits reads as an English decimal point, flagged", () => {
    expect(parseViNumber("96.4")).toMatchObject({ decimals: 1, dotDecimal: true });
    expect(value("96.4")).toBe("96.4");
  });

  test("round-trips the Vietnamese formatting of any decimal", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const d = new Decimal(units.toString()).div(new Decimal(10).pow(scale));
        const text = formatViNumber(d, scale);
        const back = parseViNumber(text);
        expect(back).not.toBeNull();
        expect(back).not.toBe("malformed");
        const p = back as Exclude<typeof back, null | "malformed">;
        expect(p.value.eq(d)).toBe(true);
        expect(p.decimals).toBe(scale);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});

describe("formatViNumber", () => {
  test("groups thousands with dots and uses a decimal comma", () => {
    expect(formatViNumber(new Decimal("1147.63"))).toBe("1.147,63");
    expect(formatViNumber(3220000)).toBe("3.220.000");
    expect(formatViNumber(new Decimal("23.0769"), 2)).toBe("23,08");
    expect(formatPercent(new Decimal(6).div(26).times(100))).toBe("23,08");
    expect(formatPercent(new Decimal(150))).toBe("150");
  });
});

describe("formatEnNumber", () => {
  test("the English twin of a message writes numbers the English way", () => {
    expect(formatEnNumber(new Decimal("1147.63"))).toBe("1,147.63");
    expect(formatEnNumber(-1154)).toBe("-1,154");
    expect(formatEnNumber(new Decimal("23.0769"), 2)).toBe("23.08");
    expect(formatEnPercent(new Decimal(498.6).div(520).times(100))).toBe("95.88");
    expect(formatEnPercent(new Decimal(150))).toBe("150");
  });
});

describe("numberTokens", () => {
  test("finds every figure of a sentence with its offsets", () => {
    const text = "thu được 3.220.000 đồng đạt 32% so với dự toán 10.000.000 đồng, đạt 29,27 %.";
    const tokens = numberTokens(text);
    expect(tokens.map((t) => t.text)).toEqual(["3.220.000", "32", "10.000.000", "29,27"]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test("a separator before a space is punctuation, and a malformed figure is kept as malformed", () => {
    const tokens = numberTokens("kinh phí 2.800.00đ, còn 5. Xong");
    expect(tokens.map((t) => [t.text, t.parsed === "malformed"])).toEqual([
      ["2.800.00", true],
      ["5", false],
    ]);
  });

  test("runs in linear time on long digit runs", () => {
    const text = "1.".repeat(200000) + "x";
    const t0 = Date.now();
    numberTokens(text);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
