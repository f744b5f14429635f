import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtest, defaultRules, evaluateRule, firingLevel } from '../src/index.js';
import { layer, monthlyEvents, rule, scores, values } from './factories.js';
import { addMonths } from '@prevention/core';

const shift = rule({
  kind: 'class-shift',
  node: 'prevention-risk',
  toClass: 'high',
  persistMonths: 2,
  margin: 0.5,
});

describe('rule properties', () => {
  it('a score flickering across the edge, never two months in the class, never shifts', () => {
    // Each month is either below 5.0 or in [5.0, 5.5); no two in-class months in a row.
    const month = fc.record({
      inClass: fc.boolean(),
      score: fc.double({ min: 0, max: 0.49, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 36 }), (months) => {
        let previousIn = false;
        const list = months.map(({ inClass, score }) => {
          const isIn = inClass && !previousIn;
          previousIn = isIn;
          return isIn ? 5 + score : 4.99 - score;
        });
        const history = layer({ scores: { 'prevention-risk': scores('2024-01', list) } });
        list.forEach((_, i) =>
          expect(evaluateRule(shift, history, addMonths('2024-01', i))).toBeNull(),
        );
      }),
    );
  });

  it('never raises a level beyond urgent', () => {
    expect(firingLevel('urgent', true)).toBe('urgent');
    expect(firingLevel('watch', true)).toBe('warning');
    expect(firingLevel('watch', false)).toBe('watch');
  });

  it('back-test counts stay consistent on random histories', () => {
    const counts = fc.array(fc.nat({ max: 12 }), { minLength: 24, maxLength: 24 });
    fc.assert(
      fc.property(counts, counts, (events, deaths) => {
        const history = layer({
          signals: monthlyEvents('2024-01', events),
          indicators: {
            'peace-security.fatalities': values(
              '2024-01',
              deaths.map((d) => d * 10),
            ),
          },
        });
        const report = backtest(defaultRules, [[history]], {
          from: '2024-02',
          to: '2025-12',
          onset: {
            kind: 'indicator-above',
            indicatorId: 'peace-security.fatalities',
            threshold: 60,
          },
        });
        for (const row of [...report.rules, report.baseline]) {
          expect(row.hits + row.falseAlarms).toBe(row.alerts);
          expect(row.onsets).toBe(report.baseline.onsets);
          if (row.hitRate !== null) expect(row.hitRate).toBeLessThanOrEqual(1);
          if (row.meanLeadMonths !== null) {
            expect(row.meanLeadMonths).toBeGreaterThanOrEqual(1);
            expect(row.meanLeadMonths).toBeLessThanOrEqual(6);
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
