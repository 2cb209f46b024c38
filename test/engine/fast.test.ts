/**
 * The plain-number fast paths of the table (src/engine/table/fast.ts, fastStated) give exactly
 * what the decimal.js path gives, over many random values: integers, short decimals, long
 * doubles, values near a rounding boundary.
 */
import fc from "fast-check";
import { Decimal, dec } from "../../src/engine/decimal";
import { decimalDigits, percentNumber, pointsOf, surelyOk } from "../../src/engine/table/fast";
import { exactStated, fastStated, judgeStatedCell } from "../../src/engine/table/figures";

/** Numbers as sheets hold them: whole numbers, decimals of a few places, fractions of a percent, long doubles. */
const figure = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 8 })).map(([m, k]) => m / 10 ** k),
  fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })).map(([a, b]) => a / b),
  fc.double({ min: -1e16, max: 1e16, noNaN: true }),
  fc.constantFrom(0, -0, 1e15, 999999999999999, 1e-7, 0.1, 0.29, 1.005, 2 ** 53),
);

const exactPercent = (a: number, t: number) => dec(a).div(dec(t)).times(100);

describe("decimalDigits", () => {
  it("gives the decimal dec() makes, with its decimal places", () => {
    fc.assert(
      fc.property(figure, (v) => {
        const d = decimalDigits(v);
        if (!d) {
          // Declined only for more than 15 significant digits, more than 15 decimals, or 10^15 and up.
          expect(dec(v).precision(true) > 15 || dec(v).decimalPlaces() > 15 || Math.abs(v) >= 1e15).toBe(true);
          return;
        }
        expect(new Decimal(d.m).div(new Decimal(10).pow(d.k)).eq(dec(v))).toBe(true);
        expect(d.k).toBe(dec(v).decimalPlaces());
      }),
      { numRuns: 20000 },
    );
  });
});

describe("percentNumber", () => {
  it("equals dec(a) ÷ dec(t) × 100 read back as a number, or declines", () => {
    let decided = 0;
    fc.assert(
      fc.property(figure, figure, (a, t) => {
        if (t === 0 || dec(t).isZero()) return;
        const fast = percentNumber(a, t);
        if (fast === undefined) return;
        decided++;
        expect(Object.is(fast, exactPercent(a, t).toNumber())).toBe(true);
      }),
      { numRuns: 30000 },
    );
    expect(decided).toBeGreaterThan(5000);
  });

  it("is right on the quotients most prone to double rounding (results next to a midpoint)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 0, max: 6 }), (a, t, k) => {
        const fast = percentNumber(a / 10 ** k, t);
        if (fast !== undefined) expect(fast).toBe(exactPercent(a / 10 ** k, t).toNumber());
      }),
      { numRuns: 20000 },
    );
  });
});

describe("pointsOf", () => {
  it("gives points.toNumber() and points.decimalPlaces() of the decimal path", () => {
    fc.assert(
      fc.property(figure, fc.boolean(), (v, scaled) => {
        const p = pointsOf(v, scaled);
        if (!p) return;
        const points = scaled ? dec(v).times(100) : dec(v);
        expect(Object.is(p.value, points.toNumber())).toBe(true);
        expect(p.decimals).toBe(points.decimalPlaces());
      }),
      { numRuns: 20000 },
    );
  });
});

describe("fastStated", () => {
  const formats = fc.constantFrom(null, "General", "0.00%", "0%", "0.0", "#,##0.##", "0.00", "#,##0", "0.0%", '0.00"%"', "0.000");
  it("reads a stated percent cell as exactStated does", () => {
    fc.assert(
      fc.property(figure, formats, (v, format) => {
        const fast = fastStated(v, format, false);
        if (!fast) return;
        const exact = exactStated(v, format, false);
        expect(fast.points.eq(exact.points)).toBe(true);
        expect(fast.decimals).toBe(exact.decimals);
        expect(fast.shownDecimals).toBe(exact.shownDecimals);
        if (fast.pointsNumber !== undefined) expect(Object.is(fast.pointsNumber, exact.points.toNumber())).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

describe("surelyOk", () => {
  it("is true only where the exact judgement is ok, on stated values at and around the rounding boundary", () => {
    let sure = 0;
    let near = 0;
    const stated = fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, 1e-13, -1e-13, 1e-9, -1e-9));
    fc.assert(
      fc.property(stated, ([a, t, d, step, nudge]) => {
        const exact = exactPercent(a, t);
        // The stated value: the right rounding, a few units off, or right at half a unit from the exact value.
        const unit = new Decimal(10).pow(-d);
        let s = exact.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).plus(unit.times(step));
        if (step === 3) s = exact.plus(unit.div(2)).toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
        if (step === -3) s = exact.minus(unit.div(2)).toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
        const decimals = s.decimalPlaces();
        const approx = s.toNumber() * (1 + nudge * 1e-3);
        const fast = surelyOk(approx, decimals, exact.toNumber());
        const slow = judgeStatedCell({ points: s, decimals, shownDecimals: decimals, fromFormula: false }, exact).judgement;
        if (fast) {
          sure++;
          // approx stands for s within a relative 10^-16 (a double's rounding): then it must be right.
          if (Math.abs(nudge) < 1e-12) expect(slow).toBe("ok");
        }
        if (step === 3 || step === -3) near++;
        const computed = surelyOk(s.toNumber(), null, exact.toNumber());
        if (computed) expect(judgeStatedCell({ points: s, decimals: null, shownDecimals: decimals, fromFormula: true }, exact).judgement).toBe("ok");
      }),
      { numRuns: 20000 },
    );
    expect(sure).toBeGreaterThan(1000);
    expect(near).toBeGreaterThan(1000);
  });
});
