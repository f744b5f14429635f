import { sensitivityLevels, type Sensitivity } from '@prevention/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateArea, rulesForCountry } from '../src/index.js';
import { layer, monthlyEvents, rule, scores } from './factories.js';

const spike = rule(
  {
    kind: 'spike',
    series: { source: 'signals', kinds: ['conflict-event'] },
    spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
  },
  { id: 'violence-spike' },
);
const rise = rule(
  { kind: 'rise', node: 'prevention-risk', delta: 1, months: 3 },
  { id: 'composite-rise', level: 'watch' },
);
const doubling = monthlyEvents('2026-01', [2, 2, 2, 2, 5]);
const flat = monthlyEvents('2026-01', [2, 2, 2, 2, 2]);

describe('evaluating an area', () => {
  it('takes the firing of the least sensitive layer that fires, with its sensitivity', () => {
    const layers = [
      layer({ sensitivity: 'public', signals: flat }),
      layer({ sensitivity: 'confidential', signals: doubling }),
      layer({ sensitivity: 'strictly-confidential', signals: doubling }),
    ];
    const [firing, ...rest] = evaluateArea([spike], layers, '2026-05');
    expect(rest).toEqual([]);
    expect(firing?.sensitivity).toBe('confidential');
    expect(firing).toMatchObject({ ruleId: 'violence-spike', areaCode: 'SDN', period: '2026-05' });
  });

  it('fires each rule once, and leaves out disabled rules', () => {
    const layers = [
      layer({ signals: doubling, scores: { 'prevention-risk': scores('2026-02', [3, 3, 3, 4]) } }),
    ];
    expect(evaluateArea([spike, rise], layers, '2026-05').map((f) => f.ruleId)).toEqual([
      'violence-spike',
      'composite-rise',
    ]);
    expect(evaluateArea([{ ...spike, enabled: false }], layers, '2026-05')).toEqual([]);
  });

  it("lets a country's own rule replace the global rule of the same id there only", () => {
    const stricter = { ...spike, countryCode: 'SDN', level: 'urgent' as const };
    const rules = [spike, stricter];
    expect(evaluateArea(rules, [layer({ signals: doubling })], '2026-05')).toMatchObject([
      { level: 'urgent' },
    ]);
    const elsewhere = layer({ areaCode: 'TCD', countryCode: 'TCD', signals: doubling });
    expect(evaluateArea(rules, [elsewhere], '2026-05')).toMatchObject([{ level: 'warning' }]);
    expect(rulesForCountry([stricter], 'TCD')).toEqual([]);
  });

  it('returns nothing for an area without layers', () => {
    expect(evaluateArea([spike], [], '2026-05')).toEqual([]);
  });

  it('takes the least sensitive firing layer, whichever layers fire (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), (fires) => {
        const layers = fires.map((fire, i) =>
          layer({
            sensitivity: sensitivityLevels[i] as Sensitivity,
            signals: fire ? doubling : flat,
          }),
        );
        const firings = evaluateArea([spike], layers, '2026-05');
        const first = fires.indexOf(true);
        if (first < 0) expect(firings).toEqual([]);
        else expect(firings.map((f) => f.sensitivity)).toEqual([sensitivityLevels[first]]);
      }),
    );
  });
});
