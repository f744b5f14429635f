import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  addQuarters,
  addYears,
  comparePeriods,
  countryOfArea,
  monthBounds,
  monthIndex,
  monthIndexBounds,
  periodContains,
  periodRange,
  periodsBetween,
  subnationalArea,
  SubnationalUnit,
} from '../src/index.js';

describe('quarters and years', () => {
  it('adds quarters and years across boundaries', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q1', -5)).toBe('2024-Q4');
    expect(addYears('2026', -10)).toBe('2016');
  });

  it('measures and lists periods of one kind', () => {
    expect(periodsBetween('2025-Q3', '2026-Q2')).toBe(3);
    expect(periodRange('2025-Q4', '2026-Q2')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodRange('2024', '2026')).toEqual(['2024', '2025', '2026']);
    expect(addPeriods('2026-03', 10)).toBe('2027-01');
    expect(['2026-Q2', '2025-Q4', '2026-Q1'].sort(comparePeriods)).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(() => periodsBetween('2026', '2026-Q1')).toThrow(RangeError);
  });

  it('knows the months a period covers', () => {
    expect(monthBounds('2026-Q3')).toEqual({ first: '2026-07', last: '2026-09' });
    expect(periodContains('2026', '2026-12')).toBe(true);
    expect(periodContains('2026-Q1', '2026-04')).toBe(false);
  });

  it('gives the same bounds as month indices as monthBounds gives as months', () => {
    const period = fc.oneof(
      fc
        .record({ year: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) })
        .map(({ year, m }) => `${year}-${String(m).padStart(2, '0')}`),
      fc
        .record({ year: fc.integer({ min: 1900, max: 2200 }), q: fc.integer({ min: 1, max: 4 }) })
        .map(({ year, q }) => `${year}-Q${q}`),
      fc.integer({ min: 1900, max: 2200 }).map(String),
    );
    fc.assert(
      fc.property(period, (p) => {
        const { first, last } = monthBounds(p);
        expect(monthIndexBounds(p)).toEqual({ first: monthIndex(first), last: monthIndex(last) });
      }),
    );
  });

  it('gives no bounds for text that is not a period', () => {
    for (const text of ['20x4', '2026-13', '2026-00', '2026-Q5', '2026/03', '2026-3', ''])
      expect(monthIndexBounds(text)).toEqual({ first: Number.NaN, last: Number.NaN });
  });
});

describe('sub-national areas', () => {
  it('finds the country of a P-code and builds the area with its parent', () => {
    expect(countryOfArea('AF0101')?.code).toBe('AFG');
    expect(countryOfArea('SDN')?.alpha2).toBe('SD');
    const district = subnationalArea({
      code: 'AF0101',
      name: 'Kabul',
      adminLevel: 2,
      parentCode: 'AF01',
    });
    expect(district).toMatchObject({
      kind: 'subnational',
      parentCode: 'AF01',
      adminLevel: 2,
      subRegion: { name: 'Southern Asia' },
    });
  });

  it('refuses a unit whose parent does not enclose it', () => {
    expect(
      SubnationalUnit.safeParse({ code: 'AF01', name: 'Kabul', adminLevel: 1, parentCode: 'AF' })
        .success,
    ).toBe(false);
    expect(
      SubnationalUnit.safeParse({ code: 'AF0101', name: 'X', adminLevel: 2, parentCode: 'AF02' })
        .success,
    ).toBe(false);
    expect(
      SubnationalUnit.safeParse({ code: 'XX01', name: 'X', adminLevel: 1, parentCode: 'AFG' })
        .success,
    ).toBe(false);
  });
});
