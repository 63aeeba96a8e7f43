import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatRate,
  RATE_GROUPINGS,
  RECTIFICATION_RATE_BY,
  RECTIFICATION_RATE_FORMULA,
  RECTIFICATION_RATE_FORMULAS,
  rate,
  rectificationRate,
} from "./rates";

describe("rectification rate", () => {
  it("is closed-out problems over fed-back problems, with its formula", () => {
    expect(rectificationRate(3, 4)).toEqual({
      numerator: 3,
      denominator: 4,
      percent: 75,
      formula: RECTIFICATION_RATE_FORMULA,
    });
    expect(RECTIFICATION_RATE_FORMULA).toBe("整改率 = 已销号的问题数 ÷ 已反馈给被巡察单位的问题数 × 100%");
  });

  it("is null (shown as —) when nothing has been fed back, and 0% when nothing is closed yet", () => {
    expect(rectificationRate(0, 0).percent).toBeNull();
    expect(formatRate(rectificationRate(0, 0))).toBe("—");
    expect(rectificationRate(0, 7).percent).toBe(0);
    expect(formatRate(rectificationRate(0, 7))).toBe("0.00%");
    expect(formatRate(rectificationRate(7, 7))).toBe("100.00%");
  });

  it("rounds to two decimals, halves up", () => {
    expect(rectificationRate(1, 3).percent).toBe(33.33);
    expect(rectificationRate(2, 3).percent).toBe(66.67);
    expect(rectificationRate(1, 6).percent).toBe(16.67);
    expect(rectificationRate(1, 8).percent).toBe(12.5);
    // exact halves that a float division would round down: 7.125% and 8.625%
    expect(rectificationRate(57, 800).percent).toBe(7.13);
    expect(rectificationRate(69, 800).percent).toBe(8.63);
    expect(rectificationRate(1, 20000).percent).toBe(0.01);
    expect(formatRate(rectificationRate(57, 800))).toBe("7.13%");
  });

  it("equals the exact half-up rounding for any count, stays within 0–100 and grows with closed problems", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        ([n, d]) => {
          const r = rate(n, d, "f");
          // integer arithmetic: floor((2·n·10000 + d) / (2·d)) hundredths of a percent
          const exact = Number((BigInt(n) * 20000n + BigInt(d)) / (2n * BigInt(d)));
          expect(Math.round(r.percent! * 100)).toBe(exact);
          expect(r.percent).toBe(exact / 100);
          expect(r.percent).toBeGreaterThanOrEqual(0);
          expect(r.percent).toBeLessThanOrEqual(100);
          if (n < d) expect(rate(n + 1, d, "f").percent!).toBeGreaterThanOrEqual(r.percent!);
        },
      ),
    );
  });
});

describe("rates per grouping", () => {
  it("count the same way as rectificationRate, each with its own formula", () => {
    for (const by of RATE_GROUPINGS) {
      const r = RECTIFICATION_RATE_BY[by](57, 800);
      expect(r).toEqual({ ...rectificationRate(57, 800), formula: RECTIFICATION_RATE_FORMULAS[by] });
      expect(r.formula).toContain("已销号的问题数 ÷");
    }
    expect(new Set(Object.values(RECTIFICATION_RATE_FORMULAS)).size).toBe(RATE_GROUPINGS.length);
  });
});
