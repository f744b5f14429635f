import {
  composeAssessmentSections,
  defineFormSection,
  definePillarModule,
  field,
  indicatorNode,
  monthRange,
  type Indicator,
  type Observation,
} from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileModel, composeRiskModel, platformPillars } from '../src/index.js';

/** A fourth pillar, defined here and nowhere else: the three shipped pillars do not change. */
const accessIndicator: Indicator = {
  code: 'humanitarian.access-constraints',
  pillar: 'humanitarian',
  title: { en: 'Humanitarian access constraints per month' },
  unit: 'events',
  polarity: 'higher-is-worse',
  normalisation: { method: 'log-min-max', min: 0, max: 50 },
  origin: 'signals',
  source: 'Derived from access-incident signals',
  sdgIndicators: [],
  disaggregations: [],
};
const fundingIndicator: Indicator = {
  ...accessIndicator,
  code: 'humanitarian.appeal-funded',
  title: { en: 'Humanitarian appeal funded (%)' },
  unit: 'percent',
  polarity: 'higher-is-better',
  normalisation: { method: 'min-max', min: 0, max: 100 },
  origin: 'external',
  source: 'Financial Tracking Service',
};

const humanitarianPillar = definePillarModule({
  id: 'humanitarian',
  label: { en: 'Humanitarian action', fr: 'Action humanitaire' },
  description: { en: 'Needs, access and response.' },
  indicators: [accessIndicator, fundingIndicator],
  signalKinds: [
    {
      kind: 'access-incident',
      label: { en: 'Access incident' },
      description: { en: 'Aid workers blocked, attacked or detained.' },
      payload: z.object({
        impediment: z.enum(['checkpoint', 'attack', 'detention', 'bureaucratic']),
        aidWorkers: z.array(z.object({ name: z.string() })),
      }),
      sensitivity: 'confidential',
      fieldSensitivity: { 'aidWorkers[].name': 'strictly-confidential' },
    },
  ],
  assessmentSection: defineFormSection({
    id: 'humanitarian',
    title: { en: 'Humanitarian action' },
    fields: {
      peopleInNeed: field.countBySexAndAge({ label: { en: 'People in need' } }),
      accessSituation: field.singleChoice({
        label: { en: 'Access' },
        options: {
          good: { en: 'Good' },
          constrained: { en: 'Constrained' },
          denied: { en: 'Denied' },
        },
      }),
    },
  }),
  riskModel: {
    kind: 'aggregate',
    id: 'humanitarian',
    title: { en: 'Humanitarian action' },
    operator: 'weighted-mean',
    children: [indicatorNode(accessIndicator, { weight: 2 }), indicatorNode(fundingIndicator)],
  },
  deriveObservations(signals, context) {
    const observations: Observation[] = [];
    const areas = new Set(
      signals.filter((s) => s.pillar === 'humanitarian').map((s) => s.areaCode),
    );
    for (const areaCode of areas)
      for (const month of monthRange(context.from, context.to))
        observations.push({
          indicatorCode: accessIndicator.code,
          areaCode,
          period: month,
          value: signals.filter(
            (s) =>
              s.pillar === 'humanitarian' &&
              s.areaCode === areaCode &&
              s.occurredOn.startsWith(month),
          ).length,
          source: 'Derived from access-incident signals',
          reliability: 'medium',
        });
    return observations;
  },
});

describe('a fourth pillar', () => {
  const pillars = [...platformPillars, humanitarianPillar];

  it('composes into a risk model beside the three shipped pillars', () => {
    const model = composeRiskModel(pillars, {
      id: 'prevention-with-humanitarian',
      version: '1',
      title: { en: 'Prevention risk with humanitarian action' },
      weights: { humanitarian: 0.5 },
    });
    const compiled = compileModel(model);
    const evaluation = compiled.evaluate({
      'peace-security': 6,
      development: 4,
      'human-rights': 5,
      'humanitarian.access-constraints': 50,
      'humanitarian.appeal-funded': 20,
    });
    expect(evaluation.nodes['humanitarian']?.score).toBeCloseTo((2 * 10 + 8) / 3, 10);
    expect(evaluation.root.contributions.map((c) => c.id)).toEqual([
      'peace-security',
      'development',
      'human-rights',
      'humanitarian',
    ]);
    expect(evaluation.root.contributions.reduce((s, c) => s + c.value, 0)).toBeCloseTo(
      evaluation.root.score ?? Number.NaN,
      10,
    );
  });

  it('composes into the list of assessment sections', () => {
    const composed = composeAssessmentSections(pillars);
    expect(composed.sections.map((s) => s.key)).toEqual([
      'peaceSecurity',
      'development',
      'humanRights',
      'humanitarian',
    ]);
    expect(composed.fieldSensitivity['humanRights.cases[].victimNames']).toBe(
      'strictly-confidential',
    );
    const humanitarianOnly = composeAssessmentSections([humanitarianPillar]);
    const peopleInNeed = {
      female: { child: 1, adult: 2, older: 0, unknown: 0 },
      male: { child: 1, adult: 1, older: 0, unknown: 0 },
      unknown: { child: 0, adult: 0, older: 0, unknown: 0 },
    };
    expect(
      humanitarianOnly.schema.safeParse({
        humanitarian: { peopleInNeed, accessSituation: 'denied' },
      }).success,
    ).toBe(true);
    expect(
      humanitarianOnly.schema.safeParse({ humanitarian: { peopleInNeed, accessSituation: 'open' } })
        .success,
    ).toBe(false);
  });

  it('refuses a weight for a pillar that is not composed', () => {
    expect(() =>
      composeRiskModel(platformPillars, {
        id: 'x',
        version: '1',
        title: { en: 'X' },
        weights: { humanitarian: 1 },
      }),
    ).toThrow(/humanitarian/);
  });
});
