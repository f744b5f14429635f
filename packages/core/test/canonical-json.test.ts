import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonEqual } from '../src/index.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

/** The same JSON value with every object's keys in reverse order. */
function reordered(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).reverse())
      : item,
  ) as unknown;
}

describe('canonical JSON', () => {
  it('gives the same text whatever the key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reordered(value))).toBe(text);
      }),
    );
  });

  it('sorts keys by UTF-16 code units and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [true, null], é: 'x', Z: undefined, '10': 2 })).toBe(
      '{"10":2,"a":[true,null],"b":1,"é":"x"}',
    );
  });
});

describe('jsonEqual', () => {
  it('agrees with comparing canonical texts, on any two values', () => {
    // Bounded: unbounded JSON values made a run of 500 take 7 s on two busy cores.
    const json = fc.jsonValue({ maxDepth: 4 });
    const nearby = json.chain((value) =>
      fc.tuple(
        fc.constant(value),
        fc.oneof(fc.constant(reordered(value)), json, fc.constant(value)),
      ),
    );
    fc.assert(
      fc.property(nearby, ([a, b]) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(jsonEqual(b, a)).toBe(jsonEqual(a, b));
      }),
      { numRuns: 500 * propertyRunsScale },
    );
  });

  it('treats what JSON would leave out or write as null as such', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: null }, {})).toBe(false);
    expect(jsonEqual(undefined, null)).toBe(true);
    expect(jsonEqual([undefined, Number.NaN], [null, null])).toBe(true);
    expect(jsonEqual({ toString: 1 }, { a: 1 })).toBe(false);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
  });
});
