import type { PlanAction } from './action.js';
import type { CollectiveOutcome } from './outcome.js';
import type { PlanContent } from './plan.js';

/** A plan's outcomes and actions by id, built once for functions that look them up often. */
export interface PlanIndex {
  content: PlanContent;
  actions: ReadonlyMap<string, PlanAction>;
  outcomes: ReadonlyMap<string, CollectiveOutcome>;
}

export function indexPlan(content: PlanContent): PlanIndex {
  return {
    content,
    actions: new Map(content.actions.map((action) => [action.id, action])),
    outcomes: new Map(content.outcomes.map((outcome) => [outcome.id, outcome])),
  };
}
