import { describe, expect, it } from 'vitest';
import { RiskViewCache } from '../src/services/risk/risk-view-cache.js';

describe('the risk view cache', () => {
  it('answers from what it keeps for at most its age, then loads again', async () => {
    let now = 0;
    let loads = 0;
    const cache = new RiskViewCache({ maxAgeMs: 5_000, now: () => now });
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', load)).toBe(1);
    now = 2_499;
    expect(await cache.get('a', load)).toBe(1);
    expect(loads).toBe(1);
    now = 5_000;
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('b', load)).toBe(3);
  });

  it('past half its age, still answers while a fresh answer loads, then gives that one', async () => {
    let now = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const cache = new RiskViewCache({ maxAgeMs: 5_000, now: () => now });
    expect(await cache.get('a', () => Promise.resolve(++loads))).toBe(1);
    now = 3_000;
    const slow = () =>
      new Promise<number>((resolve) => {
        loads += 1;
        release = () => resolve(loads);
      });
    // The old answer at once, one reload begun for however many readers.
    expect(await cache.get('a', slow)).toBe(1);
    expect(await cache.get('a', slow)).toBe(1);
    expect(loads).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get('a', slow)).toBe(2);
    // The reload began at 3 000: at 7 999 it is still young enough, at 8 000 it is not.
    now = 7_999;
    expect(await cache.get('a', () => Promise.resolve(-1))).toBe(2);
  });

  it('shares one load among readers who ask at once', async () => {
    let loads = 0;
    const cache = new RiskViewCache();
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return loads;
    };
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(loads).toBe(1);
  });

  it('forgets everything when told, and never keeps a failed load', async () => {
    let loads = 0;
    const cache = new RiskViewCache();
    await cache.get('a', () => Promise.resolve(++loads));
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(await cache.get('a', () => Promise.resolve(++loads))).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await Promise.resolve();
    expect(await cache.get('b', () => Promise.resolve('up'))).toBe('up');
  });

  it('keeps at most its bound of answers, dropping the oldest', async () => {
    const cache = new RiskViewCache({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, () => Promise.resolve(key));
    expect(cache.size).toBe(2);
    let reloaded = false;
    await cache.get('a', () => {
      reloaded = true;
      return Promise.resolve('a');
    });
    expect(reloaded).toBe(true);
  });
});
