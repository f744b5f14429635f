import {
  AppError,
  hasAnyRole,
  isCountryInScope,
  isGlobalScope,
  mayView,
  newId,
  type Actor,
  type CountryScope,
  type Sensitivity,
} from '@prevention/core';
import {
  appendAuditEntries,
  findDecisionById,
  findDecisions,
  findUserById,
  insertDecision,
  lockDecision,
  updateDecision,
  type DecisionFilter,
  type DecisionRecord,
} from '@prevention/db';
import {
  LoggedDecision,
  decisionStatus,
  viewDecision,
  type DecisionView,
  type FollowUp,
} from '@prevention/planning';
import type { Context } from '../../context.js';
import { auditEntry, loggableValue } from '../audit-trail.js';
import { todayOf } from './plan-reads.js';
import { decisionReaders, decisionRecorders } from './plan-roles.js';

/** A logged decision as the API shows it on a day: derived status and overdue, and its level. */
export interface DecisionRecordView extends DecisionView {
  sensitivity: Sensitivity;
  createdBy: string;
  createdAt: string;
}

export type NewDecision = Omit<LoggedDecision, 'id' | 'followUps'> & { sensitivity: Sensitivity };

export async function listDecisions(
  ctx: Context,
  actor: Actor,
  filter: DecisionFilter,
  limit: number,
): Promise<DecisionRecordView[]> {
  const records = await findDecisions(ctx.db, actor, filter, limit);
  return records.map((record) => present(ctx, record));
}

/**
 * Logs a decision: in a country the recorder works in, or across countries (no country) by a
 * recorder who works in every country. Its owner must be someone who can read it.
 */
export async function createDecision(
  ctx: Context,
  actor: Actor,
  request: NewDecision,
): Promise<DecisionRecordView> {
  const { sensitivity, ...document } = request;
  refuseOutsideScope(actor, document.countryCode);
  if (!mayView(actor, sensitivity))
    throw new AppError('FORBIDDEN', 'You cannot log a decision at a level above your clearance.');
  if (document.ownerId !== null)
    await checkOwner(ctx, document.ownerId, document.countryCode, sensitivity);
  const decision = LoggedDecision.parse({ ...document, id: newId(), followUps: [] });
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertDecision(trx, decision, { sensitivity, by: actor.userId, at });
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'decision.create',
        resourceType: 'decision',
        resourceId: decision.id,
        changes: [
          { field: 'countryCode', before: null, after: decision.countryCode },
          { field: 'sensitivity', before: null, after: sensitivity },
          { field: 'kind', before: null, after: decision.kind },
          { field: 'ownerId', before: null, after: decision.ownerId },
          { field: 'dueDate', before: null, after: decision.dueDate },
          { field: 'text', before: null, after: loggableValue(ctx, sensitivity, decision.text) },
        ],
      }),
    ]);
  });
  return present(ctx, {
    decision,
    sensitivity,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  });
}

export interface FollowUpRequest {
  id: string;
  text: string;
  status: FollowUp['status'];
}

/**
 * Adds a follow-up, dated today, that leaves the decision in the status it gives: by the
 * decision's owner, or by a recorder who works in its country.
 */
export async function followUpDecision(
  ctx: Context,
  actor: Actor,
  request: FollowUpRequest,
): Promise<DecisionRecordView> {
  const record = await ctx.db.transaction().execute(async (trx) => {
    const current = await lockDecision(trx, request.id);
    if (!current || !isDecisionVisibleTo(actor, current)) throw AppError.notFound('The decision');
    const isOwner = current.decision.ownerId === actor.userId;
    if (!isOwner && !hasAnyRole(actor, decisionRecorders))
      throw new AppError(
        'FORBIDDEN',
        'Only the owner of a decision, a team lead or an HQ planner follows it up.',
      );
    const followUp: FollowUp = {
      date: todayOf(ctx),
      authorId: actor.userId,
      text: request.text,
      status: request.status,
    };
    const before = decisionStatus(current.decision);
    const decision = LoggedDecision.parse({
      ...current.decision,
      followUps: [...current.decision.followUps, followUp],
    });
    const at = ctx.now();
    await updateDecision(trx, decision, at);
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'decision.follow-up',
        resourceType: 'decision',
        resourceId: decision.id,
        changes: [
          { field: 'status', before, after: followUp.status },
          {
            field: 'followUps',
            before: current.decision.followUps.length,
            after: decision.followUps.length,
          },
          {
            field: 'text',
            before: null,
            after: loggableValue(ctx, current.sensitivity, followUp.text),
          },
        ],
      }),
    ]);
    return { ...current, decision, updatedAt: at };
  });
  return present(ctx, record);
}

export async function getDecision(
  ctx: Context,
  actor: Actor,
  id: string,
): Promise<DecisionRecordView> {
  const record = await findDecisionById(ctx.db, actor, id);
  if (!record) throw AppError.notFound('The decision');
  return present(ctx, record);
}

/** The rule the repositories apply in SQL, for a row a write has locked. */
function isDecisionVisibleTo(actor: Actor, record: DecisionRecord): boolean {
  return mayView(actor, record.sensitivity) && inScope(actor.scope, record.decision.countryCode);
}

function inScope(scope: CountryScope, countryCode: string | null): boolean {
  return countryCode === null ? isGlobalScope(scope) : isCountryInScope(scope, countryCode);
}

function refuseOutsideScope(actor: Actor, countryCode: string | null): void {
  if (inScope(actor.scope, countryCode)) return;
  throw new AppError(
    'FORBIDDEN',
    countryCode === null
      ? 'A decision across countries is logged by someone who works in every country.'
      : 'You can only log decisions in the countries you work on.',
  );
}

/** The owner must exist, be active, and be able to read what they own. */
async function checkOwner(
  ctx: Context,
  ownerId: string,
  countryCode: string | null,
  sensitivity: Sensitivity,
): Promise<void> {
  const owner = await findUserById(ctx.db, ownerId);
  const problem =
    !owner || owner.disabled
      ? 'There is no active user with this id'
      : !hasAnyRole(owner, decisionReaders) ||
          !inScope(owner.scope, countryCode) ||
          !mayView(owner, sensitivity)
        ? 'The owner could not read this decision: their role, countries or clearance do not reach it'
        : null;
  if (problem)
    throw new AppError('BAD_REQUEST', `${problem}.`, {
      issues: [{ path: ['ownerId'], message: problem }],
    });
}

function present(ctx: Context, record: DecisionRecord): DecisionRecordView {
  return {
    ...viewDecision(record.decision, todayOf(ctx)),
    sensitivity: record.sensitivity,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}
