import { describe, expect, it } from 'vitest';
import {
  bandPath,
  linePath,
  linearScale,
  monthsBetween,
  tickIndices,
} from '../../src/risk/trend-scale.js';

describe('chart scales', () => {
  it('maps a score onto pixels, 10 at the top', () => {
    const y = linearScale([0, 10], [290, 10]);
    expect([y(0), y(5), y(10)]).toEqual([290, 150, 10]);
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('lists the months of a range across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('breaks a line where a score is missing', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 1, y: 12.25 },
        { x: 2, y: null },
        { x: 3, y: 8 },
      ]),
    ).toBe('M0,10L1,12.3M3,8');
    expect(linePath([{ x: 0, y: null }])).toBe('');
  });

  it('closes a band area per run of months with a band, widening a single month', () => {
    expect(
      bandPath([
        { x: 0, low: 20, high: 10 },
        { x: 10, low: 22, high: 12 },
        { x: 20, low: null, high: null },
        { x: 30, low: 5, high: 4 },
      ]),
    ).toBe('M0,10L10,12L10,22L0,20ZM29,4L31,4L31,5L29,5Z');
  });

  it('spaces ticks evenly and always marks the newest month', () => {
    expect(tickIndices(12, 4)).toEqual([2, 5, 8, 11]);
    expect(tickIndices(3, 6)).toEqual([0, 1, 2]);
    expect(tickIndices(0, 6)).toEqual([]);
  });
});
