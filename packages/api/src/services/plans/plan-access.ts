import { isCountryInScope, mayView, type Actor, type Sensitivity } from '@prevention/core';
import { publishedPlanStatuses, type PlanStatus } from '@prevention/planning';
import type { PlanReader } from '@prevention/db';
import { readsPublishedOnly } from '../record-readers.js';

/** The reader the plan repositories filter by: the actor's countries, clearance and roles. */
export function planReaderFor(actor: Actor): PlanReader {
  return {
    scope: actor.scope,
    clearance: actor.clearance,
    publishedOnly: readsPublishedOnly(actor),
  };
}

/**
 * Whether the actor may see this plan at all: the rule the repositories apply in SQL, for the
 * rows a write has locked without a reader's filter.
 */
export function isPlanVisibleTo(
  actor: Actor,
  plan: { countryCode: string; sensitivity: Sensitivity; status: PlanStatus },
): boolean {
  return (
    isCountryInScope(actor.scope, plan.countryCode) &&
    mayView(actor, plan.sensitivity) &&
    (!planReaderFor(actor).publishedOnly || publishedPlanStatuses.includes(plan.status))
  );
}
