import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTrend, trendChange, trendDirection } from '../src/index.js';

describe('trend changes over typed windows', () => {
  it('take the last score minus the first present one, NaN or null for a missing month', () => {
    const scores = Float64Array.from([Number.NaN, 2, 3, Number.NaN, 5]);
    expect(trendChange(scores, 0, 4)).toBe(3);
    expect(trendChange(scores, 3, 4)).toBeNull();
    expect(trendChange(scores, 0, 3)).toBeNull();
    expect(trendChange([null, 4], 0, 1)).toBeNull();
    expect(trendDirection(0.5)).toBe('rising');
    expect(trendDirection(-0.49)).toBe('stable');
    expect(trendDirection(null)).toBe('unknown');
  });

  it('agree with computeTrend over the same window (property-based)', () => {
    const score = fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 20 }), fc.nat(), (series, pick) => {
        const periods = 2 + (pick % (series.length - 1));
        const typed = Float64Array.from(series, (v) => v ?? Number.NaN);
        const change = trendChange(typed, series.length - periods, series.length - 1);
        const trend = computeTrend(series, periods);
        expect(change).toBe(trend.change);
        expect(trendDirection(change)).toBe(trend.direction);
      }),
    );
  });
});
