import fc from 'fast-check';
import type { AggregationOperator, RiskNode } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { aggregate, compileModel, contributionsTo } from '../src/index.js';
import { inner, leaf, model } from './models.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

const operators: AggregationOperator[] = [
  'weighted-mean',
  'geometric-mean',
  'reverse-geometric-mean',
  'max',
  'scaled-max',
  'min',
];
const score = fc.double({ min: 0, max: 10, noNaN: true });
const weight = fc.double({ min: 0.1, max: 10, noNaN: true });
const scale = fc.double({ min: 0, max: 2, noNaN: true });
const operator = fc.constantFrom(...operators);

/** Children: scores with their weights and scales. */
const children = fc.array(fc.tuple(score, weight, scale), { minLength: 1, maxLength: 8 });
const apply = (op: AggregationOperator, kids: [number, number, number][]) =>
  aggregate(
    op,
    kids.map(([x]) => x),
    kids.map(([, w]) => w),
    kids.map(([, , a]) => a),
  );

const TOLERANCE = 1e-9;

describe('aggregation operators (property-based)', () => {
  it('keep results within [0, 10]', () => {
    fc.assert(
      fc.property(operator, children, (op, kids) => {
        const result = apply(op, kids);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('put arithmetic and geometric means between the smallest and largest input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AggregationOperator>('weighted-mean', 'geometric-mean'),
        children,
        (op, kids) => {
          const xs = kids.map(([x]) => x);
          const result = apply(op, kids);
          expect(result).toBeGreaterThanOrEqual(Math.min(...xs) - TOLERANCE);
          expect(result).toBeLessThanOrEqual(Math.max(...xs) + TOLERANCE);
        },
      ),
    );
  });

  it('are monotone in each input', () => {
    fc.assert(
      fc.property(operator, children, fc.nat(), score, (op, kids, pick, raised) => {
        const i = pick % kids.length;
        const [x, w, a] = kids[i] as [number, number, number];
        const higher = kids.map((k, j) =>
          j === i ? ([Math.max(x, raised), w, a] as [number, number, number]) : k,
        );
        expect(apply(op, higher)).toBeGreaterThanOrEqual(apply(op, kids) - TOLERANCE);
      }),
    );
  });

  it('do not depend on the order of the children', () => {
    fc.assert(
      fc.property(operator, children, fc.nat(), (op, kids, seed) => {
        const shuffled = [...kids];
        for (let i = shuffled.length - 1; i > 0; i -= 1) {
          const j = (seed + i * 7919) % (i + 1);
          [shuffled[i], shuffled[j]] = [
            shuffled[j] as [number, number, number],
            shuffled[i] as [number, number, number],
          ];
        }
        expect(apply(op, shuffled)).toBeCloseTo(apply(op, kids), 9);
      }),
    );
  });

  it('are explained by contributions that add up to the parent', () => {
    fc.assert(
      fc.property(operator, children, (op, kids) => {
        const parent = apply(op, kids);
        const parts = contributionsTo(
          op,
          parent,
          kids.map(([x]) => x),
          kids.map(([, w]) => w),
          kids.map(([, , a]) => a),
        );
        expect(parts.reduce((s, p) => s + p, 0)).toBeCloseTo(parent, 9);
      }),
    );
  });
});

/** A random tree of depth ≤ 3 with unique ids, and random, partly missing inputs. */
function randomTree(): fc.Arbitrary<RiskNode> {
  let counter = 0;
  const node = (depth: number): fc.Arbitrary<RiskNode> =>
    depth === 0
      ? fc
          .record({ weight, scale })
          .map(({ weight: w, scale: a }) => leaf(`n${(counter += 1)}`, { weight: w, scale: a }))
      : fc.oneof(
          { weight: 1, arbitrary: node(0) },
          {
            weight: 2,
            arbitrary: fc
              .record({
                op: operator,
                kids: fc.array(node(depth - 1), { minLength: 1, maxLength: 4 }),
                w: weight,
                cover: fc.double({ min: 0.1, max: 1, noNaN: true }),
              })
              .map(({ op, kids, w, cover }) =>
                inner(`n${(counter += 1)}`, op, kids, { weight: w, minCoverage: cover }),
              ),
          },
        );
  return node(3).map((root) => (root.kind === 'aggregate' ? root : inner('root', 'max', [root])));
}

describe('the engine on random models (property-based)', () => {
  it('keeps every score in [0, 10], completeness in [0, 1], and contributions adding up, rounded or not', () => {
    fc.assert(
      fc.property(
        randomTree(),
        fc.array(fc.option(score, { nil: undefined }), { maxLength: 64 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (root, values, decimals) => {
          const compiled = compileModel(model(root, decimals === undefined ? {} : { decimals }));
          const inputs: Record<string, number | undefined> = {};
          compiled.nodes.forEach((node, i) => {
            if (node.kind === 'indicator') inputs[node.id] = values[i];
          });
          const evaluation = compiled.evaluate(inputs);
          for (const node of Object.values(evaluation.nodes)) {
            expect(node.completeness).toBeGreaterThanOrEqual(0);
            expect(node.completeness).toBeLessThanOrEqual(1 + TOLERANCE);
            if (node.score === null) continue;
            expect(node.score).toBeGreaterThanOrEqual(0);
            expect(node.score).toBeLessThanOrEqual(10);
            if (node.contributions.length > 0)
              expect(node.contributions.reduce((s, c) => s + c.value, 0)).toBeCloseTo(
                node.score,
                9,
              );
          }
        },
      ),
      { numRuns: 200 * propertyRunsScale },
    );
  });

  it('agrees between the fast path and the explained evaluation', () => {
    fc.assert(
      fc.property(randomTree(), fc.array(score, { maxLength: 64 }), (root, values) => {
        const compiled = compileModel(model(root));
        const inputs = new Float64Array(compiled.size).fill(Number.NaN);
        compiled.nodes.forEach((node, i) => {
          if (node.kind === 'indicator') inputs[i] = values[i] ?? Number.NaN;
        });
        const scores = new Float64Array(compiled.size);
        const completeness = new Float64Array(compiled.size);
        compiled.evaluateInto(inputs, scores, completeness);
        const explained = compiled.evaluate(inputs);
        compiled.nodes.forEach((node, i) => {
          expect(explained.nodes[node.id]?.score ?? Number.NaN).toBe(scores[i]);
        });
      }),
      { numRuns: 100 * propertyRunsScale },
    );
  });
});
