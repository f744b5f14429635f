import { Id, IsoDate } from '@prevention/core';
import { z } from 'zod';
import { FlowStatus } from './codes.js';
import { Amount, CurrencyCode, MAX_FLOW_USD_CENTS, UsdRate, usdCentsOf } from './money.js';

/** Where a flow goes: to an action, or to an outcome without an action named yet. */
export const FlowTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('action'), actionId: Id }).strict(),
  z.object({ kind: z.literal('outcome'), outcomeId: Id }).strict(),
]);
export type FlowTarget = z.infer<typeof FlowTarget>;

/**
 * Money from a source organisation to an action or an outcome, as OCHA FTS records a flow: its
 * status (pledged, committed, disbursed) as of `date`, the amount in its own currency, and the
 * US dollar rate totals are taken at.
 */
export const FundingFlow = z
  .object({
    id: Id,
    sourceOrganisationId: Id,
    target: FlowTarget,
    status: FlowStatus,
    date: IsoDate,
    amount: Amount,
    currency: CurrencyCode,
    usdRate: UsdRate,
    description: z.string().max(1000).nullable(),
  })
  .strict()
  .refine((flow) => flow.currency !== 'USD' || Number(flow.usdRate) === 1, {
    message: 'A flow in US dollars has a rate of 1',
    path: ['usdRate'],
  })
  .refine((flow) => usdCentsOf(flow.amount, flow.usdRate) <= MAX_FLOW_USD_CENTS, {
    message: 'One flow is at most 100 billion US dollars',
    path: ['amount'],
    // Only a well-formed amount and rate can be converted.
    when: ({ issues }) => issues.length === 0,
  });
export type FundingFlow = z.infer<typeof FundingFlow>;
