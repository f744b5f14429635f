import { CountryCode, Id, IsoDate, Sensitivity } from '@prevention/core';
import { DecisionKind, DecisionStatus, DecisionView, Meeting } from '@prevention/planning';
import { z } from 'zod';
import { safeText } from '../input-schemas.js';
import {
  createDecision,
  followUpDecision,
  getDecision,
  listDecisions,
} from '../services/plans/decision-log.js';
import { procedure, router } from '../trpc.js';

const Links = z
  .object({
    alertIds: z.array(Id).max(100).default([]),
    outcomeIds: z.array(Id).max(100).default([]),
    actionIds: z.array(Id).max(100).default([]),
  })
  .strict();

export const ZDecisionRecord = DecisionView.extend({
  sensitivity: Sensitivity,
  createdBy: Id,
  createdAt: z.string(),
});

export const ZDecisionsListRequest = z
  .object({
    countryCode: CountryCode.optional(),
    /** Decisions that link to this alert, outcome or action. */
    linkedTo: Id.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict()
  .default({ limit: 200 });
export const ZDecisionsByIdRequest = z.object({ id: Id }).strict();
export const ZDecisionsCreateRequest = z
  .object({
    /** The country it concerns; null for a decision across countries. */
    countryCode: CountryCode.nullable(),
    sensitivity: Sensitivity,
    meeting: Meeting.extend({ bodyName: safeText(1, 200), title: safeText(1, 300) }),
    text: safeText(1, 8000),
    kind: DecisionKind,
    ownerId: Id.nullable(),
    dueDate: IsoDate.nullable(),
    links: Links.default({ alertIds: [], outcomeIds: [], actionIds: [] }),
  })
  .strict()
  .refine((d) => d.kind === 'information' || (d.ownerId !== null && d.dueDate !== null), {
    message: 'A decision or an action has an owner and a due date',
    path: ['ownerId'],
  });
export const ZDecisionsFollowUpRequest = z
  .object({ id: Id, text: safeText(1, 4000), status: DecisionStatus })
  .strict();

export const decisionsRouter = router({
  list: procedure
    .input(ZDecisionsListRequest)
    .output(z.array(ZDecisionRecord))
    .query(({ ctx, input }) =>
      listDecisions(
        ctx,
        ctx.actor,
        {
          ...(input.countryCode ? { countryCode: input.countryCode } : {}),
          ...(input.linkedTo ? { linkedTo: input.linkedTo } : {}),
        },
        input.limit,
      ),
    ),

  byId: procedure
    .input(ZDecisionsByIdRequest)
    .output(ZDecisionRecord)
    .query(({ ctx, input }) => getDecision(ctx, ctx.actor, input.id)),

  create: procedure
    .input(ZDecisionsCreateRequest)
    .output(ZDecisionRecord)
    .mutation(({ ctx, input }) => createDecision(ctx, ctx.actor, input)),

  followUp: procedure
    .input(ZDecisionsFollowUpRequest)
    .output(ZDecisionRecord)
    .mutation(({ ctx, input }) => followUpDecision(ctx, ctx.actor, input)),
});
