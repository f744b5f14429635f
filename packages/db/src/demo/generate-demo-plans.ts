import type { DemoData } from './generate-demo-data.js';
import { generateDemoDecisions, type DemoDecision } from './demo-decisions.js';
import { generateDemoMediation, type DemoSignal } from './demo-mediation.js';
import { maliPlan } from './demo-plan-mali.js';
import { southSudanPlan } from './demo-plan-south-sudan.js';
import type { DemoPeople, PlanStory } from './demo-plan-story.js';
import { sudanPlan } from './demo-plan-sudan.js';
import { generateDemoPlan, type DemoPlan } from './demo-plans.js';
import { createRandom } from './random.js';

/**
 * One plan for each of the demo's countries with a country team: Sudan, South Sudan, Mali. The
 * demo has one country team lead, whose account works on Sudan; the other two plans are drafted,
 * submitted and put into effect in that account's name too, since only a team lead takes those
 * steps, though the account does not read them. Their decision logs are kept by the HQ planner.
 */
export const demoPlanStories: readonly PlanStory[] = [sudanPlan, southSudanPlan, maliPlan];

export interface DemoPlans {
  plans: DemoPlan[];
  decisions: DemoDecision[];
  /** The mediation engagements whose delegations the plans' women, peace and security view reads. */
  mediation: DemoSignal[];
}

/**
 * The demo's plans, decision logs and mediation engagements, for the demo users who appear in
 * them. They name those users, who exist only once the API has created them, so they are
 * generated at load time rather than with the rest of the data set — from a random stream of
 * their own, seeded by the data set's seed, so the same seed and users give the same plans.
 */
export function generateDemoPlans(
  data: Pick<DemoData, 'seed' | 'organisations' | 'subnationalAreas'>,
  people: DemoPeople,
): DemoPlans {
  const random = createRandom(data.seed ^ 0x706c616e);
  const context = {
    random,
    organisations: data.organisations,
    subnationalAreas: data.subnationalAreas,
    people,
  };
  const plans = demoPlanStories.map((story) => generateDemoPlan(story, context));
  return {
    plans,
    decisions: generateDemoDecisions(demoPlanStories, plans, people, random),
    mediation: generateDemoMediation(data.subnationalAreas, random),
  };
}
