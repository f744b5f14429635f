import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  Month,
  monthFromIndex,
  monthIndex,
  monthOfDate,
  monthRange,
  monthsBetween,
  monthsOf,
  periodKind,
  quarterOf,
} from '../src/index.js';

const month = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, m }) => `${year}-${String(m).padStart(2, '0')}`);

describe('periods', () => {
  it('validates months', () => {
    expect(Month.safeParse('2026-03').success).toBe(true);
    expect(Month.safeParse('2026-13').success).toBe(false);
    expect(Month.safeParse('2026-3').success).toBe(false);
  });

  it('adds months across year boundaries', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-12', '2027-02')).toBe(14);
  });

  it('round-trips month indices and inverts addition', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -1200, max: 1200 }), (m, n) => {
        expect(monthFromIndex(monthIndex(m))).toBe(m);
        expect(monthsBetween(m, addMonths(m, n))).toBe(n);
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
      }),
    );
  });

  it('expands quarters and years into their months', () => {
    expect(monthsOf('2026-Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOf('2026')).toHaveLength(12);
    expect(monthsOf('2026-07')).toEqual(['2026-07']);
    expect(quarterOf('2026-12')).toBe('2026-Q4');
    expect(periodKind('2026-Q1')).toBe('quarter');
    expect(monthRange('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthOfDate(new Date(Date.UTC(2026, 10, 30, 23, 59)))).toBe('2026-11');
  });
});
