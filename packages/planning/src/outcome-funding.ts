import { Id } from '@prevention/core';
import { z } from 'zod';
import { apportionRequirement, type PlanFinancing } from './financing.js';
import type { FundingFlow } from './funding-flow.js';
import { Share, UsdCents } from './money.js';
import type { PlanContent } from './plan.js';

export const UnfundedOutcome = z
  .object({
    outcomeId: Id,
    requiredUsd: UsdCents,
    committedUsd: UsdCents,
    gapCommittedUsd: UsdCents,
    /** The gap as a share of the requirement (at most 1). */
    gapShare: z.number().max(1),
  })
  .strict();
export type UnfundedOutcome = z.infer<typeof UnfundedOutcome>;

/**
 * Outcomes whose funding gap (required − committed) is more than `gapShareAbove` of what they
 * require (default a half) and more than `gapUsdAbove` cents (default 0), the largest gap first.
 */
export function unfundedOutcomes(
  financing: PlanFinancing,
  { gapShareAbove = 0.5, gapUsdAbove = 0 }: { gapShareAbove?: number; gapUsdAbove?: UsdCents } = {},
): UnfundedOutcome[] {
  return Object.entries(financing.byOutcome)
    .map(([outcomeId, totals]) => ({
      outcomeId,
      requiredUsd: totals.requiredUsd,
      committedUsd: totals.committedUsd,
      gapCommittedUsd: totals.gapCommittedUsd,
      gapShare: totals.requiredUsd > 0 ? totals.gapCommittedUsd / totals.requiredUsd : 0,
    }))
    .filter((o) => o.gapCommittedUsd > gapUsdAbove && o.gapShare > gapShareAbove)
    .sort(
      (a, b) => b.gapCommittedUsd - a.gapCommittedUsd || a.outcomeId.localeCompare(b.outcomeId),
    );
}

export const FunderShare = z
  .object({
    organisationId: Id,
    usd: UsdCents,
    /** Of the outcome's committed money. */
    share: Share,
  })
  .strict();
export type FunderShare = z.infer<typeof FunderShare>;

export const OutcomeConcentration = z
  .object({
    outcomeId: Id,
    committedUsd: UsdCents,
    /** Funders, the largest first. */
    funders: z.array(FunderShare),
    /** The largest funder's share; null without committed money. */
    largestFunderShare: Share.nullable(),
    /** The Herfindahl–Hirschman index of the funders' shares, Σ sᵢ²; null without money. */
    herfindahl: z.number().positive().nullable(),
  })
  .strict();
export type OutcomeConcentration = z.infer<typeof OutcomeConcentration>;

/**
 * How concentrated each outcome's committed money is on few funders: each funder's share (of its
 * flows' apportioned parts), the largest share and the Herfindahl index (1 when one funder gives
 * everything, 1/n for n equal funders).
 */
export function fundingConcentration(
  content: PlanContent,
  financing: PlanFinancing,
): OutcomeConcentration[] {
  const flows = new Map<Id, FundingFlow>(content.flows.map((flow) => [flow.id, flow]));
  const byOutcome = new Map<Id, Map<Id, UsdCents>>(content.outcomes.map((o) => [o.id, new Map()]));
  for (const apportionment of financing.apportionments) {
    if (apportionment.source.kind !== 'flow') continue;
    const flow = flows.get(apportionment.source.flowId);
    if (!flow || !apportionment.countedIn.includes('committedUsd')) continue;
    for (const { id, usd } of apportionment.outcomes) {
      const funders = byOutcome.get(id);
      if (!funders) continue;
      funders.set(flow.sourceOrganisationId, (funders.get(flow.sourceOrganisationId) ?? 0) + usd);
    }
  }
  return [...byOutcome].map(([outcomeId, funders]) => concentrationOf(outcomeId, funders));
}

function concentrationOf(outcomeId: Id, funders: ReadonlyMap<Id, UsdCents>): OutcomeConcentration {
  const committedUsd = [...funders.values()].reduce((a, b) => a + b, 0);
  const shares = [...funders]
    .filter(([, usd]) => usd > 0)
    .map(([organisationId, usd]) => ({ organisationId, usd, share: usd / committedUsd }))
    .sort((a, b) => b.usd - a.usd || a.organisationId.localeCompare(b.organisationId));
  return {
    outcomeId,
    committedUsd,
    funders: shares,
    largestFunderShare: shares[0]?.share ?? null,
    herfindahl: shares.length === 0 ? null : herfindahlIndex(shares.map((s) => s.share)),
  };
}

/** Σ sᵢ² over shares that add up to 1. */
export function herfindahlIndex(shares: readonly number[]): number {
  return shares.reduce((sum, share) => sum + share * share, 0);
}

export interface FragmentationOptions {
  /** An action is small when its part of the outcome's requirement is below this share. Default 0.1. */
  smallShareBelow?: number;
  /** Fragmented takes at least this many small actions … Default 4. */
  minSmallActions?: number;
  /** … led by at least this many different organisations. Default 3. */
  minLeadOrganisations?: number;
}

const Count = z.number().int().min(0);

export const OutcomeFragmentation = z
  .object({
    outcomeId: Id,
    actions: Count,
    leadOrganisations: Count,
    /** Actions whose part of the outcome's requirement is below the small share. */
    smallActions: Count,
    /** Distinct organisations leading the small actions. */
    smallActionLeads: Count,
    /**
     * 1 / Σ sᵢ², sᵢ each lead organisation's share of the outcome's requirement: how many equal
     * leads the effort amounts to. Null when nothing is required.
     */
    effectiveLeadOrganisations: z.number().positive().nullable(),
    fragmented: z.boolean(),
  })
  .strict();
export type OutcomeFragmentation = z.infer<typeof OutcomeFragmentation>;

/**
 * Fragmentation: many small actions by many organisations on one outcome. An action is small
 * when its apportioned requirement is below `smallShareBelow` of the outcome's; an outcome is
 * fragmented when it has at least `minSmallActions` small actions led by at least
 * `minLeadOrganisations` organisations. The effective number of lead organisations (the inverse
 * Herfindahl index of their shares) says how spread the effort is.
 */
export function fragmentation(
  content: PlanContent,
  {
    smallShareBelow = 0.1,
    minSmallActions = 4,
    minLeadOrganisations = 3,
  }: FragmentationOptions = {},
): OutcomeFragmentation[] {
  const parts = new Map<Id, { lead: Id; usd: UsdCents }[]>(content.outcomes.map((o) => [o.id, []]));
  for (const action of content.actions) {
    for (const { id, usd } of apportionRequirement(action).outcomes)
      parts.get(id)?.push({ lead: action.leadOrganisationId, usd });
  }
  return [...parts].map(([outcomeId, actions]) => {
    const required = actions.reduce((sum, a) => sum + a.usd, 0);
    const byLead = new Map<Id, UsdCents>();
    for (const { lead, usd } of actions) byLead.set(lead, (byLead.get(lead) ?? 0) + usd);
    const small = actions.filter((a) => required === 0 || a.usd < smallShareBelow * required);
    const smallActionLeads = new Set(small.map((a) => a.lead)).size;
    const effective =
      required === 0
        ? null
        : 1 / herfindahlIndex([...byLead.values()].map((usd) => usd / required));
    return {
      outcomeId,
      actions: actions.length,
      leadOrganisations: byLead.size,
      smallActions: small.length,
      smallActionLeads,
      effectiveLeadOrganisations: effective,
      fragmented: small.length >= minSmallActions && smallActionLeads >= minLeadOrganisations,
    };
  });
}
