import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GapAnalysis,
  PlanFinancing,
  analysePlanGaps,
  PlanContent,
  apportion,
  computePlanFinancing,
  continuumMatrix,
  usdOfFlow,
  type FlowStatus,
  type MoneyTotals,
} from '../src/index.js';
import { propertyRunsScale, randomPlan } from './random-plan.js';

const measures = ['requiredUsd', 'pledgedUsd', 'committedUsd', 'disbursedUsd'] as const;
const sumOf = (views: readonly MoneyTotals[]) =>
  Object.fromEntries(measures.map((m) => [m, views.reduce((sum, v) => sum + v[m], 0)]));
const fourSums = (totals: MoneyTotals) => Object.fromEntries(measures.map((m) => [m, totals[m]]));

describe('no flow is counted twice', () => {
  it('generates valid plans', () => {
    fc.assert(
      fc.property(randomPlan, (plan) => {
        expect(PlanContent.safeParse(plan).success).toBe(true);
      }),
      { numRuns: 50 * propertyRunsScale },
    );
  });

  it('sums over actions, outcomes and pillars to the plan total, which is the flows counted', () => {
    fc.assert(
      fc.property(randomPlan, (plan) => {
        const financing = computePlanFinancing(plan);
        const total = fourSums(financing.plan);
        const actions = Object.values(financing.byAction);
        expect(sumOf([...actions, financing.outcomeLevel])).toEqual(total);
        expect(sumOf(Object.values(financing.byOutcome))).toEqual(total);
        expect(sumOf(Object.values(financing.byPillar))).toEqual(total);
        expect(sumOf(Object.values(financing.outcomeLevelByOutcome))).toEqual(
          fourSums(financing.outcomeLevel),
        );
        // The matrix holds the actions' money once, each action split over its pillars' cells.
        const cells = continuumMatrix(plan, financing).cells.map((cell) => cell.money);
        expect(sumOf(cells)).toEqual(sumOf(actions));

        const usdOf = (statuses: readonly FlowStatus[]) =>
          plan.flows
            .filter((f) => statuses.includes(f.status))
            .reduce((sum, f) => sum + usdOfFlow(f), 0);
        expect(financing.plan.pledgedUsd).toBe(usdOf(['pledged']));
        expect(financing.plan.committedUsd).toBe(usdOf(['committed', 'disbursed']));
        expect(financing.plan.disbursedUsd).toBe(usdOf(['disbursed']));
      }),
      { numRuns: 200 * propertyRunsScale },
    );
  });

  it('apportions every flow and requirement in parts that sum exactly to it', () => {
    fc.assert(
      fc.property(randomPlan, (plan) => {
        const { apportionments } = computePlanFinancing(plan);
        expect(apportionments).toHaveLength(plan.actions.length + plan.flows.length);
        for (const a of apportionments) {
          expect(a.outcomes.reduce((sum, s) => sum + s.usd, 0)).toBe(a.usd);
          expect(a.pillars.reduce((sum, s) => sum + s.usd, 0)).toBe(a.usd);
        }
      }),
      { numRuns: 200 * propertyRunsScale },
    );
  });
});

describe('views of random plans', () => {
  it('parse with their output schemas', () => {
    fc.assert(
      fc.property(randomPlan, (plan) => {
        PlanFinancing.parse(computePlanFinancing(plan));
        GapAnalysis.parse(analysePlanGaps(plan, []));
      }),
      { numRuns: 50 * propertyRunsScale },
    );
  });
});

describe('largest remainder apportionment', () => {
  it('sums exactly to the whole, each part within a cent of its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 15), max: 10 ** 15 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            expect(Math.abs(part - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 500 * propertyRunsScale },
    );
  });
});
