import {
  decideEdit,
  restoreWithheld,
  type AssessmentContent,
  type SyncAnswer,
} from '@prevention/assessment';
import { AppError, mayView, type Actor, type AppErrorIssue } from '@prevention/core';
import {
  appendAuditEntries,
  closeConflict,
  findRevision,
  lockAssessment,
  lockConflict,
  type ConflictRecord,
  type DatabaseClient,
  type StoredAssessment,
} from '@prevention/db';
import type { Context } from '../../context.js';
import { unstorablePath } from '../../input-schemas.js';
import { auditEntry } from '../audit-trail.js';
import { isVisibleTo } from './assessment-access.js';
import { assessmentForm } from './assessment-form.js';
import { presentAnswer, type StoredAnswer } from './assessment-sync.js';
import { keepConflict, writeRevision } from './assessment-writes.js';

export interface ResolveConflictRequest {
  conflictId: string;
  /** The server revision the resolution was merged against. */
  baseRevision: number;
  content: AssessmentContent;
}

/**
 * Resolves a kept conflict with the version the author chose or merged: a new revision on the
 * current one. If the assessment moved on again meanwhile (or takes no edits), the resolution is
 * itself kept as a new conflict that supersedes this one — never applied over a newer revision.
 */
export async function resolveConflict(
  ctx: Context,
  actor: Actor,
  request: ResolveConflictRequest,
): Promise<SyncAnswer> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const { conflict, current } = await openConflictForWriter(trx, actor, request.conflictId);
    const answer = await applyResolution(trx, ctx, actor, request, conflict, current);
    return { answer, clientId: conflict.clientId };
  });
  return presentAnswer(
    ctx,
    actor,
    { clientId: outcome.clientId, baseRevision: request.baseRevision, content: request.content },
    outcome.answer,
  );
}

async function applyResolution(
  trx: DatabaseClient,
  ctx: Context,
  actor: Actor,
  request: ResolveConflictRequest,
  conflict: ConflictRecord,
  current: StoredAssessment,
): Promise<StoredAnswer> {
  const rejected = (message: string, issues: AppErrorIssue[]): StoredAnswer => ({
    outcome: 'rejected',
    code: 'BAD_REQUEST',
    message,
    issues,
  });
  const unstorable = unstorablePath(request.content);
  if (unstorable) {
    return rejected('The content holds characters that cannot be stored.', [
      { path: ['content', ...unstorable], message: 'Contains characters that cannot be stored' },
    ]);
  }
  if (request.baseRevision > current.revision) {
    return rejected('The base revision does not exist yet.', [
      { path: ['baseRevision'], message: `The latest revision is ${current.revision}` },
    ]);
  }
  const base = await findRevision(trx, current.id, request.baseRevision);
  const restored = base
    ? restoreWithheld(assessmentForm, request.content, base.content, actor.clearance)
    : request.content;
  const parsed = assessmentForm.draftSchema.safeParse(restored);
  if (!parsed.success) {
    return rejected(
      'The assessment is not valid; see the issues for each field.',
      parsed.error.issues.map((issue) => ({
        path: ['content', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
        message: issue.message,
      })),
    );
  }
  const content = parsed.data;
  if (!mayView(actor, content.sensitivity)) {
    return {
      outcome: 'rejected',
      code: 'FORBIDDEN',
      message: 'You cannot give an assessment a sensitivity above your own clearance.',
      issues: [{ path: ['content', 'sensitivity'], message: 'Above your clearance' }],
    };
  }

  const edit = decideEdit(actor, current);
  if (!edit.allowed || request.baseRevision !== current.revision) {
    const reason = edit.allowed ? 'stale-base' : 'not-editable';
    const newer = await keepConflict(
      trx,
      ctx,
      actor,
      {
        assessmentId: current.id,
        clientId: conflict.clientId,
        reason,
        baseRevision: request.baseRevision,
        serverRevision: current.revision,
        content,
      },
      { supersedes: conflict.id },
    );
    await closeConflict(
      trx,
      conflict.id,
      { state: 'superseded', by: newer },
      { by: actor.userId, at: ctx.now() },
    );
    return {
      outcome: 'conflict',
      assessmentId: current.id,
      reason,
      conflictId: newer,
      theirsRevision: current.revision,
    };
  }
  const written = await writeRevision(trx, ctx, actor, {
    id: current.id,
    before: current,
    areaCode: current.areaCode,
    countryCode: current.countryCode,
    period: current.period,
    content,
    status: current.status,
    submittedBy: current.submittedBy,
    action: 'resolve-conflict',
    comments: null,
    clientId: conflict.clientId,
    resolves: conflict.id,
  });
  if (!written) throw new Error('An update cannot lose a race it holds the lock for');
  await closeConflict(
    trx,
    conflict.id,
    { state: 'resolved', revision: written.revision },
    { by: actor.userId, at: ctx.now() },
  );
  return {
    outcome: 'acknowledged',
    assessmentId: current.id,
    revision: written.revision,
    savedAt: written.savedAt.toISOString(),
  };
}

/** Discards a kept version: it stays in the table, marked discarded, and the log says who. */
export async function discardConflict(
  ctx: Context,
  actor: Actor,
  conflictId: string,
): Promise<{ discarded: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const { conflict } = await openConflictForWriter(trx, actor, conflictId);
    await closeConflict(
      trx,
      conflict.id,
      { state: 'discarded' },
      { by: actor.userId, at: ctx.now() },
    );
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'assessment.conflict-discarded',
        resourceType: 'assessment',
        resourceId: conflict.assessmentId,
        changes: [{ field: 'conflictId', before: null, after: conflict.id }],
      }),
    ]);
  });
  return { discarded: true };
}

/**
 * The conflict and its assessment, both locked, for someone who writes that assessment's content.
 * A conflict on an assessment the caller may not see is not found, exactly like a missing one.
 */
async function openConflictForWriter(
  trx: DatabaseClient,
  actor: Actor,
  conflictId: string,
): Promise<{ conflict: ConflictRecord; current: StoredAssessment }> {
  const conflict = await lockConflict(trx, conflictId);
  const current = conflict ? await lockAssessment(trx, conflict.assessmentId) : undefined;
  if (
    !conflict ||
    !current ||
    !isVisibleTo(actor, current) ||
    !mayView(actor, conflict.sensitivity)
  ) {
    throw AppError.notFound('The conflict');
  }
  const edit = decideEdit(actor, current);
  if (!edit.allowed && edit.code === 'FORBIDDEN') throw new AppError('FORBIDDEN', edit.reason);
  if (conflict.state !== 'open') {
    throw new AppError('CONFLICT', `This conflict is already ${conflict.state}.`, {
      details: { state: conflict.state },
    });
  }
  return { conflict, current };
}
