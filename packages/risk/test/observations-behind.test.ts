import { monthIndexBounds } from '@prevention/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileModel,
  createRiskProfiler,
  informRiskModel,
  leavesUnder,
  observationReliability,
  observationUses,
  periodsInWindow,
  preventionRiskModel,
  type ProfileObservation,
} from '../src/index.js';
import { observation, reliabilities, smallCatalogue, smallModel } from './profiles.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);

const profiler = createRiskProfiler(compileModel(preventionRiskModel), { draws: 0 });
const homicide = 'peace-security.homicide-rate'; // external, yearly: the default 24 months
const battles = 'peace-security.battles'; // derived from signals: never carried

describe('the leaves under a node', () => {
  it('gives a leaf itself, with its validity window', () => {
    expect(leavesUnder(profiler, homicide)).toEqual([
      { node: homicide, indicator: homicide, carryForwardMonths: 24 },
    ]);
  });

  it("gives an aggregate's indicator leaves in the model's order, and the root every leaf", () => {
    const violence = leavesUnder(profiler, 'peace-security.violence') ?? [];
    expect(violence.map((leaf) => leaf.node)).toEqual([
      'peace-security.fatalities-per-100k',
      'peace-security.civilian-fatalities-per-100k',
      'peace-security.battles',
      'peace-security.explosions-remote-violence',
      'peace-security.violence-against-civilians',
      'peace-security.civilian-targeting-events',
      homicide,
    ]);
    expect(violence.find((leaf) => leaf.node === battles)?.carryForwardMonths).toBe(0);
    expect(leavesUnder(profiler, preventionRiskModel.root.id)).toHaveLength(
      profiler.layout.leafCount,
    );
  });

  it('names the indicator a leaf reads when it is not the node id, and a window of 0 when the catalogue lacks it', () => {
    const inform = createRiskProfiler(compileModel(informRiskModel), { draws: 0 });
    expect(leavesUnder(inform, 'human')).toEqual([
      {
        node: 'projected-conflict-risk',
        indicator: 'projected-conflict-risk',
        carryForwardMonths: 0,
      },
      {
        node: 'current-conflict-intensity',
        indicator: 'current-conflict-intensity',
        carryForwardMonths: 0,
      },
    ]);
  });

  it('is undefined for a node the model does not have', () => {
    expect(leavesUnder(profiler, 'no-such-node')).toBeUndefined();
  });
});

describe('the periods in a window', () => {
  it('lists a monthly indicator its month, quarter and year only', () => {
    expect(periodsInWindow('2026-05', 0)).toEqual(['2026-05', '2026-Q2', '2026']);
  });

  it('lists every month, quarter and year that ends within the window and begins by the month', () => {
    expect(periodsInWindow('2026-02', 3)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
      '2026-Q1',
      '2025-Q4',
      '2026',
      '2025',
    ]);
  });

  it('stops at year 0', () => {
    expect(periodsInWindow('0000-02', 24)).toEqual(['0000-02', '0000-01', '0000-Q1', '0000']);
  });

  it('holds exactly the periods whose observation the profiler can use in the month', () => {
    const periods = fc.oneof(
      fc.integer({ min: 2015, max: 2027 }).map(String),
      fc
        .tuple(fc.integer({ min: 2015, max: 2027 }), fc.integer({ min: 1, max: 4 }))
        .map(([year, quarter]) => `${year}-Q${quarter}`),
      fc
        .tuple(fc.integer({ min: 2015, max: 2027 }), fc.integer({ min: 1, max: 12 }))
        .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(periods, fc.integer({ min: 0, max: 60 }), (period, window) => {
        const month = '2024-07';
        const profile = createRiskProfiler(smallModel(), {
          draws: 0,
          indicators: smallCatalogue({ 'test.a': window }),
        })
          .compute(
            { area: 'AFG', observations: [observation('test.a', period, 5)] },
            {
              from: month,
              to: month,
            },
          )
          .profile(month);
        const used = profile.nodes['test.a']?.observed === period;
        expect(periodsInWindow(month, window).includes(period)).toBe(used);
      }),
      { numRuns: 300 * propertyRunsScale },
    );
  });
});

describe('what each observation is to a month', () => {
  it('marks the one a leaf rests on, with its months carried and its falling reliability', () => {
    const observations = [
      observation(homicide, '2023', 7, { reliability: 'medium' }),
      observation(homicide, '2024', 6),
      observation(battles, '2025-03', 2),
      observation(battles, '2025-02', 9),
    ];
    expect(observationUses(profiler, observations, '2025-03')).toEqual([
      {
        counts: false,
        carriedMonths: 15,
        reliabilityFactor: observationReliability('medium', 15, 24),
      },
      { counts: true, carriedMonths: 3, reliabilityFactor: observationReliability('high', 3, 24) },
      { counts: true, carriedMonths: 0, reliabilityFactor: 1 },
      { counts: false, carriedMonths: 1, reliabilityFactor: 0 },
    ]);
  });

  it('never counts a row for one sex or age group, nor an indicator outside the model', () => {
    const uses = observationUses(
      profiler,
      [
        observation(homicide, '2025', 3, { disaggregation: { sex: 'female' } }),
        observation('development.population', '2025', 1_000_000),
      ],
      '2025-06',
    );
    expect(uses.map((use) => use.counts)).toEqual([false, false]);
    expect(uses[1]?.reliabilityFactor).toBe(0);
  });

  it('agrees with the profile: the one that counts is the period the leaf was observed in', () => {
    const candidate = fc.record({
      period: fc.oneof(
        fc.integer({ min: 2021, max: 2024 }).map(String),
        fc
          .tuple(fc.integer({ min: 2022, max: 2024 }), fc.integer({ min: 1, max: 4 }))
          .map(([year, quarter]) => `${year}-Q${quarter}`),
        fc
          .tuple(fc.integer({ min: 2023, max: 2024 }), fc.integer({ min: 1, max: 12 }))
          .map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`),
      ),
      value: fc.integer({ min: 0, max: 10 }),
      reliability: fc.constantFrom(...reliabilities),
      indicatorCode: fc.constantFrom('test.a', 'test.b'),
    });
    const small = createRiskProfiler(smallModel(), {
      draws: 0,
      indicators: smallCatalogue({ 'test.a': 12, 'test.b': 0 }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 8 }), (observations) => {
        const ordered: ProfileObservation[] = [...observations].sort((a, b) =>
          a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
        );
        const month = '2024-06';
        const profile = small
          .compute({ area: 'AFG', observations: ordered }, { from: month, to: month })
          .profile(month);
        const uses = observationUses(small, ordered, month);
        for (const code of ['test.a', 'test.b']) {
          const counted = ordered.flatMap((o, i) =>
            o.indicatorCode === code && uses[i]?.counts ? [o] : [],
          );
          const node = profile.nodes[code];
          expect(counted.map((o) => o.period)).toEqual(node?.observed ? [node.observed] : []);
          if (counted[0]) expect(node?.score).toBe(counted[0].value);
          const used = counted[0] ? uses[ordered.indexOf(counted[0])] : undefined;
          if (used) expect(node?.reliability).toBeCloseTo(used.reliabilityFactor, 2);
        }
        ordered.forEach((o, i) => {
          const { last } = monthIndexBounds(o.period);
          expect(uses[i]?.carriedMonths).toBe(Math.max(0, 2024 * 12 + 5 - last));
        });
      }),
      { numRuns: 300 * propertyRunsScale },
    );
  });
});
