import { Id } from '@prevention/core';
import { z } from 'zod';
import { OrganisationRole } from './codes.js';
import type { PlanFinancing } from './financing.js';
import type { FundingFlow } from './funding-flow.js';
import { Share, UsdCents } from './money.js';
import type { PlanContent } from './plan.js';

export const OrganisationInPlan = z
  .object({
    organisationId: Id,
    /** The actions it leads. */
    leads: z.array(Id),
    /** The actions it is a partner of, in its IATI role. */
    partnerIn: z.array(z.object({ actionId: Id, role: OrganisationRole }).strict()),
    /** Its share of the plan's actions, as lead. */
    actionShare: Share,
    /** Committed money it gives (as the source of flows), and its share of the plan's. */
    committedUsd: UsdCents,
    moneyShare: Share.nullable(),
  })
  .strict();
export type OrganisationInPlan = z.infer<typeof OrganisationInPlan>;

/**
 * Who leads what, and each organisation's share of the plan: of its actions (as lead) and of its
 * committed money (as the source of flows). Organisations in id order.
 */
export function organisationsInPlan(
  content: PlanContent,
  financing: PlanFinancing,
): OrganisationInPlan[] {
  const entries = new Map<Id, Omit<OrganisationInPlan, 'actionShare' | 'moneyShare'>>();
  const entry = (organisationId: Id) => {
    let found = entries.get(organisationId);
    if (!found) {
      found = { organisationId, leads: [], partnerIn: [], committedUsd: 0 };
      entries.set(organisationId, found);
    }
    return found;
  };
  for (const action of content.actions) {
    entry(action.leadOrganisationId).leads.push(action.id);
    for (const { organisationId, role } of action.partners)
      entry(organisationId).partnerIn.push({ actionId: action.id, role });
  }
  const flows = new Map<Id, FundingFlow>(content.flows.map((flow) => [flow.id, flow]));
  for (const apportionment of financing.apportionments) {
    if (apportionment.source.kind !== 'flow' || !apportionment.countedIn.includes('committedUsd'))
      continue;
    const flow = flows.get(apportionment.source.flowId);
    if (flow) entry(flow.sourceOrganisationId).committedUsd += apportionment.usd;
  }
  const actions = content.actions.length;
  const committed = financing.plan.committedUsd;
  return [...entries.values()]
    .sort((a, b) => a.organisationId.localeCompare(b.organisationId))
    .map((e) => ({
      ...e,
      actionShare: actions === 0 ? 0 : e.leads.length / actions,
      moneyShare: committed === 0 ? null : e.committedUsd / committed,
    }));
}
