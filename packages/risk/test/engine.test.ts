import { describe, expect, it } from 'vitest';
import {
  aggregate,
  classify,
  compileModel,
  computeTrend,
  informRiskClasses,
  normalise,
} from '../src/index.js';
import { inner, leaf, model } from './models.js';

describe('normalisation', () => {
  it('maps goalposts to 0 and 10 and clips outside them', () => {
    const goalposts = { method: 'min-max', min: 0, max: 200 } as const;
    expect(normalise(50, goalposts)).toBe(2.5);
    expect(normalise(300, goalposts)).toBe(10);
    expect(normalise(-5, goalposts)).toBe(0);
  });

  it('log-scales skewed counts', () => {
    // log10(1 + 9) / log10(1 + 999) = 1/3 of the way
    expect(normalise(9, { method: 'log-min-max', min: 0, max: 999 })).toBeCloseTo(10 / 3, 12);
    expect(normalise(0, { method: 'log-min-max', min: 0, max: 999 })).toBe(0);
  });

  it('inverts higher-is-better indicators and keeps missing values missing', () => {
    expect(normalise(80, { method: 'min-max', min: 0, max: 100 }, true)).toBeCloseTo(2, 12);
    expect(normalise(Number.NaN, { method: 'identity' })).toBeNaN();
  });
});

describe('operators, on hand-computed examples', () => {
  it('weighted arithmetic mean', () => {
    expect(aggregate('weighted-mean', [2, 8], [1, 3])).toBe(6.5);
  });

  it('geometric mean, zero when any input is zero', () => {
    expect(aggregate('geometric-mean', [4, 9], [1, 1])).toBeCloseTo(6, 12);
    expect(aggregate('geometric-mean', [0, 9], [1, 1])).toBe(0);
  });

  it('INFORM reverse geometric mean: 10·(10 − (Π(1 + 9·(10 − xᵢ)/10))^(1/n))/9', () => {
    // x = 10 and 0: factors 1 and 10, their geometric mean √10 = 3.16228, 10·(10 − 3.16228)/9
    expect(aggregate('reverse-geometric-mean', [10, 0], [1, 1])).toBeCloseTo(7.59747, 5);
    expect(aggregate('reverse-geometric-mean', [5, 5], [1, 1])).toBeCloseTo(5, 12);
    expect(aggregate('reverse-geometric-mean', [10, 10, 10], [1, 1, 1])).toBeCloseTo(10, 12);
    expect(aggregate('reverse-geometric-mean', [0, 0], [1, 1])).toBeCloseTo(0, 12);
  });

  it('maximum, minimum and scaled maximum, clipped to 10', () => {
    expect(aggregate('max', [3, 7, 5], [1, 1, 1])).toBe(7);
    expect(aggregate('min', [3, 7, 5], [1, 1, 1])).toBe(3);
    expect(aggregate('scaled-max', [4, 7], [1, 1], [1.5, 0.5])).toBe(6);
    expect(aggregate('scaled-max', [8, 1], [1, 1], [2, 1])).toBe(10);
  });
});

describe('missing data', () => {
  const compiled = compileModel(
    model(inner('root', 'weighted-mean', [leaf('a'), leaf('b'), leaf('c', { weight: 2 })])),
  );

  it('drops a missing child and renormalises the weights', () => {
    const { root } = compiled.evaluate({ a: 2, c: 8 });
    expect(root.score).toBe(6); // (1·2 + 2·8) / 3
    expect(root.completeness).toBe(0.75);
  });

  it('makes a node missing below its minimum coverage', () => {
    const strict = compileModel(
      model(
        inner('root', 'weighted-mean', [leaf('a'), leaf('b'), leaf('c', { weight: 2 })], {
          minCoverage: 0.8,
        }),
      ),
    );
    expect(strict.evaluate({ a: 2, c: 8 }).root.score).toBeNull();
    expect(strict.evaluate({ a: 2, c: 8 }).root.origin).toBe('missing');
    expect(compiled.evaluate({ a: 2 }).root.score).toBeNull(); // coverage 1/4 < 1/2
    expect(compiled.evaluate({}).root.completeness).toBe(0);
  });

  it('meets a minimum coverage of two thirds with two children of three', () => {
    const twoThirds = compileModel(
      model(inner('root', 'max', [leaf('a'), leaf('b'), leaf('c')], { minCoverage: 2 / 3 })),
    );
    expect(twoThirds.evaluate({ a: 1, b: 4 }).root.score).toBe(4);
  });

  it('takes a value given for an inner node as given', () => {
    const nested = compileModel(
      model(
        inner('root', 'weighted-mean', [inner('left', 'max', [leaf('a'), leaf('b')]), leaf('c')]),
      ),
    );
    const evaluation = nested.evaluate({ left: 9, a: 1, c: 3 });
    expect(evaluation.nodes['left']).toMatchObject({ score: 9, origin: 'input', completeness: 1 });
    expect(evaluation.root.score).toBe(6);
    expect(evaluation.nodes['b']?.origin).toBe('missing');
  });
});

describe('rounding', () => {
  const tree = inner('root', 'weighted-mean', [
    inner('left', 'weighted-mean', [leaf('a'), leaf('b')]),
    leaf('c'),
  ]);
  const inputs = { a: 2.5, b: 2.6, c: 5.34 };

  it('rounds every score half up before its parent aggregates it', () => {
    const { nodes, root } = compileModel(model(tree, { decimals: 1 })).evaluate(inputs);
    expect(nodes['left']?.score).toBe(2.6); // 2.55
    expect(nodes['c']?.score).toBe(5.3);
    expect(root.score).toBe(4); // (2.6 + 5.3) / 2 = 3.95, where unrounded scores give 3.945
    expect(root.contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(4, 12);
  });

  it('rounds a tie up where floating point lands just below it', () => {
    const mean = compileModel(
      model(inner('root', 'weighted-mean', [leaf('a'), leaf('b')]), { decimals: 1 }),
    );
    expect((0.1 + 4.6) / 2).toBeLessThan(2.35); // 2.3499999999999996
    expect(mean.evaluate({ a: 0.1, b: 4.6 }).root.score).toBe(2.4);
  });

  it('leaves scores unrounded when the model names no decimals', () => {
    expect(compileModel(model(tree)).evaluate(inputs).root.score).toBeCloseTo(3.945, 12);
  });
});

describe('explanations', () => {
  it('splits a weighted mean exactly into its children’s contributions', () => {
    const compiled = compileModel(
      model(inner('root', 'weighted-mean', [leaf('a'), leaf('b', { weight: 3 })])),
    );
    const { root } = compiled.evaluate({ a: 2, b: 8 });
    expect(root.contributions).toEqual([
      { id: 'a', value: 0.5, share: 0.5 / 6.5 },
      { id: 'b', value: 6, share: 6 / 6.5 },
    ]);
  });

  it('gives a maximum wholly to the child that decided it', () => {
    const compiled = compileModel(model(inner('root', 'max', [leaf('a'), leaf('b')])));
    expect(compiled.evaluate({ a: 2, b: 8 }).root.contributions.map((c) => c.value)).toEqual([
      0, 8,
    ]);
  });
});

describe('classes', () => {
  it('follows the INFORM thresholds, lower bound included', () => {
    const ids = [0, 1.99, 2, 3.49, 3.5, 4.99, 5, 6.49, 6.5, 10].map(
      (x) => classify(x, informRiskClasses)?.id,
    );
    expect(ids).toEqual([
      'very-low',
      'very-low',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very-high',
      'very-high',
    ]);
  });

  it('classes the root and the nodes that declare classes, no others', () => {
    const compiled = compileModel(
      model(
        inner('root', 'weighted-mean', [
          leaf('a', {
            classes: [
              { id: 'calm', label: { en: 'Calm' }, from: 0 },
              { id: 'alarm', label: { en: 'Alarm' }, from: 7 },
            ],
          }),
          leaf('b'),
        ]),
      ),
    );
    const evaluation = compiled.evaluate({ a: 8, b: 4 });
    expect(evaluation.root.class?.id).toBe('high');
    expect(evaluation.nodes['a']?.class?.id).toBe('alarm');
    expect(evaluation.nodes['b']?.class).toBeNull();
  });
});

describe('trends', () => {
  it('measures the change and slope over the last N periods', () => {
    const trend = computeTrend([1, 5, 2, 3, 4], 3);
    expect(trend).toEqual({ change: 2, slope: 1, direction: 'rising', periods: 3 });
    expect(computeTrend([4, 4.2, 4.1], 3).direction).toBe('stable');
    expect(computeTrend([6, null, 3], 3).direction).toBe('falling');
    expect(computeTrend([6, 5, null], 3)).toMatchObject({ change: null, direction: 'unknown' });
  });
});

describe('models as data', () => {
  it('refuses an invalid model with a message naming the problem', () => {
    expect(() => compileModel({ ...model(leaf('a')), minCoverage: 2 })).toThrow(/minCoverage/);
    expect(() => compileModel(JSON.parse('{"id":"x"}'))).toThrow(/not valid/);
  });

  it('refuses inputs for nodes the model does not have', () => {
    const compiled = compileModel(model(inner('root', 'max', [leaf('a')])));
    expect(() => compiled.evaluate({ z: 1 })).toThrow(/no node z/);
  });
});
