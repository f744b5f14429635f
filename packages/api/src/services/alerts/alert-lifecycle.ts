import { AppError, type Actor, type IsoDate } from '@prevention/core';
import {
  appendAlertEvent,
  appendAuditEntries,
  findDecisionById,
  findPlanById,
  findPlans,
  lockAlert,
  updateAlert,
  type DatabaseClient,
} from '@prevention/db';
import {
  decideAlertTransition,
  mayReadAlert,
  type Alert,
  type AlertOutcome,
  type AlertResponseLinks,
} from '@prevention/early-warning';
import type { Context } from '../../context.js';
import { auditEntry, loggableValue } from '../audit-trail.js';
import { planReaderFor } from '../plans/plan-access.js';
import { todayOf } from '../plans/plan-reads.js';
import { alertReaderFor } from './alert-access.js';
import { getAlertView, type AlertView } from './alert-reads.js';

export type AlertStepRequest =
  | { action: 'acknowledge'; id: string; note?: string | undefined }
  | { action: 'respond'; id: string; links: AlertResponseLinks; note: string }
  | { action: 'close'; id: string; outcome: AlertOutcome; note?: string | undefined }
  | { action: 'snooze'; id: string; until: IsoDate };

/** How far ahead an alert may be snoozed: a quarter, after which it asks again. */
export const maxSnoozeDays = 92;

/**
 * Takes one step of an alert's lifecycle — acknowledge, respond, close or snooze — as the
 * early-warning package's rules allow it, with its event and audit entry in one transaction.
 * An alert the caller may not read is not found, whatever the step.
 */
export async function stepAlert(
  ctx: Context,
  actor: Actor,
  request: AlertStepRequest,
): Promise<AlertView> {
  if (request.action === 'snooze') checkSnoozeDate(ctx, request.until);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockAlert(trx, request.id);
    if (!current || !mayReadAlert(actor, current)) throw AppError.notFound('The alert');
    const decision = decideAlertTransition(actor, current, request.action);
    if (!decision.allowed)
      throw decision.code === 'NOT_FOUND'
        ? AppError.notFound('The alert')
        : new AppError(decision.code, decision.reason);
    if (request.action === 'respond') await checkLinks(trx, actor, current, request.links);
    const now = ctx.now();
    const patch = patchFor(actor, current, request, decision.to, now);
    await updateAlert(trx, current.id, patch);
    await appendAlertEvent(trx, {
      alertId: current.id,
      action: request.action,
      level: current.level,
      actorId: actor.userId,
      at: now.toISOString(),
      note: noteOf(request),
      period: null,
    });
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: `alert.${request.action}`,
        resourceType: 'alert',
        resourceId: current.id,
        changes: [
          ...(decision.to !== current.status
            ? [{ field: 'status', before: current.status, after: decision.to }]
            : []),
          ...(request.action === 'respond'
            ? [{ field: 'response', before: current.response, after: request.links }]
            : []),
          ...(request.action === 'close'
            ? [{ field: 'outcome', before: null, after: request.outcome }]
            : []),
          ...(request.action === 'snooze'
            ? [{ field: 'snoozedUntil', before: current.snoozedUntil, after: request.until }]
            : []),
          ...(noteOf(request) !== null
            ? [
                {
                  field: 'note',
                  before: null,
                  after: loggableValue(ctx, current.sensitivity, noteOf(request)),
                },
              ]
            : []),
        ],
      }),
    ]);
  });
  return getAlertView(ctx, actor, request.id, { auditRead: false });
}

function noteOf(request: AlertStepRequest): string | null {
  return 'note' in request && request.note !== undefined ? request.note : null;
}

function patchFor(
  actor: Actor,
  current: Alert,
  request: AlertStepRequest,
  to: Alert['status'],
  now: Date,
): Partial<Alert> {
  const at = now.toISOString();
  const base = { status: to, updatedAt: at };
  // Responding to an unacknowledged alert acknowledges it too.
  const acknowledged =
    current.acknowledgedAt === null && to !== 'open' && request.action !== 'snooze'
      ? { acknowledgedAt: at, acknowledgedBy: actor.userId }
      : {};
  switch (request.action) {
    case 'acknowledge':
      return { ...base, ...acknowledged };
    case 'respond':
      return {
        ...base,
        ...acknowledged,
        respondedAt: at,
        respondedBy: actor.userId,
        response: request.links,
        responseNote: request.note,
      };
    case 'close':
      return {
        ...base,
        closedAt: at,
        closedBy: actor.userId,
        outcome: request.outcome,
        closingNote: request.note ?? null,
      };
    case 'snooze':
      return { ...base, snoozedUntil: request.until, snoozedAtLevel: current.level };
  }
}

function checkSnoozeDate(ctx: Context, until: IsoDate): void {
  const today = todayOf(ctx);
  const latest = new Date(Date.parse(today) + maxSnoozeDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  if (until > today && until <= latest) return;
  const message = `Snooze until a date after today and at most ${maxSnoozeDays} days ahead`;
  throw new AppError('BAD_REQUEST', `${message}.`, { issues: [{ path: ['until'], message }] });
}

/**
 * A response names plan actions and decisions that exist, that the responder may read, and
 * that belong to the alert's country; anything else is named in the issues, as not found.
 */
async function checkLinks(
  db: DatabaseClient,
  actor: Actor,
  alert: Alert,
  links: AlertResponseLinks,
): Promise<void> {
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [index, id] of links.decisionIds.entries()) {
    const record = await findDecisionById(db, alertReaderFor(actor), id);
    if (!record || record.decision.countryCode !== alert.countryCode)
      issues.push({
        path: ['decisionIds', index],
        message: `There is no decision of ${alert.countryCode} with this id that you can read`,
      });
  }
  if (links.planActionIds.length > 0) {
    const actions = await readablePlanActions(db, actor, alert.countryCode);
    for (const [index, id] of links.planActionIds.entries()) {
      if (!actions.has(id))
        issues.push({
          path: ['planActionIds', index],
          message: `There is no action of a ${alert.countryCode} plan with this id that you can read`,
        });
    }
  }
  if (issues.length > 0)
    throw new AppError('BAD_REQUEST', 'A linked action or decision was not found.', { issues });
}

/** The ids of the actions of the country's plans the actor may read. */
async function readablePlanActions(
  db: DatabaseClient,
  actor: Actor,
  countryCode: string,
): Promise<Set<string>> {
  const reader = planReaderFor(actor);
  const headers = await findPlans(db, reader, { countryCode }, 50);
  const ids = new Set<string>();
  for (const header of headers) {
    const plan = await findPlanById(db, reader, header.id);
    for (const action of plan?.content.actions ?? []) ids.add(action.id);
  }
  return ids;
}
