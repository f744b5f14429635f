import { describe, expect, it } from 'vitest';
import { conditionFacts } from '../../src/alerts/condition-facts.js';

describe('a rule condition as the rule page lists it', () => {
  it('lists a trailing-mean spike with its series, ratio and low-baseline guard', () => {
    expect(
      conditionFacts({
        kind: 'spike',
        series: { source: 'indicator', indicatorId: 'peace-security.fatalities' },
        spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
      }),
    ).toEqual([
      { param: 'indicator', value: 'peace-security.fatalities' },
      { param: 'test', value: 'trailing-mean' },
      { param: 'periods', value: '4' },
      { param: 'ratio', value: '2' },
      { param: 'minBaseline', value: '1' },
    ]);
  });

  it('lists a class shift with its persistence and margin', () => {
    expect(
      conditionFacts({
        kind: 'class-shift',
        node: 'prevention-risk',
        toClass: 'high',
        persistMonths: 2,
        margin: 0.5,
      }).map((fact) => fact.param),
    ).toEqual(['node', 'toClass', 'persistMonths', 'margin']);
  });

  it('lists the signal kinds and verifications of a human-rights rule', () => {
    expect(
      conditionFacts({
        kind: 'human-rights-signal',
        signalKinds: ['killing', 'enforced-disappearance'],
        minSeverity: 4,
        verification: ['verified', 'corroborated'],
      }),
    ).toContainEqual({ param: 'signalKinds', value: 'killing, enforced-disappearance' });
  });
});
