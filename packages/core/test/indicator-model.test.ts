import { describe, expect, it } from 'vitest';
import {
  carryForwardMonthsOf,
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

describe('indicator validity', () => {
  const indicator = {
    code: 'development.poverty',
    pillar: 'development',
    title: { en: 'Poverty' },
    unit: 'percent',
    polarity: 'higher-is-worse',
    normalisation: { method: 'identity' },
    origin: 'external',
    source: 'x',
    sdgIndicators: [],
    disaggregations: [],
  } as const;

  it('carries an external indicator 24 months and a signal-derived one not at all by default', () => {
    expect(carryForwardMonthsOf(Indicator.parse(indicator))).toBe(24);
    expect(carryForwardMonthsOf(Indicator.parse({ ...indicator, origin: 'signals' }))).toBe(0);
  });

  it('uses the window an indicator states', () => {
    const stated = Indicator.parse({ ...indicator, validity: { carryForwardMonths: 6 } });
    expect(carryForwardMonthsOf(stated)).toBe(6);
    expect(carryForwardMonthsOf({ origin: 'signals', validity: { carryForwardMonths: 3 } })).toBe(
      3,
    );
  });

  it('refuses a negative or fractional window', () => {
    for (const carryForwardMonths of [-1, 1.5])
      expect(Indicator.safeParse({ ...indicator, validity: { carryForwardMonths } }).success).toBe(
        false,
      );
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
