import { describe, expect, it } from 'vitest';
import { apportion, centsOf, formatUsd, usdCentsOf } from '../src/index.js';

describe('money', () => {
  it('reads amounts as whole cents', () => {
    expect(centsOf('0')).toBe(0);
    expect(centsOf('12.5')).toBe(1250);
    expect(centsOf('200000.01')).toBe(20_000_001);
  });

  it('converts to US cents once, rounding half up', () => {
    expect(usdCentsOf('12345.67', '1.0837')).toBe(1_337_900); // 1,337,900.2579
    expect(usdCentsOf('0.05', '0.5')).toBe(3); // 2.5 → 3
    expect(usdCentsOf('0.01', '0.4999')).toBe(0);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in cents it is 30.
    expect(usdCentsOf('0.1', '1') + usdCentsOf('0.2', '1')).toBe(30);
  });

  it('writes cents as dollars', () => {
    expect(formatUsd(123_456)).toBe('1234.56');
    expect(formatUsd(5)).toBe('0.05');
    expect(formatUsd(-999_999)).toBe('-9999.99');
  });

  it('gives the odd cents to the largest remainders, earlier parts first on a tie', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(apportion(10, [1, 2])).toEqual([3, 7]); // quotas 3.33 and 6.67
    expect(apportion(0, [5])).toEqual([0]);
  });

  it('refuses what it cannot apportion exactly', () => {
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(1, [])).toThrow(RangeError);
    expect(() => apportion(1, [0])).toThrow(RangeError);
  });
});
