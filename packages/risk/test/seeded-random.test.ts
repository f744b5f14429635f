import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaMonthSeed, seededRandom } from '../src/profile/seeded-random.js';

describe('seeded random numbers', () => {
  it('repeat for a seed and stay within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.nat(200), (seed, count) => {
        const [a, b] = [seededRandom(seed), seededRandom(seed)];
        const stream = Array.from({ length: count }, () => a());
        expect(Array.from({ length: count }, () => b())).toEqual(stream);
        expect(stream.every((u) => u >= 0 && u < 1)).toBe(true);
      }),
    );
  });

  it('seed neighbouring months and areas apart', () => {
    const seeds = new Set<number>();
    for (const area of ['AFG', 'AGO', 'AF01', 'AF0101'])
      for (let month = 24_300; month < 24_420; month += 1) seeds.add(areaMonthSeed(area, month));
    expect(seeds.size).toBe(4 * 120);
  });
});
