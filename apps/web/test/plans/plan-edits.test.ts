import { newId } from '@prevention/core';
import { PlanContent, computePlanFinancing } from '@prevention/planning';
import { describe, expect, it } from 'vitest';
import {
  cycleYears,
  sdgTargetsOf,
  withAction,
  withFlow,
  withOutcome,
} from '../../src/plans/plan-edits.js';

const lead = newId();
const funder = newId();
const empty: PlanContent = {
  title: 'Test plan',
  cycle: { startYear: '2027', endYear: '2029' },
  outcomes: [],
  actions: [],
  flows: [],
};

/** The editor's three steps, each leaving content the server's schema accepts. */
describe("the plan editor's changes", () => {
  it('adds an outcome, an action serving it and a commitment to it, and the gap follows', () => {
    const withOne = withOutcome(empty, {
      title: ' Communities settle disputes peacefully ',
      description: '',
      pillars: ['peace-security', 'human-rights'],
      sdgTargets: '16.1, 16.3 16.1',
    });
    const [outcome] = withOne.outcomes;
    expect(outcome).toMatchObject({
      title: 'Communities settle disputes peacefully',
      description: null,
      sdgTargets: ['16.1', '16.3'],
    });
    if (!outcome) throw new Error('no outcome');
    const withAct = withAction(withOne, {
      title: 'Local peace committees',
      outcomeIds: [outcome.id],
      pillars: ['peace-security'],
      stage: 'prevention',
      leadOrganisationId: lead,
      plannedStart: '2027-01-01',
      plannedEnd: '2028-12-31',
      status: 1,
      genderMarker: 2,
      humanRightsMarker: 1,
      riskDrivers: ['peace-security.political-tension'],
      budgetYear: '2028',
      budgetUsd: '400000',
    });
    const [action] = withAct.actions;
    if (!action) throw new Error('no action');
    const funded = withFlow(withAct, {
      sourceOrganisationId: funder,
      actionId: action.id,
      status: 'committed',
      date: '2027-03-01',
      amount: '250000',
      currency: 'eur',
      usdRate: '1.1',
    });
    expect(PlanContent.safeParse(funded).error?.issues ?? []).toEqual([]);
    expect(funded.flows[0]?.currency).toBe('EUR');
    const before = computePlanFinancing(withAct).plan;
    const after = computePlanFinancing(funded).plan;
    expect(before.gapCommittedUsd).toBe(40_000_000);
    expect(after.gapCommittedUsd).toBe(40_000_000 - 27_500_000);
  });

  it('leaves an action without a budget when none is typed', () => {
    const withOne = withOutcome(empty, {
      title: 'x',
      description: '',
      pillars: ['development', 'human-rights'],
      sdgTargets: '',
    });
    const next = withAction(withOne, {
      title: 'Unbudgeted',
      outcomeIds: withOne.outcomes.map((o) => o.id),
      pillars: ['development'],
      stage: 'peacebuilding',
      leadOrganisationId: lead,
      plannedStart: '2027-01-01',
      plannedEnd: '2027-06-30',
      status: 2,
      genderMarker: 0,
      humanRightsMarker: 3,
      riskDrivers: [],
      budgetYear: '2027',
      budgetUsd: '  ',
    });
    expect(next.actions[0]?.requiredBudget).toEqual([]);
    expect(PlanContent.safeParse(next).success).toBe(true);
  });

  it('splits SDG targets on commas, semicolons and spaces, and lists the cycle’s years', () => {
    expect(sdgTargetsOf(' 5.2;16.a ,, 5.2 ')).toEqual(['5.2', '16.a']);
    expect(cycleYears(empty)).toEqual(['2027', '2028', '2029']);
  });
});
