import { AppError, isGlobalScope, type Actor } from '@prevention/core';
import { recordAuditEntries } from '@prevention/db';
import type { Context } from '../../context.js';
import { auditEntry } from '../audit-trail.js';

/** An administrator's evaluation on demand, of every area or of one country, as a job. */
export async function queueAlertEvaluation(
  ctx: Context,
  actor: Actor,
  request: { countryCode?: string | undefined },
): Promise<{ jobId: string }> {
  if (!isGlobalScope(actor.scope))
    throw new AppError('FORBIDDEN', 'An evaluation on demand concerns every country.');
  if (!ctx.alerts)
    throw new AppError('PRECONDITION_FAILED', 'Evaluation is not available on this server.');
  const jobId = await ctx.alerts.queueEvaluation(
    request.countryCode ? { countryCode: request.countryCode } : {},
  );
  // The job is queued outside the database's transactions: its entry follows, on its own.
  await recordAuditEntries(ctx.db, [
    auditEntry(ctx, actor, {
      action: 'alerts.evaluate',
      resourceType: 'alert-evaluation',
      resourceId: jobId,
      changes: [{ field: 'countryCode', before: null, after: request.countryCode ?? null }],
    }),
  ]);
  return { jobId };
}
