import { describe, expect, it } from 'vitest';
import {
  CollectiveOutcome,
  FundingFlow,
  OutcomeIndicator,
  PlanAction,
  PlanContent,
} from '../src/index.js';
import { action, actionId, flow, indicator, outcome, outcomeId, planContent } from './factories.js';

/** The messages a schema gives for `input`, or none when it accepts it. */
function messages(
  schema: { safeParse(input: unknown): { error?: { issues: { message: string }[] } } },
  input: unknown,
) {
  return schema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
}

describe('collective outcomes', () => {
  it('accepts an outcome that two pillars serve', () => {
    expect(messages(CollectiveOutcome, outcome())).toEqual([]);
  });

  it('refuses a one-pillar outcome and says why', () => {
    expect(messages(CollectiveOutcome, outcome({ pillars: ['development'] }))).toEqual([
      'A collective outcome needs the combined effort of at least two pillars; a result that ' +
        'one pillar achieves alone is that pillar’s own, not a collective outcome',
    ]);
  });

  it('refuses the same pillar named twice as two pillars', () => {
    expect(
      messages(CollectiveOutcome, outcome({ pillars: ['development', 'development'] })),
    ).toContain('A pillar is listed twice');
  });

  it('refuses 11 SDG targets (UN INFO allows 10)', () => {
    const targets = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5'];
    expect(messages(CollectiveOutcome, outcome({ sdgTargets: targets }))).toEqual([]);
    expect(messages(CollectiveOutcome, outcome({ sdgTargets: [...targets, '16.1'] }))).toEqual([
      'An outcome links at most 10 SDG targets (UN INFO)',
    ]);
  });

  it('refuses an SDG target not in the official n.x form', () => {
    expect(messages(CollectiveOutcome, outcome({ sdgTargets: ['16.1.1'] }))).toEqual([
      'Expected an SDG target code such as 16.1',
    ]);
    expect(messages(CollectiveOutcome, outcome({ sdgTargets: ['18.1'] }))).toHaveLength(1);
  });
});

describe('outcome indicators', () => {
  it('reads numbers for unit and percentage measures, words for qualitative ones', () => {
    expect(messages(OutcomeIndicator, indicator())).toEqual([]);
    expect(
      messages(
        OutcomeIndicator,
        indicator({ actuals: [{ date: '2026-06-30', value: 120, narrative: null }] }),
      ),
    ).toEqual(['A percentage is between 0 and 100']);
    expect(
      messages(
        OutcomeIndicator,
        indicator({
          measure: 'qualitative',
          baseline: { year: '2025', value: null, narrative: 'No committee meets' },
          targets: [{ date: '2027-12-31', value: 3, narrative: null }],
        }),
      ),
    ).toEqual(['A qualitative indicator is read in words']);
  });
});

describe('actions', () => {
  it('accepts a complete action', () => {
    expect(messages(PlanAction, action())).toEqual([]);
  });

  it('refuses a gender marker of 4', () => {
    expect(messages(PlanAction, { ...action(), genderMarker: 4 })).toEqual([
      'Expected a marker from 0 to 3',
    ]);
  });

  it('refuses an action without its human rights marker', () => {
    const { humanRightsMarker: _, ...withoutMarker } = action();
    expect(messages(PlanAction, withoutMarker)).toHaveLength(1);
  });

  it('refuses an unknown IATI activity status code', () => {
    expect(messages(PlanAction, { ...action(), status: 7 })).toEqual([
      'Expected an IATI activity status code, 1 (pipeline) to 6 (suspended)',
    ]);
  });

  it('refuses an unknown IATI organisation role and a stage off the continuum', () => {
    const partners = [{ organisationId: actionId(9), role: 5 }];
    expect(messages(PlanAction, { ...action(), partners })).toEqual([
      'Expected an IATI organisation role code, 1 (funding) to 4 (implementing)',
    ]);
    expect(messages(PlanAction, { ...action(), stage: 'recovery' })).toHaveLength(1);
  });

  it('refuses an action that ends before it starts', () => {
    expect(messages(PlanAction, action({ plannedEnd: '2025-12-31' }))).toEqual([
      'An action ends after it starts',
    ]);
  });
});

describe('funding flows', () => {
  it('refuses an amount with fractions of a cent, and a US dollar flow at another rate', () => {
    expect(messages(FundingFlow, flow({ amount: '10.005' }))).toEqual([
      'Expected an amount such as 1250000 or 1250000.50',
    ]);
    expect(messages(FundingFlow, flow({ usdRate: '1.1' }))).toEqual([
      'A flow in US dollars has a rate of 1',
    ]);
  });

  it('refuses an unknown status', () => {
    expect(messages(FundingFlow, { ...flow(), status: 'promised' })).toHaveLength(1);
  });
});

describe('plan content', () => {
  it('refuses references that do not resolve', () => {
    const content = planContent({
      actions: [action({ outcomeIds: [outcomeId(7)] })],
      flows: [flow({ target: { kind: 'outcome', outcomeId: outcomeId(8) } })],
    });
    expect(messages(PlanContent, content)).toEqual([
      'No such outcome in the plan',
      'No such outcome in the plan',
    ]);
  });

  it('refuses a budget year outside the cycle', () => {
    const content = planContent({
      actions: [action({ requiredBudget: [{ year: '2031', amountUsd: '10' }] })],
    });
    expect(messages(PlanContent, content)).toEqual(['A budget year lies within the cycle']);
  });
});
