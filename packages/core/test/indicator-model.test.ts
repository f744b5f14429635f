import { describe, expect, it } from 'vitest';
import {
  Indicator,
  Normalisation,
  RiskModel,
  sdgTargetOf,
  SdgIndicatorCode,
} from '../src/index.js';

const classes = [
  { id: 'low', label: { en: 'Low' }, from: 0 },
  { id: 'high', label: { en: 'High' }, from: 5 },
];

describe('indicators', () => {
  it('validates SDG codes and finds their target', () => {
    expect(SdgIndicatorCode.safeParse('16.a.1').success).toBe(true);
    expect(SdgIndicatorCode.safeParse('18.1.1').success).toBe(false);
    expect(sdgTargetOf('16.10.2')).toBe('16.10');
  });

  it('requires goalposts in order and an indicator code under its pillar', () => {
    expect(Normalisation.safeParse({ method: 'min-max', min: 5, max: 5 }).success).toBe(false);
    expect(
      Indicator.safeParse({
        code: 'development.poverty',
        pillar: 'human-rights',
        title: { en: 'Poverty' },
        unit: 'percent',
        polarity: 'higher-is-worse',
        normalisation: { method: 'identity' },
        origin: 'external',
        source: 'x',
        sdgIndicators: [],
        disaggregations: [],
      }).success,
    ).toBe(false);
  });
});

describe('risk models as data', () => {
  const leaf = (id: string) => ({
    kind: 'indicator' as const,
    id,
    title: { en: id },
    normalisation: { method: 'identity' as const },
  });
  const model = {
    id: 'test',
    version: '1',
    title: { en: 'Test' },
    minCoverage: 0.5,
    classes,
    root: {
      kind: 'aggregate' as const,
      id: 'root',
      title: { en: 'Root' },
      operator: 'reverse-geometric-mean' as const,
      children: [leaf('a'), leaf('b')],
    },
  };

  it('parses a JSON model', () => {
    expect(RiskModel.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it('refuses duplicate ids, unordered classes and unknown operators', () => {
    expect(
      RiskModel.safeParse({ ...model, root: { ...model.root, children: [leaf('a'), leaf('a')] } })
        .success,
    ).toBe(false);
    expect(RiskModel.safeParse({ ...model, classes: [...classes].reverse() }).success).toBe(false);
    expect(
      RiskModel.safeParse({ ...model, root: { ...model.root, operator: 'median' } }).success,
    ).toBe(false);
  });
});
