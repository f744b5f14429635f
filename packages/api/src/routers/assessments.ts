import {
  AssessmentContent,
  AssessmentDetail,
  AssessmentFormMetadata,
  AssessmentListRequest,
  AssessmentListResponse,
  DiffEntry,
  LifecycleAction,
  ReviewComments,
  RevisionSummary,
  SyncAnswer,
  SyncRequest,
  SyncResponse,
} from '@prevention/assessment';
import { Id } from '@prevention/core';
import { z } from 'zod';
import { discardConflict, resolveConflict } from '../services/assessments/assessment-conflicts.js';
import { assessmentForm } from '../services/assessments/assessment-form.js';
import {
  getAssessmentDetail,
  getDiff,
  getHistory,
  getRevision,
  listAssessments,
} from '../services/assessments/assessment-reads.js';
import { syncAssessments } from '../services/assessments/assessment-sync.js';
import { transitionAssessment } from '../services/assessments/assessment-transitions.js';
import { isStorableText, unstorablePath } from '../input-schemas.js';
import { procedure, router } from '../trpc.js';

const RevisionNumber = z.int().min(1).max(2_147_483_647);

/** The list request, with text the database can compare (no NUL character). */
export const ZAssessmentsListRequest = AssessmentListRequest.refine(
  (request) => request.organisation === undefined || isStorableText(request.organisation),
  { message: 'Contains characters that cannot be stored', path: ['organisation'] },
);

export const ZAssessmentsByIdRequest = z.object({ id: Id }).strict();
export const ZAssessmentsRevisionRequest = z.object({ id: Id, revision: RevisionNumber }).strict();
export const ZAssessmentsRevisionResponse = z.object({
  summary: RevisionSummary,
  /** `AssessmentContent` redacted to the caller's clearance. */
  content: z.unknown(),
});
export const ZAssessmentsDiffRequest = z
  .object({ id: Id, from: RevisionNumber, to: RevisionNumber })
  .strict();
export const ZAssessmentsTransitionRequest = z
  .object({
    id: Id,
    action: LifecycleAction,
    /** The revision the caller saw; a stale one is refused with CONFLICT. */
    revision: RevisionNumber,
    comments: ReviewComments.optional(),
  })
  .strict()
  .refine((request) => unstorablePath(request.comments ?? {}) === null, {
    message: 'Contains characters that cannot be stored',
    path: ['comments'],
  });
export const ZAssessmentsResolveConflictRequest = z
  .object({ conflictId: Id, baseRevision: RevisionNumber, content: AssessmentContent })
  .strict();
export const ZAssessmentsDiscardConflictRequest = z.object({ conflictId: Id }).strict();
export const ZAssessmentsDiscardConflictResponse = z.object({ discarded: z.literal(true) });

export const assessmentsRouter = router({
  form: procedure.output(AssessmentFormMetadata).query(() => assessmentForm.metadata),

  list: procedure
    .input(ZAssessmentsListRequest)
    .output(AssessmentListResponse)
    .query(({ ctx, input }) => listAssessments(ctx, ctx.actor, input)),

  byId: procedure
    .input(ZAssessmentsByIdRequest)
    .output(AssessmentDetail)
    .query(({ ctx, input }) => getAssessmentDetail(ctx, ctx.actor, input.id)),

  history: procedure
    .input(ZAssessmentsByIdRequest)
    .output(z.array(RevisionSummary))
    .query(({ ctx, input }) => getHistory(ctx, ctx.actor, input.id)),

  revision: procedure
    .input(ZAssessmentsRevisionRequest)
    .output(ZAssessmentsRevisionResponse)
    .query(({ ctx, input }) => getRevision(ctx, ctx.actor, input.id, input.revision)),

  diff: procedure
    .input(ZAssessmentsDiffRequest)
    .output(z.array(DiffEntry))
    .query(({ ctx, input }) => getDiff(ctx, ctx.actor, input.id, input.from, input.to)),

  sync: procedure
    .input(SyncRequest)
    .output(SyncResponse)
    .mutation(({ ctx, input }) => syncAssessments(ctx, ctx.actor, input)),

  transition: procedure
    .input(ZAssessmentsTransitionRequest)
    .output(AssessmentDetail)
    .mutation(({ ctx, input }) => transitionAssessment(ctx, ctx.actor, input)),

  resolveConflict: procedure
    .input(ZAssessmentsResolveConflictRequest)
    .output(SyncAnswer)
    .mutation(({ ctx, input }) => resolveConflict(ctx, ctx.actor, input)),

  discardConflict: procedure
    .input(ZAssessmentsDiscardConflictRequest)
    .output(ZAssessmentsDiscardConflictResponse)
    .mutation(({ ctx, input }) => discardConflict(ctx, ctx.actor, input.conflictId)),
});
