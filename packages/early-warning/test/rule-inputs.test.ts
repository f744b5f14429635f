import { describe, expect, it } from 'vitest';
import { defaultRules, inputsOfRules } from '../src/index.js';

describe('what rules read', () => {
  it('names the nodes, indicators, signal kinds and judgements of the default rules', () => {
    expect(inputsOfRules(defaultRules)).toEqual({
      nodeIds: ['peace-security', 'prevention-risk'],
      indicatorIds: ['peace-security.fatalities'],
      signalKinds: ['conflict-event', 'violation'],
      judgements: true,
    });
  });

  it('adds what a back-test’s onset reads, and reads nothing for no rules', () => {
    expect(inputsOfRules([])).toEqual({
      nodeIds: [],
      indicatorIds: [],
      signalKinds: [],
      judgements: false,
    });
    expect(
      inputsOfRules([], { kind: 'indicator-above', indicatorId: 'development.idps', threshold: 5 }),
    ).toMatchObject({ indicatorIds: ['development.idps'], nodeIds: [] });
    expect(
      inputsOfRules([], { kind: 'class-reached', node: 'human-rights', toClass: 'high' }),
    ).toMatchObject({ nodeIds: ['human-rights'] });
  });
});
