import { addMonths, monthRange } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  carriedReliabilityFloor,
  compileModel,
  createRiskProfiler,
  observationReliability,
  preventionRiskModel,
  reliabilityFactors,
  roundForProfile,
  type ProfileObservation,
} from '../src/index.js';
import { observation, profileOf, smallCatalogue } from './profiles.js';

const prevention = compileModel(preventionRiskModel);
const profiler = createRiskProfiler(prevention, { draws: 0 });
const homicide = 'peace-security.homicide-rate'; // external, yearly: the default 24 months
const feelSafe = 'peace-security.feel-safe'; // survey-based: 60 months
const battles = 'peace-security.battles'; // derived from signals: never carried

/** The prevention model's leaf for one indicator, month by month. */
function leafSeries(observations: ProfileObservation[], code: string, from: string, to: string) {
  const series = profiler.compute({ area: 'AFG', observations }, { from, to });
  return monthRange(from, to).map((month) => series.profile(month).nodes[code]);
}

describe('which observation counts for a leaf and a month', () => {
  it('carries a yearly indicator through its window with falling reliability, then drops it', () => {
    const nodes = leafSeries([observation(homicide, '2020', 12)], homicide, '2020-01', '2023-01');
    const inYear = nodes.slice(0, 12);
    const carried = nodes.slice(12, 36);
    expect(inYear.every((n) => n?.reliability === reliabilityFactors.high)).toBe(true);
    expect(carried.every((n) => n?.score !== null && n?.observed === '2020')).toBe(true);
    carried.forEach((node, k) => {
      expect(node?.reliability).toBe(roundForProfile(observationReliability('high', k + 1, 24)));
      if (k > 0) expect(node?.reliability).toBeLessThan(carried[k - 1]?.reliability ?? 0);
    });
    expect(carried.at(-1)?.reliability).toBeCloseTo(carriedReliabilityFloor, 3);
    expect(nodes.at(-1)).toMatchObject({ score: null, reliability: 0, completeness: 0 });
    expect(nodes.at(-1)?.observed).toBeUndefined();
  });

  it('keeps a survey-based indicator for its own, longer window', () => {
    const nodes = leafSeries([observation(feelSafe, '2018', 60)], feelSafe, '2023-12', '2024-01');
    expect(nodes[0]).toMatchObject({ observed: '2018' });
    expect(nodes[0]?.reliability).toBeCloseTo(carriedReliabilityFloor, 3);
    expect(nodes[1]?.score).toBeNull();
  });

  it('does not carry a monthly count derived from signals into the next month', () => {
    const nodes = leafSeries([observation(battles, '2024-03', 5)], battles, '2024-03', '2024-04');
    expect(nodes[0]).toMatchObject({ observed: '2024-03', reliability: 1, completeness: 1 });
    expect(nodes[1]).toMatchObject({ score: null, reliability: 0, completeness: 0 });
  });

  it('lets a year cover its twelve months and a quarter its three before carrying them', () => {
    const quarter = leafSeries(
      [observation(homicide, '2024-Q2', 3)],
      homicide,
      '2024-03',
      '2024-07',
    );
    expect(quarter.map((n) => n?.score === null)).toEqual([true, false, false, false, false]);
    expect(quarter.map((n) => n?.reliability)).toEqual([
      0,
      1,
      1,
      1,
      roundForProfile(observationReliability('high', 1, 24)),
    ]);
    const year = leafSeries([observation(homicide, '2024', 3)], homicide, '2023-12', '2025-01');
    expect(year[0]?.score).toBeNull();
    expect(year.slice(1, 13).every((n) => n?.reliability === 1)).toBe(true);
    expect(year[13]?.reliability).toBeLessThan(1);
  });

  it('takes the period covering the month over an older one, and the shortest on a tie', () => {
    const observations = [
      observation(homicide, '2023-11', 40),
      observation(homicide, '2024', 2),
      observation(homicide, '2024-03', 8),
    ];
    const nodes = leafSeries(observations, homicide, '2024-01', '2024-04');
    // January: the year covers it, the month of 2023 is only carried.
    expect(nodes.map((n) => n?.observed)).toEqual(['2024', '2024', '2024-03', '2024']);
  });

  it('prefers the more reliable of two values for one period, then the later one', () => {
    const both = (first: ProfileObservation, second: ProfileObservation) =>
      leafSeries([first, second], homicide, '2024-01', '2024-01')[0]?.reliability;
    expect(
      both(
        observation(homicide, '2024', 2, { reliability: 'high' }),
        observation(homicide, '2024', 9, { reliability: 'low' }),
      ),
    ).toBe(1);
    const later = profiler
      .compute(
        {
          area: 'AFG',
          observations: [observation(homicide, '2024', 2), observation(homicide, '2024', 9)],
        },
        { from: '2024-01', to: '2024-01' },
      )
      .profile('2024-01');
    const alone = profiler
      .compute(
        { area: 'AFG', observations: [observation(homicide, '2024', 9)] },
        { from: '2024-01', to: '2024-01' },
      )
      .profile('2024-01');
    expect(later.nodes[homicide]?.score).toBe(alone.nodes[homicide]?.score);
  });

  it('feeds the model the total only, never a row for one sex or age group', () => {
    const female = observation(homicide, '2024', 40, { disaggregation: { sex: 'female' } });
    const child = observation(homicide, '2024', 45, { disaggregation: { age: 'child' } });
    expect(leafSeries([female, child], homicide, '2024-06', '2024-06')[0]?.score).toBeNull();
    const withTotal = leafSeries(
      [observation(homicide, '2024', 1, { disaggregation: {} }), female, child],
      homicide,
      '2024-06',
      '2024-06',
    );
    const totalOnly = leafSeries(
      [observation(homicide, '2024', 1)],
      homicide,
      '2024-06',
      '2024-06',
    );
    expect(withTotal[0]?.score).toBe(totalOnly[0]?.score);
  });

  it('uses the windows of the catalogue it is given, and none for an indicator it lacks', () => {
    const values = [observation('test.a', '2024-01', 4), observation('test.c', '2024-01', 6)];
    const profile = profileOf(values, '2024-03', {
      indicators: smallCatalogue({ 'test.a': 2 }),
      from: '2024-01',
    });
    expect(profile.nodes['test.a']).toMatchObject({ score: 4, observed: '2024-01' });
    expect(profile.nodes['test.c']?.score).toBeNull();
    const unknown = profileOf(values, '2024-02', { indicators: [], unknownCarryForwardMonths: 1 });
    expect(unknown.nodes['test.c']).toMatchObject({ score: 6, observed: '2024-01' });
  });

  it('names the oldest month whose observations can still count', () => {
    expect(profiler.oldestUsableMonth('2026-03')).toBe(addMonths('2026-03', -60));
  });

  it('refuses an observation it cannot place in time', () => {
    expect(() =>
      leafSeries([observation(homicide, '20x4', 1)], homicide, '2024-01', '2024-01'),
    ).toThrow(/not a valid observation/);
  });
});

describe('observation reliability', () => {
  it('falls linearly from the reported reliability to the floor at the end of the window', () => {
    for (const reliability of ['high', 'medium', 'low'] as const) {
      const base = reliabilityFactors[reliability];
      expect(observationReliability(reliability, 0, 24)).toBe(base);
      expect(observationReliability(reliability, 12, 24)).toBeCloseTo(
        (base * (1 + carriedReliabilityFloor)) / 2,
        12,
      );
      expect(observationReliability(reliability, 24, 24)).toBeCloseTo(
        base * carriedReliabilityFloor,
        12,
      );
      expect(observationReliability(reliability, 25, 24)).toBe(0);
      expect(observationReliability(reliability, 1, 0)).toBe(0);
    }
  });
});
