import { describe, expect, it } from 'vitest';
import {
  DueFromUser,
  GapAnalysis,
  IndicatorProgress,
  LateAction,
  OrganisationInPlan,
  PlanFinancing,
  WomenInMediationYear,
  analysePlanGaps,
  computePlanFinancing,
  dueFrom,
  indicatorProgress,
  lateActions,
  organisationsInPlan,
  womenInMediationOverTime,
} from '../src/index.js';
import { decision } from './decision-factory.js';
import { indicator, userId } from './factories.js';
import { handMadePlan } from './hand-made-plan.js';

/** What the API's `.output()` does: every view parses with the schema exported beside it. */
describe('output schemas', () => {
  const today = '2026-12-02';
  const financing = computePlanFinancing(handMadePlan);

  it('describe the financing and the gap analysis', () => {
    expect(PlanFinancing.parse(financing)).toEqual(financing);
    const drivers = [
      { node: 'dev.food', pillar: 'development', score: 6, trend: 'rising' as const },
    ];
    const gaps = analysePlanGaps(handMadePlan, drivers);
    expect(GapAnalysis.parse(gaps)).toEqual(gaps);
  });

  it('describe the accountability views', () => {
    const late = lateActions(handMadePlan, [], today);
    expect(late.length).toBeGreaterThan(0);
    expect(LateAction.array().parse(late)).toEqual(late);
    const organisations = organisationsInPlan(handMadePlan, financing);
    expect(OrganisationInPlan.array().parse(organisations)).toEqual(organisations);
    const progress = indicatorProgress(indicator());
    expect(IndicatorProgress.parse(progress)).toEqual(progress);
    const due = dueFrom(userId(1), handMadePlan, [], [decision()], today);
    expect(DueFromUser.parse(due)).toEqual(due);
    expect(WomenInMediationYear.array().parse(womenInMediationOverTime([]))).toEqual([]);
  });
});
