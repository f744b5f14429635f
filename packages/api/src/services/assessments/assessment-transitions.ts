import {
  decideTransition,
  type AssessmentDetail,
  type LifecycleAction,
  type ReviewComments,
} from '@prevention/assessment';
import { AppError, type Actor } from '@prevention/core';
import { lockAssessment } from '@prevention/db';
import type { Context } from '../../context.js';
import { isVisibleTo } from './assessment-access.js';
import { assessmentForm } from './assessment-form.js';
import { getAssessmentDetail } from './assessment-reads.js';
import { writeRevision } from './assessment-writes.js';

export interface TransitionRequest {
  id: string;
  action: LifecycleAction;
  /** The revision the caller saw: a step is taken on what the caller read, or not at all. */
  revision: number;
  comments?: ReviewComments | undefined;
}

/** Actions that carry reviewer comments; `return` needs at least one. */
const reviewActions: readonly LifecycleAction[] = ['return', 'endorse'];

/**
 * Takes one lifecycle step as a new revision: the same content, the new status, the action and
 * its comments. Submitting checks that the assessment is complete; reopening a published one
 * starts a new draft from its content.
 */
export async function transitionAssessment(
  ctx: Context,
  actor: Actor,
  request: TransitionRequest,
): Promise<AssessmentDetail> {
  const comments = request.comments ?? {};
  const areaCode = await ctx.db.transaction().execute(async (trx) => {
    const current = await lockAssessment(trx, request.id);
    if (!current || !isVisibleTo(actor, current)) throw AppError.notFound('The assessment');
    if (request.revision !== current.revision) {
      throw new AppError(
        'CONFLICT',
        `The assessment changed since you read it: it is now at revision ${current.revision}. Reload it and try again.`,
        { details: { revision: current.revision, status: current.status } },
      );
    }
    const decision = decideTransition(actor, current, request.action);
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    checkComments(request.action, comments);
    if (request.action === 'submit') checkComplete(current.content);

    await writeRevision(trx, ctx, actor, {
      id: current.id,
      before: current,
      areaCode: current.areaCode,
      countryCode: current.countryCode,
      period: current.period,
      content: current.content,
      status: decision.to,
      submittedBy:
        request.action === 'submit'
          ? actor.userId
          : request.action === 'reopen'
            ? null
            : current.submittedBy,
      action: request.action,
      comments: Object.keys(comments).length > 0 ? comments : null,
      clientId: null,
    });
    return current.areaCode;
  });
  // An endorsed assessment's identified risks are what the field-judgement rules read.
  if (request.action === 'endorse') await ctx.alerts?.queueEvaluation({ areaCodes: [areaCode] });
  return getAssessmentDetail(ctx, actor, request.id);
}

function checkComments(action: LifecycleAction, comments: ReviewComments): void {
  const keys = Object.keys(comments);
  const known = new Set(assessmentForm.metadata.sections.map((section) => section.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new AppError('BAD_REQUEST', 'Comments are made on the sections of the assessment.', {
      issues: unknown.map((key) => ({
        path: ['comments', key],
        message: 'There is no such section',
      })),
    });
  }
  if (keys.length > 0 && !reviewActions.includes(action)) {
    throw new AppError('BAD_REQUEST', 'Only a return or an endorsement carries comments.', {
      issues: [{ path: ['comments'], message: `Not expected with ${action}` }],
    });
  }
  if (action === 'return' && keys.length === 0) {
    throw new AppError(
      'BAD_REQUEST',
      'Say what needs changing: a return needs at least one comment on a section.',
      { issues: [{ path: ['comments'], message: 'At least one comment is needed' }] },
    );
  }
}

/** The submission schema's verdict, with every problem by its path in the content. */
function checkComplete(content: unknown): void {
  const result = assessmentForm.submissionSchema.safeParse(content);
  if (result.success) return;
  throw new AppError(
    'BAD_REQUEST',
    'The assessment is not complete enough to submit; see the issues for each field.',
    {
      issues: result.error.issues.map((issue) => ({
        path: ['content', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
        message: issue.message,
      })),
    },
  );
}
