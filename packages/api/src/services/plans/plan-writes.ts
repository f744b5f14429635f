import {
  AppError,
  findCountry,
  mayView,
  newId,
  type Actor,
  type AppErrorIssue,
  type Sensitivity,
} from '@prevention/core';
import {
  appendAuditEntries,
  findOrganisations,
  insertProgressReport,
  lockCountryPlans,
  lockPlan,
  writePlanRevision,
  type AuditChange,
  type CountryPlanCycle,
  type DatabaseClient,
  type PlanRecord,
} from '@prevention/db';
import {
  decidePlanEdit,
  decidePlanSave,
  decidePlanTransition,
  diffPlans,
  type PlanContent,
  type PlanLifecycleAction,
  type PlanVerdict,
  type ProgressReport,
} from '@prevention/planning';
import type { Context } from '../../context.js';
import { auditEntry, loggableValue } from '../audit-trail.js';
import { isPlanVisibleTo } from './plan-access.js';

export interface NewPlanRequest {
  countryCode: string;
  sensitivity: Sensitivity;
  content: PlanContent;
}

/**
 * Drafts a country's plan for a cycle: the team lead of the country, cleared for the level they
 * give it. Two plans of one country never share a year; the country's plans are locked while
 * that is checked, so two drafts sent at once cannot both pass. Returns the new plan's id.
 */
export async function createPlan(
  ctx: Context,
  actor: Actor,
  request: NewPlanRequest,
): Promise<string> {
  const country = findCountry(request.countryCode);
  if (!country)
    throw new AppError('BAD_REQUEST', 'There is no country with this code.', {
      issues: [{ path: ['countryCode'], message: 'There is no country with this code' }],
    });
  refuseUnless(decidePlanEdit(actor, { countryCode: country.code, status: 'draft' }));
  refuseAboveClearance(actor, request.sensitivity);
  await checkOrganisations(ctx.db, request.content);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const plans = await lockCountryPlans(trx, country.code);
    refuseOverlap(actor, request.content, plans, null);
    const at = ctx.now();
    await writePlanRevision(
      trx,
      {
        id,
        countryCode: country.code,
        status: 'draft',
        revision: 1,
        sensitivity: request.sensitivity,
        content: request.content,
        submittedBy: null,
        action: 'create',
        note: null,
        changes: 0,
        by: actor.userId,
        at,
      },
      true,
    );
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'plan.create',
        resourceType: 'plan',
        resourceId: id,
        changes: planChanges(ctx, null, {
          revision: 1,
          status: 'draft',
          sensitivity: request.sensitivity,
          content: request.content,
        }),
      }),
    ]);
  });
  return id;
}

export interface SavePlanRequest {
  id: string;
  /** The revision the editor started from; a stale one is a conflict, never an overwrite. */
  baseRevision: number;
  content: PlanContent;
  sensitivity?: Sensitivity | undefined;
  note?: string | undefined;
}

/**
 * Saves new content over a draft or an active plan as its next revision, with the number of
 * fields that changed. Content the same as the current revision's saves nothing.
 */
export async function savePlan(
  ctx: Context,
  actor: Actor,
  request: SavePlanRequest,
): Promise<void> {
  await checkOrganisations(ctx.db, request.content);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockVisiblePlan(trx, actor, request.id);
    const verdict = decidePlanSave(actor, current, request.baseRevision);
    if (
      !verdict.allowed &&
      verdict.code === 'CONFLICT' &&
      request.baseRevision !== current.revision
    )
      throw staleRevision(current);
    refuseUnless(verdict);
    const sensitivity = request.sensitivity ?? current.sensitivity;
    refuseAboveClearance(actor, sensitivity);
    const changes = diffPlans(current.content, request.content).length;
    if (changes === 0 && sensitivity === current.sensitivity) return;
    if (!sameCycle(current.content, request.content))
      refuseOverlap(
        actor,
        request.content,
        await lockCountryPlans(trx, current.countryCode),
        current.id,
      );
    const revision = current.revision + 1;
    await writePlanRevision(
      trx,
      {
        id: current.id,
        countryCode: current.countryCode,
        status: current.status,
        revision,
        sensitivity,
        content: request.content,
        submittedBy: current.submittedBy,
        action: 'save',
        note: request.note ?? null,
        changes,
        by: actor.userId,
        at: ctx.now(),
      },
      false,
    );
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'plan.save',
        resourceType: 'plan',
        resourceId: current.id,
        changes: planChanges(ctx, current, {
          revision,
          status: current.status,
          sensitivity,
          content: request.content,
        }),
      }),
    ]);
  });
}

export interface PlanTransitionRequest {
  id: string;
  action: PlanLifecycleAction;
  /** The revision the caller saw: a step is taken on what the caller read, or not at all. */
  revision: number;
  note?: string | undefined;
}

/**
 * Takes one step of the plan's lifecycle as a new revision with the same content. A plan goes to
 * review with at least one outcome and one action; a return says what needs changing.
 */
export async function transitionPlan(
  ctx: Context,
  actor: Actor,
  request: PlanTransitionRequest,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockVisiblePlan(trx, actor, request.id);
    if (request.revision !== current.revision) throw staleRevision(current);
    const verdict = decidePlanTransition(actor, current, request.action);
    refuseUnless(verdict);
    if (!verdict.allowed) return;
    if (request.action === 'submit') checkReadyForReview(current.content);
    if (request.action === 'return' && !request.note?.trim())
      throw new AppError('BAD_REQUEST', 'Say what needs changing: a return needs a note.', {
        issues: [{ path: ['note'], message: 'A return needs a note' }],
      });
    const revision = current.revision + 1;
    const submittedBy =
      request.action === 'submit'
        ? actor.userId
        : request.action === 'return'
          ? null
          : current.submittedBy;
    await writePlanRevision(
      trx,
      {
        id: current.id,
        countryCode: current.countryCode,
        status: verdict.to,
        revision,
        sensitivity: current.sensitivity,
        content: current.content,
        submittedBy,
        action: request.action,
        note: request.note ?? null,
        changes: 0,
        by: actor.userId,
        at: ctx.now(),
      },
      false,
    );
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: `plan.${request.action}`,
        resourceType: 'plan',
        resourceId: current.id,
        changes: [
          { field: 'revision', before: current.revision, after: revision },
          { field: 'status', before: current.status, after: verdict.to },
          ...(request.note
            ? [
                {
                  field: 'note',
                  before: null,
                  after: loggableValue(ctx, current.sensitivity, request.note),
                },
              ]
            : []),
        ],
      }),
    ]);
  });
}

export type NewProgressReport = Omit<ProgressReport, 'id' | 'authorId'>;

/**
 * Records a progress report on an action of an active plan, by someone who works in its country
 * (the roles the policy names). Returns the stored report.
 */
export async function addProgressReport(
  ctx: Context,
  actor: Actor,
  planId: string,
  request: NewProgressReport,
): Promise<ProgressReport> {
  const report: ProgressReport = { ...request, id: newId(), authorId: actor.userId };
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await lockVisiblePlan(trx, actor, planId);
    if (plan.status !== 'active')
      throw new AppError(
        'CONFLICT',
        `Progress is reported on a plan being carried out; this one is ${plan.status}.`,
      );
    if (!plan.content.actions.some((action) => action.id === report.actionId))
      throw new AppError('BAD_REQUEST', 'The plan has no action with this id.', {
        issues: [{ path: ['actionId'], message: 'No such action in the plan' }],
      });
    await insertProgressReport(trx, plan.id, report, ctx.now());
    await appendAuditEntries(trx, [
      auditEntry(ctx, actor, {
        action: 'plan.report',
        resourceType: 'plan',
        resourceId: plan.id,
        changes: [
          { field: 'reportId', before: null, after: report.id },
          { field: 'actionId', before: null, after: report.actionId },
          { field: 'date', before: null, after: report.date },
          { field: 'status', before: null, after: report.status },
          { field: 'rating', before: null, after: report.rating },
          { field: 'milestonesMetPercent', before: null, after: report.milestonesMetPercent },
          {
            field: 'narrative',
            before: null,
            after: loggableValue(ctx, plan.sensitivity, report.narrative),
          },
        ],
      }),
    ]);
  });
  return report;
}

/** The plan, locked; one the actor may not see is answered as one that does not exist. */
async function lockVisiblePlan(
  trx: DatabaseClient,
  actor: Actor,
  id: string,
): Promise<Omit<PlanRecord, 'updatedBy'>> {
  const plan = await lockPlan(trx, id);
  if (!plan || !isPlanVisibleTo(actor, plan)) throw AppError.notFound('The plan');
  return plan;
}

function refuseUnless(verdict: PlanVerdict): void {
  if (!verdict.allowed) throw new AppError(verdict.code, verdict.reason);
}

function refuseAboveClearance(actor: Actor, sensitivity: Sensitivity): void {
  if (!mayView(actor, sensitivity))
    throw new AppError('FORBIDDEN', 'You cannot keep a plan at a level above your own clearance.');
}

function staleRevision(current: { revision: number; status: string }): AppError {
  return new AppError(
    'CONFLICT',
    `The plan changed since you read it: it is now at revision ${current.revision}. Reload it, and make your change again.`,
    { details: { revision: current.revision, status: current.status } },
  );
}

function sameCycle(a: PlanContent, b: PlanContent): boolean {
  return a.cycle.startYear === b.cycle.startYear && a.cycle.endYear === b.cycle.endYear;
}

/**
 * One plan per country and cycle: a cycle that shares a year with another plan's is refused.
 * Which plan, and for which years, is said only to a caller who may see that plan.
 */
function refuseOverlap(
  actor: Actor,
  content: PlanContent,
  plans: readonly CountryPlanCycle[],
  self: string | null,
): void {
  const start = Number(content.cycle.startYear);
  const end = Number(content.cycle.endYear);
  const overlapping = plans.find(
    (plan) => plan.id !== self && plan.startYear <= end && start <= plan.endYear,
  );
  if (!overlapping) return;
  const issues = [{ path: ['content', 'cycle'], message: 'Overlaps another plan of the country' }];
  if (!isPlanVisibleTo(actor, overlapping))
    throw new AppError(
      'CONFLICT',
      'The country already has a plan whose cycle shares a year with this one: one plan per country and cycle.',
      { issues },
    );
  throw new AppError(
    'CONFLICT',
    `The country already has a plan for ${overlapping.startYear}–${overlapping.endYear}: one plan per country and cycle, so the cycles may not share a year.`,
    { details: { planId: overlapping.id }, issues },
  );
}

/** Every organisation a plan names must be one the platform knows. */
async function checkOrganisations(db: DatabaseClient, content: PlanContent): Promise<void> {
  const known = new Set((await findOrganisations(db)).map((o) => o.id));
  const issues: AppErrorIssue[] = [];
  const check = (id: string, path: (string | number)[]) => {
    if (!known.has(id))
      issues.push({ path: ['content', ...path], message: 'No such organisation' });
  };
  content.actions.forEach((action, a) => {
    check(action.leadOrganisationId, ['actions', a, 'leadOrganisationId']);
    action.partners.forEach((p, i) =>
      check(p.organisationId, ['actions', a, 'partners', i, 'organisationId']),
    );
  });
  content.flows.forEach((flow, f) =>
    check(flow.sourceOrganisationId, ['flows', f, 'sourceOrganisationId']),
  );
  if (issues.length > 0)
    throw new AppError('BAD_REQUEST', 'The plan names organisations the platform does not know.', {
      issues,
    });
}

function checkReadyForReview(content: PlanContent): void {
  const issues: AppErrorIssue[] = [];
  if (content.outcomes.length === 0)
    issues.push({
      path: ['content', 'outcomes'],
      message: 'A plan has at least one collective outcome',
    });
  if (content.actions.length === 0)
    issues.push({ path: ['content', 'actions'], message: 'A plan has at least one action' });
  if (issues.length > 0)
    throw new AppError('BAD_REQUEST', 'The plan is not ready for review; see the issues.', {
      issues,
    });
}

interface PlanState {
  revision: number;
  status: string;
  sensitivity: Sensitivity;
  content: PlanContent;
}

/**
 * What the audit log records of a revision: the state in clear (the title hashed when the plan
 * is confidential or above), and the content as a keyed hash — the revision row holds it.
 */
function planChanges(ctx: Context, before: PlanState | null, after: PlanState): AuditChange[] {
  const changes: AuditChange[] = [
    { field: 'revision', before: before?.revision ?? null, after: after.revision },
  ];
  for (const field of ['status', 'sensitivity'] as const)
    if (before?.[field] !== after[field])
      changes.push({ field, before: before?.[field] ?? null, after: after[field] });
  if (before?.content.title !== after.content.title)
    changes.push({
      field: 'title',
      before: before ? loggableValue(ctx, before.sensitivity, before.content.title) : null,
      after: loggableValue(ctx, after.sensitivity, after.content.title),
    });
  changes.push({
    field: 'content',
    before: before ? loggableValue(ctx, 'strictly-confidential', before.content) : null,
    after: loggableValue(ctx, 'strictly-confidential', after.content),
  });
  return changes;
}
