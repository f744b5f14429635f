import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  composeAssessmentSections,
  defineFormSection,
  definePillarModule,
  field,
  indicatorNode,
  parseSignal,
  type Indicator,
  type PillarModule,
} from '../src/index.js';

const rainfall: Indicator = {
  code: 'weather.rainfall-deficit',
  pillar: 'weather',
  title: { en: 'Rainfall deficit' },
  unit: 'percent',
  polarity: 'higher-is-worse',
  normalisation: { method: 'min-max', min: 0, max: 60 },
  origin: 'signals',
  source: 'Derived from dry-spell signals',
  sdgIndicators: [],
  disaggregations: [],
};

function weatherPillar(overrides: Partial<PillarModule> = {}): PillarModule {
  return {
    id: 'weather',
    label: { en: 'Weather' },
    description: { en: 'A pillar defined only in a test.' },
    indicators: [rainfall],
    signalKinds: [
      {
        kind: 'dry-spell',
        label: { en: 'Dry spell' },
        description: { en: 'Weeks without rain' },
        payload: z.object({
          weeks: z.int().min(1),
          farmers: z.array(z.object({ name: z.string(), village: z.string() })),
        }),
        sensitivity: 'restricted',
        fieldSensitivity: { 'farmers[].name': 'strictly-confidential' },
      },
    ],
    assessmentSection: defineFormSection({
      id: 'weather',
      title: { en: 'Weather' },
      fields: { outlook: field.longText({ label: { en: 'Outlook' } }) },
    }),
    riskModel: {
      kind: 'aggregate',
      id: 'weather',
      title: { en: 'Weather' },
      operator: 'weighted-mean',
      children: [indicatorNode(rainfall)],
    },
    deriveObservations: () => [],
    ...overrides,
  };
}

const signal = {
  id: '01964f4e-2c4a-7000-8000-000000000001',
  pillar: 'weather',
  kind: 'dry-spell',
  areaCode: 'KEN',
  occurredOn: '2026-02-01',
  title: 'Six dry weeks',
  severity: 3,
  verification: 'reported',
  source: 'Field team',
  sensitivity: 'public',
  fieldSensitivity: {},
  payload: { weeks: 6, farmers: [{ name: 'A', village: 'B' }] },
};

describe('the pillar contract', () => {
  it('accepts a consistent module', () => {
    expect(definePillarModule(weatherPillar()).id).toBe('weather');
  });

  it('refuses a risk leaf for an indicator outside the catalogue', () => {
    const module = weatherPillar();
    expect(() =>
      definePillarModule({
        ...module,
        riskModel: {
          ...module.riskModel,
          children: [{ ...indicatorNode(rainfall), id: 'weather.other' }],
        },
      }),
    ).toThrow(/weather.other/);
  });

  it('refuses a default field sensitivity for a payload field that does not exist', () => {
    const module = weatherPillar();
    const [kind] = module.signalKinds;
    if (!kind) throw new Error('no kind');
    expect(() =>
      definePillarModule({
        ...module,
        signalKinds: [{ ...kind, fieldSensitivity: { 'farmer[].name': 'strictly-confidential' } }],
      }),
    ).toThrow(/farmer\[\]\.name/);
  });

  it('refuses an indicator of another pillar and a misnamed subtree', () => {
    expect(() =>
      definePillarModule(weatherPillar({ indicators: [{ ...rainfall, pillar: 'climate' }] })),
    ).toThrow(AppError);
    const module = weatherPillar();
    expect(() =>
      definePillarModule({ ...module, riskModel: { ...module.riskModel, id: 'climate' } }),
    ).toThrow(/subtree/);
  });

  it('validates a signal payload and applies the default field sensitivities', () => {
    const pillars = [definePillarModule(weatherPillar())];
    const parsed = parseSignal(pillars, signal);
    expect(parsed.sensitivity).toBe('restricted');
    expect(parsed.fieldSensitivity).toEqual({ 'farmers[].name': 'strictly-confidential' });
    expect(() => parseSignal(pillars, { ...signal, payload: { weeks: 0, farmers: [] } })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ path: ['payload', 'weeks'] })],
      }),
    );
    expect(() => parseSignal(pillars, { ...signal, kind: 'flood' })).toThrow(/flood/);
  });

  it('never lets a reporter lower a default field sensitivity', () => {
    const pillars = [definePillarModule(weatherPillar())];
    const lowered = { ...signal, fieldSensitivity: { 'farmers[].name': 'public' } };
    expect(parseSignal(pillars, lowered).fieldSensitivity['farmers[].name']).toBe(
      'strictly-confidential',
    );
  });

  it('composes assessment sections from any list of pillars', () => {
    const composed = composeAssessmentSections([definePillarModule(weatherPillar())]);
    expect(composed.sections.map((s) => s.key)).toEqual(['weather']);
    expect(composed.schema.safeParse({ weather: { outlook: 'Dry' } }).success).toBe(true);
    expect(composed.schema.safeParse({ weather: {} }).success).toBe(false);
    expect(composed.fieldSensitivity).toEqual({ weather: 'restricted' });
  });
});
